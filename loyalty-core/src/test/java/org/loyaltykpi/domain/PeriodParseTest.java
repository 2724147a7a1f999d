package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** {@link DateRange#parse} reads the short labels as well as the ISO interval. */
class PeriodParseTest {

    @Test
    void monthsQuartersAndYearsParseFromTheirLabels() {
        assertThat(DateRange.parse("2024-03")).isEqualTo(DateRange.month(2024, 3));
        assertThat(DateRange.parse("2024-Q1")).isEqualTo(DateRange.quarter(2024, 1));
        assertThat(DateRange.parse(" 2024-q4 ")).isEqualTo(DateRange.quarter(2024, 4));
        assertThat(DateRange.parse("2024")).isEqualTo(DateRange.year(2024));
        assertThat(DateRange.parse("2024-02-29/2024-03-01")).isEqualTo(DateRange.day(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void parseReadsBackTheLabelOfEveryCalendarPeriodLongerThanADay() {
        qt().withFixedSeed(20261124L)
                .forAll(
                        integers().between(0, 30_000),
                        Generate.pick(
                                List.of(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR)))
                .checkAssert((day, g) -> {
                    DateRange p = g.periodContaining(LocalDate.ofEpochDay(day));
                    assertThat(DateRange.parse(p.label())).isEqualTo(p);
                    assertThat(DateRange.parse(p.toString())).isEqualTo(p);
                });
    }

    @Test
    void impossibleShortFormsAreErrorsNamingTheText() {
        for (String bad : new String[] {"2024-13", "2024-Q5", "2024-03-05", "24-03", "2024-3", "March 2024", ""}) {
            assertThatThrownBy(() -> DateRange.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("2024-Q1");
        }
    }
}
