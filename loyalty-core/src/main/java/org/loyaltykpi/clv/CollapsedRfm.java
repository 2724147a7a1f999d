package org.loyaltykpi.clv;

import java.util.Arrays;

/**
 * The (x, t_x, T) rows of a summary with identical rows merged into one weighted row: the likelihoods are sums over
 * customers, so a row's term is computed once and multiplied by its weight. Primitive arrays, no boxing: this is what
 * the fits iterate over, many times.
 */
final class CollapsedRfm {
    final int[] x;
    final double[] recency;
    final double[] age;
    final double[] weight;
    final int size;
    final int maxFrequency;
    final double totalWeight;

    private CollapsedRfm(int[] x, double[] recency, double[] age, double[] weight, int size) {
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
    }

    /** The rows as they are, each with weight 1 (no merging), for checks against the collapsed form. */
    static CollapsedRfm uncollapsed(int[] x, double[] recency, double[] age) {
        double[] weight = new double[x.length];
        Arrays.fill(weight, 1);
        return new CollapsedRfm(x.clone(), recency.clone(), age.clone(), weight, x.length);
    }

    /** Merges identical rows (same frequency and bit-identical recency and T); rows keep first-seen order. */
    static CollapsedRfm collapse(int[] x, double[] recency, double[] age) {
        int n = x.length;
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int[] outX = new int[n];
        double[] outRecency = new double[n];
        double[] outAge = new double[n];
        double[] outWeight = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long r = Double.doubleToLongBits(recency[i]);
            long t = Double.doubleToLongBits(age[i]);
            long h = (x[i] * 0x9E37_79B9_7F4A_7C15L) ^ (r * 0xC2B2_AE3D_27D4_EB4FL) ^ (t * 0x1656_67B1_9E37_79F9L);
            int slot = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    slots[slot] = size;
                    outX[size] = x[i];
                    outRecency[size] = recency[i];
                    outAge[size] = age[i];
                    outWeight[size] = 1;
                    size++;
                    break;
                }
                if (outX[k] == x[i]
                        && Double.doubleToLongBits(outRecency[k]) == r
                        && Double.doubleToLongBits(outAge[k]) == t) {
                    outWeight[k]++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new CollapsedRfm(outX, outRecency, outAge, outWeight, size);
    }
}
