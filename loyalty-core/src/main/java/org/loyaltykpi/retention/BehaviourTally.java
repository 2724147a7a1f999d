package org.loyaltykpi.retention;

import java.util.List;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.internal.Money;

/**
 * Per-period counters of customer behaviour over consecutive periods ("slots"); the one place where a customer's
 * activity in a period becomes counts. Both the columnar scan and the record accumulator feed it, customer by
 * customer. Tallies of disjoint customer sets merge by adding. Not thread-safe.
 */
final class BehaviourTally {
    private final List<DateRange> slots;
    private final int amountScale;
    private final long[] active;
    private final long[] fresh;
    private final long[] retained;
    private final long[] repeat;
    private final long[] categorized;
    private final long[] multiCategory;
    private final long[] purchases;
    private final long[] freshPurchases;
    private final long[] revenue;
    private final long[] freshRevenue;

    BehaviourTally(List<DateRange> slots, int amountScale) {
        this.slots = slots;
        this.amountScale = amountScale;
        int n = slots.size();
        active = new long[n];
        fresh = new long[n];
        retained = new long[n];
        repeat = new long[n];
        categorized = new long[n];
        multiCategory = new long[n];
        purchases = new long[n];
        freshPurchases = new long[n];
        revenue = new long[n];
        freshRevenue = new long[n];
    }

    /**
     * Counts one customer's activity in one slot.
     *
     * @param slot the period
     * @param isNew the customer's first purchase ever falls in this slot
     * @param activeInPreviousSlot the customer purchased in slot - 1
     * @param distinctDays at least two different purchase days in the slot
     * @param hasCategory at least one categorized purchase in the slot
     * @param manyCategories two or more categories in the slot
     * @param purchaseCount purchases in the slot, at least 1
     * @param revenueMinorUnits money spent in the slot, in minor units
     */
    void addCustomer(
            int slot,
            boolean isNew,
            boolean activeInPreviousSlot,
            boolean distinctDays,
            boolean hasCategory,
            boolean manyCategories,
            long purchaseCount,
            long revenueMinorUnits) {
        active[slot]++;
        purchases[slot] += purchaseCount;
        revenue[slot] = Math.addExact(revenue[slot], revenueMinorUnits);
        if (isNew) {
            fresh[slot]++;
            freshPurchases[slot] += purchaseCount;
            freshRevenue[slot] = Math.addExact(freshRevenue[slot], revenueMinorUnits);
        }
        if (activeInPreviousSlot) {
            retained[slot]++;
        }
        if (distinctDays) {
            repeat[slot]++;
        }
        if (hasCategory) {
            categorized[slot]++;
        }
        if (manyCategories) {
            multiCategory[slot]++;
        }
    }

    /** Nets a refund (negative minor units) in a slot's revenue, and in the new customers' when its customer is new. */
    void addRefund(int slot, boolean ofNewCustomer, long refundMinorUnits) {
        revenue[slot] = Math.addExact(revenue[slot], refundMinorUnits);
        if (ofNewCustomer) {
            freshRevenue[slot] = Math.addExact(freshRevenue[slot], refundMinorUnits);
        }
    }

    /** Adds the counts of a tally over other customers and the same slots. */
    BehaviourTally merge(BehaviourTally other) {
        for (int s = 0; s < slots.size(); s++) {
            active[s] += other.active[s];
            fresh[s] += other.fresh[s];
            retained[s] += other.retained[s];
            repeat[s] += other.repeat[s];
            categorized[s] += other.categorized[s];
            multiCategory[s] += other.multiCategory[s];
            purchases[s] += other.purchases[s];
            freshPurchases[s] += other.freshPurchases[s];
            revenue[s] = Math.addExact(revenue[s], other.revenue[s]);
            freshRevenue[s] = Math.addExact(freshRevenue[s], other.freshRevenue[s]);
        }
        return this;
    }

    /** The behaviour in slot {@code s >= 1}, measured against slot {@code s - 1}. */
    PurchaseBehaviour behaviour(int s) {
        return new PurchaseBehaviour(
                slots.get(s),
                slots.get(s - 1),
                active[s - 1],
                active[s],
                fresh[s],
                retained[s],
                repeat[s],
                categorized[s],
                multiCategory[s],
                purchases[s],
                freshPurchases[s],
                Money.fromMinorUnits(revenue[s], amountScale),
                Money.fromMinorUnits(freshRevenue[s], amountScale));
    }
}
