package org.loyaltykpi.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Money;

/**
 * How many customers fall into each constant of a segment enum ({@link LoyaltyLevel}, {@link LifecycleStage},
 * {@link RfmSegment}) and the revenue they brought, with both as shares of the whole.
 *
 * <p>{@code share(s) = count(s) / customers()} and {@code revenueShare(s) = revenue(s) / totalRevenue()}, both as a
 * {@link Ratio} of exact counts (minor units for money), so the shares of all segments sum to exactly 100% (empty,
 * never {@code NaN}, when there are no customers or no revenue). Which revenue a segment is credited with is stated by
 * the result that carries the distribution: the behaviour window's revenue for loyalty levels, the spend up to the
 * as-of date for lifecycle stages and RFM segments.
 *
 * <p>Additive: distributions of disjoint customer sets add up with {@link #plus}; {@link SegmentDistributionAccumulator}
 * builds one incrementally. The state is plain values ({@link #counts()}, {@link #revenueMinorUnits()}), and
 * {@link #of} rebuilds a distribution from them.
 *
 * <pre>{@code
 * SegmentDistribution<LoyaltyLevel> d = levels.distribution();
 * d.count(LoyaltyLevel.TRUE);          // 412
 * d.share(LoyaltyLevel.TRUE);          // 20.6% (412/2000)
 * d.revenueShare(LoyaltyLevel.TRUE);   // 48.3% (...)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <E> the segment enum
 */
public final class SegmentDistribution<E extends Enum<E>> {
    private final Class<E> type;
    private final long[] counts;
    private final long[] revenue;
    private final int amountScale;

    private SegmentDistribution(Class<E> type, long[] counts, long[] revenue, int amountScale) {
        this.type = type;
        this.counts = counts;
        this.revenue = revenue;
        this.amountScale = amountScale;
    }

    /**
     * The distribution of no customers.
     *
     * @param type the segment enum
     * @param amountScale decimal places of the revenue's minor unit, 0..9
     * @param <E> the segment enum
     * @return all counts and revenues 0
     */
    public static <E extends Enum<E>> SegmentDistribution<E> empty(Class<E> type, int amountScale) {
        int n = type.getEnumConstants().length;
        return of(type, amountScale, new long[n], new long[n]);
    }

    /**
     * A distribution from its plain state, for example as stored by a Spark buffer.
     *
     * @param type the segment enum
     * @param amountScale decimal places of the revenue's minor unit, 0..9
     * @param counts customers per constant, by ordinal, each {@code >= 0}
     * @param revenueMinorUnits revenue per constant in minor units, by ordinal, each {@code >= 0}
     * @param <E> the segment enum
     * @return the distribution
     * @throws IllegalArgumentException if an array has the wrong length or a negative entry
     */
    public static <E extends Enum<E>> SegmentDistribution<E> of(
            Class<E> type, int amountScale, long[] counts, long[] revenueMinorUnits) {
        Objects.requireNonNull(type, "type must not be null");
        Money.checkScale(amountScale);
        int n = type.getEnumConstants().length;
        if (counts.length != n || revenueMinorUnits.length != n) {
            throw new IllegalArgumentException("counts and revenueMinorUnits need one entry per " + type.getSimpleName()
                    + " constant (" + n + "): " + counts.length + ", " + revenueMinorUnits.length);
        }
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0 || revenueMinorUnits[i] < 0) {
                throw new IllegalArgumentException("count and revenue of " + type.getEnumConstants()[i]
                        + " must be >= 0: " + counts[i] + ", " + revenueMinorUnits[i]);
            }
        }
        return new SegmentDistribution<>(type, counts.clone(), revenueMinorUnits.clone(), amountScale);
    }

    /**
     * The segment enum.
     *
     * @return its class
     */
    public Class<E> type() {
        return type;
    }

    /**
     * The decimal places of the revenue's minor unit.
     *
     * @return 2 for cents
     */
    public int amountScale() {
        return amountScale;
    }

    /**
     * The number of customers over all segments.
     *
     * @return the sum of the counts
     */
    public long customers() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The customers of a segment.
     *
     * @param segment the segment
     * @return its count
     */
    public long count(E segment) {
        return counts[segment.ordinal()];
    }

    /**
     * The share of customers in a segment.
     *
     * @param segment the segment
     * @return {@code count(segment) / customers()}
     */
    public Ratio share(E segment) {
        return Ratio.of(count(segment), customers());
    }

    /**
     * The revenue credited to a segment.
     *
     * @param segment the segment
     * @return the amount at {@link #amountScale()}
     */
    public BigDecimal revenue(E segment) {
        return Money.fromMinorUnits(revenue[segment.ordinal()], amountScale);
    }

    /**
     * The revenue of all segments.
     *
     * @return the amount at {@link #amountScale()}
     */
    public BigDecimal totalRevenue() {
        return Money.fromMinorUnits(totalRevenueMinorUnits(), amountScale);
    }

    private long totalRevenueMinorUnits() {
        long sum = 0;
        for (long r : revenue) {
            sum = Math.addExact(sum, r);
        }
        return sum;
    }

    /**
     * The share of the revenue credited to a segment.
     *
     * @param segment the segment
     * @return {@code revenue(segment) / totalRevenue()} in minor units; undefined when there is no revenue
     */
    public Ratio revenueShare(E segment) {
        return Ratio.of(revenue[segment.ordinal()], totalRevenueMinorUnits());
    }

    /**
     * The counts by segment, every constant present.
     *
     * @return an unmodifiable map in enum order
     */
    public Map<E, Long> countsBySegment() {
        Map<E, Long> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, counts[e.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The counts as plain state.
     *
     * @return a copy, by ordinal
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The revenues as plain state.
     *
     * @return a copy, in minor units, by ordinal
     */
    public long[] revenueMinorUnits() {
        return revenue.clone();
    }

    /**
     * The distribution over this and another, disjoint, set of customers.
     *
     * @param other the other distribution, of the same enum and amount scale
     * @return counts and revenues added
     * @throws IllegalArgumentException if the enums or amount scales differ
     */
    public SegmentDistribution<E> plus(SegmentDistribution<E> other) {
        if (!type.equals(other.type) || amountScale != other.amountScale) {
            throw new IllegalArgumentException("cannot add distributions of " + type.getSimpleName() + " (scale "
                    + amountScale + ") and " + other.type.getSimpleName() + " (scale " + other.amountScale + ")");
        }
        long[] c = new long[counts.length];
        long[] r = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.addExact(counts[i], other.counts[i]);
            r[i] = Math.addExact(revenue[i], other.revenue[i]);
        }
        return new SegmentDistribution<>(type, c, r, amountScale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentDistribution<?> d
                && type.equals(d.type)
                && amountScale == d.amountScale
                && Arrays.equals(counts, d.counts)
                && Arrays.equals(revenue, d.revenue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, amountScale, Arrays.hashCode(counts), Arrays.hashCode(revenue));
    }

    /** For example {@code SegmentDistribution[TRUE=412 (20.6%), LATENT=...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SegmentDistribution[");
        for (E e : type.getEnumConstants()) {
            s.append(e.ordinal() == 0 ? "" : ", ")
                    .append(e)
                    .append('=')
                    .append(count(e))
                    .append(" revenue ")
                    .append(revenue(e).toPlainString());
        }
        return s.append(']').toString();
    }
}
