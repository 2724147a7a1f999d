package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.loyaltykpi.internal.FirstRows;
import org.loyaltykpi.internal.Money;

/**
 * The RFM scores and segments of every customer with a purchase before a day, and the segment distribution, derived from the rows.
 *
 * <p>The distribution credits each segment with its customers' total spend before {@code asOf} (their monetary
 * value).
 *
 * <pre>{@code
 * RfmScores s = SegmentCalculator.rfmScores(table, LocalDate.of(2026, 1, 1));
 * s.distribution().share(RfmSegment.CHAMPION);
 * s.distribution().revenueShare(RfmSegment.CHAMPION);
 * }</pre>
 *
 * <p>{@code toString} shows the distribution and the first rows, not every customer. Immutable and thread-safe.
 *
 * @param asOf the day of the scores (exclusive: purchases before it)
 * @param amountScale the decimal places of the revenue: the table's amount scale, 0..9
 * @param customers one row per customer, in id order
 */
public record RfmScores(LocalDate asOf, int amountScale, List<RfmScore> customers) {

    /** Validates and copies. */
    public RfmScores {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Money.checkScale(amountScale);
        customers = List.copyOf(customers);
    }

    /**
     * The distribution of the rows: counts and spend per segment.
     *
     * @return the customers' counts and revenue, as {@link SegmentCalculator#toRfmSegmentDistribution(int)} collects them
     */
    public SegmentDistribution<RfmSegment> distribution() {
        return customers.stream().collect(SegmentCalculator.toRfmSegmentDistribution(amountScale));
    }

    @Override
    public String toString() {
        return "RfmScores[asOf=" + asOf + ", distribution=" + distribution() + ", customers=" + FirstRows.of(customers)
                + "]";
    }
}
