package org.loyaltykpi.segment;

import org.loyaltykpi.domain.PurchaseTable;

/**
 * Row arithmetic on one customer's run of a {@link PurchaseTable}: the run is sorted by day, so the rows of a day range
 * are found by binary search and read without any per-purchase object.
 */
final class Rows {
    private Rows() {}

    /** The first row of customer {@code c} on or after {@code day}, or {@code endRow(c)} if none. */
    static int atOrAfter(PurchaseTable table, int c, int day) {
        int low = table.firstRow(c);
        int high = table.endRow(c);
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (table.epochDay(middle) < day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The distinct days of rows {@code [from, to)} of one customer (rows sorted by day). */
    static int distinctDays(PurchaseTable table, int from, int to) {
        int days = 0;
        int previous = Integer.MIN_VALUE;
        for (int row = from; row < to; row++) {
            int day = table.epochDay(row);
            if (day != previous) {
                days++;
                previous = day;
            }
        }
        return days;
    }

    /** The summed amounts of rows {@code [from, to)}, in minor units. */
    static long amount(PurchaseTable table, int from, int to) {
        long sum = 0;
        for (int row = from; row < to; row++) {
            sum = Math.addExact(sum, table.amountMinorUnits(row));
        }
        return sum;
    }

    /**
     * The net spend of customer {@code c} over days {@code [fromDay, toDay)}: the amounts of rows {@code [from, to)}
     * (its rows of those days) plus its refunds dated in those days, at least 0 (refunds of purchases made before the
     * data began cannot make a spend negative).
     */
    static long netAmount(PurchaseTable table, int c, int from, int to, int fromDay, int toDay) {
        long gross = amount(table, from, to);
        return Math.max(0, Math.addExact(gross, table.customerRefundMinorUnits(c, fromDay, toDay)));
    }

    /** The epoch day of a date, as the int the table uses. */
    static int day(java.time.LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }
}
