package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Calibration-versus-holdout checks of a fitted purchase model, the two figures of the BTYD papers.
 *
 * <ul>
 *   <li>{@link #byCalibrationFrequency}: customers grouped by calibration frequency {@code x} (the last group holds
 *       every {@code x >= maxFrequency}); per group the mean actual holdout purchases and the mean
 *       {@code E[Y(holdout) | x, t_x, T]} (Fader, Hardie and Lee 2005, figure 3).
 *   <li>{@link #tracking}: cumulative repeat purchases of the cohort, actual (distinct repeat purchase days up to
 *       and including day {@code d}) against expected ({@code sum_i E[X((d + 1 - first_i) / unit)]}: a customer
 *       acquired on day {@code first_i} has been one for {@code d + 1 - first_i} whole days at the end of day {@code
 *       d}), at the end of every model time unit from the first purchase day to an end day (their figure 2). This is
 *       lifetimes' {@code expected_cumulative_transactions} and R BTYD's tracking curve, which label the same figure
 *       with the next day (the start of the following period).
 * </ul>
 *
 * <pre>{@code
 * BtydSummary s = BtydSummary.of(table, calibrationEnd, holdoutEnd, TimeScale.WEEKS);
 * List<FrequencyComparison> rows = ModelValidation.byCalibrationFrequency(BgNbdModel.fit(s), s, 7);
 * }</pre>
 */
public final class ModelValidation {
    private ModelValidation() {}

    /**
     * Actual against expected holdout purchases for one calibration frequency.
     *
     * @param frequency the calibration frequency {@code x}
     * @param andAbove whether the group holds every {@code x >= frequency}
     * @param customers customers in the group
     * @param actualMean their mean holdout purchases
     * @param expectedMean their mean expected holdout purchases
     */
    public record FrequencyComparison(
            int frequency, boolean andAbove, long customers, double actualMean, double expectedMean) {}

    /**
     * Cumulative repeat purchases at a day.
     *
     * @param date the last day counted
     * @param actual actual repeat purchase days up to it
     * @param expected the model's expectation
     */
    public record TrackingPoint(LocalDate date, double actual, double expected) {}

    /**
     * Actual against expected holdout purchases by calibration frequency.
     *
     * @param model the model fitted on the calibration period
     * @param summary the summary with holdout, in the model's time unit
     * @param maxFrequency the frequency from which groups are merged, {@code >= 1}
     * @return one row per frequency {@code 0..maxFrequency} that has customers
     * @throws IllegalArgumentException if the summary has no holdout or another time unit
     */
    public static List<FrequencyComparison> byCalibrationFrequency(
            TransactionModel model, BtydSummary summary, int maxFrequency) {
        ModelSupport.checkUnit(model.name(), model.timeUnit(), summary);
        if (!summary.hasHoldout()) {
            throw new IllegalArgumentException("the summary has no holdout period: build it with a holdout end");
        }
        if (maxFrequency < 1) {
            throw new IllegalArgumentException("maxFrequency must be >= 1: " + maxFrequency);
        }
        double duration = summary.holdoutDuration().getAsDouble();
        long[] customers = new long[maxFrequency + 1];
        double[] actual = new double[maxFrequency + 1];
        double[] expected = new double[maxFrequency + 1];
        for (int i = 0; i < summary.size(); i++) {
            int x = summary.frequency(i);
            int group = Math.min(x, maxFrequency);
            customers[group]++;
            actual[group] += summary.holdoutFrequency(i);
            expected[group] += model.expectedPurchases(duration, x, summary.recency(i), summary.age(i));
        }
        List<FrequencyComparison> rows = new ArrayList<>();
        for (int g = 0; g <= maxFrequency; g++) {
            if (customers[g] > 0) {
                rows.add(new FrequencyComparison(
                        g, g == maxFrequency, customers[g], actual[g] / customers[g], expected[g] / customers[g]));
            }
        }
        return rows;
    }

    /**
     * The cumulative repeat purchases of the customers acquired up to the calibration end, actual and expected.
     *
     * @param model the model fitted on the calibration period
     * @param table the purchases
     * @param calibrationEnd the calibration end (inclusive): only customers whose first purchase is on or before it
     * @param end the last day to track (inclusive)
     * @return a point at the end of every model time unit (rounded down to a day) from the first purchase day, and
     *     one at {@code end}; empty if no customer qualifies or {@code end} is before the first purchase. Customers
     *     acquired after {@code end} add nothing (any {@code end} on or after the first purchase day is valid).
     */
    public static List<TrackingPoint> tracking(
            TransactionModel model, PurchaseTable table, LocalDate calibrationEnd, LocalDate end) {
        int cutoff = Math.toIntExact(calibrationEnd.toEpochDay());
        int last = Math.toIntExact(end.toEpochDay());
        int first = Integer.MAX_VALUE;
        for (int c = 0; c < table.customerCount(); c++) {
            first = Math.min(first, table.epochDay(table.firstRow(c)));
        }
        if (first > cutoff || last < first) {
            return List.of();
        }
        int days = last - first + 1;
        long[] births = new long[days];
        long[] repeatDays = new long[days];
        for (int c = 0; c < table.customerCount(); c++) {
            int row = table.firstRow(c);
            int birth = table.epochDay(row);
            if (birth > cutoff || birth > last) {
                // Not in the cohort, or acquired after the tracked span: nothing of it falls in the series.
                continue;
            }
            births[birth - first]++;
            int previous = birth;
            for (row++; row < table.endRow(c); row++) {
                int day = table.epochDay(row);
                if (day > last) {
                    break;
                }
                if (day != previous) {
                    repeatDays[day - first]++;
                    previous = day;
                }
            }
        }
        double unitDays = model.timeUnit().days();
        List<TrackingPoint> points = new ArrayList<>();
        long cumulative = 0;
        int nextPoint = 1;
        for (int d = 0; d < days; d++) {
            cumulative += repeatDays[d];
            int pointDay = (int) Math.floor(nextPoint * unitDays) - 1;
            if (d == pointDay || d == days - 1) {
                points.add(new TrackingPoint(
                        LocalDate.ofEpochDay((long) first + d), cumulative, expectedThrough(model, births, d)));
                if (d == pointDay) {
                    nextPoint++;
                }
            }
        }
        return points;
    }

    /**
     * {@code sum_b births[b] E[X((d + 1 - b) / unit)]}: at the end of day {@code d} a customer acquired on day {@code b}
     * has been a customer for {@code d + 1 - b} whole days (lifetimes' {@code expected_cumulative_transactions} and R
     * BTYD's {@code elog2cum} count the same way).
     */
    private static double expectedThrough(TransactionModel model, long[] births, int d) {
        double expected = 0;
        for (int b = 0; b <= d; b++) {
            if (births[b] > 0) {
                expected += births[b]
                        * model.expectedPurchasesOfNewCustomer(model.timeUnit().fromDays(d + 1 - b));
            }
        }
        return expected;
    }
}
