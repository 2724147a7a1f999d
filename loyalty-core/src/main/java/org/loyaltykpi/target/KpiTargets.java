package org.loyaltykpi.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loyaltykpi.domain.DateRange;

/**
 * A set of {@link KpiTarget}s, evaluated together against named {@link MetricSeries}.
 *
 * <p>{@link #seedDefaults()} is the seed's target table:
 *
 * <table>
 *   <caption>The seed's KPI targets</caption>
 *   <tr><th>metric name</th><th>series</th><th>target</th></tr>
 *   <tr><td>{@value #SATISFACTION}</td><td>CSAT: share of answers in the top two boxes, in %</td>
 *       <td>at least 80 %</td></tr>
 *   <tr><td>{@value #RETENTION}</td><td>behavioural retention (active in the previous period and in this one /
 *       active in the previous one), in %</td><td>at least 95 %, rising 2 points a year</td></tr>
 *   <tr><td>{@value #NPS}</td><td>NPS, -100..100</td><td>at least 70, rising 5 points a year</td></tr>
 *   <tr><td>{@value #POSITIVE_REVIEWS}</td><td>share of positive reviews, in %</td>
 *       <td>growing 10 % a year on the first period's share</td></tr>
 * </table>
 *
 * <p>"Satisfaction average above 80 %" is read as the CSAT share: it is the satisfaction measure reported in percent
 * (the survey package gives it with a Wilson interval), whereas a mean score rescaled to a percentage depends on where
 * the scale starts (a mean of 4 on 1..5 is 75 % or 80 % depending on that choice). "Above" is read as "at least".
 *
 * <pre>{@code
 * List<TargetEvaluation> verdicts = KpiTargets.seedDefaults().evaluate(Map.of("nps", nps, "retention", retention),
 *         Granularity.QUARTER.periodsCovering(DateRange.parse("2024-01-01/2026-01-01")));
 * // the satisfaction and positive-reviews targets have no series: all their periods are NO_DATA
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param targets the targets, in report order; copied
 */
public record KpiTargets(List<KpiTarget> targets) {

    /** The metric name of the satisfaction series: CSAT top-two-box share in percent. */
    public static final String SATISFACTION = "satisfaction";

    /** The metric name of the retention series: behavioural retention rate in percent. */
    public static final String RETENTION = "retention";

    /** The metric name of the NPS series: -100..100. */
    public static final String NPS = "nps";

    /** The metric name of the positive-review series: share of positive reviews in percent. */
    public static final String POSITIVE_REVIEWS = "positive-reviews";

    /** Copies. */
    public KpiTargets {
        targets = List.copyOf(targets);
    }

    /**
     * The seed's four targets (see the class comment), each starting with the first period evaluated.
     *
     * @return satisfaction {@code >= 80}, retention {@code >= 95 +2/year}, NPS {@code >= 70 +5/year}, positive reviews
     *     {@code >= baseline x 1.1/year}
     */
    public static KpiTargets seedDefaults() {
        return new KpiTargets(List.of(
                KpiTarget.atLeast(SATISFACTION, 80),
                KpiTarget.atLeast(RETENTION, 95).plusPerYear(2),
                KpiTarget.atLeast(NPS, 70).plusPerYear(5),
                KpiTarget.growth(POSITIVE_REVIEWS, 0.10)));
    }

    /**
     * Evaluates every target against the series of its metric over the same periods. A target whose series is
     * missing gets an empty series: all its periods are {@link TargetStatus#NO_DATA}.
     *
     * @param series the series by metric name; each key must equal its series' {@link MetricSeries#metric()}
     * @param periods the periods to judge, in time order
     * @return one evaluation per target, in target order
     * @throws IllegalArgumentException if a key differs from its series' metric name
     */
    public List<TargetEvaluation> evaluate(Map<String, MetricSeries> series, List<DateRange> periods) {
        series.forEach((name, s) -> {
            if (!name.equals(s.metric())) {
                throw new IllegalArgumentException("series under '" + name + "' is of metric '" + s.metric() + "'");
            }
        });
        List<TargetEvaluation> out = new ArrayList<>(targets.size());
        for (KpiTarget t : targets) {
            MetricSeries s = series.getOrDefault(t.metric(), new MetricSeries(t.metric(), "", new TreeMap<>()));
            out.add(t.evaluate(s, periods));
        }
        return List.copyOf(out);
    }
}
