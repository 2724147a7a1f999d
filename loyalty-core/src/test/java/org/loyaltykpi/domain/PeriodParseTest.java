package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** {@link Period#parse} reads the short labels as well as the ISO interval. */
class PeriodParseTest {

    @Test
    void monthsQuartersAndYearsParseFromTheirLabels() {
        assertThat(Period.parse("2024-03")).isEqualTo(Period.month(2024, 3));
        assertThat(Period.parse("2024-Q1")).isEqualTo(Period.quarter(2024, 1));
        assertThat(Period.parse(" 2024-q4 ")).isEqualTo(Period.quarter(2024, 4));
        assertThat(Period.parse("2024")).isEqualTo(Period.year(2024));
        assertThat(Period.parse("2024-02-29/2024-03-01")).isEqualTo(Period.day(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void parseReadsBackTheLabelOfEveryCalendarPeriodLongerThanADay() {
        qt().withFixedSeed(20261124L)
                .forAll(
                        integers().between(0, 30_000),
                        Generate.pick(
                                List.of(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR)))
                .checkAssert((day, g) -> {
                    Period p = g.periodContaining(LocalDate.ofEpochDay(day));
                    assertThat(Period.parse(p.label())).isEqualTo(p);
                    assertThat(Period.parse(p.toString())).isEqualTo(p);
                });
    }

    @Test
    void impossibleShortFormsAreErrorsNamingTheText() {
        for (String bad : new String[] {"2024-13", "2024-Q5", "2024-03-05", "24-03", "2024-3", "March 2024", ""}) {
            assertThatThrownBy(() -> Period.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("2024-Q1");
        }
    }
}
