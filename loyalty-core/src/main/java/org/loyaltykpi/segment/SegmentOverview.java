package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Every segment family as of one day, from one pass over each customer's purchases: the loyalty-level, lifecycle-stage
 * and RFM-segment distributions, the lifecycle series, and the churn-risk counts; what {@link
 * SegmentCalculator#overview} computes for a report, without a row per customer.
 *
 * <p>Each part equals what its own calculator gives with the default thresholds ({@link LevelOptions#defaults()},
 * {@link LifecycleOptions#defaults()}, {@link ChurnRiskOptions#defaults()}, no BTYD model):
 * {@code levels} is {@code SegmentCalculator.loyaltyLevels(...).distribution()}, {@code stages} is {@code
 * SegmentCalculator.lifecycle(...).distribution()}, {@code rfm} is {@code SegmentCalculator.rfmScores(...)
 * .distribution()}, {@code churn} is {@link ChurnRiskSummary#of} of {@code SegmentCalculator.churnRisk(...)}.
 *
 * <pre>{@code
 * SegmentOverview o = SegmentCalculator.overview(table, answers, reviews, LocalDate.of(2026, 1, 1),
 *         DateRange.year(2025), Granularity.MONTH, 10);
 * o.levels().share(LoyaltyLevel.TRUE);
 * o.churn().flaggedShare();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of every classification (exclusive: data before it)
 * @param levels customers and behaviour-window revenue per loyalty level
 * @param stages customers and spend per lifecycle stage
 * @param lifecycleSeries the lifecycle stages over the periods of a range and the flow between them
 * @param rfm customers and spend per RFM segment
 * @param churn the churn-risk counts and the first flagged customers
 */
public record SegmentOverview(
        LocalDate asOf,
        SegmentDistribution<LoyaltyLevel> levels,
        SegmentDistribution<LifecycleStage> stages,
        LifecycleSeries lifecycleSeries,
        SegmentDistribution<RfmSegment> rfm,
        ChurnRiskSummary churn) {

    /** Validates the record. */
    public SegmentOverview {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(levels, "levels must not be null");
        Objects.requireNonNull(stages, "stages must not be null");
        Objects.requireNonNull(lifecycleSeries, "lifecycleSeries must not be null");
        Objects.requireNonNull(rfm, "rfm must not be null");
        Objects.requireNonNull(churn, "churn must not be null");
    }
}
