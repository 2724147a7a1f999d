package org.loyaltykpi.target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.feedback.PeriodFeedback;
import org.loyaltykpi.feedback.ReviewSeries;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.survey.SurveyGroup;

/**
 * The named metric series the seed targets ({@link KpiTargets#seedDefaults()}) are judged on, from results the
 * caller has already computed (so a report scans its inputs once): retention from the purchase-behaviour series (in
 * %), NPS and satisfaction (CSAT top-two-box share, in %) from the survey's per-period groups, the positive-review
 * share (in %) from the review series. A series whose input is absent is left out, so its target is
 * {@link TargetStatus#NO_DATA} in every period; a period whose value is undefined (a rate over nothing) has no value.
 *
 * <pre>{@code
 * Map<String, MetricSeries> series = KpiSeries.of(behaviour, Optional.of(surveyByPeriod), Optional.empty());
 * List<TargetEvaluation> e = KpiTargets.seedDefaults().evaluate(series, periods);
 * }</pre>
 */
public final class KpiSeries {
    private KpiSeries() {}

    /**
     * The series by metric name.
     *
     * @param behaviour the purchase behaviour per period
     * @param surveyByPeriod the survey groups per period, if there are survey answers
     * @param reviews the review series, if there are reviews
     * @return the series, keyed by {@link KpiTargets#RETENTION}, {@link KpiTargets#NPS}, {@link
     *     KpiTargets#SATISFACTION}, {@link KpiTargets#POSITIVE_REVIEWS}
     */
    public static Map<String, MetricSeries> of(
            List<PurchaseBehaviour> behaviour,
            Optional<List<SurveyGroup>> surveyByPeriod,
            Optional<ReviewSeries> reviews) {
        Map<String, MetricSeries> series = new HashMap<>();
        Map<DateRange, Double> retention = new HashMap<>();
        for (PurchaseBehaviour b : behaviour) {
            b.retention().percent().ifPresent(v -> retention.put(b.period(), v));
        }
        series.put(KpiTargets.RETENTION, MetricSeries.of(KpiTargets.RETENTION, "%", retention));
        if (surveyByPeriod.isPresent()) {
            Map<DateRange, Double> nps = new HashMap<>();
            Map<DateRange, Double> satisfaction = new HashMap<>();
            for (SurveyGroup g : surveyByPeriod.get()) {
                DateRange p = g.period()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "survey groups must be per period, got a group without one: " + g));
                g.summary().nps().score().ifPresent(v -> nps.put(p, v));
                g.summary().csat().topBoxShare().percent().ifPresent(v -> satisfaction.put(p, v));
            }
            series.put(KpiTargets.NPS, MetricSeries.of(KpiTargets.NPS, "points", nps));
            series.put(KpiTargets.SATISFACTION, MetricSeries.of(KpiTargets.SATISFACTION, "%", satisfaction));
        }
        if (reviews.isPresent()) {
            Map<DateRange, Double> positive = new HashMap<>();
            for (PeriodFeedback p : reviews.get().periods()) {
                p.positiveShare().percent().ifPresent(v -> positive.put(p.period(), v));
            }
            series.put(KpiTargets.POSITIVE_REVIEWS, MetricSeries.of(KpiTargets.POSITIVE_REVIEWS, "%", positive));
        }
        return Map.copyOf(series);
    }
}
