package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GranularityTest {

    @Test
    void periodContainingGivesTheWholeCalendarPeriodOfADay() {
        LocalDate day = LocalDate.of(2024, 3, 15); // a Friday
        assertThat(Granularity.DAY.periodContaining(day)).isEqualTo(DateRange.day(day));
        assertThat(Granularity.WEEK.periodContaining(day)).hasToString("2024-03-11/2024-03-18");
        assertThat(Granularity.MONTH.periodContaining(day)).isEqualTo(DateRange.month(2024, 3));
        assertThat(Granularity.QUARTER.periodContaining(day)).isEqualTo(DateRange.quarter(2024, 1));
        assertThat(Granularity.YEAR.periodContaining(day)).isEqualTo(DateRange.year(2024));
    }

    @Test
    void ordinalsCountPeriodsFromTheOneHolding1970January1() {
        LocalDate epoch = LocalDate.of(1970, 1, 1);
        for (Granularity g : Granularity.values()) {
            assertThat(g.ordinal(epoch)).as(g.name()).isZero();
        }
        assertThat(Granularity.WEEK.period(0)).hasToString("1969-12-29/1970-01-05");
        assertThat(Granularity.MONTH.ordinal(LocalDate.of(1969, 12, 31))).isEqualTo(-1);
        assertThat(Granularity.MONTH.ordinal(LocalDate.of(2024, 3, 1))).isEqualTo(54 * 12 + 2);
        assertThat(Granularity.QUARTER.period(-1)).isEqualTo(DateRange.quarter(1969, 4));
    }

    @Test
    void periodsCoveringGivesWholePeriodsNotClippedToTheRange() {
        assertThat(Granularity.QUARTER.periodsCovering(DateRange.parse("2024-02-10/2024-05-01")))
                .containsExactly(DateRange.quarter(2024, 1), DateRange.quarter(2024, 2));
        assertThat(Granularity.MONTH.periodsCovering(DateRange.parse("2024-01-15/2024-03-15")))
                .containsExactly(DateRange.month(2024, 1), DateRange.month(2024, 2), DateRange.month(2024, 3));
        assertThat(Granularity.MONTH.periodsCovering(DateRange.month(2024, 2)))
                .containsExactly(DateRange.month(2024, 2));
        assertThat(Granularity.YEAR.periodsCovering(DateRange.day(LocalDate.of(2024, 7, 1))))
                .containsExactly(DateRange.year(2024));
    }

    @Test
    void parseIgnoresCaseAndNamesTheBadValue() {
        assertThat(Granularity.parse("month")).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.parse(" Week ")).isEqualTo(Granularity.WEEK);
        assertThatThrownBy(() -> Granularity.parse("fortnight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("granularity must be one of day, week, month, quarter, year: 'fortnight'");
    }
}
