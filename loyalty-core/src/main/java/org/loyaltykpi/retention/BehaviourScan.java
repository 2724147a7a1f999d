package org.loyaltykpi.retention;

import java.util.List;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The columnar scan behind {@link RetentionCalculator}: one pass over a {@link PurchaseTable}, customer by customer,
 * bucketing days into consecutive slots through a day-to-slot lookup (no dates, maps or boxing per row). Customer
 * ranges are scanned in parallel and their tallies merged.
 */
final class BehaviourScan {
    /** Customers per parallel task; below this, one thread is faster than forking. */
    private static final int CUSTOMERS_PER_TASK = 1 << 14;

    private final PurchaseTable table;
    private final List<DateRange> slots;
    private final int[] slotByDay;
    private final int firstDay;

    private BehaviourScan(PurchaseTable table, List<DateRange> slots) {
        this.table = table;
        this.slots = slots;
        for (int s = 1; s < slots.size(); s++) {
            if (slots.get(s - 1).endExclusive().isAfter(slots.get(s).start())) {
                throw new IllegalArgumentException(
                        "periods must follow each other: " + slots.get(s - 1) + " overlaps " + slots.get(s));
            }
        }
        long from = Math.max(table.minEpochDay(), slots.get(0).start().toEpochDay());
        long to = Math.min(
                table.maxEpochDay(), slots.get(slots.size() - 1).endExclusive().toEpochDay() - 1);
        this.firstDay = (int) from;
        this.slotByDay = new int[(int) Math.max(0, to - from + 1)];
        java.util.Arrays.fill(slotByDay, -1);
        for (int s = 0; s < slots.size(); s++) {
            long start = Math.max(from, slots.get(s).start().toEpochDay());
            long end = Math.min(to + 1, slots.get(s).endExclusive().toEpochDay());
            for (long d = start; d < end; d++) {
                slotByDay[(int) (d - from)] = s;
            }
        }
    }

    /** Tallies the table over consecutive, non-overlapping periods. */
    static BehaviourTally tally(PurchaseTable table, List<DateRange> slots) {
        BehaviourScan scan = new BehaviourScan(table, slots);
        BehaviourTally tally = ParallelScans.scan(
                table.customerCount(), CUSTOMERS_PER_TASK, scan::tallyCustomers, BehaviourTally::merge);
        scan.netRefunds(tally);
        return tally;
    }

    /**
     * Subtracts each refund from the revenue of the period of its date (whoever made it), and from the new customers'
     * revenue when its customer's first purchase falls in that period. Refunds are no purchases: counts are untouched.
     */
    private void netRefunds(BehaviourTally tally) {
        for (int r = 0; r < table.refundCount(); r++) {
            int slot = slotOfAnyDay(table.refundEpochDay(r));
            if (slot < 0) {
                continue;
            }
            int customer = table.refundCustomerIndex(r);
            boolean isNew = customer >= 0 && slotOfAnyDay(table.epochDay(table.firstRow(customer))) == slot;
            tally.addRefund(slot, isNew, table.refundMinorUnits(r));
        }
    }

    /** The slot of a day, which may lie outside the table's purchase days; -1 outside every slot. */
    private int slotOfAnyDay(int day) {
        long d = day;
        for (int s = 0; s < slots.size(); s++) {
            if (d >= slots.get(s).start().toEpochDay()
                    && d < slots.get(s).endExclusive().toEpochDay()) {
                return s;
            }
        }
        return -1;
    }

    private int slotOf(int day) {
        int i = day - firstDay;
        return i >= 0 && i < slotByDay.length ? slotByDay[i] : -1;
    }

    private BehaviourTally tallyCustomers(int fromCustomer, int toCustomer) {
        BehaviourTally tally = new BehaviourTally(slots, table.amountScale());
        for (int c = fromCustomer; c < toCustomer; c++) {
            int end = table.endRow(c);
            int row = table.firstRow(c);
            int slotOfFirstPurchase = slotOf(table.epochDay(row));
            int lastActiveSlot = -2;
            while (row < end) {
                int slot = slotOf(table.epochDay(row));
                if (slot < 0) {
                    row++;
                    continue;
                }
                // The customer's rows in one slot are contiguous: rows are sorted by day and slots by time.
                int firstDayInSlot = table.epochDay(row);
                int category = PurchaseTable.NO_CATEGORY;
                boolean manyCategories = false;
                long purchases = 0;
                long revenue = 0;
                int lastDayInSlot = firstDayInSlot;
                while (row < end && slotOf(table.epochDay(row)) == slot) {
                    int k = table.categoryIndex(row);
                    if (k != PurchaseTable.NO_CATEGORY) {
                        // An order of several categories counts them all.
                        manyCategories |= category != PurchaseTable.NO_CATEGORY && category != k
                                || table.hasSeveralCategories(row);
                        category = k;
                    }
                    purchases++;
                    revenue += table.amountMinorUnits(row);
                    lastDayInSlot = table.epochDay(row);
                    row++;
                }
                tally.addCustomer(
                        slot,
                        slotOfFirstPurchase == slot,
                        lastActiveSlot == slot - 1,
                        lastDayInSlot != firstDayInSlot,
                        category != PurchaseTable.NO_CATEGORY,
                        manyCategories,
                        purchases,
                        revenue);
                lastActiveSlot = slot;
            }
        }
        return tally;
    }
}
