package org.loyaltykpi.cohort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.Money;

/**
 * Builds a {@link CohortMatrix} from purchase records one at a time, in any order, mergeable with other accumulators:
 * split the purchases anywhere (even one customer's across accumulators), merge, and the snapshot equals the matrix
 * of all of them.
 *
 * <p>State: per customer, its purchases and revenue per period, so memory grows with customers times their active
 * periods. For large data prefer {@link CohortCalculator#matrix(PurchaseTable, Granularity)} on a {@link
 * PurchaseTable}, which needs no per-customer objects. Not thread-safe; {@link CohortCalculator#toCohortMatrix(
 * Granularity)} handles parallel streams.
 *
 * <pre>{@code
 * var acc = new CohortMatrixAccumulator(Granularity.MONTH);
 * purchases.forEach(acc::add);
 * CohortMatrix m = acc.snapshot();
 * }</pre>
 */
public final class CohortMatrixAccumulator {
    private final Granularity granularity;
    private final List<OffsetBracket> brackets;
    private final int amountScale;
    private final Map<CustomerId, TreeMap<Long, long[]>> periodsByCustomer = new HashMap<>();

    /**
     * An empty accumulator at the default amount scale, without brackets.
     *
     * @param granularity the cohort period length
     */
    public CohortMatrixAccumulator(Granularity granularity) {
        this(granularity, List.of(), PurchaseTable.DEFAULT_AMOUNT_SCALE);
    }

    /**
     * An empty accumulator.
     *
     * @param granularity the cohort period length
     * @param brackets offset brackets for bracketed retention
     * @param amountScale decimal places kept exactly in revenue, 0..9
     */
    public CohortMatrixAccumulator(Granularity granularity, List<OffsetBracket> brackets, int amountScale) {
        this.granularity = Objects.requireNonNull(granularity, "granularity must not be null");
        this.brackets = List.copyOf(brackets);
        this.amountScale = Money.checkScale(amountScale);
    }

    /**
     * Adds a purchase.
     *
     * @param purchase the purchase
     * @return this accumulator
     */
    public CohortMatrixAccumulator add(Purchase purchase) {
        long amount = Money.toMinorUnits(purchase.amount(), amountScale);
        long[] cell = periodsByCustomer
                .computeIfAbsent(purchase.customer(), id -> new TreeMap<>())
                .computeIfAbsent(granularity.ordinal(purchase.date()), ordinal -> new long[2]);
        cell[0]++;
        cell[1] = Math.addExact(cell[1], amount);
        return this;
    }

    /**
     * Adds purchases.
     *
     * @param purchases the purchases
     * @return this accumulator
     */
    public CohortMatrixAccumulator addAll(Iterable<Purchase> purchases) {
        purchases.forEach(this::add);
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other an accumulator of the same granularity, brackets and amount scale; unchanged
     * @return this accumulator
     */
    public CohortMatrixAccumulator merge(CohortMatrixAccumulator other) {
        if (granularity != other.granularity || !brackets.equals(other.brackets) || amountScale != other.amountScale) {
            throw new IllegalArgumentException("cannot merge cohort accumulators of " + granularity + "/" + brackets
                    + "/scale " + amountScale + " and " + other.granularity + "/" + other.brackets + "/scale "
                    + other.amountScale);
        }
        other.periodsByCustomer.forEach((id, theirs) -> {
            TreeMap<Long, long[]> mine = periodsByCustomer.computeIfAbsent(id, k -> new TreeMap<>());
            theirs.forEach((ordinal, cell) -> {
                long[] sum = mine.computeIfAbsent(ordinal, o -> new long[2]);
                sum[0] += cell[0];
                sum[1] = Math.addExact(sum[1], cell[1]);
            });
        });
        return this;
    }

    /**
     * The matrix of everything added so far; the accumulator stays usable.
     *
     * @return the matrix, empty when nothing was added
     */
    public CohortMatrix snapshot() {
        if (periodsByCustomer.isEmpty()) {
            return new CohortMatrix(granularity, 0, amountScale, new CohortTally(0, brackets));
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TreeMap<Long, long[]> periods : periodsByCustomer.values()) {
            first = Math.min(first, periods.firstKey());
            last = Math.max(last, periods.lastKey());
        }
        CohortTally tally = new CohortTally(Math.toIntExact(last - first + 1), brackets);
        for (TreeMap<Long, long[]> periods : periodsByCustomer.values()) {
            int cohort = (int) (periods.firstKey() - first);
            tally.customer(cohort);
            long bracketsHit = 0;
            int offset = 0;
            for (Map.Entry<Long, long[]> entry : periods.entrySet()) {
                offset = (int) (entry.getKey() - first) - cohort;
                tally.activity(cohort, offset, entry.getValue()[0], entry.getValue()[1]);
                bracketsHit |= tally.bracketMaskByOffset[offset];
            }
            tally.lastActiveAt(cohort, offset);
            tally.addBrackets(cohort, bracketsHit);
        }
        return new CohortMatrix(granularity, first, amountScale, tally);
    }
}
