package org.loyaltykpi.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The columnar cohort engine: one pass over a {@link PurchaseTable}'s day and amount columns, customer by customer,
 * with a day-to-period lookup array, so the hot loop does no date arithmetic, boxing, allocation or hashing. Customer
 * ranges run in parallel on the common ForkJoin pool, each into its own {@link CohortTally}, merged at the end.
 */
final class CohortScan {
    /** Customers per parallel task: large enough that forking costs nothing, small enough to balance two cores. */
    private static final int CUSTOMERS_PER_TASK = 1 << 16;

    private final PurchaseTable table;
    private final List<OffsetBracket> brackets;
    private final int minDay;
    private final int periods;
    private final int[] periodByDay;

    private CohortScan(PurchaseTable table, Granularity granularity, long firstOrdinal, List<OffsetBracket> brackets) {
        this.table = table;
        this.brackets = brackets;
        this.minDay = table.minEpochDay();
        int days = table.maxEpochDay() - minDay + 1;
        this.periodByDay = new int[days];
        for (int d = 0; d < days; d++) {
            periodByDay[d] = (int) (granularity.ordinal(LocalDate.ofEpochDay(minDay + (long) d)) - firstOrdinal);
        }
        this.periods = periodByDay[days - 1] + 1;
    }

    /** Tallies a non-empty table; period 0 is the period of the table's first day. */
    static CohortTally tally(
            PurchaseTable table, Granularity granularity, long firstOrdinal, List<OffsetBracket> brackets) {
        CohortScan scan = new CohortScan(table, granularity, firstOrdinal, brackets);
        int customers = table.customerCount();
        int tasks = (customers + CUSTOMERS_PER_TASK - 1) / CUSTOMERS_PER_TASK;
        if (tasks <= 1 || ForkJoinPool.getCommonPoolParallelism() <= 1) {
            return scan.tallyCustomers(0, customers);
        }
        return IntStream.range(0, tasks)
                .parallel()
                .mapToObj(t ->
                        scan.tallyCustomers(t * CUSTOMERS_PER_TASK, Math.min(customers, (t + 1) * CUSTOMERS_PER_TASK)))
                .reduce(CohortTally::merge)
                .orElseThrow();
    }

    private CohortTally tallyCustomers(int fromCustomer, int toCustomer) {
        CohortTally tally = new CohortTally(periods, brackets);
        boolean withBrackets = !brackets.isEmpty();
        int[] periodByDay = this.periodByDay;
        int minDay = this.minDay;
        PurchaseTable table = this.table;
        for (int c = fromCustomer; c < toCustomer; c++) {
            int row = table.firstRow(c);
            int end = table.endRow(c);
            // Rows are sorted by day: the first row is the acquisition, and each offset's rows are contiguous.
            int cohort = periodByDay[table.epochDay(row) - minDay];
            tally.customer(cohort);
            int lastOffset = -1;
            long bracketsHit = 0;
            for (; row < end; row++) {
                int offset = periodByDay[table.epochDay(row) - minDay] - cohort;
                if (offset != lastOffset) {
                    tally.activeAt(cohort, offset);
                    lastOffset = offset;
                    if (withBrackets) {
                        bracketsHit |= tally.bracketMaskByOffset[offset];
                    }
                }
                tally.purchase(cohort, offset, table.amountMinorUnits(row));
            }
            tally.lastActiveAt(cohort, lastOffset);
            if (withBrackets) {
                tally.addBrackets(cohort, bracketsHit);
            }
        }
        return tally;
    }
}
