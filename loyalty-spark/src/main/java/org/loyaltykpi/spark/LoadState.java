package org.loyaltykpi.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.loyaltykpi.io.LoadSummary;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.io.PurchaseRules;

/**
 * A {@link LoadSummary}'s components as plain serializable values, with the last purchase day, to ship from the
 * executors to the driver.
 */
final class LoadState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] counts;
    private final boolean grouped;
    private final LinkedHashMap<String, long[]> skipped;
    private final LinkedHashMap<String, long[]> badRows;
    private final LinkedHashMap<String, long[]> excluded;
    private final BigDecimal refundAmount;
    private final PurchaseRules.Refunds refundHandling;
    /** The last purchase day (epoch day), {@code Integer.MIN_VALUE} without purchases. */
    private final int lastDay;

    private LoadState(LoadSummary s, int lastDay) {
        this.lastDay = lastDay;
        counts = new long[] {s.rows(), s.orderLines(), s.purchases(), s.refunds(), s.refundLines()};
        grouped = s.grouped();
        skipped = export(s.skipped());
        badRows = export(s.badRows());
        excluded = export(s.excludedStatuses());
        refundAmount = s.refundAmount();
        refundHandling = s.refundHandling();
    }

    static LoadState of(PurchaseLoad load) {
        return new LoadState(
                load.summary(),
                load.table().isEmpty() ? Integer.MIN_VALUE : load.table().maxEpochDay());
    }

    /** The last purchase day of the input, or empty without purchases. */
    OptionalInt lastDay() {
        return lastDay == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(lastDay);
    }

    private static LinkedHashMap<String, long[]> export(Map<String, LoadSummary.Skipped> map) {
        LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new long[] {v.rows(), v.firstLine()}));
        return out;
    }

    private static Map<String, LoadSummary.Skipped> imported(Map<String, long[]> map) {
        Map<String, LoadSummary.Skipped> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new LoadSummary.Skipped(v[0], v[1])));
        return out;
    }

    LoadSummary summary() {
        return new LoadSummary(
                counts[0],
                counts[1],
                counts[2],
                grouped,
                imported(skipped),
                imported(badRows),
                imported(excluded),
                counts[3],
                counts[4],
                refundAmount,
                refundHandling);
    }

    /** The state of both parts' summaries, merged by the core ({@link LoadSummary#plus}). */
    LoadState plus(LoadState other) {
        return new LoadState(summary().plus(other.summary()), Math.max(lastDay, other.lastDay));
    }
}
