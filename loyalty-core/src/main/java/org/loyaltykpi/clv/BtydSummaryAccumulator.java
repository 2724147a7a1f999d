package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Builds a {@link BtydSummary} from disjoint groups of customers (for example the customer partitions of a Spark job,
 * or the tables of several shops with distinct ids), mergeable with other accumulators of the same calibration end,
 * holdout end and time unit. Each customer's whole history must be in one group: the summary of a customer depends on
 * all of its purchases, so the groups are unions, not sums ({@link #merge} of two accumulators that both hold a
 * customer fails at {@link #snapshot()}, naming the customer).
 *
 * <p>The snapshot equals {@link BtydSummary#of} on one table holding every group's purchases: the same rows, in
 * customer-id order, with the same holdout columns.
 *
 * <pre>{@code
 * var acc = new BtydSummaryAccumulator(LocalDate.parse("1997-09-30"), TimeScale.WEEKS);
 * acc.add(customersAtoM).add(customersNtoZ);       // two PurchaseTables of disjoint customers
 * BtydSummary summary = acc.snapshot();            // == BtydSummary.of(allCustomers, ...)
 * }</pre>
 *
 * <p>State: the rows added so far (each {@code add} of a table scans it once and keeps its summary). The rows can
 * also be added one by one ({@link #add(String, int, double, double, double, int, double)}), which is how a row
 * exported by another process (a Spark executor, a file) comes back. Not thread-safe.
 */
public final class BtydSummaryAccumulator {
    private final LocalDate calibrationEnd;
    private final Optional<LocalDate> holdoutEnd;
    private final TimeScale unit;
    private final List<BtydSummary> parts = new ArrayList<>();
    private BtydSummary.Builder rows;

    /**
     * An empty accumulator without holdout.
     *
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param unit the time unit of recency and T
     */
    public BtydSummaryAccumulator(LocalDate calibrationEnd, TimeScale unit) {
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd must not be null");
        this.unit = Objects.requireNonNull(unit, "unit must not be null");
        this.holdoutEnd = Optional.empty();
    }

    /**
     * An empty accumulator with a holdout period {@code (calibrationEnd, holdoutEnd]}.
     *
     * @param calibrationEnd the last day of the calibration period (inclusive)
     * @param holdoutEnd the last day of the holdout period (inclusive), after {@code calibrationEnd}
     * @param unit the time unit
     * @throws IllegalArgumentException if {@code holdoutEnd} is not after {@code calibrationEnd}
     */
    public BtydSummaryAccumulator(LocalDate calibrationEnd, LocalDate holdoutEnd, TimeScale unit) {
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd must not be null");
        this.unit = Objects.requireNonNull(unit, "unit must not be null");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException(
                    "holdout end must be after the calibration end " + calibrationEnd + ": " + holdoutEnd);
        }
        this.holdoutEnd = Optional.of(holdoutEnd);
    }

    /**
     * The calibration end day.
     *
     * @return the day
     */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * The holdout end day.
     *
     * @return the day, or empty without holdout
     */
    public Optional<LocalDate> holdoutEnd() {
        return holdoutEnd;
    }

    /**
     * The time unit.
     *
     * @return the unit
     */
    public TimeScale timeUnit() {
        return unit;
    }

    /**
     * The length of the holdout period in the time unit, as the summary states it.
     *
     * @return {@code (holdoutEnd - calibrationEnd) / unit}, or empty without holdout
     */
    public OptionalDouble holdoutDuration() {
        return holdoutEnd.isPresent()
                ? OptionalDouble.of(unit.fromDays(holdoutEnd.get().toEpochDay() - calibrationEnd.toEpochDay()))
                : OptionalDouble.empty();
    }

    /**
     * Adds the summary rows of a table's customers: one parallel pass over the table.
     *
     * @param table purchases of customers this accumulator has not seen, each with its whole history
     * @return this accumulator
     */
    public BtydSummaryAccumulator add(PurchaseTable table) {
        parts.add(BtydScan.scan(table, calibrationEnd, holdoutEnd, unit));
        return this;
    }

    /**
     * Adds one customer's row, without holdout values (for an accumulator without holdout).
     *
     * @param customer the customer id
     * @param x the frequency
     * @param tx the recency
     * @param t the age T
     * @param zbar the mean repeat-purchase value
     * @return this accumulator
     * @throws IllegalArgumentException naming the customer and the invalid value, or if this accumulator has a
     *     holdout period
     */
    public BtydSummaryAccumulator add(String customer, int x, double tx, double t, double zbar) {
        rows().add(customer, x, tx, t, zbar);
        return this;
    }

    /**
     * Adds one customer's row with its holdout values (for an accumulator with holdout).
     *
     * @param customer the customer id
     * @param x the frequency
     * @param tx the recency
     * @param t the age T
     * @param zbar the mean repeat-purchase value
     * @param holdoutX purchase days in the holdout period
     * @param holdoutZbar their mean value
     * @return this accumulator
     * @throws IllegalArgumentException naming the customer and the invalid value, or if this accumulator has no
     *     holdout period
     */
    public BtydSummaryAccumulator add(
            String customer, int x, double tx, double t, double zbar, int holdoutX, double holdoutZbar) {
        rows().add(customer, x, tx, t, zbar, holdoutX, holdoutZbar);
        return this;
    }

    private BtydSummary.Builder rows() {
        if (rows == null) {
            rows = holdoutEnd.isPresent()
                    ? BtydSummary.builder(unit, holdoutDuration().getAsDouble())
                    : BtydSummary.builder(unit);
        }
        return rows;
    }

    /**
     * Adds the tables' customers.
     *
     * @param tables purchase tables of disjoint customers
     * @return this accumulator
     */
    public BtydSummaryAccumulator addAll(Iterable<PurchaseTable> tables) {
        tables.forEach(this::add);
        return this;
    }

    /**
     * Adds every row another accumulator holds (a union: the customers must be disjoint).
     *
     * @param other an accumulator of the same calibration end, holdout end and unit; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the accumulators differ in calibration end, holdout end or unit
     */
    public BtydSummaryAccumulator merge(BtydSummaryAccumulator other) {
        if (!calibrationEnd.equals(other.calibrationEnd)
                || !holdoutEnd.equals(other.holdoutEnd)
                || unit != other.unit) {
            throw new IllegalArgumentException(
                    "cannot merge BTYD summary accumulators of " + describe() + " and " + other.describe());
        }
        parts.addAll(other.parts);
        if (other.rows != null) {
            parts.add(other.rows.build());
        }
        return this;
    }

    private String describe() {
        return "calibration end " + calibrationEnd
                + holdoutEnd.map(d -> ", holdout end " + d).orElse("") + ", " + unit;
    }

    /**
     * The summary of every customer added so far, in customer-id order; the accumulator stays usable.
     *
     * @return the summary, with holdout columns if this accumulator has a holdout period
     * @throws IllegalArgumentException if a customer was added twice (the groups were not disjoint), naming it
     */
    public BtydSummary snapshot() {
        List<BtydSummary> all = new ArrayList<>(parts);
        if (rows != null) {
            all.add(rows.build());
        }
        int n = 0;
        for (BtydSummary part : all) {
            n += part.size();
        }
        String[] ids = new String[n];
        int[] partOf = new int[n];
        int[] rowOf = new int[n];
        int k = 0;
        for (int p = 0; p < all.size(); p++) {
            BtydSummary part = all.get(p);
            for (int i = 0; i < part.size(); i++) {
                ids[k] = part.customer(i).value();
                partOf[k] = p;
                rowOf[k++] = i;
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        boolean holdout = holdoutEnd.isPresent();
        String[] outIds = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] zbar = new double[n];
        int[] hx = new int[holdout ? n : 0];
        double[] hz = new double[hx.length];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (r > 0 && ids[i].equals(outIds[r - 1])) {
                throw new IllegalArgumentException("customer " + ids[i] + " is in two merged BTYD summaries: the"
                        + " groups must hold disjoint customers, each with its whole history");
            }
            BtydSummary part = all.get(partOf[i]);
            int row = rowOf[i];
            outIds[r] = ids[i];
            x[r] = part.frequency(row);
            tx[r] = part.recency(row);
            t[r] = part.age(row);
            zbar[r] = part.monetaryValue(row);
            if (holdout) {
                hx[r] = part.holdoutFrequency(row);
                hz[r] = part.holdoutMonetaryValue(row);
            }
        }
        return new BtydSummary(
                unit, outIds, x, tx, t, zbar, Optional.of(calibrationEnd), holdoutDuration(), holdoutEnd, hx, hz);
    }

    /** For example {@code BtydSummaryAccumulator[calibration end 1997-09-30, WEEKS, 3 parts]}. */
    @Override
    public String toString() {
        return "BtydSummaryAccumulator[" + describe() + ", " + (parts.size() + (rows == null ? 0 : 1)) + " parts]";
    }
}
