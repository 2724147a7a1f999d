package org.loyaltykpi.clv;

import java.util.Arrays;

/**
 * A summary's (x, t_x, T) as columns for the whole-summary prediction kernels: the frequency of every entry, and its
 * recency and T as indices into the ascending table of the distinct times. The kernels then compute whatever depends on
 * a time once per distinct time, whatever depends on (x, t) once per distinct pair that occurs ({@link #agePairs},
 * {@link #pairs}), and per entry only the few operations that mix them, over primitive arrays on every core: no
 * per-customer object, no hashing and no scatter at prediction time.
 *
 * <p>Pairs are numbered densely, {@code x * times.length + k} for time index {@code k}: the kernels index tables of
 * {@code (maxFrequency + 1) * times.length} entries, which {@link #of} only builds when that is small beside the number
 * of entries ({@link #dense}); otherwise the callers use the collapsed rows instead.
 */
final class TimeColumns {
    /** Dense tables up to this many cells whatever the number of entries. */
    private static final long MIN_DENSE = 1 << 18;

    /** Dense tables never beyond this many cells. */
    private static final long MAX_DENSE = 1 << 24;

    /** Every entry's frequency (the summary's own array: read only). */
    final int[] x;
    /** Every entry's recency, as an index into {@link #times}. */
    final int[] recencyTime;
    /** Every entry's T, as an index into {@link #times}. */
    final int[] ageTime;
    /** The distinct values of recency and T together, ascending. */
    final double[] times;
    /** The largest frequency. */
    final int maxFrequency;
    /** Whether the pair tables below exist: {@code (maxFrequency + 1) * times.length} is small enough. */
    final boolean dense;
    /** The distinct (x, T) pairs that occur, as dense keys, ascending (x first, then time). */
    final int[] agePairs;
    /** The distinct (x, t_x) and (x, T) pairs that occur, as dense keys, ascending. */
    final int[] pairs;

    private TimeColumns(
            int[] x,
            int[] recencyTime,
            int[] ageTime,
            double[] times,
            int maxFrequency,
            boolean dense,
            int[] agePairs,
            int[] pairs) {
        this.x = x;
        this.recencyTime = recencyTime;
        this.ageTime = ageTime;
        this.times = times;
        this.maxFrequency = maxFrequency;
        this.dense = dense;
        this.agePairs = agePairs;
        this.pairs = pairs;
    }

    /** The columns of a summary's arrays (not copied: the summary is immutable). */
    static TimeColumns of(int[] x, double[] recency, double[] age) {
        int n = x.length;
        long[] keys = new long[2 * n];
        for (int i = 0; i < n; i++) {
            keys[i] = Double.doubleToLongBits(recency[i]);
            keys[n + i] = Double.doubleToLongBits(age[i]);
        }
        int[] index = new int[2 * n];
        long[] distinct = CollapsedSummary.distinct(keys, index);
        int nt = distinct.length;
        // Sort the distinct times and renumber: rank[k] is the ascending position of first-seen time k.
        double[] values = new double[nt];
        for (int k = 0; k < nt; k++) {
            values[k] = Double.longBitsToDouble(distinct[k]);
        }
        Integer[] byValue = new Integer[nt];
        for (int k = 0; k < nt; k++) {
            byValue[k] = k;
        }
        Arrays.sort(byValue, (p, q) -> Double.compare(values[p], values[q]));
        int[] rank = new int[nt];
        double[] times = new double[nt];
        for (int j = 0; j < nt; j++) {
            rank[byValue[j]] = j;
            times[j] = values[byValue[j]];
        }
        int[] recencyTime = new int[n];
        int[] ageTime = new int[n];
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            recencyTime[i] = rank[index[i]];
            ageTime[i] = rank[index[n + i]];
            maxX = Math.max(maxX, x[i]);
        }
        long cells = (long) (maxX + 1) * nt;
        boolean dense = n > 0 && cells <= Math.min(MAX_DENSE, Math.max(MIN_DENSE, 2L * n));
        int[] agePairs = new int[0];
        int[] pairs = new int[0];
        if (dense) {
            long[] ageBits = new long[(int) ((cells + 63) >>> 6)];
            long[] anyBits = new long[ageBits.length];
            for (int i = 0; i < n; i++) {
                int base = x[i] * nt;
                int a = base + ageTime[i];
                int r = base + recencyTime[i];
                ageBits[a >>> 6] |= 1L << a;
                anyBits[a >>> 6] |= 1L << a;
                anyBits[r >>> 6] |= 1L << r;
            }
            agePairs = keysOf(ageBits);
            pairs = keysOf(anyBits);
        }
        return new TimeColumns(x, recencyTime, ageTime, times, maxX, dense, agePairs, pairs);
    }

    /** The set bits of a bitmap, ascending. */
    private static int[] keysOf(long[] bits) {
        int count = 0;
        for (long w : bits) {
            count += Long.bitCount(w);
        }
        int[] out = new int[count];
        int k = 0;
        for (int word = 0; word < bits.length; word++) {
            long w = bits[word];
            while (w != 0) {
                out[k++] = (word << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
            }
        }
        return out;
    }

    /** The number of entries. */
    int size() {
        return x.length;
    }
}
