package org.loyaltykpi.segment;

import java.util.Arrays;
import java.util.Objects;
import org.loyaltykpi.domain.DateRange;

/**
 * The flow of customers between {@link LifecycleStage}s over one period: how many customers in stage {@code from} as
 * of the period's start are in stage {@code to} as of its end.
 *
 * <p>Customers never leave the population (a lapsed customer stays lapsed), so every customer of the start is counted
 * once: the row of a stage sums to that stage's count at the start. Customers who appear during the period (first
 * purchase or first contact in it) have no start stage and are counted as {@link #newcomers}. So the columns, newcomers
 * included, sum to the stage counts at the end.
 *
 * <pre>{@code
 * StageTransitions t = series.transitions().get(3);
 * t.count(LifecycleStage.REPEAT, LifecycleStage.AT_RISK);   // repeat customers who went quiet in the period
 * t.newcomers(LifecycleStage.FIRST_PURCHASE);              // customers acquired in the period
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StageTransitions {
    private static final int STAGES = LifecycleStage.values().length;

    private final DateRange period;
    /** {@code STAGES + 1} rows (the last one: newcomers) by {@code STAGES} columns. */
    private final long[][] counts;

    private StageTransitions(DateRange period, long[][] counts) {
        this.period = period;
        this.counts = counts;
    }

    /**
     * A transition matrix from its counts.
     *
     * @param period the period: from the stages as of its start to those as of its end
     * @param counts {@code counts[from.ordinal()][to.ordinal()]}, with one extra last row for newcomers; every entry
     *     {@code >= 0}
     * @return the transitions
     * @throws IllegalArgumentException if the shape is not 7 rows of 6 or an entry is negative
     */
    public static StageTransitions of(DateRange period, long[][] counts) {
        Objects.requireNonNull(period, "period must not be null");
        if (counts.length != STAGES + 1) {
            throw new IllegalArgumentException(
                    "counts need " + (STAGES + 1) + " rows (one per stage and newcomers): " + counts.length);
        }
        long[][] copy = new long[STAGES + 1][];
        for (int r = 0; r <= STAGES; r++) {
            if (counts[r].length != STAGES) {
                throw new IllegalArgumentException("row " + r + " needs " + STAGES + " columns: " + counts[r].length);
            }
            for (long v : counts[r]) {
                if (v < 0) {
                    throw new IllegalArgumentException("counts must be >= 0: " + v + " in row " + r);
                }
            }
            copy[r] = counts[r].clone();
        }
        return new StageTransitions(period, copy);
    }

    /**
     * The period.
     *
     * @return from its start to its end
     */
    public DateRange period() {
        return period;
    }

    /**
     * Customers in {@code from} at the start and {@code to} at the end.
     *
     * @param from the stage at the start
     * @param to the stage at the end
     * @return the count
     */
    public long count(LifecycleStage from, LifecycleStage to) {
        return counts[from.ordinal()][to.ordinal()];
    }

    /**
     * Customers who appeared during the period and are in {@code to} at its end.
     *
     * @param to the stage at the end
     * @return the count
     */
    public long newcomers(LifecycleStage to) {
        return counts[STAGES][to.ordinal()];
    }

    /**
     * Customers in a stage at the start: the row sum.
     *
     * @param from the stage
     * @return the count
     */
    public long atStart(LifecycleStage from) {
        return Arrays.stream(counts[from.ordinal()]).sum();
    }

    /**
     * Customers in a stage at the end: the column sum, newcomers included.
     *
     * @param to the stage
     * @return the count
     */
    public long atEnd(LifecycleStage to) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[to.ordinal()];
        }
        return sum;
    }

    /**
     * The counts as plain state.
     *
     * @return a copy: {@code [from][to]}, the last row newcomers
     */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = counts[r].clone();
        }
        return copy;
    }

    /**
     * The transitions over this and another, disjoint, set of customers in the same period.
     *
     * @param other the other transitions
     * @return counts added
     * @throws IllegalArgumentException if the periods differ
     */
    public StageTransitions plus(StageTransitions other) {
        if (!period.equals(other.period)) {
            throw new IllegalArgumentException("cannot add transitions of " + period + " and " + other.period);
        }
        long[][] sum = counts();
        for (int r = 0; r < sum.length; r++) {
            for (int c = 0; c < STAGES; c++) {
                sum[r][c] = Math.addExact(sum[r][c], other.counts[r][c]);
            }
        }
        return new StageTransitions(period, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageTransitions t && period.equals(t.period) && Arrays.deepEquals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return 31 * period.hashCode() + Arrays.deepHashCode(counts);
    }

    /** The period and the matrix rows, for example {@code StageTransitions[2024-01-01/2024-02-01, PROSPECT=[...]]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("StageTransitions[").append(period);
        for (int r = 0; r <= STAGES; r++) {
            s.append(", ")
                    .append(r == STAGES ? "new" : LifecycleStage.values()[r].name())
                    .append('=')
                    .append(Arrays.toString(counts[r]));
        }
        return s.append(']').toString();
    }
}
