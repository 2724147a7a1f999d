package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.internal.Money;

/**
 * Revenue of first-time against repeat (returning) customers, and the repeat customers' average-order-value uplift.
 *
 * <p>Definitions, at a granularity (the words of {@link org.loyaltykpi.retention.PurchaseBehaviour}, whose counts are
 * summed here over every period of a series): a purchase is <b>first-time</b> revenue when it falls in the period of
 * the customer's first purchase ever (its acquisition period), and <b>repeat</b> revenue otherwise. With {@link
 * Granularity#DAY} first-time means exactly the first purchase day; with months, a second purchase in the month of
 * acquisition is still first-time.
 *
 * <ul>
 *   <li>{@link #averageOrderValueOfNew()} = first-time revenue / first-time purchases;
 *   <li>{@link #averageOrderValueOfReturning()} = repeat revenue / repeat purchases;
 *   <li>{@link #averageOrderValueUplift()} = {@code AOV(returning) / AOV(new) - 1}, a fraction ({@code 0.12} = +12%);
 *   <li>{@link #returningRevenueShare()} = repeat revenue / revenue.
 * </ul>
 *
 * <p>Each is undefined (empty, never {@code NaN}) when its denominator is 0.
 *
 * <pre>{@code
 * RepeatRevenue r = ValueCalculator.repeatRevenue(table, Granularity.MONTH);
 * r.returningRevenueShare();     // OptionalDouble[0.83]
 * r.averageOrderValueUplift();   // OptionalDouble[0.02]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param range the range the periods cover
 * @param granularity the period length that decides first-time
 * @param newCustomerRevenue first-time revenue
 * @param newCustomerPurchases first-time purchases
 * @param returningCustomerRevenue repeat revenue
 * @param returningCustomerPurchases repeat purchases
 */
public record RepeatRevenue(
        DateRange range,
        Granularity granularity,
        BigDecimal newCustomerRevenue,
        long newCustomerPurchases,
        BigDecimal returningCustomerRevenue,
        long returningCustomerPurchases) {

    /** Validates the parts. */
    public RepeatRevenue {
        Objects.requireNonNull(range, "range must not be null");
        Objects.requireNonNull(granularity, "granularity must not be null");
        Objects.requireNonNull(newCustomerRevenue, "newCustomerRevenue must not be null");
        Objects.requireNonNull(returningCustomerRevenue, "returningCustomerRevenue must not be null");
        if (newCustomerPurchases < 0 || returningCustomerPurchases < 0) {
            throw new IllegalArgumentException(
                    "purchases must be >= 0: " + newCustomerPurchases + ", " + returningCustomerPurchases);
        }
    }

    /**
     * All revenue.
     *
     * @return first-time + repeat revenue
     */
    public BigDecimal revenue() {
        return newCustomerRevenue.add(returningCustomerRevenue);
    }

    /**
     * The average order value of first-time purchases.
     *
     * @return first-time revenue / first-time purchases
     */
    public OptionalDouble averageOrderValueOfNew() {
        return Money.mean(newCustomerRevenue, newCustomerPurchases);
    }

    /**
     * The average order value of repeat purchases.
     *
     * @return repeat revenue / repeat purchases
     */
    public OptionalDouble averageOrderValueOfReturning() {
        return Money.mean(returningCustomerRevenue, returningCustomerPurchases);
    }

    /**
     * How much larger a repeat order is than a first-time one.
     *
     * @return {@code AOV(returning) / AOV(new) - 1}; empty if either is undefined or AOV(new) is 0
     */
    public OptionalDouble averageOrderValueUplift() {
        OptionalDouble ratio = ValueMath.ratio(averageOrderValueOfReturning(), averageOrderValueOfNew());
        return ratio.isEmpty() ? ratio : OptionalDouble.of(ratio.getAsDouble() - 1);
    }

    /**
     * The share of revenue from repeat purchases.
     *
     * @return repeat revenue / revenue, 0..1; empty when revenue is 0
     */
    public OptionalDouble returningRevenueShare() {
        return Money.share(returningCustomerRevenue, revenue());
    }

    /**
     * The revenue split of two disjoint groups of customers over the same range and granularity, for example two
     * customer partitions.
     *
     * @param other the other group's split
     * @return revenue and purchases added
     * @throws IllegalArgumentException if the range or granularity differ
     */
    public RepeatRevenue plus(RepeatRevenue other) {
        if (!range.equals(other.range) || granularity != other.granularity) {
            throw new IllegalArgumentException("cannot add repeat revenue of " + range + " by " + granularity + " and "
                    + other.range + " by " + other.granularity);
        }
        return new RepeatRevenue(
                range,
                granularity,
                newCustomerRevenue.add(other.newCustomerRevenue),
                newCustomerPurchases + other.newCustomerPurchases,
                returningCustomerRevenue.add(other.returningCustomerRevenue),
                returningCustomerPurchases + other.returningCustomerPurchases);
    }
}
