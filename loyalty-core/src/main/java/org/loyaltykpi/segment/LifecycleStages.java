package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.loyaltykpi.internal.FirstRows;
import org.loyaltykpi.internal.Money;

/**
 * The {@link LifecycleStage} of every customer as of a day, and their distribution, derived from the rows.
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
 * <p>{@code toString} shows the distribution and the first rows, not every customer. Immutable and thread-safe.
 *
 * @param asOf the day of the classification (exclusive: data before it)
 * @param options the thresholds used
 * @param amountScale the decimal places of the revenue: the table's amount scale, 0..9
 * @param customers one row per customer, in id order
 */
public record LifecycleStages(
        LocalDate asOf, LifecycleOptions options, int amountScale, List<CustomerStage> customers) {

    /** Validates and copies. */
    public LifecycleStages {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Money.checkScale(amountScale);
        customers = List.copyOf(customers);
    }

    /**
     * The distribution of the rows: counts and spend per stage.
     *
     * @return the customers' counts and revenue, as {@link SegmentCalculator#toStageDistribution(int)} collects them
     */
    public SegmentDistribution<LifecycleStage> distribution() {
        return customers.stream().collect(SegmentCalculator.toStageDistribution(amountScale));
    }

    @Override
    public String toString() {
        return "LifecycleStages[asOf=" + asOf + ", options=" + options + ", distribution=" + distribution()
                + ", customers=" + FirstRows.of(customers) + "]";
    }
}
