package org.loyaltykpi.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.BtydSummaryAccumulator;

/**
 * The rows of a {@link BtydSummaryAccumulator} exported as plain serializable arrays (one partition's customers, or
 * the union of several), and imported back into an accumulator on the driver.
 */
final class SummaryPart implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Object[]> rows;

    private SummaryPart(List<Object[]> rows) {
        this.rows = rows;
    }

    static SummaryPart of(BtydSummary summary) {
        List<Object[]> rows = new ArrayList<>(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            rows.add(
                    summary.hasHoldout()
                            ? new Object[] {
                                summary.customer(i).value(),
                                summary.frequency(i),
                                summary.recency(i),
                                summary.age(i),
                                summary.monetaryValue(i),
                                summary.holdoutFrequency(i),
                                summary.holdoutMonetaryValue(i)
                            }
                            : new Object[] {
                                summary.customer(i).value(),
                                summary.frequency(i),
                                summary.recency(i),
                                summary.age(i),
                                summary.monetaryValue(i)
                            });
        }
        return new SummaryPart(rows);
    }

    /** The union of two parts of disjoint customers (the accumulator's merge, done on the executors' way up). */
    SummaryPart union(SummaryPart other) {
        List<Object[]> all = new ArrayList<>(rows.size() + other.rows.size());
        all.addAll(rows);
        all.addAll(other.rows);
        return new SummaryPart(all);
    }

    /** Adds the rows to an accumulator. */
    BtydSummaryAccumulator addTo(BtydSummaryAccumulator acc) {
        for (Object[] r : rows) {
            if (r.length == 7) {
                acc.add((String) r[0], (int) r[1], (double) r[2], (double) r[3], (double) r[4], (int) r[5], (double)
                        r[6]);
            } else {
                acc.add((String) r[0], (int) r[1], (double) r[2], (double) r[3], (double) r[4]);
            }
        }
        return acc;
    }
}
