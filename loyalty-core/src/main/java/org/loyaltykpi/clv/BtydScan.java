package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The columnar BTYD-summary engine: one pass over a {@link PurchaseTable}'s day and amount columns, customer by
 * customer, parallel over customer ranges, with no per-purchase objects. The rules are those of {@link BtydSummary};
 * {@link BtydSummary#of} and {@link BtydSummaryAccumulator#add(PurchaseTable)} both call it.
 */
final class BtydScan {
    private static final int CUSTOMERS_PER_TASK = 1 << 13;

    private BtydScan() {}

    /** The summary of a table's customers, in the table's customer order (ids sorted). */
    static BtydSummary scan(
            PurchaseTable table, LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, TimeScale unit) {
        int customers = table.customerCount();
        int end = Math.toIntExact(calibrationEnd.toEpochDay());
        int holdout = holdoutEnd.map(d -> Math.toIntExact(d.toEpochDay())).orElse(end);
        // Per table customer; -1 frequency marks a customer born after the calibration end.
        int[] x = new int[customers];
        int[] recencyDays = new int[customers];
        int[] ageDays = new int[customers];
        long[] repeatValue = new long[customers];
        int[] holdoutDays = new int[customers];
        long[] holdoutValue = new long[customers];
        // Each range fills its customers' slots of the arrays and counts those in the summary.
        int included = ParallelScans.scan(
                customers,
                CUSTOMERS_PER_TASK,
                (from, to) -> {
                    int count = 0;
                    for (int c = from; c < to; c++) {
                        int row = table.firstRow(c);
                        int last = table.endRow(c);
                        int first = table.epochDay(row);
                        if (first > end) {
                            x[c] = -1;
                            continue;
                        }
                        int days = 0;
                        int previousDay = Integer.MIN_VALUE;
                        int lastDay = first;
                        long value = 0;
                        int hDays = 0;
                        long hValue = 0;
                        for (; row < last; row++) {
                            int day = table.epochDay(row);
                            if (day > holdout) {
                                break;
                            }
                            boolean newDay = day != previousDay;
                            previousDay = day;
                            if (day <= end) {
                                if (newDay) {
                                    days++;
                                    lastDay = day;
                                }
                                if (day != first) {
                                    value += table.amountMinorUnits(row);
                                }
                            } else {
                                if (newDay) {
                                    hDays++;
                                }
                                hValue += table.amountMinorUnits(row);
                            }
                        }
                        // Net of the customer's refunds: those dated after the first purchase day up to the
                        // calibration end net the repeat spend, those of the holdout its spend; at least 0.
                        value += table.customerRefundMinorUnits(c, first + 1, end + 1);
                        hValue += table.customerRefundMinorUnits(c, end + 1, holdout + 1);
                        x[c] = days - 1;
                        recencyDays[c] = lastDay - first;
                        ageDays[c] = end - first;
                        repeatValue[c] = Math.max(0, value);
                        holdoutDays[c] = hDays;
                        holdoutValue[c] = Math.max(0, hValue);
                        count++;
                    }
                    return count;
                },
                Integer::sum);
        double minorUnit = Math.pow(10, -table.amountScale());
        String[] ids = new String[included];
        int[] frequency = new int[included];
        double[] recency = new double[included];
        double[] age = new double[included];
        double[] monetary = new double[included];
        int[] hFrequency = new int[holdoutEnd.isPresent() ? included : 0];
        double[] hMonetary = new double[hFrequency.length];
        int i = 0;
        for (int c = 0; c < customers; c++) {
            if (x[c] < 0) {
                continue;
            }
            ids[i] = table.customer(c).value();
            frequency[i] = x[c];
            recency[i] = unit.fromDays(recencyDays[c]);
            age[i] = unit.fromDays(ageDays[c]);
            monetary[i] = x[c] == 0 ? 0 : repeatValue[c] * minorUnit / x[c];
            if (holdoutEnd.isPresent()) {
                hFrequency[i] = holdoutDays[c];
                hMonetary[i] = holdoutDays[c] == 0 ? 0 : holdoutValue[c] * minorUnit / holdoutDays[c];
            }
            i++;
        }
        OptionalDouble duration =
                holdoutEnd.isPresent() ? OptionalDouble.of(unit.fromDays(holdout - end)) : OptionalDouble.empty();
        return new BtydSummary(
                unit,
                ids,
                frequency,
                recency,
                age,
                monetary,
                Optional.of(calibrationEnd),
                duration,
                holdoutEnd,
                hFrequency,
                hMonetary);
    }
}
