package org.loyaltykpi.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The exact quintile thresholds of the core's RFM scores over all customers, found without bringing the customers to
 * the driver.
 *
 * <p>The core scores a value {@code v} of {@code n} customers {@code 1 + floor(5 b / n)}, where {@code b} counts the
 * customers strictly worse on it (ties kept together). For {@code k = 1..4}, {@code floor(5 b / n) >= k} holds exactly
 * when {@code b >= m_k = ceil(k n / 5)}, that is when {@code v} is above the {@code m_k}-th smallest value {@code
 * q_k}. So the score is {@code 1 + #{k : v > q_k}}, and only the four order statistics {@code q_k} of each of R
 * (the last purchase day), F and M are needed: the distinct values are counted (a group-by), sorted by range (equal
 * values in one partition), each partition's count goes to the driver, and one more pass picks the four values.
 */
final class RfmQuintiles implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Dimensions: 0 = recency as minus the days since the last purchase (higher is better), 1 = F, 2 = M. */
    static final int DIMENSIONS = 3;

    private final long[][] thresholds;

    private RfmQuintiles(long[][] thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The thresholds of the values of every customer.
     *
     * @param values {@code customer_id, recency_days int, frequency int, monetary_minor long}, one row per customer
     * @param customers the number of rows, {@code >= 1}
     */
    static RfmQuintiles of(Dataset<Row> values, long customers) {
        Dataset<Row> histogram = values.selectExpr(
                        "stack(3, 0, -CAST(recency_days AS BIGINT), 1, CAST(frequency AS BIGINT), 2, monetary_minor)"
                                + " AS (dim, value)")
                .groupBy("dim", "value")
                .count()
                .repartitionByRange(col("dim"), col("value"))
                .sortWithinPartitions("dim", "value");
        JavaRDD<Row> sorted = histogram.javaRDD().cache();
        try {
            List<long[]> perPartition = Jobs.run(() -> sorted.mapPartitionsWithIndex(
                            (p, rows) -> {
                                long[] counts = new long[DIMENSIONS + 1];
                                counts[DIMENSIONS] = p;
                                while (rows.hasNext()) {
                                    Row r = rows.next();
                                    counts[r.getInt(0)] += r.getLong(2);
                                }
                                return List.of(counts).iterator();
                            },
                            true)
                    .collect());
            // Requests: for each dimension and k, the partition holding rank m_k and the rank within it.
            List<long[]> requests = new ArrayList<>();
            for (int d = 0; d < DIMENSIONS; d++) {
                long before = 0;
                int k = 1;
                for (long[] part : perPartition) {
                    long upTo = before + part[d];
                    while (k <= 4 && rank(k, customers) <= upTo) {
                        requests.add(new long[] {part[DIMENSIONS], d, k, rank(k, customers) - before});
                        k++;
                    }
                    before = upTo;
                }
                if (before != customers || k != 5) {
                    throw new IllegalStateException(
                            "RFM values of dimension " + d + " count " + before + " customers, expected " + customers);
                }
            }
            List<long[]> found =
                    Jobs.run(() -> sorted.mapPartitionsWithIndex((p, rows) -> pick(p, rows, requests), true)
                            .collect());
            long[][] thresholds = new long[DIMENSIONS][5];
            for (long[] f : found) {
                thresholds[(int) f[0]][(int) f[1]] = f[2];
            }
            return new RfmQuintiles(thresholds);
        } finally {
            sorted.unpersist(false);
        }
    }

    /** The 1-based rank {@code m_k = ceil(k n / 5)}. */
    static long rank(int k, long n) {
        return (k * n + 4) / 5;
    }

    /** The values at the requested ranks within this partition: {@code (dim, k, value)}. */
    private static Iterator<long[]> pick(int partition, Iterator<Row> rows, List<long[]> requests) {
        List<long[]> mine = new ArrayList<>();
        for (long[] r : requests) {
            if (r[0] == partition) {
                mine.add(r);
            }
        }
        List<long[]> out = new ArrayList<>();
        if (mine.isEmpty()) {
            return out.iterator();
        }
        long[] seen = new long[DIMENSIONS];
        while (rows.hasNext()) {
            Row row = rows.next();
            int d = row.getInt(0);
            long value = row.getLong(1);
            long from = seen[d];
            seen[d] += row.getLong(2);
            for (long[] r : mine) {
                if (r[1] == d && r[3] > from && r[3] <= seen[d]) {
                    out.add(new long[] {d, r[2], value});
                }
            }
        }
        return out.iterator();
    }

    /** The core's score of a value on a dimension: {@code 1 + #{k : v > q_k}}. */
    int score(int dimension, long value) {
        int score = 1;
        for (int k = 1; k <= 4; k++) {
            if (value > thresholds[dimension][k]) {
                score++;
            }
        }
        return score;
    }
}
