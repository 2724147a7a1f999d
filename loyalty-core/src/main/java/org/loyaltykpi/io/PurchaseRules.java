package org.loyaltykpi.io;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that turn the rows of a shop export into purchases and refunds, the same for every reader (CSV, the fast
 * parallel CSV path, JDBC): which rows form one order, how a row's amount is made, which statuses count, what a
 * refund is and what happens to rows without a customer.
 *
 * <ul>
 *   <li>{@code orderColumn}: rows with the same order id and customer are one purchase: amounts and quantities
 *       summed, every category kept, dated by the earliest row. With it, an empty amount on a row counts 0 (exports
 *       that give the order total on the order's first line only). Without it, one row is one purchase.
 *   <li>{@code unitPriceColumn}: a row's amount is quantity x unit price (exact in minor units); the quantity column
 *       may then be negative (a returned line).
 *   <li>{@code refundedColumn}: an amount already refunded on that row or order, subtracted from it.
 *   <li>{@code statusColumn} with {@code includeStatuses} or {@code excludeStatuses}: rows of an excluded (or not
 *       included) status are no purchases; they are counted per status. Statuses compare ignoring case.
 *   <li>{@code refunds}: a row (or order) whose amount after the rules above is negative, or zero after a refunded
 *       amount, is a refund. {@link Refunds#NET}: never a purchase; its amount is subtracted from the revenue of the
 *       period of its date. {@link Refunds#EXCLUDE}: ignored but counted. {@link Refunds#ERROR}: an error naming the
 *       line.
 *   <li>{@code missingCustomer} and {@code guestIds}: rows with an empty customer id, or one of the guest ids, are
 *       skipped and counted ({@link MissingCustomer#SKIP}) or an error ({@link MissingCustomer#ERROR}).
 *   <li>{@code since} and {@code until}: rows dated outside {@code since..until} (both days included) are skipped
 *       row by row, before any other rule (a purchase, a refund or an order line alike), and counted per reason
 *       ({@link #beforeReason}, {@link #afterReason}), so that one outlying date ({@code 0001-01-01}) does not
 *       stretch every breakdown.
 * </ul>
 *
 * <pre>{@code
 * // UCI Online Retail: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
 * PurchaseRules retail = PurchaseRules.defaults()
 *         .withOrderColumn(ColumnRef.named("InvoiceNo"))
 *         .withUnitPriceColumn(ColumnRef.named("UnitPrice"))
 *         .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP);
 * }</pre>
 *
 * <p>The defaults ({@link #defaults()}) read one row as one purchase, net refunds (a negative amount) and reject a
 * row without customer. On a file without refunds, statuses or guests they give exactly the purchases of earlier
 * versions. Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param orderColumn the order id column, or empty for one purchase per row
 * @param unitPriceColumn the unit price column, or empty when the amount column holds the row's amount
 * @param refundedColumn the refunded amount column, or empty
 * @param statusColumn the status column, or empty
 * @param includeStatuses when not empty, only rows of these statuses are purchases
 * @param excludeStatuses rows of these statuses are no purchases
 * @param refunds what a refund is taken for
 * @param missingCustomer what a row without customer is taken for
 * @param guestIds customer ids that stand for "no customer" (such as {@code 0}), compared exactly
 * @param since when present, rows dated before this day are skipped and counted (reason {@code "dated before
 *     2024-01-01"})
 * @param until when present, rows dated after this day (inclusive bound) are skipped and counted (reason {@code
 *     "dated after 2024-12-31"})
 */
public record PurchaseRules(
        Optional<ColumnRef> orderColumn,
        Optional<ColumnRef> unitPriceColumn,
        Optional<ColumnRef> refundedColumn,
        Optional<ColumnRef> statusColumn,
        Set<String> includeStatuses,
        Set<String> excludeStatuses,
        Refunds refunds,
        MissingCustomer missingCustomer,
        Set<String> guestIds,
        Optional<LocalDate> since,
        Optional<LocalDate> until) {

    /** What a refund (a negative amount, or an amount fully refunded) is taken for. */
    public enum Refunds {
        /** Never a purchase; its amount is subtracted from the revenue of the period of its date. */
        NET,
        /** Ignored, but counted in the load summary. */
        EXCLUDE,
        /** An error naming the line (the behaviour before refunds were understood). */
        ERROR
    }

    /** What a row with an empty customer id, or a guest id, is taken for. */
    public enum MissingCustomer {
        /** Skipped and counted in the load summary. */
        SKIP,
        /** An error naming the line. */
        ERROR
    }

    /** Validates the rules and copies the sets (sorted, case-insensitive for statuses). */
    public PurchaseRules {
        Objects.requireNonNull(orderColumn, "orderColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(unitPriceColumn, "unitPriceColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(refundedColumn, "refundedColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(statusColumn, "statusColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(refunds, "refunds must not be null");
        Objects.requireNonNull(missingCustomer, "missingCustomer must not be null");
        Objects.requireNonNull(since, "since must not be null (use Optional.empty())");
        Objects.requireNonNull(until, "until must not be null (use Optional.empty())");
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new IllegalArgumentException(
                    "until " + until.get() + " is before since " + since.get() + ": no row could be read");
        }
        includeStatuses = statuses(includeStatuses, "includeStatuses");
        excludeStatuses = statuses(excludeStatuses, "excludeStatuses");
        guestIds = Set.copyOf(Objects.requireNonNull(guestIds, "guestIds must not be null"));
        if (!includeStatuses.isEmpty() && !excludeStatuses.isEmpty()) {
            throw new IllegalArgumentException("give included statuses or excluded statuses, not both: include "
                    + includeStatuses + ", exclude " + excludeStatuses);
        }
        if ((!includeStatuses.isEmpty() || !excludeStatuses.isEmpty()) && statusColumn.isEmpty()) {
            throw new IllegalArgumentException("included or excluded statuses need a status column");
        }
    }

    private static Set<String> statuses(Set<String> values, String what) {
        Objects.requireNonNull(values, what + " must not be null");
        TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : values) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not hold a blank status: '" + value + "'");
            }
            sorted.add(value.strip());
        }
        return java.util.Collections.unmodifiableSortedSet(sorted);
    }

    /**
     * The defaults: one row is one purchase, no status, refunds netted, a row without customer is an error.
     *
     * @return the default rules
     */
    public static PurchaseRules defaults() {
        return new PurchaseRules(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Set.of(),
                Refunds.NET,
                MissingCustomer.ERROR,
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Whether a status counts: included (when inclusions are given) and not excluded. Case-insensitive.
     *
     * @param status the status as written, blanks stripped
     * @return true if rows of this status may be purchases
     */
    public boolean counts(String status) {
        if (!includeStatuses.isEmpty()) {
            return includeStatuses.contains(status);
        }
        return !excludeStatuses.contains(status);
    }

    /**
     * Whether a customer id stands for no customer: empty, blank or a guest id.
     *
     * @param customerId the id as written, blanks stripped
     * @return true if the row has no customer
     */
    public boolean isGuest(String customerId) {
        return customerId.isBlank() || guestIds.contains(customerId);
    }

    /**
     * With an order id column: rows of one order and customer become one purchase.
     *
     * @param value the column
     * @return a copy
     */
    public PurchaseRules withOrderColumn(ColumnRef value) {
        return new PurchaseRules(
                Optional.of(value),
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * With a unit price column: a row's amount is quantity x unit price.
     *
     * @param value the column
     * @return a copy
     */
    public PurchaseRules withUnitPriceColumn(ColumnRef value) {
        return new PurchaseRules(
                orderColumn,
                Optional.of(value),
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * With a refunded amount column, subtracted from the row's amount.
     *
     * @param value the column
     * @return a copy
     */
    public PurchaseRules withRefundedColumn(ColumnRef value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                Optional.of(value),
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * With a status column; rows of an excluded (or not included) status are no purchases.
     *
     * @param value the column
     * @return a copy
     */
    public PurchaseRules withStatusColumn(ColumnRef value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                Optional.of(value),
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * Only rows of these statuses are purchases (clears the excluded statuses).
     *
     * @param values the statuses, compared ignoring case
     * @return a copy
     */
    public PurchaseRules withIncludeStatuses(Set<String> values) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                values,
                Set.of(),
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * Rows of these statuses are no purchases (clears the included statuses).
     *
     * @param values the statuses, compared ignoring case
     * @return a copy
     */
    public PurchaseRules withExcludeStatuses(Set<String> values) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                Set.of(),
                values,
                refunds,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * With another refund handling.
     *
     * @param value net, exclude or error
     * @return a copy
     */
    public PurchaseRules withRefunds(Refunds value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                value,
                missingCustomer,
                guestIds,
                since,
                until);
    }

    /**
     * With another handling of rows without customer.
     *
     * @param value skip or error
     * @return a copy
     */
    public PurchaseRules withMissingCustomer(MissingCustomer value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                value,
                guestIds,
                since,
                until);
    }

    /**
     * With customer ids that stand for a guest (no customer), such as {@code 0}.
     *
     * @param values the ids, compared exactly
     * @return a copy
     */
    public PurchaseRules withGuestIds(Set<String> values) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                values,
                since,
                until);
    }

    /**
     * With the first day read: rows dated before it are skipped and counted.
     *
     * <pre>{@code
     * PurchaseRules.defaults().withSince(LocalDate.of(2020, 1, 1)).withUntil(LocalDate.of(2024, 12, 31));
     * }</pre>
     *
     * @param value the first day (inclusive)
     * @return a copy
     * @throws IllegalArgumentException if {@link #until()} is before it
     */
    public PurchaseRules withSince(LocalDate value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                Optional.of(value),
                until);
    }

    /**
     * With the last day read: rows dated after it are skipped and counted.
     *
     * @param value the last day (inclusive)
     * @return a copy
     * @throws IllegalArgumentException if it is before {@link #since()}
     */
    public PurchaseRules withUntil(LocalDate value) {
        return new PurchaseRules(
                orderColumn,
                unitPriceColumn,
                refundedColumn,
                statusColumn,
                includeStatuses,
                excludeStatuses,
                refunds,
                missingCustomer,
                guestIds,
                since,
                Optional.of(value));
    }

    /**
     * The skip reason of rows dated before {@link #since()}, as {@link LoadSummary#skipped()} keys it.
     *
     * @param since the first day read
     * @return {@code "dated before 2024-01-01"}
     */
    public static String beforeReason(LocalDate since) {
        return "dated before " + since;
    }

    /**
     * The skip reason of rows dated after {@link #until()}, as {@link LoadSummary#skipped()} keys it.
     *
     * @param until the last day read
     * @return {@code "dated after 2024-12-31"}
     */
    public static String afterReason(LocalDate until) {
        return "dated after " + until;
    }

    /**
     * Whether these rules read one row as one purchase with nothing but the columns of {@link CsvOptions}.
     *
     * @return true for rules without order, unit price, refunded or status column and without a date window
     */
    public boolean isRowPerPurchase() {
        return orderColumn.isEmpty()
                && unitPriceColumn.isEmpty()
                && refundedColumn.isEmpty()
                && statusColumn.isEmpty()
                && since.isEmpty()
                && until.isEmpty();
    }
}
