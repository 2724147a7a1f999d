package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The per-customer summary the BTYD models are fitted to: frequency {@code x}, recency {@code t_x}, age {@code T} and
 * mean repeat-purchase value {@code zbar}, in an explicit {@link TimeScale}; optionally with a holdout period for
 * validation.
 *
 * <p>The papers' rules (Fader, Hardie and Lee 2005), applied to the purchases up to and including the calibration end
 * day {@code E}:
 *
 * <ul>
 *   <li>purchases on the same day are one purchase, whose value is the day's sum;
 *   <li>{@code x} = distinct purchase days - 1 (repeat purchases);
 *   <li>{@code t_x} = (last purchase day - first purchase day) / unit, 0 when {@code x = 0};
 *   <li>{@code T} = ({@code E} - first purchase day) / unit, so a customer whose first purchase is on {@code E} has
 *       {@code T = 0} (CDNOW: first purchase 1997-01-01, {@code E} = 1997-09-30 gives 272 days, {@code T} = 38.857
 *       weeks);
 *   <li>{@code zbar} = sum of the values of the repeat purchase days / {@code x} (the first day excluded: its value
 *       differs systematically), 0 when {@code x = 0}. Net of refunds: the customer's refunds dated after its first
 *       purchase day, up to {@code E}, subtract from that sum (at least 0), so a repeat order of 50.00 refunded by
 *       40.00 is worth 10.00; refunds are no purchases, so {@code x}, {@code t_x} and {@code T} do not change. The
 *       holdout value nets the refunds dated in {@code (E, H]} the same way.
 * </ul>
 *
 * <p>Customers whose first purchase is after {@code E} are not in the summary. With a holdout end {@code H}, the
 * purchase days in {@code (E, H]} give each customer's holdout frequency (distinct days) and holdout value (mean value
 * of those days, 0 when none: the calibration's rule, purchases on one day are one purchase whose value is the day's
 * sum; lifetimes' {@code calibration_and_holdout_data} averages holdout rows instead, so customers with two purchases
 * on one holdout day differ); the holdout duration is {@code (H - E) / unit} for everyone. Days convert to units
 * exactly ({@link TimeScale#fromDays}), never rounded.
 *
 * <pre>{@code
 * BtydSummary s = BtydSummary.of(table, LocalDate.parse("1997-09-30"), TimeScale.WEEKS);
 * s.size();          // customers with a first purchase on or before 1997-09-30
 * s.frequency(0);    // x of the first customer (customers in id order)
 * }</pre>
 *
 * <p>Built from a {@link PurchaseTable} in one parallel pass over its rows, with no per-purchase objects. The summary
 * of an empty table is empty. Immutable and thread-safe.
 */
public final class BtydSummary {
    private final TimeScale unit;
    private final String[] customerIds;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetaryValue;
    private final Optional<LocalDate> calibrationEnd;
    private final OptionalDouble holdoutDuration;
    private final Optional<LocalDate> holdoutEnd;
    private final int[] holdoutFrequency;
    private final double[] holdoutMonetaryValue;
    /** Customers per row for a summary of weighted rows; null when every row is one customer. */
    private final long[] weight;

    private final int customers;

    /** The collapsed rows and every entry's row, built on first use (a pure function of the final fields). */
    private volatile Collapse collapse;

    /** The collapsed rows of a summary, and the row of each of its entries. */
    record Collapse(CollapsedSummary rows, int[] rowOf) {}

    /** The entries as columns for the prediction kernels, built on first use (a pure function of the final fields). */
    private volatile TimeColumns columns;

    BtydSummary(
            TimeScale unit,
            String[] customerIds,
            int[] frequency,
            double[] recency,
            double[] age,
            double[] monetaryValue,
            Optional<LocalDate> calibrationEnd,
            OptionalDouble holdoutDuration,
            Optional<LocalDate> holdoutEnd,
            int[] holdoutFrequency,
            double[] holdoutMonetaryValue) {
        this(
                unit,
                customerIds,
                frequency,
                recency,
                age,
                monetaryValue,
                calibrationEnd,
                holdoutDuration,
                holdoutEnd,
                holdoutFrequency,
                holdoutMonetaryValue,
                null);
    }

    private BtydSummary(
            TimeScale unit,
            String[] customerIds,
            int[] frequency,
            double[] recency,
            double[] age,
            double[] monetaryValue,
            Optional<LocalDate> calibrationEnd,
            OptionalDouble holdoutDuration,
            Optional<LocalDate> holdoutEnd,
            int[] holdoutFrequency,
            double[] holdoutMonetaryValue,
            long[] weight) {
        this.unit = unit;
        this.customerIds = customerIds;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetaryValue = monetaryValue;
        this.calibrationEnd = calibrationEnd;
        this.holdoutDuration = holdoutDuration;
        this.holdoutEnd = holdoutEnd;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutMonetaryValue = holdoutMonetaryValue;
        this.weight = weight;
        long total = frequency.length;
        if (weight != null) {
            total = 0;
            for (long w : weight) {
                total += w;
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a summary holds at most " + Integer.MAX_VALUE + " customers: " + total);
        }
        this.customers = (int) total;
    }

    /**
     * The summary of the purchases up to and including a calibration end day.
     *
     * @param table the purchases
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param unit the time unit of recency and T
     * @return the summary of the customers whose first purchase is on or before {@code calibrationEnd}
     */
    public static BtydSummary of(PurchaseTable table, LocalDate calibrationEnd, TimeScale unit) {
        return BtydScan.scan(table, calibrationEnd, Optional.empty(), unit);
    }

    /**
     * The summary with a holdout period {@code (calibrationEnd, holdoutEnd]}.
     *
     * @param table the purchases
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param holdoutEnd the last day of the holdout period (inclusive), after {@code calibrationEnd}
     * @param unit the time unit
     * @return the summary, with holdout frequency and value per customer
     * @throws IllegalArgumentException if {@code holdoutEnd} is not after {@code calibrationEnd}
     */
    public static BtydSummary of(PurchaseTable table, LocalDate calibrationEnd, LocalDate holdoutEnd, TimeScale unit) {
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException(
                    "holdout end must be after the calibration end " + calibrationEnd + ": " + holdoutEnd);
        }
        return BtydScan.scan(table, calibrationEnd, Optional.of(holdoutEnd), unit);
    }

    /**
     * A builder for a summary given as rows (for example read from a summary file), without holdout.
     *
     * @param unit the time unit of the rows
     * @return a new builder
     */
    public static Builder builder(TimeScale unit) {
        return new Builder(unit, OptionalDouble.empty());
    }

    /**
     * A builder for a summary given as rows with holdout values.
     *
     * @param unit the time unit of the rows
     * @param holdoutDuration the length of the holdout period in {@code unit}, positive
     * @return a new builder
     */
    public static Builder builder(TimeScale unit, double holdoutDuration) {
        if (!(holdoutDuration > 0) || Double.isInfinite(holdoutDuration)) {
            throw new IllegalArgumentException("holdoutDuration must be positive: " + holdoutDuration);
        }
        return new Builder(unit, OptionalDouble.of(holdoutDuration));
    }

    /**
     * A summary of weighted {@code (x, t_x, T)} rows: row {@code i} stands for {@code weight[i]} customers with those
     * values. It has no customer ids and no spend, and it is all the transaction-model fits ({@link BgNbdModel},
     * {@link MbgNbdModel}, {@link ParetoNbdModel}) need, whatever the number of customers: the likelihoods are sums
     * over customers, and customers with identical rows add identical terms. This is how a distributed run (the
     * {@code loyalty-spark} module) fits billions of customers on one machine: the executors count the customers per
     * distinct row, the driver fits on those few thousand rows.
     *
     * <p>{@link #size()} is the number of customers (the sum of the weights); the per-customer accessors ({@link
     * #customer}, {@link #frequency}, {@link #row}, ...) throw {@link IllegalStateException}.
     *
     * <pre>{@code
     * // 1,411 customers without repeat purchase and T = 38.86 weeks, 12 with x = 1, t_x = 2, T = 38.86, ...
     * BtydSummary rows = BtydSummary.weighted(TimeScale.WEEKS,
     *         new int[] {0, 1}, new double[] {0, 2}, new double[] {38.86, 38.86}, new long[] {1411, 12});
     * BgNbdModel.fit(rows);
     * }</pre>
     *
     * @param unit the time unit of recency and T
     * @param x the frequency of each row, {@code >= 0}
     * @param recency the recency of each row, {@code 0 <= t_x <= T}, 0 when {@code x = 0}
     * @param age the age T of each row, finite
     * @param weight the customers of each row, {@code >= 1}
     * @return the summary of {@code sum(weight)} customers
     * @throws IllegalArgumentException if the arrays differ in length, or naming the row and the invalid value
     */
    public static BtydSummary weighted(TimeScale unit, int[] x, double[] recency, double[] age, long[] weight) {
        java.util.Objects.requireNonNull(unit, "unit must not be null");
        int n = x.length;
        if (recency.length != n || age.length != n || weight.length != n) {
            throw new IllegalArgumentException("x, recency, age and weight must have the same length: " + n + ", "
                    + recency.length + ", " + age.length + ", " + weight.length);
        }
        for (int i = 0; i < n; i++) {
            check("row " + i, x[i], recency[i], age[i], 0);
            if (weight[i] < 1) {
                throw new IllegalArgumentException("weight of row " + i + " must be >= 1: " + weight[i]);
            }
        }
        return new BtydSummary(
                unit,
                new String[0],
                x.clone(),
                recency.clone(),
                age.clone(),
                new double[n],
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                new int[0],
                new double[0],
                weight.clone());
    }

    static void check(String customer, int frequency, double recency, double age, double monetaryValue) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency of " + customer + " must be >= 0: " + frequency);
        }
        if (!(recency >= 0) || Double.isInfinite(recency)) {
            throw new IllegalArgumentException("recency of " + customer + " must be finite and >= 0: " + recency);
        }
        if (!(age >= recency) || Double.isInfinite(age)) {
            throw new IllegalArgumentException(
                    "T of " + customer + " must be finite and >= recency " + recency + ": " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException(
                    "recency of " + customer + " must be 0 without repeat purchases: " + recency);
        }
        if (!Double.isFinite(monetaryValue)) {
            throw new IllegalArgumentException("monetary value of " + customer + " must be finite: " + monetaryValue);
        }
    }

    /**
     * The time unit of recency, T and the holdout duration.
     *
     * @return the unit
     */
    public TimeScale timeUnit() {
        return unit;
    }

    /**
     * The number of customers.
     *
     * @return the row count
     */
    public int size() {
        return customers;
    }

    /**
     * Whether the summary has no customers.
     *
     * @return {@code size() == 0}
     */
    public boolean isEmpty() {
        return customers == 0;
    }

    /**
     * Whether this is a summary of weighted rows without customers ({@link #weighted}).
     *
     * @return true for weighted rows; then the per-customer accessors throw
     */
    public boolean isWeighted() {
        return weight != null;
    }

    private void requireCustomers() {
        if (weight != null) {
            throw new IllegalStateException(
                    "this summary holds weighted (x, t_x, T) rows, not customers: it can only be fitted");
        }
    }

    /**
     * The calibration end day, when built from purchases.
     *
     * @return the day, or empty for a summary built from rows
     */
    public Optional<LocalDate> calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * The holdout end day, when built from purchases with a holdout.
     *
     * @return the day, or empty
     */
    public Optional<LocalDate> holdoutEnd() {
        return holdoutEnd;
    }

    /**
     * The customer of row {@code i}.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the customer
     */
    public CustomerId customer(int i) {
        requireCustomers();
        return new CustomerId(customerIds[i]);
    }

    /**
     * The row of a customer.
     *
     * @param customer the customer
     * @return the row index, or empty if the customer is not in the summary
     */
    public OptionalInt indexOf(CustomerId customer) {
        requireCustomers();
        for (int i = 0; i < customerIds.length; i++) {
            if (customerIds[i].equals(customer.value())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The frequency {@code x} of row {@code i}.
     *
     * @param i the row
     * @return repeat purchase days in the calibration period
     */
    public int frequency(int i) {
        requireCustomers();
        return frequency[i];
    }

    /**
     * The recency {@code t_x} of row {@code i}.
     *
     * @param i the row
     * @return time from the first to the last purchase day, in {@link #timeUnit()}
     */
    public double recency(int i) {
        requireCustomers();
        return recency[i];
    }

    /**
     * The age {@code T} of row {@code i}.
     *
     * @param i the row
     * @return time from the first purchase day to the calibration end, in {@link #timeUnit()}
     */
    public double age(int i) {
        requireCustomers();
        return age[i];
    }

    /**
     * The mean repeat-purchase value {@code zbar} of row {@code i}.
     *
     * @param i the row
     * @return the mean value of the repeat purchase days, 0 without repeat purchases
     */
    public double monetaryValue(int i) {
        requireCustomers();
        return monetaryValue[i];
    }

    /**
     * Whether the summary has holdout values.
     *
     * @return true if built with a holdout end or holdout duration
     */
    public boolean hasHoldout() {
        return holdoutDuration.isPresent();
    }

    /**
     * The length of the holdout period.
     *
     * @return the duration in {@link #timeUnit()}, or empty without holdout
     */
    public OptionalDouble holdoutDuration() {
        return holdoutDuration;
    }

    /**
     * The holdout frequency of row {@code i}.
     *
     * @param i the row
     * @return purchase days in the holdout period
     * @throws IllegalStateException if the summary has no holdout
     */
    public int holdoutFrequency(int i) {
        requireHoldout();
        return holdoutFrequency[i];
    }

    /**
     * The holdout value of row {@code i}.
     *
     * @param i the row
     * @return the mean value of the holdout purchase days, 0 when none
     * @throws IllegalStateException if the summary has no holdout
     */
    public double holdoutMonetaryValue(int i) {
        requireHoldout();
        return holdoutMonetaryValue[i];
    }

    private void requireHoldout() {
        if (holdoutDuration.isEmpty()) {
            throw new IllegalStateException("this summary has no holdout period (build it with a holdout end)");
        }
    }

    /**
     * Row {@code i} as a record.
     *
     * @param i the row
     * @return the customer's summary
     */
    public BtydCustomer row(int i) {
        requireCustomers();
        return new BtydCustomer(customer(i), frequency[i], recency[i], age[i], monetaryValue[i]);
    }

    /**
     * The rows as records, in summary order (customers by id when built from purchases).
     *
     * @return a stream of rows
     */
    public Stream<BtydCustomer> rows() {
        requireCustomers();
        return IntStream.range(0, size()).mapToObj(this::row);
    }

    /** The number of customers with at least one repeat purchase. */
    int repeatCustomers() {
        long n = 0;
        for (int i = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                n += weight == null ? 1 : weight[i];
            }
        }
        return (int) n;
    }

    /** The customers an entry stands for: 1, or its weight in a weighted summary. */
    long weight(int i) {
        return weight == null ? 1 : weight[i];
    }

    /** The (x, t_x, T) rows with identical rows merged, for the likelihoods. */
    CollapsedSummary collapsed() {
        return collapse().rows();
    }

    /** The collapsed rows with each entry's row, computed once per summary. */
    Collapse collapse() {
        Collapse c = collapse;
        if (c == null) {
            int[] rowOf = new int[frequency.length];
            c = new Collapse(CollapsedSummary.collapse(frequency, recency, age, weight, rowOf), rowOf);
            collapse = c;
        }
        return c;
    }

    /** The entries' (x, t_x, T) as columns for the prediction kernels, computed once per summary. */
    TimeColumns columns() {
        TimeColumns c = columns;
        if (c == null) {
            c = TimeColumns.of(frequency, recency, age);
            columns = c;
        }
        return c;
    }

    /** The (x, t_x, T) rows, one per customer. */
    CollapsedSummary uncollapsed() {
        return CollapsedSummary.uncollapsed(frequency, recency, age, weight);
    }

    /** Summaries are equal when they hold the same rows, unit, holdout and calibration days. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BtydSummary
                && unit == ((BtydSummary) o).unit
                && Arrays.equals(customerIds, ((BtydSummary) o).customerIds)
                && Arrays.equals(frequency, ((BtydSummary) o).frequency)
                && Arrays.equals(recency, ((BtydSummary) o).recency)
                && Arrays.equals(age, ((BtydSummary) o).age)
                && Arrays.equals(monetaryValue, ((BtydSummary) o).monetaryValue)
                && calibrationEnd.equals(((BtydSummary) o).calibrationEnd)
                && holdoutDuration.equals(((BtydSummary) o).holdoutDuration)
                && Arrays.equals(holdoutFrequency, ((BtydSummary) o).holdoutFrequency)
                && Arrays.equals(holdoutMonetaryValue, ((BtydSummary) o).holdoutMonetaryValue)
                && Arrays.equals(weight, ((BtydSummary) o).weight);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frequency) * 31 + Arrays.hashCode(recency);
    }

    /** For example {@code BtydSummary[2357 customers, 946 with repeat purchases, WEEKS, calibration end 1997-09-30]}. */
    @Override
    public String toString() {
        return "BtydSummary[" + size() + " customers, " + repeatCustomers() + " with repeat purchases, " + unit
                + (weight == null ? "" : ", " + weight.length + " weighted rows")
                + calibrationEnd.map(d -> ", calibration end " + d).orElse("")
                + holdoutEnd.map(d -> ", holdout end " + d).orElse("") + "]";
    }

    /**
     * Collects summary rows given directly (for example from a summary file). Rows keep their order. Not
     * thread-safe.
     */
    public static final class Builder {
        private final TimeScale unit;
        private final OptionalDouble holdoutDuration;
        private final List<String> ids = new ArrayList<>();
        private int[] frequency = new int[16];
        private double[] recency = new double[16];
        private double[] age = new double[16];
        private double[] monetary = new double[16];
        private int[] holdoutFrequency = new int[16];
        private double[] holdoutMonetary = new double[16];
        private int size;

        private Builder(TimeScale unit, OptionalDouble holdoutDuration) {
            this.unit = unit;
            this.holdoutDuration = holdoutDuration;
        }

        /**
         * Adds a row.
         *
         * @param customer the customer id
         * @param x the frequency
         * @param tx the recency
         * @param t the age T
         * @param zbar the mean repeat-purchase value
         * @return this builder
         * @throws IllegalArgumentException naming the customer and the invalid value; or if the builder expects
         *     holdout values
         */
        public Builder add(String customer, int x, double tx, double t, double zbar) {
            if (holdoutDuration.isPresent()) {
                throw new IllegalArgumentException(
                        "this builder has a holdout period: give holdout values for " + customer);
            }
            return put(customer, x, tx, t, zbar, 0, 0);
        }

        /**
         * Adds a row with its holdout values.
         *
         * @param customer the customer id
         * @param x the frequency
         * @param tx the recency
         * @param t the age T
         * @param zbar the mean repeat-purchase value
         * @param holdoutX purchase days in the holdout period, {@code >= 0}
         * @param holdoutZbar their mean value
         * @return this builder
         */
        public Builder add(String customer, int x, double tx, double t, double zbar, int holdoutX, double holdoutZbar) {
            if (holdoutDuration.isEmpty()) {
                throw new IllegalArgumentException(
                        "this builder has no holdout period (use builder(unit, holdoutDuration)): " + customer);
            }
            if (holdoutX < 0 || !Double.isFinite(holdoutZbar)) {
                throw new IllegalArgumentException("holdout values of " + customer + " must be a frequency >= 0 and"
                        + " a finite value: " + holdoutX + ", " + holdoutZbar);
            }
            return put(customer, x, tx, t, zbar, holdoutX, holdoutZbar);
        }

        /**
         * Adds a row.
         *
         * @param row the row
         * @return this builder
         */
        public Builder add(BtydCustomer row) {
            return add(row.customer().value(), row.frequency(), row.recency(), row.age(), row.monetaryValue());
        }

        private Builder put(String customer, int x, double tx, double t, double zbar, int hx, double hz) {
            new CustomerId(customer);
            check(customer, x, tx, t, zbar);
            if (size == frequency.length) {
                int capacity = size + (size >> 1) + 16;
                frequency = Arrays.copyOf(frequency, capacity);
                recency = Arrays.copyOf(recency, capacity);
                age = Arrays.copyOf(age, capacity);
                monetary = Arrays.copyOf(monetary, capacity);
                holdoutFrequency = Arrays.copyOf(holdoutFrequency, capacity);
                holdoutMonetary = Arrays.copyOf(holdoutMonetary, capacity);
            }
            ids.add(customer);
            frequency[size] = x;
            recency[size] = tx;
            age[size] = t;
            monetary[size] = zbar;
            holdoutFrequency[size] = hx;
            holdoutMonetary[size] = hz;
            size++;
            return this;
        }

        /**
         * Builds the summary.
         *
         * @return the summary of the rows added
         */
        public BtydSummary build() {
            boolean holdout = holdoutDuration.isPresent();
            return new BtydSummary(
                    unit,
                    ids.toArray(String[]::new),
                    Arrays.copyOf(frequency, size),
                    Arrays.copyOf(recency, size),
                    Arrays.copyOf(age, size),
                    Arrays.copyOf(monetary, size),
                    Optional.empty(),
                    holdoutDuration,
                    Optional.empty(),
                    holdout ? Arrays.copyOf(holdoutFrequency, size) : new int[0],
                    holdout ? Arrays.copyOf(holdoutMonetary, size) : new double[0]);
        }
    }
}
