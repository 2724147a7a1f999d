package org.loyaltykpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.loyaltykpi.internal.ChunkIds;
import org.loyaltykpi.internal.ColumnAppender;
import org.loyaltykpi.internal.Money;
import org.loyaltykpi.internal.ParallelScans;
import org.loyaltykpi.internal.Quoted;

/**
 * The columnar purchase table every purchase metric scans: one primitive array per column, rows sorted by customer
 * and day.
 *
 * <p>Columns, one entry per purchase (24 bytes a purchase):
 *
 * <ul>
 *   <li>{@code customerIndex}: a dense {@code int} 0..{@code customerCount()-1}; {@link #customer(int)} maps it back
 *       to the id. Customers are indexed in the order of their ids, so equal purchases give equal tables whatever
 *       their input order.
 *   <li>{@code epochDay}: the day as days since 1970-01-01.
 *   <li>{@code amountMinorUnits}: the amount as a {@code long} in minor units at the table's {@link #amountScale()}
 *       (cents at the default scale 2), so sums are exact. The amounts of one table sum to at most {@code
 *       Long.MAX_VALUE} minor units (92,233,720,368,547,758.07 at scale 2), so no sum of its rows (a customer's
 *       spend, a period's or a cohort's revenue) can overflow; the builder rejects the row that would pass that bound
 *       with a {@link LimitExceededException} naming its amount.
 *   <li>{@code categoryIndex}: index into {@link #categories()} (sorted names), or {@link #NO_CATEGORY}.
 *   <li>{@code quantity}: items, at least 1.
 * </ul>
 *
 * <p>Per customer the table keeps the bytes of its id (one a character for an ASCII id) and 4 bytes where the id ends:
 * one array for all ids rather than a string each, so that the ids of millions of customers cost a garbage collector
 * nothing to trace or copy. {@link #customer(int)} makes the id's string when asked.
 *
 * <p>An order of several categories is one row: {@link #categoryIndex(int)} gives its first category (in sorted
 * order), {@link #hasSeveralCategories(int)} tells it apart and {@link #categoryIndexes(int)} lists them all.
 *
 * <p>Refunds are not purchases and are kept apart from the rows: {@link #refundCount()} of them, each with a day, a
 * negative amount and the customer (an index, or {@code -1} when the customer has no purchase in the table), sorted
 * by day. Scans of activity and frequency never see them; revenue is net of them (the retention and cohort revenue
 * subtract each refund in the period of its date). A table built without refunds has none, and every number on it is
 * what it was before refunds were understood.
 *
 * <p>Rows are sorted by customer, then day; rows of one customer on one day keep their input order. The rows of
 * customer {@code c} are {@code firstRow(c) .. endRow(c) - 1}, so a scan visits each customer's history as one
 * contiguous run without any lookup.
 *
 * <pre>{@code
 * PurchaseTable table = PurchaseTable.of(
 *         Purchase.of("C1", "2024-01-05", "20.00"),
 *         Purchase.of("C1", "2024-02-11", "35.50"),
 *         Purchase.of("C2", "2024-01-20", "12.00"));
 * table.size();            // 3
 * table.customerCount();   // 2
 * table.dateRange();       // Optional[2024-01-05/2024-02-12]
 * }</pre>
 *
 * <p>The empty table has no rows, no customers and an empty {@link #dateRange()}. Immutable and thread-safe: the
 * arrays are never exposed.
 */
public final class PurchaseTable {
    /** The category index of a purchase without category. */
    public static final int NO_CATEGORY = -1;

    /** The amount scale used unless a builder is given another: 2 decimal places (cents). */
    public static final int DEFAULT_AMOUNT_SCALE = 2;

    private static final PurchaseTable EMPTY = builder().build();

    static {
        // The parallel CSV loader's bulk path; package-private here, so no API for io's sake.
        ColumnAppender.Registry.register((ColumnAppender<Builder>) Builder::addChunks);
    }

    private final CustomerIds customerIds;
    private final int[] customerFirstRow;
    private final String[] categoryNames;
    /**
     * The rows: the first {@code rows} entries of each column. A column may be a little longer (the loader's estimate
     * of the rows, kept rather than copied to the exact length); what lies beyond is never read.
     */
    private final int rows;

    private final int[] customerIndex;
    private final int[] epochDay;
    private final long[] amountMinorUnits;
    private final int[] categoryIndex;
    private final int[] quantity;
    private final int amountScale;
    private final int minDay;
    private final int maxDay;
    /** One bit per row: the row's order has several categories; empty when no row has. */
    private final long[] severalBits;
    /** Rows with several categories, ascending, and their category indexes, ascending. */
    private final int[] severalRows;

    private final int[][] severalCategories;
    /** Refunds sorted by day: customer index or -1, day, amount in minor units ({@code < 0}). */
    private final int[] refundCustomer;

    private final int[] refundDay;
    private final long[] refundAmount;
    /**
     * The refunds by customer: those of customer {@code c} are {@code refundsOfCustomer[refundStart[c] ..
     * refundStart[c + 1])}, in order of day; both empty when the table has no refund of a customer with purchases.
     */
    private final int[] refundStart;

    private final int[] refundsOfCustomer;

    private PurchaseTable(
            int rows,
            int minDay,
            int maxDay,
            CustomerIds customerIds,
            int[] customerFirstRow,
            String[] categoryNames,
            int[] customerIndex,
            int[] epochDay,
            long[] amountMinorUnits,
            int[] categoryIndex,
            int[] quantity,
            int amountScale,
            int[] severalRows,
            int[][] severalCategories,
            int[] refundCustomer,
            int[] refundDay,
            long[] refundAmount) {
        this.severalRows = severalRows;
        this.severalCategories = severalCategories;
        this.rows = rows;
        this.severalBits = new long[severalRows.length == 0 ? 0 : (rows + 63) >>> 6];
        for (int row : severalRows) {
            severalBits[row >>> 6] |= 1L << row;
        }
        this.refundCustomer = refundCustomer;
        this.refundDay = refundDay;
        this.refundAmount = refundAmount;
        this.customerIds = customerIds;
        this.customerFirstRow = customerFirstRow;
        this.categoryNames = categoryNames;
        this.customerIndex = customerIndex;
        this.epochDay = epochDay;
        this.amountMinorUnits = amountMinorUnits;
        this.categoryIndex = categoryIndex;
        this.quantity = quantity;
        this.amountScale = amountScale;
        this.minDay = minDay;
        this.maxDay = maxDay;
        int owned = 0;
        for (int c : refundCustomer) {
            owned += c >= 0 ? 1 : 0;
        }
        this.refundStart = owned == 0 ? new int[0] : new int[customerIds.size() + 1];
        this.refundsOfCustomer = new int[owned];
        if (owned > 0) {
            // A counting sort by customer; stable, so each customer's refunds stay in order of day.
            for (int c : refundCustomer) {
                if (c >= 0) {
                    refundStart[c + 1]++;
                }
            }
            for (int c = 0; c < customerIds.size(); c++) {
                refundStart[c + 1] += refundStart[c];
            }
            int[] next = Arrays.copyOf(refundStart, customerIds.size());
            for (int r = 0; r < refundCustomer.length; r++) {
                int c = refundCustomer[r];
                if (c >= 0) {
                    refundsOfCustomer[next[c]++] = r;
                }
            }
        }
    }

    /**
     * The empty table.
     *
     * @return a table with no purchases
     */
    public static PurchaseTable empty() {
        return EMPTY;
    }

    /**
     * A table of purchases at the default amount scale.
     *
     * @param purchases the purchases, in any order
     * @return the table
     * @throws IllegalArgumentException if an amount has more than 2 decimal places
     */
    public static PurchaseTable of(Purchase... purchases) {
        return of(Arrays.asList(purchases));
    }

    /**
     * A table of purchases at the default amount scale.
     *
     * @param purchases the purchases, in any order
     * @return the table
     * @throws IllegalArgumentException if an amount has more than 2 decimal places
     */
    public static PurchaseTable of(Collection<Purchase> purchases) {
        Builder builder = builder();
        purchases.forEach(builder::add);
        return builder.build();
    }

    /**
     * A table of the purchases of a stream, at the default amount scale.
     *
     * @param purchases the purchases, in any order
     * @return the table
     */
    public static PurchaseTable from(Stream<Purchase> purchases) {
        return purchases.collect(toPurchaseTable());
    }

    /**
     * A collector into a table at the default amount scale; works on parallel streams.
     *
     * @return the collector
     */
    public static Collector<Purchase, ?, PurchaseTable> toPurchaseTable() {
        return Collector.of(PurchaseTable::builder, Builder::add, Builder::addAll, Builder::build);
    }

    /**
     * A builder at the default amount scale (2).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULT_AMOUNT_SCALE, 16);
    }

    /**
     * A builder at an amount scale.
     *
     * @param amountScale decimal places of the minor unit, 0..9
     * @return a new builder
     */
    public static Builder builder(int amountScale) {
        return new Builder(amountScale, 16);
    }

    /**
     * A builder at an amount scale, sized for a number of rows (it still grows past them).
     *
     * @param amountScale decimal places of the minor unit, 0..9
     * @param expectedRows the rows about to be added, {@code >= 0}; when exact or at most about 3% over, building
     *     copies nothing (the table keeps the columns, their spare rows unused)
     * @return a new builder
     */
    public static Builder builder(int amountScale, int expectedRows) {
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must be >= 0: " + expectedRows);
        }
        return new Builder(amountScale, expectedRows);
    }

    /**
     * The number of purchases (rows).
     *
     * @return the row count
     */
    public int size() {
        return rows;
    }

    /**
     * Whether the table has no purchases.
     *
     * @return {@code size() == 0}
     */
    public boolean isEmpty() {
        return rows == 0;
    }

    /**
     * The number of distinct customers.
     *
     * @return the customer count
     */
    public int customerCount() {
        return customerIds.size();
    }

    /**
     * The id of a customer index.
     *
     * @param customerIndex 0..{@code customerCount()-1}
     * @return the id
     */
    public CustomerId customer(int customerIndex) {
        return new CustomerId(customerIds.get(customerIndex));
    }

    /**
     * The index of a customer id, found by binary search over the sorted ids.
     *
     * @param customer the id
     * @return the index, or empty if the customer has no purchase here
     */
    public OptionalInt indexOf(CustomerId customer) {
        int i = customerIds.indexOf(customer.value());
        return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /**
     * The first row of a customer.
     *
     * @param customerIndex the customer
     * @return the row of its first (earliest) purchase
     */
    public int firstRow(int customerIndex) {
        return customerFirstRow[customerIndex];
    }

    /**
     * The row after the last row of a customer.
     *
     * @param customerIndex the customer
     * @return one past the row of its last purchase
     */
    public int endRow(int customerIndex) {
        return customerFirstRow[customerIndex + 1];
    }

    /**
     * The customer of a row.
     *
     * @param row the row
     * @return the customer index
     */
    public int customerIndex(int row) {
        return customerIndex[row];
    }

    /**
     * The day of a row.
     *
     * @param row the row
     * @return days since 1970-01-01
     */
    public int epochDay(int row) {
        return epochDay[row];
    }

    /**
     * The day of a row.
     *
     * @param row the row
     * @return the date
     */
    public LocalDate date(int row) {
        return LocalDate.ofEpochDay(epochDay[row]);
    }

    /**
     * The amount of a row in minor units.
     *
     * @param row the row
     * @return {@code amount * 10^amountScale()}
     */
    public long amountMinorUnits(int row) {
        return amountMinorUnits[row];
    }

    /**
     * The amount of a row.
     *
     * @param row the row
     * @return the amount with {@link #amountScale()} decimal places
     */
    public BigDecimal amount(int row) {
        return Money.fromMinorUnits(amountMinorUnits[row], amountScale);
    }

    /**
     * The category index of a row.
     *
     * @param row the row
     * @return an index into {@link #categories()}, or {@link #NO_CATEGORY}
     */
    public int categoryIndex(int row) {
        return categoryIndex[row];
    }

    /**
     * The category of a row.
     *
     * @param row the row
     * @return the category name, or empty
     */
    public Optional<String> category(int row) {
        int c = categoryIndex[row];
        return c == NO_CATEGORY ? Optional.empty() : Optional.of(categoryNames[c]);
    }

    /**
     * The quantity of a row.
     *
     * @param row the row
     * @return items, at least 1
     */
    public int quantity(int row) {
        return quantity[row];
    }

    /**
     * Whether a row is an order of several categories.
     *
     * @param row the row
     * @return true if {@link #categoryIndexes(int)} has two or more entries
     */
    public boolean hasSeveralCategories(int row) {
        return severalBits.length != 0 && (severalBits[row >>> 6] & (1L << row)) != 0;
    }

    /**
     * Every category of a row, for orders of several lines.
     *
     * @param row the row
     * @return the category indexes, ascending; empty for a row without category
     */
    public int[] categoryIndexes(int row) {
        if (hasSeveralCategories(row)) {
            return severalCategories[Arrays.binarySearch(severalRows, row)].clone();
        }
        int c = categoryIndex[row];
        return c == NO_CATEGORY ? new int[0] : new int[] {c};
    }

    /**
     * The number of refunds: rows or orders whose amount was negative (or fully refunded), kept apart from the
     * purchases and netted in revenue.
     *
     * @return refunds, {@code >= 0}
     */
    public int refundCount() {
        return refundDay.length;
    }

    /**
     * The customer of a refund.
     *
     * @param refund 0..{@code refundCount()-1}, in order of day
     * @return the customer index, or {@code -1} when the customer has no purchase in the table
     */
    public int refundCustomerIndex(int refund) {
        return refundCustomer[refund];
    }

    /**
     * The day of a refund.
     *
     * @param refund 0..{@code refundCount()-1}, in order of day
     * @return days since 1970-01-01
     */
    public int refundEpochDay(int refund) {
        return refundDay[refund];
    }

    /**
     * The amount of a refund, negative, in minor units at {@link #amountScale()}.
     *
     * @param refund 0..{@code refundCount()-1}, in order of day
     * @return the amount, {@code < 0}
     */
    public long refundMinorUnits(int refund) {
        return refundAmount[refund];
    }

    /**
     * The refunds of one customer dated in {@code [fromEpochDay, toEpochDay)}, summed: what nets that customer's
     * spend over those days. Refunds of a customer without purchases have no customer index and are never counted
     * here.
     *
     * <pre>{@code
     * // a: 100.00 on 2024-01-05 and a refund of -40.00 on 2024-02-10
     * table.customerRefundMinorUnits(a, MIN_VALUE, MAX_VALUE);   // -4000
     * }</pre>
     *
     * @param customer 0..{@code customerCount()-1}
     * @param fromEpochDay the first day counted (days since 1970-01-01)
     * @param toEpochDay the first day no longer counted
     * @return the sum, {@code <= 0}, in minor units at {@link #amountScale()}; 0 without such refunds
     */
    public long customerRefundMinorUnits(int customer, int fromEpochDay, int toEpochDay) {
        Objects.checkIndex(customer, customerIds.size());
        if (refundStart.length == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = refundStart[customer]; i < refundStart[customer + 1]; i++) {
            int r = refundsOfCustomer[i];
            int day = refundDay[r];
            if (day >= toEpochDay) {
                break;
            }
            if (day >= fromEpochDay) {
                sum = Math.addExact(sum, refundAmount[r]);
            }
        }
        return sum;
    }

    /**
     * The total of the refunds.
     *
     * @return the sum of every refund, {@code <= 0}, in minor units
     */
    public long refundTotalMinorUnits() {
        long total = 0;
        for (long a : refundAmount) {
            total = Math.addExact(total, a);
        }
        return total;
    }

    /**
     * A row as a record.
     *
     * @param row the row
     * @return the purchase
     */
    public Purchase purchase(int row) {
        return new Purchase(customer(customerIndex[row]), date(row), amount(row), category(row), quantity[row]);
    }

    /**
     * The decimal places of the minor unit of the amounts.
     *
     * @return 2 for cents
     */
    public int amountScale() {
        return amountScale;
    }

    /**
     * The category names, sorted; index {@code i} is category index {@code i}.
     *
     * @return the names, empty when no purchase has a category
     */
    public List<String> categories() {
        return List.of(categoryNames);
    }

    /**
     * The smallest period holding every purchase.
     *
     * @return {@code [first day, last day + 1)}, or empty for the empty table
     */
    public Optional<DateRange> dateRange() {
        if (isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DateRange.of(LocalDate.ofEpochDay(minDay), LocalDate.ofEpochDay(maxDay + 1L)));
    }

    /**
     * The earliest day in the table.
     *
     * @return days since 1970-01-01, or {@link Integer#MAX_VALUE} for the empty table
     */
    public int minEpochDay() {
        return minDay;
    }

    /**
     * The latest day in the table.
     *
     * @return days since 1970-01-01, or {@link Integer#MIN_VALUE} for the empty table
     */
    public int maxEpochDay() {
        return maxDay;
    }

    /**
     * The purchases on the earliest and the latest day, for messages about the data's span: {@code "the purchases (the
     * earliest: customer C7 on 0001-01-01, the latest: customer C2 on 9999-12-31)"}. Of several purchases on one of
     * those days, the first in table order.
     *
     * @return the description, {@code "no purchases"} for the empty table
     */
    public String describeSpan() {
        if (isEmpty()) {
            return "no purchases";
        }
        int first = -1;
        int last = -1;
        for (int row = 0; row < rows && (first < 0 || last < 0); row++) {
            if (first < 0 && epochDay[row] == minDay) {
                first = row;
            }
            if (last < 0 && epochDay[row] == maxDay) {
                last = row;
            }
        }
        return "the purchases (the earliest: customer " + customer(customerIndex[first]) + " on "
                + LocalDate.ofEpochDay(minDay) + ", the latest: customer " + customer(customerIndex[last]) + " on "
                + LocalDate.ofEpochDay(maxDay) + ")";
    }

    /**
     * The rows as records, in table order (by customer, then day).
     *
     * @return a stream of purchases
     */
    public Stream<Purchase> stream() {
        return IntStream.range(0, size()).mapToObj(this::purchase);
    }

    /** Tables are equal when they hold the same purchases in the same order at the same amount scale. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PurchaseTable)) {
            return false;
        }
        PurchaseTable other = (PurchaseTable) o;
        int n = rows;
        return amountScale == other.amountScale
                && n == other.rows
                && customerIds.equals(other.customerIds)
                && Arrays.equals(categoryNames, other.categoryNames)
                && Arrays.equals(customerIndex, 0, n, other.customerIndex, 0, n)
                && Arrays.equals(epochDay, 0, n, other.epochDay, 0, n)
                && Arrays.equals(amountMinorUnits, 0, n, other.amountMinorUnits, 0, n)
                && Arrays.equals(categoryIndex, 0, n, other.categoryIndex, 0, n)
                && Arrays.equals(quantity, 0, n, other.quantity, 0, n)
                && Arrays.equals(severalRows, other.severalRows)
                && Arrays.deepEquals(severalCategories, other.severalCategories)
                && Arrays.equals(refundCustomer, other.refundCustomer)
                && Arrays.equals(refundDay, other.refundDay)
                && Arrays.equals(refundAmount, other.refundAmount);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(amountScale, rows, customerIds);
        for (int row = 0; row < rows; row++) {
            hash = 31 * hash + epochDay[row];
            hash = 31 * hash + Long.hashCode(amountMinorUnits[row]);
        }
        return hash;
    }

    /** A one-line summary, for example {@code PurchaseTable[3 purchases, 2 customers, 2024-01-05/2024-02-12]}. */
    @Override
    public String toString() {
        return "PurchaseTable[" + size() + " purchases, " + customerCount() + " customers, "
                + dateRange().map(DateRange::toString).orElse("no dates") + ", " + categoryNames.length
                + " categories, amount scale " + amountScale
                + (refundDay.length == 0
                        ? ""
                        : ", " + refundDay.length + " refunds "
                                + Money.fromMinorUnits(refundTotalMinorUnits(), amountScale)
                                        .toPlainString())
                + "]";
    }

    /**
     * Collects purchases into a {@link PurchaseTable}. Rows may come in any order; {@link #build()} sorts them once
     * (a counting sort by customer, then each customer's rows by day, so linear in practice).
     *
     * <p>Not thread-safe; a builder may build once or many times.
     */
    public static final class Builder {
        private final int amountScale;
        /**
         * The customers' ids, in order of first appearance until a build sorts them. Their hash index is made only
         * when an id has to be looked up: ids appended in order by {@link #addColumns} need none.
         */
        private final CustomerIds.Appender customerIds = new CustomerIds.Appender();
        /** Every id so far came after the one before it, so a sorted chunk that follows them holds only new ids. */
        private boolean idsAscending = true;
        /**
         * The rows so far are in order of customer index, and of day within a customer: with {@link #idsAscending}
         * they are in table order already, and a build neither checks nor moves them.
         */
        private boolean rowsInOrder = true;
        /** The earliest and latest day of the rows so far (none: the largest and smallest int). */
        private int minDay = Integer.MAX_VALUE;

        private int maxDay = Integer.MIN_VALUE;

        private final Map<String, Integer> categoryIndexByName = new HashMap<>();
        private final List<String> categoryNames = new ArrayList<>();
        private int[] customer;
        private int[] day;
        private long[] amount;
        private int[] category;
        private int[] quantity;
        private int size;
        /** Input rows of several categories: their builder-local category indexes. */
        private final Map<Integer, int[]> severalByRow = new HashMap<>();

        private final List<String> refundIds = new ArrayList<>();
        private int[] refundDays = new int[0];
        private long[] refundAmounts = new long[0];

        /** The sum of the amounts so far; it stays at most {@code Long.MAX_VALUE}, so no sum of rows overflows. */
        private long total;
        /** The columns are those of a table built (until the next add grows them): never to be changed in place. */
        private boolean columnsShared;

        private Builder(int amountScale, int capacity) {
            this.amountScale = Money.checkScale(amountScale);
            customer = new int[capacity];
            day = new int[capacity];
            amount = new long[capacity];
            category = new int[capacity];
            quantity = new int[capacity];
        }

        /**
         * The amount scale of the table being built.
         *
         * @return decimal places of the minor unit
         */
        public int amountScale() {
            return amountScale;
        }

        /**
         * The number of rows added so far.
         *
         * @return the row count
         */
        public int size() {
            return size;
        }

        /**
         * Adds a purchase.
         *
         * @param purchase the purchase
         * @return this builder
         * @throws IllegalArgumentException naming the amount if it has more decimal places than the scale
         */
        public Builder add(Purchase purchase) {
            return add(
                    purchase.customer().value(),
                    Math.toIntExact(purchase.date().toEpochDay()),
                    Money.toMinorUnits(purchase.amount(), amountScale),
                    purchase.category().orElse(""),
                    purchase.quantity());
        }

        /**
         * Adds a purchase from primitive values, for bulk loaders that should not create a record per row.
         *
         * @param customerId the customer id (validated as {@link CustomerId} the first time it is seen)
         * @param epochDay days since 1970-01-01
         * @param amountMinorUnits the amount in minor units at {@link #amountScale()}, {@code >= 0}
         * @param category the category, or the empty string for none
         * @param quantity items, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException naming the field and the value that is invalid
         * @throws LimitExceededException if the amount brings the sum of the table's amounts past {@code
         *     Long.MAX_VALUE} minor units
         */
        public Builder add(String customerId, int epochDay, long amountMinorUnits, String category, int quantity) {
            if (amountMinorUnits < 0) {
                throw new IllegalArgumentException("amount must be >= 0 (refunds are not purchases): "
                        + Money.fromMinorUnits(amountMinorUnits, amountScale).toPlainString());
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
            }
            long sum = addToTotal(amountMinorUnits);
            int c = customerIndexOf(customerId);
            int k = category.isEmpty() ? NO_CATEGORY : categoryIndexOf(category);
            if (size == day.length) {
                grow(size + 1);
            }
            minDay = Math.min(minDay, epochDay);
            maxDay = Math.max(maxDay, epochDay);
            this.customer[size] = c;
            this.day[size] = epochDay;
            this.amount[size] = amountMinorUnits;
            this.category[size] = k;
            this.quantity[size] = quantity;
            rowsInOrder &= followsInOrder(size);
            size++;
            total = sum;
            return this;
        }

        /** The total with one more amount; an error naming the amount if it passes {@code Long.MAX_VALUE}. */
        private long addToTotal(long amountMinorUnits) {
            long sum = total + amountMinorUnits;
            if (sum < 0) {
                throw pastTheLargestSum(amountMinorUnits);
            }
            return sum;
        }

        /** The error of an amount that brings the sum of all amounts past {@code Long.MAX_VALUE} minor units. */
        private LimitExceededException pastTheLargestSum(long amountMinorUnits) {
            return new LimitExceededException("amount "
                    + Money.fromMinorUnits(amountMinorUnits, amountScale).toPlainString()
                    + " brings the sum of all amounts past "
                    + Money.fromMinorUnits(Long.MAX_VALUE, amountScale).toPlainString()
                    + ", the largest sum kept exact at " + amountScale + " decimal places");
        }

        /**
         * Adds an order of one or more categories as one purchase: {@link #add(String, int, long, String, int)} with
         * every category kept (cross-category counts them all).
         *
         * @param customerId the customer id
         * @param epochDay days since 1970-01-01
         * @param amountMinorUnits the amount in minor units at {@link #amountScale()}, {@code >= 0}
         * @param categories the order's categories (none, one or several; duplicates count once)
         * @param quantity items, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException naming the field and the value that is invalid
         */
        public Builder add(
                String customerId, int epochDay, long amountMinorUnits, Collection<String> categories, int quantity) {
            java.util.TreeSet<String> distinct = new java.util.TreeSet<>(categories);
            distinct.remove("");
            add(customerId, epochDay, amountMinorUnits, distinct.isEmpty() ? "" : distinct.first(), quantity);
            if (distinct.size() > 1) {
                int[] local = new int[distinct.size()];
                int i = 0;
                for (String name : distinct) {
                    local[i++] = categoryIndexOf(name);
                }
                severalByRow.put(size - 1, local);
            }
            return this;
        }

        /**
         * Adds a refund: not a purchase, but netted in the revenue of the period of its day.
         *
         * @param customerId the customer who got the money back (who may have no purchase in the table)
         * @param epochDay days since 1970-01-01
         * @param amountMinorUnits the amount in minor units at {@link #amountScale()}, {@code < 0}
         * @return this builder
         * @throws IllegalArgumentException if the amount is not negative or the id is not valid
         */
        public Builder addRefund(String customerId, int epochDay, long amountMinorUnits) {
            if (amountMinorUnits >= 0) {
                throw new IllegalArgumentException("a refund's amount must be < 0: "
                        + Money.fromMinorUnits(amountMinorUnits, amountScale).toPlainString());
            }
            CustomerId.check(customerId);
            int n = refundIds.size();
            if (n == refundDays.length) {
                refundDays = Arrays.copyOf(refundDays, Math.max(16, n * 2));
                refundAmounts = Arrays.copyOf(refundAmounts, Math.max(16, n * 2));
            }
            refundIds.add(customerId);
            refundDays[n] = epochDay;
            refundAmounts[n] = amountMinorUnits;
            return this;
        }

        private int categoryIndexOf(String category) {
            return categoryIndexByName.computeIfAbsent(category, name -> {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("category must not be blank: '" + Quoted.value(name) + "'");
                }
                categoryNames.add(name);
                return categoryNames.size() - 1;
            });
        }

        /**
         * Adds rows in bulk from columns, for loaders that parse in parallel chunks: customers and categories are
         * indexes into chunk-local dictionaries, so each distinct id costs one lookup and each row none.
         *
         * @param customerIds the chunk's customer ids; {@code customerIndex} values index this list
         * @param customerIndex per row, the customer
         * @param epochDay per row, days since 1970-01-01
         * @param amountMinorUnits per row, the amount in minor units at {@link #amountScale()}, {@code >= 0}
         * @param categories the chunk's category names; {@code categoryIndex} values index this list
         * @param categoryIndex per row, the category or {@link PurchaseTable#NO_CATEGORY}
         * @param quantity per row, items {@code >= 1}
         * @param rows how many rows of the arrays to add
         * @return this builder
         * @throws IllegalArgumentException naming the field and value of the first invalid row or id
         * @throws LimitExceededException if a row brings the sum of the table's amounts past {@code Long.MAX_VALUE}
         *     minor units
         */
        Builder addColumns(
                List<String> customerIds,
                int[] customerIndex,
                int[] epochDay,
                long[] amountMinorUnits,
                List<String> categories,
                int[] categoryIndex,
                int[] quantity,
                int rows) {
            return addChunks(List.of(new ColumnAppender.Columns(
                    customerIds,
                    customerIndex,
                    epochDay,
                    amountMinorUnits,
                    categories,
                    categoryIndex,
                    quantity,
                    rows)));
        }

        /**
         * Adds the rows of several chunks, in order, as {@link #addColumns} adds one: the ids and categories are
         * looked up chunk by chunk, then the rows are copied and checked in parallel, each chunk into its own range.
         */
        private Builder addChunks(List<ColumnAppender.Columns> chunks) {
            int n = chunks.size();
            int[][] customerToGlobal = new int[n][];
            int[][] categoryToGlobal = new int[n][];
            int[] offset = new int[n];
            long end = size;
            for (int i = 0; i < n; i++) {
                ColumnAppender.Columns chunk = chunks.get(i);
                List<String> ids = chunk.customerIds();
                if (ids instanceof ChunkIds slices && slices.isAscii() && appendsInOrder(slices)) {
                    customerToGlobal[i] = appendInOrder(slices);
                } else {
                    customerToGlobal[i] = appendsInOrder(ids) ? appendInOrder(ids) : lookUp(ids);
                }
                categoryToGlobal[i] = new int[chunk.categories().size()];
                for (int k = 0; k < categoryToGlobal[i].length; k++) {
                    categoryToGlobal[i][k] = categoryIndexOf(chunk.categories().get(k));
                }
                offset[i] = (int) Math.min(end, Integer.MAX_VALUE);
                end += chunk.rows();
            }
            if (day.length < end) {
                grow(end);
            }
            Copied[] copied = new Copied[n];
            RuntimeException[] failures = new RuntimeException[n];
            ParallelScans.forEach(n, i -> {
                try {
                    copied[i] = copyChunk(chunks.get(i), offset[i], customerToGlobal[i], categoryToGlobal[i]);
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            });
            for (int i = 0; i < n; i++) {
                if (failures[i] != null) {
                    throw failures[i];
                }
                if (total + copied[i].sum() < 0) {
                    // past Long.MAX_VALUE: the error names the row's amount that brings it there
                    ColumnAppender.Columns chunk = chunks.get(i);
                    for (int r = 0; r < chunk.rows(); r++) {
                        total = addToTotal(chunk.amountMinorUnits()[r]);
                    }
                }
                total += copied[i].sum();
            }
            for (int i = 0; i < n; i++) {
                if (chunks.get(i).rows() > 0) {
                    minDay = Math.min(minDay, copied[i].minDay());
                    maxDay = Math.max(maxDay, copied[i].maxDay());
                    // in order within the chunk, and its first row after the row before it
                    rowsInOrder &= copied[i].inOrder() && followsInOrder(offset[i]);
                }
            }
            size = (int) end;
            return this;
        }

        /** Whether row {@code row} is the first or comes after the row before it in customer-then-day order. */
        private boolean followsInOrder(int row) {
            return row == 0
                    || customer[row - 1] < customer[row]
                    || customer[row - 1] == customer[row] && day[row - 1] <= day[row];
        }

        /**
         * What {@link #copyChunk} saw of a chunk's rows: the sum of their amounts, their earliest and latest day, and
         * whether they are in order of customer then day.
         */
        private record Copied(long sum, int minDay, int maxDay, boolean inOrder) {}

        /**
         * Copies a chunk's rows to {@code [at, at + rows)}, checking each (an error naming the amount that brings the
         * sum of amounts past {@code Long.MAX_VALUE}); the sum, the day range and the order are looked at here while
         * the rows pass anyway.
         */
        private Copied copyChunk(ColumnAppender.Columns chunk, int at, int[] customerToGlobal, int[] categoryToGlobal) {
            int[] customerIndex = chunk.customerIndex();
            int[] epochDay = chunk.epochDay();
            long[] amountMinorUnits = chunk.amountMinorUnits();
            int[] categoryIndex = chunk.categoryIndex();
            int[] quantity = chunk.quantity();
            int rows = chunk.rows();
            int[] customer = this.customer;
            int[] day = this.day;
            long[] amount = this.amount;
            int[] category = this.category;
            int[] items = this.quantity;
            long sum = 0;
            int minDay = Integer.MAX_VALUE;
            int maxDay = Integer.MIN_VALUE;
            boolean inOrder = true;
            int lastCustomer = -1;
            int lastDay = Integer.MIN_VALUE;
            for (int r = 0; r < rows; r++) {
                long a = amountMinorUnits[r];
                if (a < 0) {
                    throw new IllegalArgumentException("amount must be >= 0 (refunds are not purchases): "
                            + Money.fromMinorUnits(a, amountScale).toPlainString());
                }
                if (quantity[r] < 1) {
                    throw new IllegalArgumentException("quantity must be >= 1: " + quantity[r]);
                }
                sum += a;
                if (sum < 0) {
                    throw pastTheLargestSum(a);
                }
                int k = categoryIndex[r];
                int to = at + r;
                int c = customerToGlobal[customerIndex[r]];
                int d = epochDay[r];
                customer[to] = c;
                day[to] = d;
                amount[to] = a;
                category[to] = k == NO_CATEGORY ? NO_CATEGORY : categoryToGlobal[k];
                items[to] = quantity[r];
                minDay = Math.min(minDay, d);
                maxDay = Math.max(maxDay, d);
                inOrder &= c > lastCustomer | c == lastCustomer & d >= lastDay;
                lastCustomer = c;
                lastDay = d;
            }
            return new Copied(sum, minDay, maxDay, inOrder);
        }

        /** The index of a customer id, a new one appended (validated) when the id was not seen before. */
        private int customerIndexOf(String id) {
            int last = customerIds.size() - 1;
            if (last >= 0 && customerIds.get(last).equals(id)) {
                return last; // rows come grouped by customer more often than not
            }
            int c = customerIds.find(id);
            return c >= 0 ? c : newCustomer(id);
        }

        /** Whether a chunk's ids are sorted and all at or after the last id so far (a sorted file read in chunks). */
        private boolean appendsInOrder(List<String> ids) {
            return idsAscending
                    && sorted(ids)
                    && (ids.isEmpty()
                            || customerIds.size() == 0
                            || ids.get(0).compareTo(customerIds.get(customerIds.size() - 1)) >= 0);
        }

        /** Appends a new id, validated, and returns its index. */
        private int newCustomer(String id) {
            CustomerId.check(id);
            if (customerIds.size() > 0
                    && customerIds.get(customerIds.size() - 1).compareTo(id) >= 0) {
                idsAscending = false;
            }
            return customerIds.add(id);
        }

        private static boolean sorted(List<String> ids) {
            for (int i = 1; i < ids.size(); i++) {
                if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Appends sorted ids that follow every id so far, without hashing: the first may equal the last id so far (a
         * customer split between two chunks); every other one is new, since all earlier ids are smaller.
         */
        private int[] appendInOrder(List<String> ids) {
            int[] toGlobal = new int[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int last = customerIds.size() - 1;
                if (i == 0 && last >= 0 && customerIds.get(last).equals(id)) {
                    toGlobal[i] = last;
                } else {
                    CustomerId.check(id);
                    toGlobal[i] = customerIds.add(id);
                }
            }
            return toGlobal;
        }

        /** As {@link #appendsInOrder(List)}, for ASCII ids compared as bytes. */
        private boolean appendsInOrder(ChunkIds ids) {
            if (!idsAscending) {
                return false;
            }
            for (int i = 1; i < ids.size(); i++) {
                if (ids.compare(i - 1, i) >= 0) {
                    return false;
                }
            }
            return ids.isEmpty()
                    || customerIds.size() == 0
                    || customerIds.compareLast(ids.bytes(), ids.offset(0), ids.offset(0) + ids.length(0)) <= 0;
        }

        /** As {@link #appendInOrder(List)}, for ASCII ids copied as bytes: no string is made. */
        private int[] appendInOrder(ChunkIds ids) {
            int[] toGlobal = new int[ids.size()];
            byte[] bytes = ids.bytes();
            for (int i = 0; i < ids.size(); i++) {
                int from = ids.offset(i);
                int to = from + ids.length(i);
                int last = customerIds.size() - 1;
                if (i == 0 && last >= 0 && customerIds.compareLast(bytes, from, to) == 0) {
                    toGlobal[i] = last;
                } else {
                    CustomerId.check(bytes, from, to);
                    toGlobal[i] = customerIds.add(bytes, from, to);
                }
            }
            return toGlobal;
        }

        private int[] lookUp(List<String> ids) {
            int[] toGlobal = new int[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                toGlobal[i] = customerIndexOf(ids.get(i));
            }
            return toGlobal;
        }

        /**
         * Adds every row of another builder of the same scale.
         *
         * @param other the other builder
         * @return this builder
         */
        public Builder addAll(Builder other) {
            if (other.amountScale != amountScale) {
                throw new IllegalArgumentException(
                        "cannot merge builders of amount scale " + amountScale + " and " + other.amountScale);
            }
            String[] otherIds = new String[other.customerIds.size()]; // each decoded once
            for (int i = 0; i < other.size; i++) {
                int k = other.category[i];
                int c = other.customer[i];
                if (otherIds[c] == null) {
                    otherIds[c] = other.customerIds.get(c);
                }
                add(
                        otherIds[c],
                        other.day[i],
                        other.amount[i],
                        k == NO_CATEGORY ? "" : other.categoryNames.get(k),
                        other.quantity[i]);
                int[] several = other.severalByRow.get(i);
                if (several != null) {
                    int[] local = new int[several.length];
                    for (int j = 0; j < several.length; j++) {
                        local[j] = categoryIndexOf(other.categoryNames.get(several[j]));
                    }
                    severalByRow.put(size - 1, local);
                }
            }
            for (int r = 0; r < other.refundIds.size(); r++) {
                addRefund(other.refundIds.get(r), other.refundDays[r], other.refundAmounts[r]);
            }
            return this;
        }

        /** Grows the columns to hold at least {@code minimum} rows, by half again at least, so adding is amortized O(1). */
        private void grow(long minimum) {
            long wanted = Math.max(minimum, day.length + (day.length >> 1) + 16L);
            if (minimum > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a purchase table holds at most " + (Integer.MAX_VALUE - 8) + " rows");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, wanted);
            customer = Arrays.copyOf(customer, capacity);
            day = Arrays.copyOf(day, capacity);
            amount = Arrays.copyOf(amount, capacity);
            category = Arrays.copyOf(category, capacity);
            quantity = Arrays.copyOf(quantity, capacity);
            columnsShared = false;
        }

        /**
         * Builds the table: customers indexed by sorted id, categories by sorted name, rows by customer then day.
         *
         * <p>The builder keeps its rows (now in table order) and may be added to and built again. At its peak the
         * build holds the builder's columns, 4 bytes a row of sort order and one more column (at most 8 bytes a row):
         * the rows are put in table order one column at a time, and each permuted column replaces the builder's.
         *
         * @return the table
         */
        public PurchaseTable build() {
            return build(ROWS_PER_TASK);
        }

        /** As {@link #build()}, its passes over rows split into tasks of {@code rowsPerTask} (tests: many tasks). */
        PurchaseTable build(int rowsPerTask) {
            this.rowsPerTask = rowsPerTask;
            // Ids appended in ascending order and rows in order of them (a file sorted by customer and day, as most
            // exports and every file this library writes): the table order already, known without a pass.
            boolean idsInOrder = idsAscending;
            boolean inTableOrder = idsInOrder && rowsInOrder;
            int[] customerRank = customerIds.sort(idsInOrder);
            idsAscending = true;
            CustomerIds ids = customerIds.ids();
            String[] categories = categoryNames.toArray(String[]::new);
            int[] categoryRank = rankBySortedValue(categories);

            int customers = ids.size();
            int[] firstRow = new int[customers + 1];
            boolean inCustomerOrder = inTableOrder || inCustomerOrder(customerRank);
            int[] order = null;
            if (inCustomerOrder) {
                countRuns(customerRank, firstRow);
            } else {
                for (int i = 0; i < size; i++) {
                    firstRow[customerRank[customer[i]] + 1]++;
                }
            }
            for (int c = 0; c < customers; c++) {
                firstRow[c + 1] += firstRow[c];
            }
            if (!inCustomerOrder) {
                order = new int[size];
                int[] cursor = Arrays.copyOf(firstRow, customers);
                for (int i = 0; i < size; i++) {
                    order[cursor[customerRank[customer[i]]]++] = i;
                }
            }
            int firstUnsorted = inTableOrder ? customers : order == null ? firstUnsortedRun(firstRow) : 0;
            for (int c = firstUnsorted; c < customers; c++) {
                order = sortRunByDay(order, firstRow[c], firstRow[c + 1]);
            }
            int[][] refunds = refunds(ids);

            boolean customersInOrder = idsInOrder || isIdentity(customerRank);
            boolean dictionariesSorted = customersInOrder && isIdentity(categoryRank);
            if (order == null && dictionariesSorted) {
                // Already in table order with sorted dictionaries (a file written by this library, say): columns are
                // only trimmed to their length, one at a time.
                customer = exact(customer);
                day = exact(day);
                amount = exact(amount);
                category = exact(category);
                quantity = exact(quantity);
            } else {
                // Put the rows in table order one column at a time, each new column replacing the builder's, so the
                // old one can go before the next is made; the dictionaries become the sorted ones.
                if (!severalByRow.isEmpty()) {
                    Map<Integer, int[]> moved = new HashMap<>();
                    int[] outRowOf = new int[size];
                    for (int r = 0; r < size; r++) {
                        outRowOf[order == null ? r : order[r]] = r;
                    }
                    for (Map.Entry<Integer, int[]> e : severalByRow.entrySet()) {
                        int[] ranked = e.getValue().clone();
                        for (int j = 0; j < ranked.length; j++) {
                            ranked[j] = categoryRank[ranked[j]];
                        }
                        Arrays.sort(ranked);
                        moved.put(outRowOf[e.getKey()], ranked);
                    }
                    severalByRow.clear();
                    severalByRow.putAll(moved);
                }
                if (order == null) {
                    // No row moves (a file in customer order whose dictionaries are not sorted, say its categories):
                    // only the two index columns are mapped to the sorted dictionaries, in place when they are
                    // exactly as long as the rows and no table holds them.
                    customer = customersInOrder ? exact(customer) : ranked(customer, customerRank);
                    day = exact(day);
                    amount = exact(amount);
                    category = ranked(category, categoryRank);
                    quantity = exact(quantity);
                } else {
                    customer = permute(customer, order, customerRank);
                    day = permute(day, order, null);
                    amount = permute(amount, order);
                    category = permute(category, order, categoryRank);
                    quantity = permute(quantity, order, null);
                }
                categoryNames.clear();
                categoryNames.addAll(Arrays.asList(categories));
                categoryIndexByName.clear();
                for (int k = 0; k < categories.length; k++) {
                    categoryIndexByName.put(categories[k], k);
                }
            }
            int[] severalRows = severalByRow.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            int[][] severalCategories = new int[severalRows.length][];
            for (int i = 0; i < severalRows.length; i++) {
                severalCategories[i] = severalByRow.get(severalRows[i]).clone();
                category[severalRows[i]] = severalCategories[i][0];
            }
            // The columns are exactly as long as the rows: any later add grows, so copies, them first, and the table
            // never changes (nor does a later build map them in place).
            columnsShared = true;
            rowsInOrder = true; // in table order now, the dictionaries sorted
            return new PurchaseTable(
                    size,
                    minDay,
                    maxDay,
                    ids,
                    firstRow,
                    categories,
                    customer,
                    day,
                    amount,
                    category,
                    quantity,
                    amountScale,
                    severalRows,
                    severalCategories,
                    refunds[0],
                    refunds[1],
                    refundAmounts(refunds[2]));
        }

        /** Whether a column of {@code length} holds the rows with at most about 3% to spare. */
        private boolean fitsTheRows(int length) {
            return length >= size && length - size <= (size >>> 5) + 16;
        }

        /** Rows per task of the build's passes over rows: below it one thread does everything. */
        private static final int ROWS_PER_TASK = 1 << 20;

        /** The build's rows per task ({@link #ROWS_PER_TASK} but in tests). */
        private int rowsPerTask = ROWS_PER_TASK;

        /** Runs {@code pass} over the rows {@code [0, size)} in ranges, in parallel. */
        private void forEachRowRange(ParallelScans.Scan<Void> pass) {
            ParallelScans.scan(size, rowsPerTask, pass, (left, right) -> null);
        }

        /** Whether the rows are in order of customer rank already (exports are often sorted by customer). */
        private boolean inCustomerOrder(int[] customerRank) {
            return ParallelScans.scan(
                    size,
                    rowsPerTask,
                    (from, to) -> {
                        for (int i = Math.max(1, from); i < to; i++) {
                            if (customerRank[customer[i - 1]] > customerRank[customer[i]]) {
                                return false;
                            }
                        }
                        return true;
                    },
                    Boolean::logicalAnd);
        }

        /**
         * For rows in customer order, sets {@code firstRow[rank + 1]} to each customer's number of rows: each range
         * measures the runs that start in it, to their end, so every customer is counted by exactly one range.
         */
        private void countRuns(int[] customerRank, int[] firstRow) {
            forEachRowRange((from, to) -> {
                for (int i = from; i < to; ) {
                    int c = customer[i];
                    if (i > 0 && customer[i - 1] == c) {
                        i++; // a run that started in the range before
                        continue;
                    }
                    int end = i + 1;
                    while (end < size && customer[end] == c) {
                        end++;
                    }
                    firstRow[customerRank[c] + 1] = end - i;
                    i = end;
                }
                return null;
            });
        }

        /**
         * The first customer whose rows (in input order, for rows in customer order) are not in order of day, or the
         * number of customers: runs before it need no sorting.
         */
        private int firstUnsortedRun(int[] firstRow) {
            int customers = firstRow.length - 1;
            return ParallelScans.scan(
                    customers,
                    Math.max(1, rowsPerTask >>> 3),
                    (from, to) -> {
                        for (int c = from; c < to; c++) {
                            for (int r = firstRow[c] + 1; r < firstRow[c + 1]; r++) {
                                if (day[r - 1] > day[r]) {
                                    return c;
                                }
                            }
                        }
                        return customers;
                    },
                    Math::min);
        }

        /**
         * The first {@code size} values of {@code column}, each mapped by {@code rank} (not an identity: then the
         * column as {@link #exact(int[])} gives it); in place when the column is exactly as long and no table holds it.
         */
        private int[] ranked(int[] column, int[] rank) {
            if (isIdentity(rank)) {
                return exact(column);
            }
            int[] out = fitsTheRows(column.length) && !columnsShared ? column : new int[size];
            forEachRowRange((from, to) -> {
                for (int r = from; r < to; r++) {
                    int value = column[r];
                    out[r] = value == NO_CATEGORY ? value : rank[value];
                }
                return null;
            });
            return out;
        }

        /** The first {@code size} values in {@code order} (all if null), each mapped by {@code rank} if not null. */
        private int[] permute(int[] column, int[] order, int[] rank) {
            int[] out = new int[size];
            forEachRowRange((from, to) -> {
                for (int r = from; r < to; r++) {
                    int value = column[order == null ? r : order[r]];
                    out[r] = rank == null || value == NO_CATEGORY ? value : rank[value];
                }
                return null;
            });
            return out;
        }

        private long[] permute(long[] column, int[] order) {
            long[] out = new long[size];
            forEachRowRange((from, to) -> {
                for (int r = from; r < to; r++) {
                    out[r] = column[order == null ? r : order[r]];
                }
                return null;
            });
            return out;
        }

        /**
         * The refunds sorted by day (then customer id, then input order): customer indexes into the sorted
         * {@code ids} (or -1), days, and the input positions of their amounts.
         */
        private int[][] refunds(CustomerIds sortedIds) {
            int n = refundIds.size();
            Integer[] byDay = new Integer[n];
            Arrays.setAll(byDay, i -> i);
            Arrays.sort(
                    byDay,
                    (a, b) -> refundDays[a] != refundDays[b]
                            ? Integer.compare(refundDays[a], refundDays[b])
                            : refundIds.get(a).compareTo(refundIds.get(b)));
            int[] customers = new int[n];
            int[] days = new int[n];
            int[] positions = new int[n];
            for (int i = 0; i < n; i++) {
                int r = byDay[i];
                int c = sortedIds.indexOf(refundIds.get(r));
                customers[i] = c >= 0 ? c : -1;
                days[i] = refundDays[r];
                positions[i] = r;
            }
            return new int[][] {customers, days, positions};
        }

        private long[] refundAmounts(int[] positions) {
            long[] amounts = new long[positions.length];
            for (int i = 0; i < positions.length; i++) {
                amounts[i] = refundAmounts[positions[i]];
            }
            return amounts;
        }

        /**
         * The rows of {@code column} for the table: the column itself when it is exactly as long or only a little
         * longer (the loader's estimate of the rows: copying 24 bytes a row costs more than the slack keeps), else a
         * copy of the first {@code size} values.
         */
        private int[] exact(int[] column) {
            return exact(column, column.length, int[]::new);
        }

        private long[] exact(long[] column) {
            return exact(column, column.length, long[]::new);
        }

        /** As {@link #exact(int[])} for a primitive column of {@code length} values, new ones made by {@code make}. */
        private <C> C exact(C column, int length, java.util.function.IntFunction<C> make) {
            if (fitsTheRows(length)) {
                return column;
            }
            C out = make.apply(size);
            forEachRowRange((from, to) -> {
                System.arraycopy(column, from, out, from, to - from);
                return null;
            });
            return out;
        }

        private static boolean isIdentity(int[] permutation) {
            for (int i = 0; i < permutation.length; i++) {
                if (permutation[i] != i) {
                    return false;
                }
            }
            return true;
        }

        /** Sorts {@code values} in place and returns, for each original position, its position after sorting. */
        private static int[] rankBySortedValue(String[] values) {
            int[] rank = new int[values.length];
            Arrays.setAll(rank, i -> i);
            boolean sorted = true;
            for (int i = 1; i < values.length && sorted; i++) {
                sorted = values[i - 1].compareTo(values[i]) < 0;
            }
            if (sorted) {
                // Exports are often sorted by customer already: nothing to move.
                return rank;
            }
            Integer[] byValue = new Integer[values.length];
            Arrays.setAll(byValue, i -> i);
            Arrays.parallelSort(byValue, (a, b) -> values[a].compareTo(values[b]));
            String[] sortedValues = new String[values.length];
            for (int r = 0; r < values.length; r++) {
                rank[byValue[r]] = r;
                sortedValues[r] = values[byValue[r]];
            }
            System.arraycopy(sortedValues, 0, values, 0, values.length);
            return rank;
        }

        /**
         * Sorts the row numbers in {@code order[from, to)} by day, keeping input order within a day; a null {@code
         * order} is the identity, made only when a run needs sorting.
         */
        private int[] sortRunByDay(int[] order, int from, int to) {
            boolean sorted = true;
            for (int r = from + 1; r < to && sorted; r++) {
                sorted = day[row(order, r - 1)] <= day[row(order, r)];
            }
            if (sorted) {
                return order;
            }
            if (order == null) {
                order = new int[size];
                Arrays.setAll(order, i -> i);
            }
            long[] keys = new long[to - from];
            for (int r = from; r < to; r++) {
                // day in the high word (signed), input position in the low word: ties keep input order.
                keys[r - from] = ((long) day[order[r]] << 32) | (order[r] & 0xFFFF_FFFFL);
            }
            Arrays.sort(keys);
            for (int r = from; r < to; r++) {
                order[r] = (int) keys[r - from];
            }
            return order;
        }

        private static int row(int[] order, int r) {
            return order == null ? r : order[r];
        }
    }
}
