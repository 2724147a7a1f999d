package org.loyaltykpi.cohort;

import java.time.LocalDate;
import java.util.List;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Limits;
import org.loyaltykpi.internal.ParallelScans;

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

    private CohortScan(
            PurchaseTable table,
            Granularity granularity,
            long firstOrdinal,
            List<OffsetBracket> brackets,
            int lastDay) {
        this.table = table;
        this.brackets = brackets;
        this.minDay = table.minEpochDay();
        Limits.periods(
                granularity,
                firstOrdinal,
                granularity.ordinal(LocalDate.ofEpochDay(lastDay)),
                Limits.MAX_COHORT_PERIODS,
                "a cohort matrix",
                Limits.span(table));
        int days = lastDay - minDay + 1;
        this.periodByDay = new int[days];
        for (int d = 0; d < days; d++) {
            periodByDay[d] = (int) (granularity.ordinal(LocalDate.ofEpochDay(minDay + (long) d)) - firstOrdinal);
        }
        this.periods = periodByDay[days - 1] + 1;
    }

    /** Tallies a non-empty table; period 0 is the period of the table's first day. */
    static CohortTally tally(
            PurchaseTable table, Granularity granularity, long firstOrdinal, List<OffsetBracket> brackets) {
        return tally(table, granularity, firstOrdinal, brackets, table.maxEpochDay());
    }

    /** Tallies a non-empty table observed until {@code lastDay} (at or after the table's last day). */
    static CohortTally tally(
            PurchaseTable table,
            Granularity granularity,
            long firstOrdinal,
            List<OffsetBracket> brackets,
            int lastDay) {
        CohortScan scan = new CohortScan(table, granularity, firstOrdinal, brackets, lastDay);
        CohortTally tally =
                ParallelScans.scan(table.customerCount(), CUSTOMERS_PER_TASK, scan::tallyCustomers, CohortTally::merge);
        scan.netRefunds(tally, granularity, firstOrdinal);
        return tally;
    }

    /**
     * Subtracts each refund from the revenue of its customer's cohort in the period of its date. A refund dated
     * before the cohort's first period counts in offset 0, one after the table's last period in the last period; a
     * refund of a customer without purchases belongs to no cohort (it is in the load summary).
     */
    private void netRefunds(CohortTally tally, Granularity granularity, long firstOrdinal) {
        for (int r = 0; r < table.refundCount(); r++) {
            int customer = table.refundCustomerIndex(r);
            if (customer < 0) {
                continue;
            }
            int cohort = periodByDay[table.epochDay(table.firstRow(customer)) - minDay];
            long ordinal = granularity.ordinal(LocalDate.ofEpochDay(table.refundEpochDay(r))) - firstOrdinal;
            int period = (int) Math.max(cohort, Math.min(periods - 1, ordinal));
            tally.revenue[cohort * (periods - 1) + period] += table.refundMinorUnits(r);
        }
    }

    private CohortTally tallyCustomers(int fromCustomer, int toCustomer) {
        CohortTally tally = new CohortTally(periods, brackets);
        if (fromCustomer == toCustomer) {
            return tally;
        }
        int[] periodByDay = this.periodByDay;
        int minDay = this.minDay;
        PurchaseTable table = this.table;
        // Active customers in the high half, purchases in the low half of one counter per cell: one memory update
        // instead of two per row. A cell's purchases are at most the table's rows, below 2^31, so they never carry.
        long[] activeAndPurchases = new long[tally.active.length];
        long[] revenue = tally.revenue;
        long[] bracketMask = tally.bracketMaskByOffset;
        boolean withBrackets = !brackets.isEmpty();
        int stride = periods - 1;
        int customer = fromCustomer;
        int nextCustomerRow = table.firstRow(fromCustomer);
        int end = table.endRow(toCustomer - 1);
        int cohort = 0;
        int previous = 0;
        long bracketsHit = 0;
        // One flat loop over the rows rather than a loop per customer: customers have few rows, and entering and
        // leaving a short inner loop per customer cost more than all the per-row work.
        for (int row = nextCustomerRow; row < end; row++) {
            int period = periodByDay[table.epochDay(row) - minDay];
            if (row == nextCustomerRow) {
                if (customer > fromCustomer) {
                    finishCustomer(tally, cohort, previous, bracketsHit);
                }
                // Rows are sorted by day: a customer's first row is its acquisition.
                cohort = period;
                previous = period - 1;
                bracketsHit = 0;
                nextCustomerRow = table.endRow(customer++);
            }
            // Cell = cohort * periods + offset and offset = period - cohort, so cell = cohort * (periods - 1) + period.
            int cell = cohort * stride + period;
            // Branch-free "first purchase of this customer in this period" (adds 1 to the active half): periods
            // never decrease within a customer, so previous - period is negative exactly when the period is new.
            activeAndPurchases[cell] += ((long) ((previous - period) >>> 31) << 32) | 1;
            revenue[cell] += table.amountMinorUnits(row);
            previous = period;
            if (withBrackets) {
                bracketsHit |= bracketMask[period - cohort];
            }
        }
        finishCustomer(tally, cohort, previous, bracketsHit);
        for (int cell = 0; cell < activeAndPurchases.length; cell++) {
            tally.active[cell] = activeAndPurchases[cell] >>> 32;
            tally.purchases[cell] = activeAndPurchases[cell] & 0xFFFF_FFFFL;
        }
        return tally;
    }

    private void finishCustomer(CohortTally tally, int cohort, int lastPeriod, long bracketsHit) {
        tally.customer(cohort);
        tally.lastActiveAt(cohort, lastPeriod - cohort);
        if (!brackets.isEmpty()) {
            tally.addBrackets(cohort, bracketsHit);
        }
    }
}
