package org.loyaltykpi.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a purchase load did to its input: how many rows it read, how many became purchases (and in how many orders),
 * what it skipped per reason with the first line of each, the refunds it netted or excluded and the rows it excluded
 * per status. Every reader of purchases (CSV, JDBC, ...) gives one beside its table, so that nothing is dropped
 * without a trace.
 *
 * <p>Rows add up: {@code rows = orderLines + refundLines + skipped rows + bad rows + excluded rows}, where a row is
 * counted once, under its first reason.
 *
 * <pre>{@code
 * PurchaseLoad load = PurchaseCsv.load(Path.of("online_retail.csv"), PurchasePreset.ONLINE_RETAIL.csvOptions());
 * load.summary().toString();
 * // "28,492 rows: 18,103 order lines in 1,071 orders; 10,003 rows without a customer skipped (first line 1,444);
 * //  144 refunds netted, -9,133.93"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows data rows read (header and blank lines not counted)
 * @param orderLines rows that became (part of) a purchase
 * @param purchases purchases in the table: orders when an order column is given, rows otherwise
 * @param grouped whether rows were grouped into orders by an order column
 * @param skipped rows skipped by a rule per reason ({@link #WITHOUT_CUSTOMER}), in order of first appearance
 * @param badRows rows that could not be read and were skipped (lenient reading), per column and problem ({@link
 *     #badRowReason(CsvFormatException)}), in order of first appearance
 * @param excludedStatuses rows excluded per status, in order of first appearance
 * @param refunds refunds found (negative or fully refunded rows, or orders when grouped)
 * @param refundLines rows that made up those refunds
 * @param refundAmount the refunds' total, {@code <= 0}
 * @param refundHandling what was done with the refunds
 */
public record LoadSummary(
        long rows,
        long orderLines,
        long purchases,
        boolean grouped,
        Map<String, Skipped> skipped,
        Map<String, Skipped> badRows,
        Map<String, Skipped> excludedStatuses,
        long refunds,
        long refundLines,
        BigDecimal refundAmount,
        PurchaseRules.Refunds refundHandling) {

    /** The skip reason of rows with an empty customer id or a guest id. */
    public static final String WITHOUT_CUSTOMER = "without a customer";

    /**
     * A number of rows skipped for one reason, and the first of them.
     *
     * @param rows how many rows, {@code >= 1}
     * @param firstLine the 1-based line (or row number) of the first
     */
    public record Skipped(long rows, long firstLine) {
        /** Validates the count. */
        public Skipped {
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be >= 1: " + rows);
            }
        }

        /**
         * One more row.
         *
         * @return a copy with one more row and the same first line
         */
        public Skipped plusOne() {
            return new Skipped(rows + 1, firstLine);
        }
    }

    /** Validates the counts and copies the maps. */
    public LoadSummary {
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        badRows = Collections.unmodifiableMap(new LinkedHashMap<>(badRows));
        excludedStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(excludedStatuses));
        Objects.requireNonNull(refundAmount, "refundAmount must not be null");
        Objects.requireNonNull(refundHandling, "refundHandling must not be null");
        if (rows < 0 || orderLines < 0 || purchases < 0 || refunds < 0 || refundLines < 0) {
            throw new IllegalArgumentException("counts must be >= 0: rows " + rows + ", order lines " + orderLines
                    + ", purchases " + purchases + ", refunds " + refunds + ", refund lines " + refundLines);
        }
        if (refundAmount.signum() > 0) {
            throw new IllegalArgumentException("refundAmount must be <= 0: " + refundAmount);
        }
        if (refundAmount.signum() == 0) {
            refundAmount = BigDecimal.ZERO; // one zero whatever the amount scale: every reader writes the same JSON
        }
    }

    /**
     * The summary of a load that read every row as one purchase: nothing skipped, no refund.
     *
     * @param purchases the rows and purchases
     * @return the summary
     */
    public static LoadSummary ofPurchases(long purchases) {
        return new LoadSummary(
                purchases,
                purchases,
                purchases,
                false,
                Map.of(),
                Map.of(),
                Map.of(),
                0,
                0,
                BigDecimal.ZERO,
                PurchaseRules.Refunds.NET);
    }

    /**
     * The summary of two loads of disjoint parts of one input (the partitions of a cluster job, each read by its own
     * {@link PurchaseRowLoader}): counts and refunds added, skipped rows merged per reason (statuses ignoring case)
     * with the earlier first line (and, for a status, its form written there), the reasons in order of first line.
     * Loads of the parts of one input give the summary of one load of the whole.
     *
     * <pre>{@code
     * LoadSummary whole = partA.plus(partB);   // rows = partA.rows() + partB.rows(), ...
     * }</pre>
     *
     * @param other the other part's summary, of the same grouping and refund handling
     * @return the summary of both parts
     * @throws IllegalArgumentException if the two were read with different grouping or refund handling
     */
    public LoadSummary plus(LoadSummary other) {
        if (grouped != other.grouped || refundHandling != other.refundHandling) {
            throw new IllegalArgumentException("cannot merge the summaries of loads with different rules: grouped "
                    + grouped + "/" + other.grouped + ", refunds " + refundHandling + "/" + other.refundHandling);
        }
        return new LoadSummary(
                Math.addExact(rows, other.rows),
                Math.addExact(orderLines, other.orderLines),
                Math.addExact(purchases, other.purchases),
                grouped,
                merged(skipped, other.skipped, false),
                merged(badRows, other.badRows, false),
                merged(excludedStatuses, other.excludedStatuses, true),
                Math.addExact(refunds, other.refunds),
                Math.addExact(refundLines, other.refundLines),
                refundAmount.add(other.refundAmount),
                refundHandling);
    }

    private static Map<String, Skipped> merged(Map<String, Skipped> a, Map<String, Skipped> b, boolean ignoreCase) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Skipped> byKey = new LinkedHashMap<>();
        for (Map<String, Skipped> part : List.of(a, b)) {
            part.forEach((name, s) -> {
                String key = ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
                Skipped before = byKey.get(key);
                if (before == null) {
                    names.put(key, name);
                    byKey.put(key, s);
                } else {
                    if (s.firstLine() < before.firstLine()) {
                        names.put(key, name);
                    }
                    byKey.put(
                            key,
                            new Skipped(
                                    Math.addExact(before.rows(), s.rows()),
                                    Math.min(before.firstLine(), s.firstLine())));
                }
            });
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(java.util.Comparator.comparingLong(k -> byKey.get(k).firstLine()));
        Map<String, Skipped> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(names.get(key), byKey.get(key));
        }
        return out;
    }

    /**
     * The reason a bad row is counted under: its column and problem, without the value, so that rows with the same
     * fault count together.
     *
     * @param error the row's error
     * @return for example {@code column 'date' (#2): is not a date of pattern yyyy-MM-dd}
     */
    public static String badRowReason(CsvFormatException error) {
        return error.column().map(c -> "column " + c + ": ").orElse("") + error.problem();
    }

    /**
     * Rows skipped by a rule (without a customer), excluded statuses and bad rows not counted.
     *
     * @return the sum of {@link #skipped()}
     */
    public long skippedRows() {
        return skipped.values().stream().mapToLong(Skipped::rows).sum();
    }

    /**
     * Rows that could not be read and were skipped.
     *
     * @return the sum of {@link #badRows()}
     */
    public long badRowCount() {
        return badRows.values().stream().mapToLong(Skipped::rows).sum();
    }

    /**
     * The bad rows in one line, for a warning: {@code 2 bad rows skipped: column 'date' (#2): is not a date of
     * pattern yyyy-MM-dd: 1, first line 3; column 'amount' (#3): is not an amount (...): 1, first line 5}.
     *
     * @return the line, or {@code no bad rows}
     */
    public String badRowsText() {
        return badRowsText(badRows);
    }

    /**
     * Bad rows per reason in one line (see {@link #badRowsText()}).
     *
     * @param badRows rows per reason
     * @return the line
     */
    public static String badRowsText(Map<String, Skipped> badRows) {
        long n = badRows.values().stream().mapToLong(Skipped::rows).sum();
        if (n == 0) {
            return "no bad rows";
        }
        List<String> reasons = new ArrayList<>();
        badRows.forEach(
                (reason, s) -> reasons.add(reason + ": " + number(s.rows()) + ", first line " + number(s.firstLine())));
        return count(n, "bad row") + " skipped: " + String.join("; ", reasons);
    }

    /**
     * Rows excluded by their status.
     *
     * @return the sum of {@link #excludedStatuses()}
     */
    public long excludedRows() {
        return excludedStatuses.values().stream().mapToLong(Skipped::rows).sum();
    }

    /**
     * Whether every row became a purchase, one each.
     *
     * @return true if nothing was grouped, skipped, excluded or taken for a refund
     */
    public boolean isPlain() {
        return !grouped
                && skipped.isEmpty()
                && badRows.isEmpty()
                && excludedStatuses.isEmpty()
                && refunds == 0
                && rows == purchases;
    }

    /**
     * The summary in one line, for example {@code 28,492 rows: 18,103 order lines in 1,071 orders; 10,003 rows
     * without a customer skipped (first line 2); 144 refunds netted, -9,133.93}.
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(
                grouped
                        ? count(orderLines, "order line") + " in " + count(purchases, "order")
                        : count(purchases, "purchase"));
        skipped.forEach((reason, s) -> parts.add(
                count(s.rows(), "row") + " " + reason + " skipped (first line " + number(s.firstLine()) + ")"));
        if (!badRows.isEmpty()) {
            parts.add(badRowsText());
        }
        excludedStatuses.forEach((status, s) -> parts.add(count(s.rows(), "row") + " of status '" + status
                + "' excluded (first line " + number(s.firstLine()) + ")"));
        if (refunds > 0) {
            String done = switch (refundHandling) {
                case NET -> "netted";
                case EXCLUDE -> "excluded";
                case ERROR -> "refused";
            };
            parts.add(count(refunds, "refund") + " " + done + ", "
                    + String.format(Locale.ROOT, "%,.2f", refundAmount).replace("-0.00", "0.00"));
        }
        return count(rows, "row") + ": " + String.join("; ", parts);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
