package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.loyaltykpi.internal.FirstRows;
import org.loyaltykpi.internal.Money;

/**
 * The {@link LoyaltyLevel} of every customer as of a day, and their distribution, derived from the rows.
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
 * <p>{@code toString} shows the distribution and the first rows, not every customer. Immutable and thread-safe.
 *
 * @param asOf the day of the classification (exclusive: data before it)
 * @param options the thresholds used
 * @param amountScale the decimal places of the revenue: the table's amount scale, 0..9
 * @param customers one row per customer, in id order
 */
public record LoyaltyLevels(LocalDate asOf, LevelOptions options, int amountScale, List<CustomerLevel> customers) {

    /** Validates and copies. */
    public LoyaltyLevels {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Money.checkScale(amountScale);
        customers = List.copyOf(customers);
    }

    /**
     * The distribution of the rows: counts and window revenue per level.
     *
     * @return the customers' counts and revenue, as {@link SegmentCalculator#toLevelDistribution(int)} collects them
     */
    public SegmentDistribution<LoyaltyLevel> distribution() {
        return customers.stream().collect(SegmentCalculator.toLevelDistribution(amountScale));
    }

    @Override
    public String toString() {
        return "LoyaltyLevels[asOf=" + asOf + ", options=" + options + ", distribution=" + distribution()
                + ", customers=" + FirstRows.of(customers) + "]";
    }
}
