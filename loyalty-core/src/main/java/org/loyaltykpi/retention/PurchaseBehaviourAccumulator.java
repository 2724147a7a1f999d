package org.loyaltykpi.retention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.internal.Money;

/**
 * Builds a {@link PurchaseBehaviour} from purchases one at a time, in any order, and merges with other accumulators
 * over the same periods: split the purchases anywhere (even one customer's purchases across accumulators), merge,
 * and the snapshot is the same as from one accumulator over all of them.
 *
 * <p>Give it every purchase up to the end of the period, including those before the previous period: a customer's
 * first purchase decides whether it is new. Purchases after the period change nothing.
 *
 * <p>State: a few counters per customer seen (first purchase day, and per period the purchases, money, first and
 * last day and categories), so memory grows with customers, not purchases. Not thread-safe; use one per thread and
 * {@link #merge(PurchaseBehaviourAccumulator)}, or {@link RetentionCalculator#toBehaviour(DateRange, DateRange)} on a
 * parallel stream.
 *
 * <pre>{@code
 * var acc = new PurchaseBehaviourAccumulator(DateRange.month(2024, 2), DateRange.month(2024, 3));
 * purchases.forEach(acc::add);
 * PurchaseBehaviour march = acc.snapshot();
 * }</pre>
 */
public final class PurchaseBehaviourAccumulator {
    private static final int PREVIOUS = 0;
    private static final int CURRENT = 1;

    private final List<DateRange> slots;
    private final int amountScale;
    private final Map<CustomerId, CustomerActivity> customers = new HashMap<>();

    /**
     * An empty accumulator at the default amount scale (2 decimal places).
     *
     * @param previousPeriod the period to compare with; ends at or before {@code period} starts
     * @param period the period measured
     */
    public PurchaseBehaviourAccumulator(DateRange previousPeriod, DateRange period) {
        this(previousPeriod, period, org.loyaltykpi.domain.PurchaseTable.DEFAULT_AMOUNT_SCALE);
    }

    /**
     * An empty accumulator.
     *
     * @param previousPeriod the period to compare with; ends at or before {@code period} starts
     * @param period the period measured
     * @param amountScale decimal places kept exactly in revenue sums, 0..9
     */
    public PurchaseBehaviourAccumulator(DateRange previousPeriod, DateRange period, int amountScale) {
        Objects.requireNonNull(previousPeriod, "previousPeriod must not be null");
        Objects.requireNonNull(period, "period must not be null");
        if (previousPeriod.endExclusive().isAfter(period.start())) {
            throw new IllegalArgumentException(
                    "previous period " + previousPeriod + " must end before period " + period + " starts");
        }
        this.slots = List.of(previousPeriod, period);
        this.amountScale = Money.checkScale(amountScale);
    }

    /**
     * Adds a purchase.
     *
     * @param purchase the purchase
     * @return this accumulator
     * @throws IllegalArgumentException if the amount has more decimal places than the amount scale
     */
    public PurchaseBehaviourAccumulator add(Purchase purchase) {
        long amount = Money.toMinorUnits(purchase.amount(), amountScale);
        long day = purchase.date().toEpochDay();
        CustomerActivity activity = customers.computeIfAbsent(purchase.customer(), id -> new CustomerActivity());
        activity.firstDay = Math.min(activity.firstDay, day);
        for (int s = 0; s < slots.size(); s++) {
            if (slots.get(s).contains(purchase.date())) {
                activity.slots[s].add(day, amount, purchase.category().orElse(""));
            }
        }
        return this;
    }

    /**
     * Adds purchases.
     *
     * @param purchases the purchases
     * @return this accumulator
     */
    public PurchaseBehaviourAccumulator addAll(Iterable<Purchase> purchases) {
        purchases.forEach(this::add);
        return this;
    }

    /**
     * Adds everything another accumulator over the same periods has seen.
     *
     * @param other the other accumulator; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the periods or amount scales differ
     */
    public PurchaseBehaviourAccumulator merge(PurchaseBehaviourAccumulator other) {
        if (!slots.equals(other.slots) || amountScale != other.amountScale) {
            throw new IllegalArgumentException("cannot merge accumulators of " + slots + " (scale " + amountScale
                    + ") and " + other.slots + " (scale " + other.amountScale + ")");
        }
        other.customers.forEach((id, theirs) -> {
            CustomerActivity mine = customers.computeIfAbsent(id, k -> new CustomerActivity());
            mine.firstDay = Math.min(mine.firstDay, theirs.firstDay);
            for (int s = 0; s < slots.size(); s++) {
                mine.slots[s].merge(theirs.slots[s]);
            }
        });
        return this;
    }

    /**
     * The behaviour of everything added so far; the accumulator stays usable.
     *
     * @return the behaviour in the period, against the previous period
     */
    public PurchaseBehaviour snapshot() {
        BehaviourTally tally = new BehaviourTally(slots, amountScale);
        for (CustomerActivity activity : customers.values()) {
            // Both periods are tallied: the previous period's active customers are the current one's "at start".
            for (int s = PREVIOUS; s <= CURRENT; s++) {
                SlotActivity slot = activity.slots[s];
                if (slot.purchases > 0) {
                    tally.addCustomer(
                            s,
                            slots.get(s).contains(java.time.LocalDate.ofEpochDay(activity.firstDay)),
                            s > PREVIOUS && activity.slots[s - 1].purchases > 0,
                            slot.lastDay != slot.firstDay,
                            !slot.category.isEmpty(),
                            slot.manyCategories,
                            slot.purchases,
                            slot.revenue);
                }
            }
        }
        return tally.behaviour(CURRENT);
    }

    /** One customer: its first purchase day and its activity per period. */
    private static final class CustomerActivity {
        long firstDay = Long.MAX_VALUE;
        final SlotActivity[] slots = {new SlotActivity(), new SlotActivity()};
    }

    /** One customer's purchases in one period. */
    private static final class SlotActivity {
        long purchases;
        long revenue;
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        String category = "";
        boolean manyCategories;

        void add(long day, long amount, String purchaseCategory) {
            purchases++;
            revenue = Math.addExact(revenue, amount);
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
            addCategory(purchaseCategory, false);
        }

        void merge(SlotActivity other) {
            purchases += other.purchases;
            revenue = Math.addExact(revenue, other.revenue);
            firstDay = Math.min(firstDay, other.firstDay);
            lastDay = Math.max(lastDay, other.lastDay);
            addCategory(other.category, other.manyCategories);
        }

        private void addCategory(String other, boolean otherMany) {
            manyCategories |= otherMany || !other.isEmpty() && !category.isEmpty() && !category.equals(other);
            if (!other.isEmpty()) {
                category = other;
            }
        }
    }
}
