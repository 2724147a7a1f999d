package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How many customers fall in each P(alive) bucket: {@code [0, 0.2), [0.2, 0.4), ..., [0.8, 1.0]} by default (the last
 * bucket includes 1).
 *
 * <pre>{@code
 * AliveDistribution d = AliveDistribution.of(predictions);
 * d.counts();   // [120, 80, 64, 90, 646]
 * }</pre>
 *
 * @param edges the bucket edges, ascending, from 0 to 1 ({@code edges.size() - 1} buckets)
 * @param counts the customers per bucket
 */
public record AliveDistribution(List<Double> edges, List<Long> counts) {
    /** The default edges: five buckets of width 0.2. */
    public static final List<Double> QUINTILE_EDGES = List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);

    /**
     * Validates the edges and counts.
     *
     * @throws IllegalArgumentException if the edges do not ascend from 0 to 1 or the counts do not match them
     */
    public AliveDistribution {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (edges.size() < 2 || edges.get(0) != 0.0 || edges.get(edges.size() - 1) != 1.0) {
            throw new IllegalArgumentException("edges must run from 0 to 1, got " + edges);
        }
        for (int i = 1; i < edges.size(); i++) {
            if (!(edges.get(i) > edges.get(i - 1))) {
                throw new IllegalArgumentException("edges must ascend, got " + edges);
            }
        }
        if (counts.size() != edges.size() - 1) {
            throw new IllegalArgumentException(
                    "counts must have one value per bucket (" + (edges.size() - 1) + "), got " + counts.size());
        }
    }

    /**
     * The distribution of the predictions' P(alive) over the quintile buckets.
     *
     * @param predictions the predictions
     * @return the distribution
     */
    public static AliveDistribution of(Collection<CustomerPrediction> predictions) {
        return of(predictions, QUINTILE_EDGES);
    }

    /**
     * The distribution of the predictions' P(alive) over the given buckets.
     *
     * @param predictions the predictions
     * @param edges the bucket edges, ascending from 0 to 1
     * @return the distribution
     */
    public static AliveDistribution of(Collection<CustomerPrediction> predictions, List<Double> edges) {
        return of(
                predictions.stream()
                        .mapToDouble(CustomerPrediction::probabilityAlive)
                        .toArray(),
                edges);
    }

    static AliveDistribution of(double[] alive, List<Double> edges) {
        long[] counts = new long[edges.size() - 1];
        for (double p : alive) {
            int b = 0;
            while (b < counts.length - 1 && p >= edges.get(b + 1)) {
                b++;
            }
            counts[b]++;
        }
        List<Long> list = new ArrayList<>(counts.length);
        for (long c : counts) {
            list.add(c);
        }
        return new AliveDistribution(edges, list);
    }

    /**
     * The number of customers.
     *
     * @return the sum of the counts
     */
    public long customers() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AliveDistribution[");
        for (int b = 0; b < counts.size(); b++) {
            s.append(b == 0 ? "" : ", ")
                    .append(edges.get(b))
                    .append('-')
                    .append(edges.get(b + 1))
                    .append(": ")
                    .append(counts.get(b));
        }
        return s.append(']').toString();
    }
}
