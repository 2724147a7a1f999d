package org.loyaltykpi.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.loyaltykpi.target.TargetStatus.MET;
import static org.loyaltykpi.target.TargetStatus.MISSED;
import static org.loyaltykpi.target.TargetStatus.NO_DATA;
import static org.loyaltykpi.target.TargetStatus.ON_TRACK;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;

class KpiTargetTest {
    /** Eight quarters, 2024-Q1..2025-Q4: target year 0 is 2024, target year 1 is 2025. */
    private static final List<DateRange> QUARTERS =
            Granularity.QUARTER.periodsCovering(DateRange.parse("2024-01-01/2026-01-01"));

    private static MetricSeries quarterly(String metric, Double... values) {
        Map<DateRange, Double> map = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                map.put(QUARTERS.get(i), values[i]);
            }
        }
        return MetricSeries.of(metric, "%", map);
    }

    private static List<TargetStatus> statuses(TargetEvaluation e) {
        return e.periods().stream().map(TargetPeriod::status).collect(Collectors.toList());
    }

    @Nested
    class TheSeedTable {
        private final Map<String, TargetEvaluation> verdicts = KpiTargets.seedDefaults()
                .evaluate(
                        Map.of(
                                KpiTargets.SATISFACTION,
                                quarterly(KpiTargets.SATISFACTION, 81.0, 80.0, 79.9, null, null, null, null, null),
                                KpiTargets.RETENTION,
                                quarterly(KpiTargets.RETENTION, null, 95.2, 94.9, 95.0, 96.0, 95.9, 97.3, 96.9),
                                KpiTargets.NPS,
                                quarterly(KpiTargets.NPS, 72.0, 68.0, 70.0, 71.0, 72.0, 73.0, 73.0, 76.0),
                                KpiTargets.POSITIVE_REVIEWS,
                                quarterly(KpiTargets.POSITIVE_REVIEWS, 50.0, 49.0, 50.0, 51.0, 53.0, 54.0, 53.0, 55.0)),
                        QUARTERS)
                .stream()
                .collect(Collectors.toMap(e -> e.target().metric(), e -> e));

        @Test
        void satisfactionAbove80PercentIsMetAt80AndMissedJustBelowAndPeriodsWithoutAnswersAreNoData() {
            assertThat(statuses(verdicts.get("satisfaction")))
                    .containsExactly(MET, MET, MISSED, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA);
            assertThat(verdicts.get("satisfaction").periods().get(2).gap().getAsDouble())
                    .isCloseTo(-0.1, within(1e-9));
        }

        @Test
        void retention95Rising2PointsAYearIsOnTrackAboveThePathFrom95To97() {
            // 2025-Q1: required 97, path 95 + 2 * 1/4 = 95.5; Q2: path 96; Q3: met; Q4: path = required = 97.
            assertThat(statuses(verdicts.get("retention")))
                    .containsExactly(NO_DATA, MET, MISSED, MET, ON_TRACK, MISSED, MET, MISSED);
            TargetPeriod q1 = verdicts.get("retention").periods().get(4);
            assertThat(q1.required().getAsDouble()).isEqualTo(97.0);
            assertThat(q1.path().getAsDouble()).isEqualTo(95.5);
            assertThat(q1.gap().getAsDouble()).isEqualTo(-1.0);
        }

        @Test
        void nps70Rising5PointsAYearRequires75InTheSecondYear() {
            // 2025 paths: 71.25, 72.5, 73.75, 75.
            assertThat(statuses(verdicts.get("nps")))
                    .containsExactly(MET, MISSED, MET, MET, ON_TRACK, ON_TRACK, MISSED, MET);
            assertThat(verdicts.get("nps").periods().get(7).required().getAsDouble())
                    .isEqualTo(75.0);
        }

        @Test
        void positiveReviewsGrowing10PercentAYearHoldTheFirstQuartersShareThenNeed10PercentMore() {
            // baseline 50 (2024-Q1); 2025 requires 55, paths 51.25, 52.5, 53.75, 55.
            assertThat(statuses(verdicts.get("positive-reviews")))
                    .containsExactly(MET, MISSED, MET, MET, ON_TRACK, ON_TRACK, MISSED, MET);
            assertThat(verdicts.get("positive-reviews")
                            .periods()
                            .get(7)
                            .required()
                            .getAsDouble())
                    .isCloseTo(55.0, within(1e-9));
        }

        @Test
        void theLatestVerdictIsTheLastPeriodWithData() {
            assertThat(verdicts.get("satisfaction").latest().orElseThrow().period())
                    .isEqualTo(DateRange.quarter(2024, 3));
            assertThat(verdicts.get("satisfaction").count(NO_DATA)).isEqualTo(5);
        }
    }

    @Test
    void stepsAreWholeYearNotProRata() {
        KpiTarget t = KpiTarget.atLeast("retention", 95).plusPerYear(2).startingOn(LocalDate.of(2024, 1, 1));
        List<DateRange> months = Granularity.MONTH.periodsCovering(DateRange.parse("2024-12-01/2025-02-01"));
        TargetEvaluation e = t.evaluate(MetricSeries.of("retention", "%", Map.of()), months);
        assertThat(e.periods().get(0).required().getAsDouble()).isEqualTo(95.0);
        assertThat(e.periods().get(1).required().getAsDouble()).isEqualTo(97.0);
        assertThat(statuses(e)).containsExactly(NO_DATA, NO_DATA);
    }

    @Test
    void aTargetYearIsCountedFromTheStartDayNotTheCalendarYear() {
        KpiTarget t = KpiTarget.atLeast("nps", 70).plusPerYear(5).startingOn(LocalDate.of(2024, 7, 1));
        MetricSeries s = MetricSeries.of(
                "nps", "points", Map.of(DateRange.quarter(2025, 2), 72.0, DateRange.quarter(2025, 3), 72.0));
        TargetEvaluation e = t.evaluate(s);
        // 2025-Q2 is still target year 0 (required 70); 2025-Q3 starts year 1 (75, path 70 + 5/4).
        assertThat(statuses(e)).containsExactly(MET, ON_TRACK);
    }

    @Test
    void periodsBeforeTheStartRequireTheLevelStepsEarlier() {
        KpiTarget t = KpiTarget.atLeast("nps", 70).plusPerYear(5).startingOn(LocalDate.of(2025, 1, 1));
        TargetEvaluation e = t.evaluate(MetricSeries.of("nps", "points", Map.of(DateRange.year(2023), 61.0)));
        assertThat(e.periods().get(0).required().getAsDouble()).isEqualTo(60.0);
        assertThat(e.periods().get(0).status()).isEqualTo(MET);
    }

    @Test
    void aLevelToHoldIsNeverOnTrack() {
        KpiTarget t = KpiTarget.atLeast("satisfaction", 80);
        TargetEvaluation e = t.evaluate(quarterly("satisfaction", 85.0, 85.0, 85.0, 85.0, 79.99, 79.0, 60.0, 80.0));
        assertThat(statuses(e)).containsExactly(MET, MET, MET, MET, MISSED, MISSED, MISSED, MET);
    }

    @Test
    void anAtMostTargetMirrorsTheComparisons() {
        // churn at most 20%, falling 4 points a year: 2025 requires 16, path in 2025-Q2 = 20 - 4 * 2/4 = 18.
        KpiTarget t = KpiTarget.atMost("churn", 20).plusPerYear(-4);
        TargetEvaluation e = t.evaluate(quarterly("churn", 19.0, 21.0, null, null, null, 17.5, null, 16.0));
        assertThat(statuses(e)).containsExactly(MET, MISSED, ON_TRACK, MET);
        assertThat(e.periods().get(1).gap().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aRelativeTargetWithoutABaselineValueJudgesNothing() {
        KpiTarget t = KpiTarget.growth("positive-reviews", 0.1);
        TargetEvaluation missing = t.evaluate(quarterly("positive-reviews", null, 60.0, 70.0), QUARTERS);
        assertThat(missing.periods()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(NO_DATA);
            assertThat(p.required()).isEmpty();
        });
        assertThat(missing.periods().get(1).value()).hasValue(60.0);
        TargetEvaluation zero = t.evaluate(quarterly("positive-reviews", 0.0, 60.0));
        assertThat(statuses(zero)).containsExactly(NO_DATA, NO_DATA);
    }

    @Test
    void aRelativeTargetCompoundsTheRateEachYear() {
        KpiTarget t = KpiTarget.growth("reviews", 0.5);
        MetricSeries s = MetricSeries.of(
                "reviews",
                "",
                Map.of(DateRange.year(2023), 40.0, DateRange.year(2024), 60.0, DateRange.year(2025), 89.0));
        TargetEvaluation e = t.evaluate(s);
        assertThat(e.periods().get(2).required().getAsDouble()).isEqualTo(90.0);
        assertThat(statuses(e)).containsExactly(MET, MET, MISSED);
    }

    @Test
    void aMissingSeriesShowsEveryPeriodAsNoDataWithTheRequiredLevelStillKnown() {
        List<TargetEvaluation> e = KpiTargets.seedDefaults().evaluate(Map.of(), QUARTERS);
        assertThat(e).hasSize(4).allSatisfy(t -> assertThat(t.count(NO_DATA)).isEqualTo(8));
        assertThat(e.get(1).periods().get(7).required()).hasValue(97.0);
        assertThat(e.get(1).latest()).isEmpty();
    }

    @Test
    void badTargetsAndMismatchedSeriesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> KpiTarget.growth("x", -1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.5");
        assertThatThrownBy(() -> KpiTarget.atLeast(" ", 1)).hasMessageContaining("metric");
        assertThatThrownBy(() -> KpiTarget.atLeast("nps", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> KpiTarget.atLeast("nps", 70).evaluate(MetricSeries.of("csat", "%", Map.of())))
                .hasMessageContaining("'csat'");
        assertThatThrownBy(() -> MetricSeries.of("nps", "", Map.of(DateRange.year(2024), Double.NaN)))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> KpiTargets.seedDefaults()
                        .evaluate(Map.of("nps", MetricSeries.of("csat", "%", Map.of())), QUARTERS))
                .hasMessageContaining("'nps'");
    }

    @Test
    void targetsPrintAsTheirRule() {
        assertThat(KpiTargets.seedDefaults().targets())
                .map(KpiTarget::toString)
                .containsExactly(
                        "satisfaction >= 80",
                        "retention >= 95 +2/year",
                        "nps >= 70 +5/year",
                        "positive-reviews >= baseline x 1.1/year");
    }

    @Test
    void theYearFractionCountsWholeMonthsAndPartsOfMonths() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate end = LocalDate.of(2025, 1, 1);
        assertThat(KpiTarget.yearFraction(start, end, LocalDate.of(2024, 4, 1))).isEqualTo(0.25);
        assertThat(KpiTarget.yearFraction(start, end, LocalDate.of(2024, 2, 16)))
                .isCloseTo((1 + 15.0 / 29) / 12, within(1e-12));
        assertThat(KpiTarget.yearFraction(start, end, LocalDate.of(2025, 3, 1))).isEqualTo(1.0);
        assertThat(KpiTarget.wholeYears(LocalDate.of(2024, 3, 1), LocalDate.of(2022, 2, 1)))
                .isEqualTo(-3);
    }
}
