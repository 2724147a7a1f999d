package org.loyaltykpi.io;

import java.util.Objects;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * A loaded purchase table and what the load did to its input.
 *
 * <pre>{@code
 * PurchaseLoad load = PurchaseCsv.load(Path.of("orders_export.csv"), PurchasePreset.SHOPIFY.csvOptions());
 * load.table().size();     // purchases (orders)
 * load.summary();          // "7 rows: 5 order lines in 3 orders; 1 refund netted, -20.00"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param table the purchases (and the refunds to net, see {@link PurchaseTable#refundCount()})
 * @param summary what was read, grouped, skipped, excluded and netted
 */
public record PurchaseLoad(PurchaseTable table, LoadSummary summary) {
    /** Checks for nulls. */
    public PurchaseLoad {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(summary, "summary must not be null");
    }
}
