package org.loyaltykpi.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.loyaltykpi.domain.LimitExceededException;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Money;

/**
 * The one row-level pipeline from parsed fields to a {@link PurchaseTable} and its {@link LoadSummary}, shared by
 * every purchase reader (the general CSV reader, the parallel CSV path, JDBC): it applies {@link PurchaseRules}
 * (statuses, guests, orders, refunds) to rows whose fields the reader has already parsed (amount as signed minor
 * units, quantity x unit price already multiplied, the date as an epoch day in the chosen time zone).
 *
 * <p>Use: one {@link #add} per data row (inside the reader's bad-row handling, since it throws {@link
 * CsvFormatException} for a row the rules refuse), {@link #badRow} for each row the reader skipped as unreadable,
 * then {@link #finish()} once. Not thread-safe.
 */
final class PurchaseAssembler {
    private final String source;
    private final PurchaseRules rules;
    private final int scale;
    private final String customerLabel;
    private final String amountLabel;
    private final boolean grouped;
    private final long sinceDay;
    private final long untilDay;
    private final PurchaseTable.Builder table;

    private long rows;
    private long orderLines;
    private long purchases;
    private long refunds;
    private long refundLines;
    private long refundTotal;
    private final Map<String, LoadSummary.Skipped> skipped = new LinkedHashMap<>();
    private final Map<String, LoadSummary.Skipped> excluded = new LinkedHashMap<>();
    private final Map<String, LoadSummary.Skipped> bad = new LinkedHashMap<>();
    /** The status {@link #addOrder} judged last (the same instance), and whether it counts. */
    private String lastStatus;

    private boolean lastStatusCounts;
    /** Excluded statuses by their case-folded form, to the form first written. */
    private final Map<String, String> statusNames = new HashMap<>();

    // Orders, by customer and order id, in order of first appearance.
    private final Map<String, Integer> groupByKey = new HashMap<>();
    private final List<String> groupCustomer = new ArrayList<>();
    private int[] groupDay = new int[16];
    private long[] groupAmount = new long[16];
    private long[] groupRefunded = new long[16];
    private long[] groupQuantity = new long[16];
    private int[] groupLines = new int[16];
    private long[] groupFirstLine = new long[16];
    private boolean[] groupNegative = new boolean[16];
    private final List<String> groupCategory = new ArrayList<>();
    private final List<String> groupStatus = new ArrayList<>();
    private final Map<Integer, TreeSet<String>> groupCategories = new HashMap<>();

    /**
     * A pipeline for one input.
     *
     * @param source the input's name for messages (a file name, a JDBC query)
     * @param rules the rules
     * @param amountScale the table's amount scale
     * @param customerLabel the customer column as messages name it, such as {@code 'customer_id' (#1)}
     * @param amountLabel the amount column as messages name it
     */
    PurchaseAssembler(String source, PurchaseRules rules, int amountScale, String customerLabel, String amountLabel) {
        this(source, rules, amountScale, customerLabel, amountLabel, 16);
    }

    PurchaseAssembler(
            String source,
            PurchaseRules rules,
            int amountScale,
            String customerLabel,
            String amountLabel,
            int expectedRows) {
        this(
                source,
                rules,
                amountScale,
                customerLabel,
                amountLabel,
                PurchaseTable.builder(amountScale, rules.orderColumn().isPresent() ? 16 : Math.max(16, expectedRows)),
                0);
    }

    /**
     * A pipeline that takes over a builder holding {@code plainRows} rows already added, each one plain purchase (a
     * row with a customer and an amount {@code >= 0}, let through by the rules): the parallel CSV path adds such rows
     * a column at a time until the first row that needs the rules.
     */
    PurchaseAssembler(
            String source,
            PurchaseRules rules,
            int amountScale,
            String customerLabel,
            String amountLabel,
            PurchaseTable.Builder table,
            long plainRows) {
        this.source = source;
        this.rules = rules;
        this.scale = amountScale;
        this.customerLabel = customerLabel;
        this.amountLabel = amountLabel;
        this.grouped = rules.orderColumn().isPresent();
        this.sinceDay = rules.since().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
        this.untilDay = rules.until().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        this.table = table;
        this.rows = plainRows;
        this.orderLines = plainRows;
        this.purchases = plainRows;
    }

    /**
     * One data row, its fields parsed.
     *
     * @param line the 1-based line (or row number) for messages and the summary
     * @param customer the customer id as written, blanks stripped (may be empty)
     * @param order the order id, or the empty string without order column
     * @param epochDay the row's day
     * @param amountMinorUnits the row's amount (quantity x unit price when a unit price is given), signed
     * @param refundedMinorUnits the amount already refunded on the row, 0 without refunded column
     * @param status the status, or the empty string without status column
     * @param category the category, or the empty string for none
     * @param quantity items of the row (negative for a returned line), 1 without quantity column
     * @throws CsvFormatException if the rules refuse the row (a missing customer, a refund when refunds are errors)
     */
    void add(
            long line,
            String customer,
            String order,
            int epochDay,
            long amountMinorUnits,
            long refundedMinorUnits,
            String status,
            String category,
            long quantity) {
        if (epochDay < sinceDay || epochDay > untilDay) {
            rows++;
            String reason = epochDay < sinceDay
                    ? PurchaseRules.beforeReason(rules.since().orElseThrow())
                    : PurchaseRules.afterReason(rules.until().orElseThrow());
            skipped.merge(reason, new LoadSummary.Skipped(1, line), (a, b) -> a.plusOne());
            return;
        }
        // An order's status is its first non-empty one (exports write it on the order's first line only), so orders
        // are judged by status when they are complete; single rows at once.
        if (!grouped && rules.statusColumn().isPresent() && !rules.counts(status.strip())) {
            rows++;
            exclude(status, 1, line);
            return;
        }
        if (rules.isGuest(customer)) {
            if (rules.missingCustomer() == PurchaseRules.MissingCustomer.ERROR) {
                throw new CsvFormatException(
                        source,
                        line,
                        customerLabel,
                        customer,
                        customer.isBlank()
                                ? "is not a customer id (empty); rows without a customer can be skipped (missing"
                                        + " customer: skip)"
                                : "is a guest id; rows without a customer can be skipped (missing customer: skip)");
            }
            rows++;
            skipped.merge(LoadSummary.WITHOUT_CUSTOMER, new LoadSummary.Skipped(1, line), (a, b) -> a.plusOne());
            return;
        }
        long net = Math.subtractExact(amountMinorUnits, refundedMinorUnits);
        if (!grouped) {
            boolean refund = isRefund(net, refundedMinorUnits, amountMinorUnits < 0);
            if (refund && rules.refunds() == PurchaseRules.Refunds.ERROR) {
                throw refundError(line, net);
            }
            rows++;
            if (refund) {
                addRefund(customer, epochDay, net, 1, line);
            } else {
                try {
                    table.add(customer, epochDay, net, category, clampQuantity(quantity));
                } catch (LimitExceededException e) {
                    throw tooLarge(line, net, e);
                } catch (IllegalArgumentException e) {
                    throw new CsvFormatException(
                            source, line, customerLabel, customer, "is not a valid customer id: " + e.getMessage());
                }
                orderLines++;
                purchases++;
            }
            return;
        }
        if (net < 0 && rules.refunds() == PurchaseRules.Refunds.ERROR) {
            throw refundError(line, net);
        }
        try {
            new org.loyaltykpi.domain.CustomerId(customer);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(
                    source, line, customerLabel, customer, "is not a valid customer id: " + e.getMessage());
        }
        rows++;
        // The customer's length first: no two (customer, order) pairs share a key, whatever bytes they hold.
        String key = customer.length() + ":" + customer + order;
        Integer found = groupByKey.get(key);
        int g;
        if (found == null) {
            g = groupCustomer.size();
            groupByKey.put(key, g);
            if (g == groupDay.length) {
                int capacity = g * 2;
                groupDay = Arrays.copyOf(groupDay, capacity);
                groupAmount = Arrays.copyOf(groupAmount, capacity);
                groupRefunded = Arrays.copyOf(groupRefunded, capacity);
                groupQuantity = Arrays.copyOf(groupQuantity, capacity);
                groupLines = Arrays.copyOf(groupLines, capacity);
                groupFirstLine = Arrays.copyOf(groupFirstLine, capacity);
                groupNegative = Arrays.copyOf(groupNegative, capacity);
            }
            groupCustomer.add(customer);
            groupCategory.add(category);
            groupStatus.add(status.strip());
            groupDay[g] = epochDay;
            groupFirstLine[g] = line;
        } else {
            g = found;
            groupDay[g] = Math.min(groupDay[g], epochDay);
            if (groupStatus.get(g).isEmpty()) {
                groupStatus.set(g, status.strip());
            }
            if (!category.isEmpty() && !category.equals(groupCategory.get(g))) {
                if (groupCategory.get(g).isEmpty()) {
                    groupCategory.set(g, category);
                } else {
                    groupCategories
                            .computeIfAbsent(g, k -> new TreeSet<>(List.of(groupCategory.get(k))))
                            .add(category);
                }
            }
        }
        groupAmount[g] = Math.addExact(groupAmount[g], amountMinorUnits);
        groupRefunded[g] = Math.addExact(groupRefunded[g], refundedMinorUnits);
        groupQuantity[g] += quantity;
        groupLines[g]++;
        groupNegative[g] |= amountMinorUnits < 0;
    }

    /**
     * A row the reader could not read and skipped (lenient reading): counted under its column and problem.
     *
     * @param error the row's error
     */
    void badRow(CsvFormatException error) {
        rows++;
        bad.merge(LoadSummary.badRowReason(error), new LoadSummary.Skipped(1, error.line()), (a, b) -> a.plusOne());
    }

    /**
     * The table and the summary; call once.
     *
     * @return the load
     * @throws CsvFormatException if refunds are errors and an order is a refund
     */
    PurchaseLoad finish() {
        for (int g = 0; g < groupCustomer.size(); g++) {
            TreeSet<String> several = groupCategories.get(g);
            addOrder(
                    groupCustomer.get(g),
                    groupDay[g],
                    groupAmount[g],
                    groupRefunded[g],
                    groupNegative[g],
                    groupQuantity[g],
                    groupLines[g],
                    groupFirstLine[g],
                    groupStatus.get(g),
                    several == null ? groupCategory.get(g) : "",
                    several);
        }
        PurchaseTable built = table.build();
        LoadSummary summary = new LoadSummary(
                rows,
                orderLines,
                purchases,
                grouped,
                skipped,
                bad,
                excluded,
                refunds,
                refundLines,
                Money.fromMinorUnits(refundTotal, scale),
                rules.refunds());
        return new PurchaseLoad(built, summary);
    }

    /**
     * Rows skipped by a row rule ({@link PurchaseRules#beforeReason}, {@link PurchaseRules#afterReason}, {@link
     * LoadSummary#WITHOUT_CUSTOMER}), counted together: as {@code count} rows skipped one by one, the first on {@code
     * firstLine}. The parallel path counts them in its chunks and adds them in file order.
     */
    void skip(String reason, long count, long firstLine) {
        rows += count;
        skipped.merge(
                reason,
                new LoadSummary.Skipped(count, firstLine),
                (a, b) -> new LoadSummary.Skipped(a.rows() + b.rows(), a.firstLine()));
    }

    /**
     * Rows of one status excluded, counted together: as {@code count} rows excluded one by one by {@link #add}, the
     * first on {@code firstLine}. The parallel path judges rows not grouped into orders in its chunks and adds what
     * they excluded in file order.
     */
    void excludeRows(String status, long count, long firstLine) {
        rows += count;
        exclude(status, count, firstLine);
    }

    /**
     * Rows judged by the parallel path in a chunk as {@link #add} judges rows not grouped into orders, counted
     * together: {@code purchases} rows that the caller adds to the builder as purchases, {@code refunds} rows that
     * are refunds, of net amounts summing to {@code refundTotal} (the caller adds those that net to the builder).
     *
     * @throws ArithmeticException if the refunds' total passes the bound of a sum (the parallel path then leaves the
     *     file to the general reader, which names the row)
     */
    void addJudged(long purchases, long refunds, long refundTotal) {
        this.refundTotal = Math.addExact(this.refundTotal, refundTotal);
        rows += purchases + refunds;
        orderLines += purchases;
        this.purchases += purchases;
        this.refunds += refunds;
        refundLines += refunds;
    }

    /** Rows that went into orders added with {@link #addOrder}: counted as read. */
    void countOrderRows(long count) {
        rows += count;
    }

    /**
     * A whole order (rows of one customer and order id, grouped by the caller, every row inside the date window and
     * of a customer), judged as {@link #finish()} judges the orders it groups: its status, then refund or purchase.
     * The parallel path groups order lines in its chunks and adds the orders here in order of first appearance.
     *
     * @param customer the customer id
     * @param day the earliest day of its rows
     * @param amount the sum of its rows' amounts
     * @param refunded the sum of its rows' refunded amounts
     * @param negative whether a row's amount was negative
     * @param quantity the sum of its rows' quantities
     * @param lines its rows
     * @param firstLine its first row's line
     * @param status its first non-empty status (blanks stripped), or the empty string
     * @param category its one category, or the empty string (ignored when {@code several} is not null)
     * @param several its categories when there are more than one, else null
     */
    void addOrder(
            String customer,
            int day,
            long amount,
            long refunded,
            boolean negative,
            long quantity,
            int lines,
            long firstLine,
            String status,
            String category,
            TreeSet<String> several) {
        if (rules.statusColumn().isPresent()) {
            if (status != lastStatus) { // the caller passes one String per distinct status: judged once each
                lastStatus = status;
                lastStatusCounts = rules.counts(status);
            }
            if (!lastStatusCounts) {
                exclude(status, lines, firstLine);
                return;
            }
        }
        long net = Math.subtractExact(amount, refunded);
        boolean refund = isRefund(net, refunded, negative);
        if (refund) {
            if (rules.refunds() == PurchaseRules.Refunds.ERROR) {
                throw refundError(firstLine, net);
            }
            addRefund(customer, day, net, lines, firstLine);
            return;
        }
        try {
            if (several == null) {
                table.add(customer, day, net, category, clampQuantity(quantity));
            } else {
                table.add(customer, day, net, several, clampQuantity(quantity));
            }
        } catch (LimitExceededException e) {
            throw tooLarge(firstLine, net, e);
        }
        orderLines += lines;
        purchases++;
    }

    private void exclude(String status, long lines, long line) {
        String name =
                statusNames.computeIfAbsent(status.strip().toLowerCase(java.util.Locale.ROOT), k -> status.strip());
        excluded.merge(
                name,
                new LoadSummary.Skipped(lines, line),
                (a, b) -> new LoadSummary.Skipped(a.rows() + b.rows(), a.firstLine()));
    }

    private void addRefund(String customer, int day, long net, int lines, long line) {
        refunds++;
        refundLines += lines;
        try {
            refundTotal = Math.addExact(refundTotal, net);
        } catch (ArithmeticException e) {
            // Found by the CI fuzz run: two refunds near -9.2e16 each overflowed the total, an internal error.
            throw new CsvFormatException(
                    source,
                    line,
                    amountLabel,
                    Money.fromMinorUnits(net, scale).toPlainString(),
                    "brings the refunds' total beyond the largest amount a sum may hold ("
                            + Money.fromMinorUnits(Long.MIN_VALUE, scale).toPlainString() + ")");
        }
        if (rules.refunds() == PurchaseRules.Refunds.NET && net < 0) {
            try {
                table.addRefund(customer, day, net);
            } catch (IllegalArgumentException e) {
                throw new CsvFormatException(
                        source, line, customerLabel, customer, "is not a valid customer id: " + e.getMessage());
            }
        }
    }

    private static int clampQuantity(long quantity) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, quantity));
    }

    private CsvFormatException refundError(long line, long net) {
        return new CsvFormatException(
                source,
                line,
                amountLabel,
                Money.fromMinorUnits(net, scale).toPlainString(),
                (net < 0 ? "is negative" : "is fully refunded")
                        + "; refunds are not purchases (read them with refunds net or exclude)");
    }

    /**
     * Whether a row or order is a refund, the one rule of every reader: its net amount (amount less refunded) is below
     * zero, or zero because of a refund (an amount refunded, or a negative amount or line), not a free purchase.
     *
     * @param net the amount less the refunded amount, in minor units
     * @param refunded the refunded amount, in minor units
     * @param negative whether the amount (or a line of the order) is below zero
     * @return true for a refund
     */
    static boolean isRefund(long net, long refunded, boolean negative) {
        return net < 0 || net == 0 && (refunded > 0 || negative);
    }

    /** The table's bound on the sum of amounts, as an error naming the row's amount column and value. */
    private CsvFormatException tooLarge(long line, long amountMinorUnits, LimitExceededException e) {
        return new CsvFormatException(
                source,
                line,
                amountLabel,
                Money.fromMinorUnits(amountMinorUnits, scale).toPlainString(),
                e.getMessage().replaceFirst("^amount \\S+ ", ""));
    }
}
