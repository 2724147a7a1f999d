package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@link LoyaltyLevel} of every customer as of a day, and their distribution.
 *
 * <p>The customers are everyone with a purchase, a survey answer or a review before {@code asOf} (a surveyed customer
 * who never bought has low behaviour). The distribution counts each customer once and credits each level with its
 * customers' revenue in the behaviour window, so the revenue shares say where the window's money came from.
 *
 * <pre>{@code
 * LoyaltyLevels l = SegmentCalculator.loyaltyLevels(table, answers, reviews, LocalDate.of(2026, 1, 1),
 *         LevelOptions.defaults());
 * l.distribution().share(LoyaltyLevel.TRUE);          // 18.2% (364/2000)
 * l.distribution().revenueShare(LoyaltyLevel.TRUE);   // 51.0% (...)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of the classification (exclusive: data before it)
 * @param options the thresholds used
 * @param customers one row per customer, in id order
 * @param distribution counts and window revenue per level
 */
public record LoyaltyLevels(
        LocalDate asOf,
        LevelOptions options,
        List<CustomerLevel> customers,
        SegmentDistribution<LoyaltyLevel> distribution) {

    /** Validates and copies. */
    public LoyaltyLevels {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        customers = SegmentDistribution.checkRows(customers, distribution);
    }
}
