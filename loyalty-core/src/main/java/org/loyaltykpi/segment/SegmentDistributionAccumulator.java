package org.loyaltykpi.segment;

import java.util.Objects;
import org.loyaltykpi.internal.Money;

/**
 * Builds a {@link SegmentDistribution} one customer at a time and merges with other accumulators of the same enum:
 * split the customers anywhere, merge, and the snapshot is the same as from one accumulator over all of them. Add
 * each customer once (a customer is in exactly one segment).
 *
 * <p>State: a count and a revenue sum per enum constant, exported by {@link #snapshot()} ({@link
 * SegmentDistribution#counts()}, {@link SegmentDistribution#revenueMinorUnits()}) and taken back by {@link
 * #add(SegmentDistribution)}. Not thread-safe; use one per thread and {@link #merge}, or the collectors of {@link
 * SegmentCalculator} on a parallel stream.
 *
 * <pre>{@code
 * var acc = new SegmentDistributionAccumulator<>(LoyaltyLevel.class, 2);
 * acc.add(LoyaltyLevel.TRUE, 12_50).add(LoyaltyLevel.UNKNOWN, 0);
 * acc.snapshot().share(LoyaltyLevel.TRUE);   // 50.0% (1/2)
 * }</pre>
 *
 * @param <E> the segment enum
 */
public final class SegmentDistributionAccumulator<E extends Enum<E>> {
    private final Class<E> type;
    private final int amountScale;
    private final long[] counts;
    private final long[] revenue;

    /**
     * An empty accumulator.
     *
     * @param type the segment enum
     * @param amountScale decimal places of the revenue's minor unit, 0..9
     */
    public SegmentDistributionAccumulator(Class<E> type, int amountScale) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        this.amountScale = Money.checkScale(amountScale);
        this.counts = new long[type.getEnumConstants().length];
        this.revenue = new long[counts.length];
    }

    /**
     * Adds a customer without revenue.
     *
     * @param segment its segment
     * @return this accumulator
     */
    public SegmentDistributionAccumulator<E> add(E segment) {
        return add(segment, 0);
    }

    /**
     * Adds a customer and the revenue credited to it.
     *
     * @param segment its segment
     * @param revenueMinorUnits its revenue in minor units, {@code >= 0}
     * @return this accumulator
     * @throws IllegalArgumentException if the revenue is negative
     */
    public SegmentDistributionAccumulator<E> add(E segment, long revenueMinorUnits) {
        if (revenueMinorUnits < 0) {
            throw new IllegalArgumentException("revenueMinorUnits must be >= 0: " + revenueMinorUnits);
        }
        counts[segment.ordinal()]++;
        revenue[segment.ordinal()] = Math.addExact(revenue[segment.ordinal()], revenueMinorUnits);
        return this;
    }

    /**
     * Adds customers without revenue.
     *
     * @param segments one segment per customer
     * @return this accumulator
     */
    public SegmentDistributionAccumulator<E> addAll(Iterable<E> segments) {
        segments.forEach(this::add);
        return this;
    }

    /**
     * Adds a distribution's counts and revenues, for example a state stored earlier.
     *
     * @param distribution the distribution, of the same enum and amount scale
     * @return this accumulator
     * @throws IllegalArgumentException if the enum or the amount scale differs
     */
    public SegmentDistributionAccumulator<E> add(SegmentDistribution<E> distribution) {
        if (!type.equals(distribution.type()) || amountScale != distribution.amountScale()) {
            throw new IllegalArgumentException(
                    "cannot add a distribution of " + distribution.type().getSimpleName()
                            + " (scale " + distribution.amountScale() + ") to an accumulator of " + type.getSimpleName()
                            + " (scale " + amountScale + ")");
        }
        long[] c = distribution.counts();
        long[] r = distribution.revenueMinorUnits();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.addExact(counts[i], c[i]);
            revenue[i] = Math.addExact(revenue[i], r[i]);
        }
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other the other accumulator; unchanged
     * @return this accumulator
     */
    public SegmentDistributionAccumulator<E> merge(SegmentDistributionAccumulator<E> other) {
        return add(other.snapshot());
    }

    /**
     * The distribution of everything added so far; the accumulator stays usable.
     *
     * @return the distribution
     */
    public SegmentDistribution<E> snapshot() {
        return SegmentDistribution.of(type, amountScale, counts, revenue);
    }
}
