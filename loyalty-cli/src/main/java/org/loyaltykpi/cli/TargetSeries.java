package org.loyaltykpi.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.feedback.PeriodFeedback;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.target.KpiTargets;
import org.loyaltykpi.target.MetricSeries;
import org.loyaltykpi.target.TargetEvaluation;

/**
 * The named metric series the seed targets are judged on, from purchases and survey answers: retention (behavioural,
 * in %), NPS, satisfaction (CSAT top-two-box share, in %), and from reviews the positive share (in %). A series
 * without its input (no survey answers, no reviews) is left out, so its target is NO_DATA in every period.
 */
final class TargetSeries {
    private TargetSeries() {}

    /** The periods judged: every whole period of the granularity over the purchases' date range. */
    static List<DateRange> periods(PurchaseTable table, Granularity granularity) {
        return table.dateRange().map(granularity::periodsCovering).orElse(List.of());
    }

    static Map<String, MetricSeries> compute(
            PurchaseTable table,
            Optional<List<SurveyResponse>> survey,
            Optional<List<Review>> reviews,
            Granularity granularity) {
        Map<String, MetricSeries> series = new HashMap<>();
        Map<DateRange, Double> retention = new HashMap<>();
        if (table.dateRange().isPresent()) {
            for (PurchaseBehaviour b :
                    RetentionCalculator.series(table, table.dateRange().get(), granularity)) {
                b.retention().percent().ifPresent(v -> retention.put(b.period(), v));
            }
        }
        series.put(KpiTargets.RETENTION, MetricSeries.of(KpiTargets.RETENTION, "%", retention));
        if (survey.isPresent()) {
            Map<DateRange, Double> nps = new HashMap<>();
            Map<DateRange, Double> satisfaction = new HashMap<>();
            for (SurveyGroup g : SurveyCalculator.byPeriod(survey.get(), granularity, SurveyOptions.defaults())) {
                DateRange p = g.period().orElseThrow();
                g.summary().nps().score().ifPresent(v -> nps.put(p, v));
                g.summary().csat().topBoxShare().percent().ifPresent(v -> satisfaction.put(p, v));
            }
            series.put(KpiTargets.NPS, MetricSeries.of(KpiTargets.NPS, "points", nps));
            series.put(KpiTargets.SATISFACTION, MetricSeries.of(KpiTargets.SATISFACTION, "%", satisfaction));
        }
        if (reviews.isPresent()) {
            Map<DateRange, Double> positive = new HashMap<>();
            for (PeriodFeedback p :
                    FeedbackCalculator.series(reviews.get(), granularity).periods()) {
                p.positiveShare().percent().ifPresent(v -> positive.put(p.period(), v));
            }
            series.put(KpiTargets.POSITIVE_REVIEWS, MetricSeries.of(KpiTargets.POSITIVE_REVIEWS, "%", positive));
        }
        return series;
    }

    static List<TargetEvaluation> evaluate(
            PurchaseTable table,
            Optional<List<SurveyResponse>> survey,
            Optional<List<Review>> reviews,
            Granularity granularity) {
        return KpiTargets.seedDefaults()
                .evaluate(compute(table, survey, reviews, granularity), periods(table, granularity));
    }
}
