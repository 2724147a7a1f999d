package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void monthQuarterAndYearAreHalfOpenCalendarRanges() {
        assertThat(Period.month(2024, 2)).hasToString("2024-02-01/2024-03-01");
        assertThat(Period.month(2024, 2).lengthInDays()).isEqualTo(29);
        assertThat(Period.quarter(2024, 4)).hasToString("2024-10-01/2025-01-01");
        assertThat(Period.year(2023).lengthInDays()).isEqualTo(365);
        assertThat(Period.month(2024, 3).contains(LocalDate.of(2024, 4, 1))).isFalse();
    }

    @Test
    void parseReadsBackWhatToStringWrites() {
        qt().withFixedSeed(20261123L)
                .forAll(integers().between(-20_000, 40_000), integers().between(1, 2_000))
                .checkAssert((start, length) -> {
                    Period p = Period.of(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + length));
                    assertThat(Period.parse(p.toString())).isEqualTo(p);
                });
    }

    @Test
    void parseNamesTheBadValue() {
        assertThatThrownBy(() -> Period.parse("2024-01-01..2024-02-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2024-01-01..2024-02-01'");
        assertThatThrownBy(() -> Period.parse("2024-02-01/2024-01-01")).hasMessageContaining("2024-02-01/2024-01-01");
    }

    @Test
    void previousOfACalendarMonthIsTheCalendarMonthBefore() {
        assertThat(Period.month(2024, 3).previous()).isEqualTo(Period.month(2024, 2));
        assertThat(Period.quarter(2024, 1).previous()).isEqualTo(Period.quarter(2023, 4));
        assertThat(Period.parse("2024-03-05/2024-03-12").previous()).isEqualTo(Period.parse("2024-02-27/2024-03-05"));
    }
}
