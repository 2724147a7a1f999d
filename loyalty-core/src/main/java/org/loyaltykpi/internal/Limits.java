package org.loyaltykpi.internal;

import java.time.LocalDate;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.LimitExceededException;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The bounds on the size of a breakdown, checked before anything is allocated, with messages that name the periods
 * and the rows that span them.
 */
public final class Limits {
    /** Periods of a cohort matrix (a triangle of cells, one per cohort and period after it): at most 4,096. */
    public static final int MAX_COHORT_PERIODS = 4096;

    private Limits() {}

    /**
     * Checks that the periods {@code firstOrdinal..lastOrdinal} of a granularity are at most {@link
     * LimitExceededException#MAX_PERIODS}.
     *
     * @param granularity the period length
     * @param firstOrdinal the first period's ordinal
     * @param lastOrdinal the last period's ordinal
     * @param what what spans them, for the message: "the purchases (the earliest ...)"
     * @return the number of periods
     * @throws LimitExceededException naming the periods, the bound and {@code what}
     */
    public static int periods(Granularity granularity, long firstOrdinal, long lastOrdinal, String what) {
        return periods(granularity, firstOrdinal, lastOrdinal, LimitExceededException.MAX_PERIODS, "a breakdown", what);
    }

    /**
     * Checks that the periods {@code firstOrdinal..lastOrdinal} of a granularity are at most a bound.
     *
     * @param granularity the period length
     * @param firstOrdinal the first period's ordinal
     * @param lastOrdinal the last period's ordinal
     * @param bound the most periods allowed
     * @param breakdown what is broken down, for the message: "a cohort matrix"
     * @param what what spans them, for the message
     * @return the number of periods
     * @throws LimitExceededException naming the periods, the bound and {@code what}
     */
    public static int periods(
            Granularity granularity, long firstOrdinal, long lastOrdinal, int bound, String breakdown, String what) {
        long count = lastOrdinal - firstOrdinal + 1;
        if (count > bound) {
            throw new LimitExceededException(count + " periods of "
                    + granularity.name().toLowerCase(java.util.Locale.ROOT)
                    + " from " + granularity.period(firstOrdinal).start() + " to "
                    + granularity.period(lastOrdinal).endExclusive().minusDays(1) + " for " + what + ": "
                    + breakdown + " has at most " + bound + " periods; choose a coarser granularity or leave out the"
                    + " outlying dates");
        }
        return (int) Math.max(0, count);
    }

    /**
     * The rows of a non-empty table with its earliest and latest dates, for messages: {@code "the purchases (the
     * earliest: customer C7 on 0001-01-01, the latest: customer C2 on 9999-12-31)"}.
     *
     * @param table the purchases
     * @return the description
     */
    public static String span(PurchaseTable table) {
        if (table.isEmpty()) {
            return "no purchases";
        }
        int min = table.minEpochDay();
        int max = table.maxEpochDay();
        int first = -1;
        int last = -1;
        for (int row = 0; row < table.size() && (first < 0 || last < 0); row++) {
            if (first < 0 && table.epochDay(row) == min) {
                first = row;
            }
            if (last < 0 && table.epochDay(row) == max) {
                last = row;
            }
        }
        return "the purchases (the earliest: customer " + table.customer(table.customerIndex(first)) + " on "
                + LocalDate.ofEpochDay(min) + ", the latest: customer " + table.customer(table.customerIndex(last))
                + " on " + LocalDate.ofEpochDay(max) + ")";
    }
}
