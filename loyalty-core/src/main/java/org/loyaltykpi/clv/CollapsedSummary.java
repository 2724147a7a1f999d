package org.loyaltykpi.clv;

import java.util.Arrays;
import java.util.List;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The (x, t_x, T) rows of a summary with identical rows merged into one weighted row: the likelihoods are sums over
 * customers, so a row's term is computed once and multiplied by its weight. Primitive arrays, no boxing: this is what
 * the fits iterate over, many times.
 *
 * <p>Recency and T take few distinct values (whole days in some unit), far fewer than there are rows, so the rows
 * also index into the table of those distinct {@link #times}: a likelihood computes {@code ln(alpha + t)} once per
 * distinct time instead of twice per row.
 */
final class CollapsedSummary {
    /** Rows per parallel task of {@link #sum}; fewer rows are summed on the calling thread. */
    private static final int ROWS_PER_TASK = 1 << 14;

    final int[] x;
    final double[] recency;
    final double[] age;
    final double[] weight;
    final int size;
    final int maxFrequency;
    final double totalWeight;
    /** The distinct values of recency and T together. */
    final double[] times;
    /** Per row, the index of its recency in {@link #times}. */
    final int[] recencyTime;
    /** Per row, the index of its T in {@link #times}. */
    final int[] ageTime;

    private CollapsedSummary(int[] x, double[] recency, double[] age, double[] weight, int size, Times times) {
        this.x = x;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        this.size = size;
        int max = 0;
        double total = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, x[i]);
            total += weight[i];
        }
        this.maxFrequency = max;
        this.totalWeight = total;
        this.times = times.values;
        this.recencyTime = times.recency;
        this.ageTime = times.age;
    }

    /** The distinct times of recency and age arrays, and the index of every entry among them. */
    private record Times(double[] values, int[] recency, int[] age) {
        static Times of(double[] recency, double[] age) {
            int n = recency.length;
            long[] keys = new long[2 * n];
            for (int i = 0; i < n; i++) {
                keys[i] = Double.doubleToLongBits(recency[i]);
                keys[n + i] = Double.doubleToLongBits(age[i]);
            }
            int[] index = new int[2 * n];
            long[] distinct = distinct(keys, index);
            double[] values = new double[distinct.length];
            for (int k = 0; k < distinct.length; k++) {
                values[k] = Double.longBitsToDouble(distinct[k]);
            }
            return new Times(values, Arrays.copyOfRange(index, 0, n), Arrays.copyOfRange(index, n, 2 * n));
        }
    }

    /** The rows as they are, each with weight 1 (no merging), for checks against the collapsed form. */
    static CollapsedSummary uncollapsed(int[] x, double[] recency, double[] age) {
        return uncollapsed(x, recency, age, null);
    }

    /** The rows as they are, row {@code i} with weight {@code weights[i]} (1 when {@code weights} is null). */
    static CollapsedSummary uncollapsed(int[] x, double[] recency, double[] age, long[] weights) {
        double[] weight = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            weight[i] = weights == null ? 1 : weights[i];
        }
        return new CollapsedSummary(x.clone(), recency.clone(), age.clone(), weight, x.length, Times.of(recency, age));
    }

    /** Merges identical rows (same frequency and bit-identical recency and T); rows keep first-seen order. */
    static CollapsedSummary collapse(int[] x, double[] recency, double[] age) {
        return collapse(x, recency, age, null, null);
    }

    /**
     * As {@link #collapse(int[], double[], double[])}: row {@code i} counts {@code weights[i]} times, or once when
     * {@code weights} is null; {@code rowOf[i]}, when given, receives the collapsed row of entry i.
     */
    static CollapsedSummary collapse(int[] x, double[] recency, double[] age, long[] weights, int[] rowOf) {
        int n = x.length;
        Times perCustomer = Times.of(recency, age);
        // A row is the pair ((x, t_x), T): number the distinct (x, t_x) first, then the distinct rows.
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) x[i] << 32) | perCustomer.recency[i];
        }
        distinct(keys, index);
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) index[i] << 32) | perCustomer.age[i];
        }
        int size = distinct(keys, index).length;
        if (rowOf != null) {
            System.arraycopy(index, 0, rowOf, 0, n);
        }
        int[] outX = new int[size];
        double[] outRecency = new double[size];
        double[] outAge = new double[size];
        double[] outWeight = new double[size];
        int[] outRecencyTime = new int[size];
        int[] outAgeTime = new int[size];
        for (int i = 0; i < n; i++) {
            int row = index[i];
            outX[row] = x[i];
            outRecency[row] = recency[i];
            outAge[row] = age[i];
            outRecencyTime[row] = perCustomer.recency[i];
            outAgeTime[row] = perCustomer.age[i];
            outWeight[row] += weights == null ? 1 : weights[i];
        }
        return new CollapsedSummary(
                outX, outRecency, outAge, outWeight, size, new Times(perCustomer.values, outRecencyTime, outAgeTime));
    }

    /** A sum over a range of rows {@code [from, to)} into {@code out}, whose length the caller chose. */
    @FunctionalInterface
    interface RowSum {
        void add(int from, int to, double[] out);
    }

    /**
     * Sums over all rows, in parallel when there are many: every task sums a fixed range of rows, and the partial sums
     * add up in row order, so the result is the same on every machine.
     *
     * @param width the number of sums
     * @param rows the sum over a range of rows
     * @return the sums
     */
    double[] sum(int width, RowSum rows) {
        List<double[]> partials = ParallelScans.scanInOrder(size, ROWS_PER_TASK, (from, to) -> {
            double[] out = new double[width];
            rows.add(from, to, out);
            return out;
        });
        double[] total = partials.get(0);
        for (int t = 1; t < partials.size(); t++) {
            for (int k = 0; k < width; k++) {
                total[k] += partials.get(t)[k];
            }
        }
        return total;
    }

    /**
     * The distinct values of {@code keys} in first-seen order; {@code index[i]} receives the position of
     * {@code keys[i]} among them.
     */
    static long[] distinct(long[] keys, int[] index) {
        int n = keys.length;
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        long[] out = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long h = key * 0x9E37_79B9_7F4A_7C15L;
            int slot = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    slots[slot] = size;
                    out[size] = key;
                    index[i] = size++;
                    break;
                }
                if (out[k] == key) {
                    index[i] = k;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return Arrays.copyOf(out, size);
    }
}
