package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@link LifecycleStage} of every customer as of a day, and their distribution.
 *
 * <p>The customers are everyone with a purchase, a survey answer or a review before {@code asOf}. The distribution
 * credits each stage with its customers' spend before {@code asOf}.
 *
 * <pre>{@code
 * LifecycleStages s = SegmentCalculator.lifecycle(table, answers, reviews, LocalDate.of(2026, 1, 1),
 *         LifecycleOptions.defaults());
 * s.distribution().share(LifecycleStage.LAPSED);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of the classification (exclusive: data before it)
 * @param options the thresholds used
 * @param customers one row per customer, in id order
 * @param distribution counts and spend per stage
 */
public record LifecycleStages(
        LocalDate asOf,
        LifecycleOptions options,
        List<CustomerStage> customers,
        SegmentDistribution<LifecycleStage> distribution) {

    /** Validates and copies. */
    public LifecycleStages {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        customers = SegmentDistribution.checkRows(customers, distribution);
    }
}
