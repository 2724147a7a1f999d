package org.loyaltykpi.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.quicktheories.core.Gen;

/** Laws of target evaluation: invariants, metamorphic relations and a model-based check against a naive reference. */
class KpiTargetPropertyTest {
    private static final long SEED = 20261124L;

    /** Twelve quarters from 2023-Q1 with values (or gaps, as negative numbers) of 40..100 in quarter points. */
    private static final Gen<List<Integer>> VALUES =
            lists().of(integers().between(-10, 400)).ofSize(12);

    private static final Gen<KpiTarget> TARGETS = integers()
            .between(0, 5)
            .zip(integers().between(40, 90), integers().between(0, 30), (kind, level, change) -> {
                LocalDate start = LocalDate.of(2023, 1 + 3 * (change % 4), 1);
                switch (kind) {
                    case 0:
                        return KpiTarget.atLeast("m", level);
                    case 1:
                        return KpiTarget.atMost("m", level);
                    case 2:
                        return KpiTarget.atLeast("m", level).plusPerYear(change / 4.0 + 0.5);
                    case 3:
                        return KpiTarget.atMost("m", level).plusPerYear(-change / 4.0 - 0.5);
                    case 4:
                        return KpiTarget.growth("m", change / 100.0 + 0.01).startingOn(start);
                    default:
                        return KpiTarget.atLeast("m", level)
                                .plusPerYear(change / 2.0 + 1)
                                .startingOn(start);
                }
            });

    private static List<DateRange> quarters(int fromYear) {
        return Granularity.QUARTER.periodsCovering(
                DateRange.of(LocalDate.of(fromYear, 1, 1), LocalDate.of(fromYear + 3, 1, 1)));
    }

    private static MetricSeries series(String metric, List<DateRange> periods, List<Integer> values) {
        Map<DateRange, Double> map = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            if (values.get(i) >= 0) {
                map.put(periods.get(i), values.get(i) / 4.0);
            }
        }
        return MetricSeries.of(metric, "%", map);
    }

    private static List<TargetStatus> statuses(TargetEvaluation e) {
        return e.periods().stream().map(TargetPeriod::status).collect(Collectors.toList());
    }

    private static KpiTarget shifted(KpiTarget t, int years) {
        return new KpiTarget(
                t.metric(),
                t.direction(),
                t.level(),
                t.yearlyChange(),
                t.start().map(d -> d.plusYears(years)));
    }

    private static int rank(TargetStatus s) {
        return s == TargetStatus.MET ? 2 : s == TargetStatus.ON_TRACK ? 1 : 0;
    }

    @Nested
    class Definitions {

        @Test
        void aPeriodIsNoDataExactlyWhenItHasNoValueOrNoRequiredLevel() {
            qt().withFixedSeed(SEED).forAll(TARGETS, VALUES).checkAssert((target, values) -> {
                TargetEvaluation e = target.evaluate(series("m", quarters(2023), values), quarters(2023));
                assertThat(e.periods())
                        .hasSize(12)
                        .allSatisfy(p -> assertThat(p.status() == TargetStatus.NO_DATA)
                                .isEqualTo(p.value().isEmpty() || p.required().isEmpty()));
            });
        }

        @Test
        void metMeansTheGapIsOnTheGoodSideAndMissedOrOnTrackMeansItIsNot() {
            qt().withFixedSeed(SEED).forAll(TARGETS, VALUES).checkAssert((target, values) -> {
                TargetEvaluation e = target.evaluate(series("m", quarters(2023), values), quarters(2023));
                double sign = target.direction() == KpiTarget.Direction.AT_LEAST ? 1 : -1;
                for (TargetPeriod p : e.periods()) {
                    if (p.status() == TargetStatus.MET) {
                        assertThat(sign * p.gap().getAsDouble()).isGreaterThanOrEqualTo(-1e-6);
                    } else if (p.status() != TargetStatus.NO_DATA) {
                        assertThat(sign * p.gap().getAsDouble()).isLessThan(0);
                        assertThat(p.gap().getAsDouble())
                                .isCloseTo(
                                        p.value().getAsDouble() - p.required().getAsDouble(), within(1e-12));
                    }
                }
            });
        }
    }

    @Nested
    class Invariants {

        @Test
        void aBetterValueNeverGivesAWorseStatus() {
            qt().withFixedSeed(SEED)
                    .forAll(TARGETS, VALUES, integers().between(0, 11))
                    .checkAssert((target, values, index) -> {
                        List<Integer> better = new ArrayList<>(values);
                        int delta = target.direction() == KpiTarget.Direction.AT_LEAST ? 7 : -7;
                        if (index == 0 || values.get(index) < 10) {
                            return; // the baseline of a relative target moves with it; gaps stay gaps
                        }
                        better.set(index, values.get(index) + delta);
                        TargetStatus before = target.evaluate(series("m", quarters(2023), values), quarters(2023))
                                .periods()
                                .get(index)
                                .status();
                        TargetStatus after = target.evaluate(series("m", quarters(2023), better), quarters(2023))
                                .periods()
                                .get(index)
                                .status();
                        assertThat(rank(after)).isGreaterThanOrEqualTo(rank(before));
                    });
        }

        @Test
        void yearlyPeriodsStartingOnTheTargetsAnniversaryAreNeverOnTrack() {
            qt().withFixedSeed(SEED).forAll(TARGETS, VALUES).checkAssert((target, values) -> {
                List<DateRange> years = Granularity.YEAR.periodsCovering(DateRange.parse("2023-01-01/2030-01-01"));
                KpiTarget aligned = target.startingOn(LocalDate.of(2023, 1, 1));
                TargetEvaluation e = aligned.evaluate(series("m", years, values), years);
                assertThat(e.periods()).noneMatch(p -> p.status() == TargetStatus.ON_TRACK);
            });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void shiftingTheSeriesAndTheStartByWholeYearsKeepsEveryStatus() {
            qt().withFixedSeed(SEED)
                    .forAll(TARGETS, VALUES, integers().between(-30, 30))
                    .checkAssert((target, values, years) -> {
                        TargetEvaluation before = target.evaluate(series("m", quarters(2023), values), quarters(2023));
                        TargetEvaluation after = shifted(target, years)
                                .evaluate(series("m", quarters(2023 + years), values), quarters(2023 + years));
                        assertThat(statuses(after)).isEqualTo(statuses(before));
                    });
        }

        @Test
        void renamingTheMetricInTargetAndSeriesKeepsEveryVerdict() {
            qt().withFixedSeed(SEED).forAll(TARGETS, VALUES).checkAssert((target, values) -> {
                KpiTarget renamed = new KpiTarget(
                        "other", target.direction(), target.level(), target.yearlyChange(), target.start());
                assertThat(renamed.evaluate(series("other", quarters(2023), values), quarters(2023))
                                .periods())
                        .isEqualTo(target.evaluate(series("m", quarters(2023), values), quarters(2023))
                                .periods());
            });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void steppedTargetsRequireTheLevelPlusOneStepPerAnniversaryPassed() {
            qt().withFixedSeed(SEED)
                    .forAll(
                            integers().between(40, 90),
                            doubles().between(-5, 5),
                            integers().between(0, 364))
                    .checkAssert((level, step, offset) -> {
                        LocalDate start = LocalDate.of(2023, 1, 1).plusDays(offset);
                        KpiTarget t =
                                KpiTarget.atLeast("m", level).plusPerYear(step).startingOn(start);
                        List<DateRange> months =
                                Granularity.MONTH.periodsCovering(DateRange.parse("2021-01-01/2027-01-01"));
                        TargetEvaluation e = t.evaluate(MetricSeries.of("m", "", Map.of()), months);
                        for (TargetPeriod p : e.periods()) {
                            int anniversaries = 0;
                            LocalDate a = start;
                            while (!a.isAfter(p.period().start())) {
                                anniversaries++;
                                a = start.plusYears(anniversaries);
                            }
                            int n = anniversaries - 1;
                            if (anniversaries == 0) {
                                n = -1;
                                while (start.plusYears(n).isAfter(p.period().start())) {
                                    n--;
                                }
                            }
                            assertThat(p.required().getAsDouble()).isCloseTo(level + step * n, within(1e-9));
                        }
                    });
        }
    }
}
