package org.loyaltykpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The purchase model's expected repeat purchases against the actual ones, period by period: the check of a BTYD fit
 * that lifetimes draws as its tracking plots (period transactions and cumulative transactions).
 *
 * <p>Repeat purchases are purchase days after a customer's first purchase day (several purchases on one day are one,
 * as the model counts them). The expectation of a period is {@code E(end) - E(start - 1)} where {@code E(d) = sum over
 * acquisition days b <= d of births(b) x E[X(d + 1 - b)]}: each customer contributes, from its first purchase on, the
 * expected purchases of a customer just acquired ({@link TransactionModel#expectedPurchasesOfNewCustomer}). The
 * cumulative columns add the periods up, so their last value compares every repeat purchase of the data with the
 * model's total.
 *
 * <pre>{@code
 * RepeatTracking t = RepeatTracking.of(model, table, Granularity.MONTH.periodsCovering(table.dateRange().get()));
 * t.points().get(0);   // Point[period=2024-01-01/2024-02-01, actual=12, expected=10.8, ...]
 * }</pre>
 *
 * @param points one point per period, in order
 */
public record RepeatTracking(List<RepeatTracking.Point> points) {

    /** Copies the points. */
    public RepeatTracking {
        points = List.copyOf(points);
    }

    /**
     * One period's repeat purchases.
     *
     * @param period the period
     * @param actual repeat purchase days in it
     * @param expected the model's expectation for it, {@code >= 0}
     * @param actualCumulative actual repeat purchase days up to its end
     * @param expectedCumulative the model's expectation up to its end
     */
    public record Point(
            DateRange period, long actual, double expected, long actualCumulative, double expectedCumulative) {
        /** Validates the period. */
        public Point {
            Objects.requireNonNull(period, "period must not be null");
        }
    }

    /**
     * Tracks the model over the periods.
     *
     * @param model the purchase model, fitted on the table up to the end of the last period
     * @param table the purchases
     * @param periods consecutive periods, in order
     * @return one point per period; empty if there are no periods or no purchases
     */
    public static RepeatTracking of(TransactionModel model, PurchaseTable table, List<DateRange> periods) {
        Objects.requireNonNull(model, "model must not be null");
        if (periods.isEmpty() || table.isEmpty()) {
            return new RepeatTracking(List.of());
        }
        int first = Math.toIntExact(periods.get(0).start().toEpochDay());
        int last =
                Math.toIntExact(periods.get(periods.size() - 1).endExclusive().toEpochDay() - 1);
        int days = last - first + 1;
        long[] births = new long[days];
        long[] repeats = new long[days];
        for (int c = 0; c < table.customerCount(); c++) {
            int row = table.firstRow(c);
            int end = table.endRow(c);
            int birth = table.epochDay(row);
            if (birth < first || birth > last) {
                continue;
            }
            births[birth - first]++;
            int previous = birth;
            for (row++; row < end; row++) {
                int day = table.epochDay(row);
                if (day > last) {
                    break;
                }
                if (day != previous) {
                    repeats[day - first]++;
                    previous = day;
                }
            }
        }
        double unitDays = model.timeUnit().days();
        List<Point> points = new ArrayList<>(periods.size());
        long actualCumulative = 0;
        double expectedBefore = 0;
        for (DateRange period : periods) {
            int from = Math.max(first, Math.toIntExact(period.start().toEpochDay())) - first;
            int to = Math.min(last, Math.toIntExact(period.endExclusive().toEpochDay() - 1)) - first;
            long actual = 0;
            for (int d = from; d <= to; d++) {
                actual += repeats[d];
            }
            double expectedThrough = 0;
            for (int b = 0; b <= to; b++) {
                if (births[b] > 0) {
                    expectedThrough += births[b] * model.expectedPurchasesOfNewCustomer((to + 1 - b) / unitDays);
                }
            }
            actualCumulative += actual;
            points.add(new Point(
                    period, actual, Math.max(0, expectedThrough - expectedBefore), actualCumulative, expectedThrough));
            expectedBefore = expectedThrough;
        }
        return new RepeatTracking(points);
    }

    @Override
    public String toString() {
        if (points.isEmpty()) {
            return "RepeatTracking[no periods]";
        }
        Point end = points.get(points.size() - 1);
        return String.format(
                Locale.ROOT,
                "RepeatTracking[%d periods from %s, repeat purchases actual %d, expected %.1f]",
                points.size(),
                points.get(0).period(),
                end.actualCumulative(),
                end.expectedCumulative());
    }
}
