package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void monthQuarterAndYearAreHalfOpenCalendarRanges() {
        assertThat(DateRange.month(2024, 2)).hasToString("2024-02-01/2024-03-01");
        assertThat(DateRange.month(2024, 2).lengthInDays()).isEqualTo(29);
        assertThat(DateRange.quarter(2024, 4)).hasToString("2024-10-01/2025-01-01");
        assertThat(DateRange.year(2023).lengthInDays()).isEqualTo(365);
        assertThat(DateRange.month(2024, 3).contains(LocalDate.of(2024, 4, 1))).isFalse();
    }

    @Test
    void parseReadsBackWhatToStringWrites() {
        qt().withFixedSeed(20261123L)
                .forAll(integers().between(-20_000, 40_000), integers().between(1, 2_000))
                .checkAssert((start, length) -> {
                    DateRange p = DateRange.of(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + length));
                    assertThat(DateRange.parse(p.toString())).isEqualTo(p);
                });
    }

    @Test
    void parseNamesTheBadValue() {
        assertThatThrownBy(() -> DateRange.parse("2024-01-01..2024-02-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2024-01-01..2024-02-01'");
        assertThatThrownBy(() -> DateRange.parse("2024-02-01/2024-01-01"))
                .hasMessageContaining("2024-02-01/2024-01-01");
    }

    @Test
    void previousOfACalendarMonthIsTheCalendarMonthBefore() {
        assertThat(DateRange.month(2024, 3).previous()).isEqualTo(DateRange.month(2024, 2));
        assertThat(DateRange.quarter(2024, 1).previous()).isEqualTo(DateRange.quarter(2023, 4));
        assertThat(DateRange.parse("2024-03-05/2024-03-12").previous())
                .isEqualTo(DateRange.parse("2024-02-27/2024-03-05"));
    }

    @Test
    void aPeriodMustHoldAtLeastOneDayAndTheMessageNamesBothEnds() {
        LocalDate day = LocalDate.of(2024, 3, 5);
        assertThatThrownBy(() -> DateRange.of(day, day))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period end must be after its start (the end is exclusive): 2024-03-05/2024-03-05");
        assertThatThrownBy(() -> DateRange.of(day, day.minusDays(1))).hasMessageContaining("2024-03-05/2024-03-04");
        assertThatThrownBy(() -> DateRange.quarter(2024, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quarter must be 1..4: 5");
    }

    @Test
    void containsIncludesTheStartAndExcludesTheEnd() {
        DateRange p = DateRange.parse("2024-03-05/2024-03-12");
        assertThat(p.contains(LocalDate.of(2024, 3, 4))).isFalse();
        assertThat(p.contains(LocalDate.of(2024, 3, 5))).isTrue();
        assertThat(p.contains(LocalDate.of(2024, 3, 11))).isTrue();
        assertThat(p.contains(LocalDate.of(2024, 3, 12))).isFalse();
        assertThat(DateRange.day(LocalDate.of(2024, 2, 29))).hasToString("2024-02-29/2024-03-01");
    }

    @Test
    void labelsAreShortForCalendarPeriodsAndIsoOtherwise() {
        assertThat(DateRange.month(2024, 3).label()).isEqualTo("2024-03");
        assertThat(DateRange.quarter(2024, 2).label()).isEqualTo("2024-Q2");
        assertThat(DateRange.year(2024).label()).isEqualTo("2024");
        assertThat(DateRange.day(LocalDate.of(2024, 3, 5)).label()).isEqualTo("2024-03-05");
        assertThat(DateRange.parse("2024-02-01/2024-05-01").label()).isEqualTo("2024-02-01/2024-05-01");
        assertThat(DateRange.parse("2024-03-05/2024-03-12").label()).isEqualTo("2024-03-05/2024-03-12");
    }

    @Test
    void periodsAreOrderedByStartThenEnd() {
        DateRange early = DateRange.parse("2024-01-01/2024-02-01");
        DateRange longer = DateRange.parse("2024-01-01/2024-03-01");
        DateRange later = DateRange.parse("2024-01-02/2024-01-03");
        assertThat(early).isLessThan(longer);
        assertThat(longer).isLessThan(later);
    }

    @Test
    void previousOfAWholeNumberOfMonthsIsTheSameNumberOfMonthsBefore() {
        assertThat(DateRange.year(2024).previous()).isEqualTo(DateRange.year(2023));
        assertThat(DateRange.parse("2024-03-01/2024-05-01").previous())
                .isEqualTo(DateRange.parse("2024-01-01/2024-03-01"));
        assertThat(DateRange.month(2024, 3).previous().lengthInDays()).isEqualTo(29);
    }

    @Test
    void previousEndsWhereThePeriodStarts() {
        qt().withFixedSeed(20261124L)
                .forAll(integers().between(-20_000, 40_000), integers().between(1, 800))
                .checkAssert((start, length) -> {
                    DateRange p = DateRange.of(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + length));
                    DateRange previous = p.previous();
                    assertThat(previous.endExclusive()).isEqualTo(p.start());
                    boolean wholeMonths =
                            p.start().getDayOfMonth() == 1 && p.endExclusive().getDayOfMonth() == 1;
                    if (!wholeMonths) {
                        assertThat(previous.lengthInDays()).isEqualTo((long) length);
                    }
                });
    }

    @Test
    void plusDaysMovesBothEndsAndKeepsTheLength() {
        qt().withFixedSeed(20261125L)
                .forAll(
                        integers().between(-20_000, 40_000),
                        integers().between(1, 800),
                        integers().between(-5_000, 5_000))
                .checkAssert((start, length, shift) -> {
                    DateRange p = DateRange.of(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + length));
                    DateRange moved = p.plusDays(shift);
                    assertThat(moved.start()).isEqualTo(p.start().plusDays(shift));
                    assertThat(moved.lengthInDays()).isEqualTo((long) length);
                    assertThat(moved.plusDays(-shift)).isEqualTo(p);
                });
    }
}
