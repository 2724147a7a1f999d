package org.loyaltykpi.io;

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
            boolean refund = net < 0 || net == 0 && (refundedMinorUnits > 0 || amountMinorUnits < 0);
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
        String key = customer + '\u0000' + order;
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
            if (rules.statusColumn().isPresent() && !rules.counts(groupStatus.get(g))) {
                exclude(groupStatus.get(g), groupLines[g], groupFirstLine[g]);
                continue;
            }
            long net = Math.subtractExact(groupAmount[g], groupRefunded[g]);
            boolean refund = net < 0 || net == 0 && (groupRefunded[g] > 0 || groupNegative[g]);
            if (refund) {
                if (rules.refunds() == PurchaseRules.Refunds.ERROR) {
                    throw refundError(groupFirstLine[g], net);
                }
                addRefund(groupCustomer.get(g), groupDay[g], net, groupLines[g], groupFirstLine[g]);
                continue;
            }
            TreeSet<String> several = groupCategories.get(g);
            try {
                table.add(
                        groupCustomer.get(g),
                        groupDay[g],
                        net,
                        several == null ? List.of(groupCategory.get(g)) : several,
                        clampQuantity(groupQuantity[g]));
            } catch (LimitExceededException e) {
                throw tooLarge(groupFirstLine[g], net, e);
            }
            orderLines += groupLines[g];
            purchases++;
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
        refundTotal = Math.addExact(refundTotal, net);
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
