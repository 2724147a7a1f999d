package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class GranularityPropertyTest {

    /** Days from 1900 to 2100, on both sides of the 1970 epoch the ordinals count from. */
    private static final Gen<LocalDate> DAYS =
            integers().between(-25_567, 47_482).map(d -> LocalDate.ofEpochDay(d));

    private static final Gen<Granularity> GRANULARITIES = Generate.enumValues(Granularity.class);

    @Nested
    class Definitions {

        @Test
        void weeksRunFromMondayToSunday() {
            qt().withFixedSeed(104L).forAll(DAYS).checkAssert(day -> {
                DateRange week = Granularity.WEEK.periodContaining(day);
                assertThat(week.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                assertThat(week.lengthInDays()).isEqualTo(7);
                assertThat(week.endExclusive().minusDays(1).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            });
        }
    }

    @Nested
    class Invariants {

        @Test
        void thePeriodOfADaysOrdinalContainsTheDay() {
            qt().withFixedSeed(101L).forAll(GRANULARITIES, DAYS).checkAssert((g, day) -> {
                assertThat(g.period(g.ordinal(day)).contains(day)).isTrue();
                assertThat(g.periodContaining(day)).isEqualTo(g.period(g.ordinal(day)));
            });
        }

        @Test
        void everyDayOfAPeriodHasThePeriodsOrdinal() {
            qt().withFixedSeed(102L)
                    .forAll(GRANULARITIES, integers().between(-1_000, 1_000))
                    .checkAssert((g, ordinal) -> {
                        DateRange p = g.period(ordinal);
                        assertThat(g.ordinal(p.start())).isEqualTo((long) ordinal);
                        assertThat(g.ordinal(p.endExclusive().minusDays(1))).isEqualTo((long) ordinal);
                        assertThat(g.ordinal(p.endExclusive())).isEqualTo(ordinal + 1L);
                    });
        }

        @Test
        void consecutiveOrdinalsAreAdjacentPeriods() {
            qt().withFixedSeed(103L)
                    .forAll(GRANULARITIES, integers().between(-1_000, 1_000))
                    .checkAssert((g, ordinal) -> assertThat(g.period(ordinal).endExclusive())
                            .isEqualTo(g.period(ordinal + 1L).start()));
        }

        @Test
        void periodsCoveringAreContiguousWholePeriodsCoveringTheRange() {
            qt().withFixedSeed(105L)
                    .forAll(GRANULARITIES, DAYS, integers().between(1, 1_500))
                    .checkAssert((g, start, length) -> {
                        DateRange range = DateRange.of(start, start.plusDays(length));
                        List<DateRange> periods = g.periodsCovering(range);

                        assertThat(periods).isNotEmpty();
                        assertThat(periods.get(0).contains(range.start())).isTrue();
                        assertThat(periods.get(periods.size() - 1)
                                        .contains(range.endExclusive().minusDays(1)))
                                .isTrue();
                        for (int i = 1; i < periods.size(); i++) {
                            assertThat(periods.get(i).start())
                                    .isEqualTo(periods.get(i - 1).endExclusive());
                        }
                        for (DateRange p : periods) {
                            assertThat(g.periodContaining(p.start())).isEqualTo(p);
                        }
                        assertThat(periods)
                                .hasSize((int) (g.ordinal(range.endExclusive().minusDays(1)) - g.ordinal(start) + 1));
                    });
        }
    }
}
