package org.loyaltykpi.retention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Checks;

/**
 * What customers did in one period, compared with the period before: the counts behind the purchase-behaviour
 * metrics, and the metrics themselves.
 *
 * <p>Words, as used throughout (all counts are customers unless they say purchases):
 *
 * <ul>
 *   <li><b>active</b>: made at least one purchase in the period;
 *   <li><b>new</b>: active, and the first purchase in the data falls in the period; <b>returning</b>: active and not
 *       new;
 *   <li><b>at start</b>: active in the previous period; <b>retained</b>: active in both periods;
 *   <li><b>repeat</b>: purchased on two or more different days in the period (same-day purchases are one visit);
 *   <li><b>multi-category</b>: bought from two or more categories in the period, out of the <b>categorized</b>
 *       customers (those with at least one categorized purchase).
 * </ul>
 *
 * <p>The metrics:
 *
 * <table>
 *   <caption>Metrics and formulas</caption>
 *   <tr><th>method</th><th>formula</th><th>unit</th></tr>
 *   <tr><td>{@link #retention()}</td><td>retained / at start</td><td>share</td></tr>
 *   <tr><td>{@link #churn()}</td><td>(at start - retained) / at start</td><td>share</td></tr>
 *   <tr><td>{@link #repeatPurchaseRate()}</td><td>repeat / active</td><td>share</td></tr>
 *   <tr><td>{@link #crossCategoryRate()}</td><td>multi-category / categorized</td><td>share</td></tr>
 *   <tr><td>{@link #purchaseFrequency()}</td><td>purchases / active</td><td>purchases per customer</td></tr>
 *   <tr><td>{@link #averageOrderValue()}</td><td>revenue / purchases</td><td>money per purchase</td></tr>
 *   <tr><td>{@link #averageOrderValueOfNew()}</td><td>new customers' revenue / their purchases</td><td>money</td></tr>
 *   <tr><td>{@link #averageOrderValueOfReturning()}</td><td>returning customers' revenue / their purchases</td>
 *       <td>money</td></tr>
 *   <tr><td>{@link #returningRevenueShare()}</td><td>returning customers' revenue / revenue</td><td>0..1</td></tr>
 * </table>
 *
 * <p>Edge cases: a period with no purchases has every count 0 and every rate undefined (an empty {@code Optional},
 * {@code n/a} in text); a period with no customers at start has undefined retention and churn, whatever else
 * happened. Nothing is ever {@code NaN}.
 *
 * <p>Behaviours of disjoint customer groups over the same periods add up: {@link #plus(PurchaseBehaviour)}.
 *
 * <pre>{@code
 * PurchaseBehaviour march = RetentionCalculator.behaviour(table, DateRange.month(2024, 3));
 * march.retention();            // 41.2% (412/1000)
 * march.averageOrderValue();    // OptionalDouble[37.5]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period measured
 * @param previousPeriod the period before, against which customers at start and retained are counted
 * @param customersAtStart active in the previous period
 * @param activeCustomers active in the period
 * @param newCustomers active, with their first purchase in the period
 * @param retainedCustomers active in both periods
 * @param repeatCustomers active on two or more days of the period
 * @param categorizedCustomers active with at least one categorized purchase in the period
 * @param multiCategoryCustomers active in two or more categories in the period
 * @param purchases purchases in the period
 * @param newCustomerPurchases purchases of new customers in the period
 * @param revenue money spent in the period, net of the refunds dated in it (so it may be negative)
 * @param newCustomerRevenue money spent by new customers in the period, net of their refunds in it
 */
public record PurchaseBehaviour(
        DateRange period,
        DateRange previousPeriod,
        long customersAtStart,
        long activeCustomers,
        long newCustomers,
        long retainedCustomers,
        long repeatCustomers,
        long categorizedCustomers,
        long multiCategoryCustomers,
        long purchases,
        long newCustomerPurchases,
        BigDecimal revenue,
        BigDecimal newCustomerRevenue) {

    /** Validates that the counts are consistent. */
    public PurchaseBehaviour {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(previousPeriod, "previousPeriod must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        Objects.requireNonNull(newCustomerRevenue, "newCustomerRevenue must not be null");
        if (previousPeriod.endExclusive().isAfter(period.start())) {
            throw new IllegalArgumentException(
                    "previous period " + previousPeriod + " must end before period " + period + " starts");
        }
        Checks.atMost("newCustomers", newCustomers, "activeCustomers", activeCustomers);
        Checks.atMost("retainedCustomers", retainedCustomers, "customersAtStart", customersAtStart);
        Checks.atMost("retainedCustomers", retainedCustomers, "returning customers", activeCustomers - newCustomers);
        Checks.atMost("repeatCustomers", repeatCustomers, "activeCustomers", activeCustomers);
        Checks.atMost("categorizedCustomers", categorizedCustomers, "activeCustomers", activeCustomers);
        Checks.atMost("multiCategoryCustomers", multiCategoryCustomers, "categorizedCustomers", categorizedCustomers);
        Checks.atMost("activeCustomers", activeCustomers, "purchases", purchases);
        Checks.atMost("newCustomerPurchases", newCustomerPurchases, "purchases", purchases);
        Checks.atMost("newCustomers", newCustomers, "newCustomerPurchases", newCustomerPurchases);
        // Revenue is net of refunds dated in the period, so either revenue may be negative and neither bounds the
        // other once refunds are netted.
    }

    /**
     * Active customers whose first purchase came before the period.
     *
     * @return active - new
     */
    public long returningCustomers() {
        return activeCustomers - newCustomers;
    }

    /**
     * Returning customers who were not active in the previous period (they came back after a pause).
     *
     * @return returning - retained
     */
    public long reactivatedCustomers() {
        return returningCustomers() - retainedCustomers;
    }

    /**
     * Customers active in the previous period but not in this one.
     *
     * @return at start - retained
     */
    public long lostCustomers() {
        return customersAtStart - retainedCustomers;
    }

    /**
     * Purchases of returning customers.
     *
     * @return purchases - new customers' purchases
     */
    public long returningCustomerPurchases() {
        return purchases - newCustomerPurchases;
    }

    /**
     * Money spent by returning customers.
     *
     * @return revenue - new customers' revenue
     */
    public BigDecimal returningCustomerRevenue() {
        return revenue.subtract(newCustomerRevenue);
    }

    /**
     * Behavioural retention: of the customers active in the previous period, the share active again in this one.
     *
     * @return retained / at start; undefined with no customers at start
     */
    public Ratio retention() {
        return Ratio.of(retainedCustomers, customersAtStart);
    }

    /**
     * Churn: of the customers active in the previous period, the share not active in this one.
     *
     * @return (at start - retained) / at start, which is {@code 1 - retention}
     */
    public Ratio churn() {
        return retention().complement();
    }

    /**
     * Repeat purchase rate: the share of active customers who purchased on two or more different days.
     *
     * @return repeat / active
     */
    public Ratio repeatPurchaseRate() {
        return Ratio.of(repeatCustomers, activeCustomers);
    }

    /**
     * Cross-category (upsell) rate: the share of customers with categorized purchases who bought from two or more
     * categories in the period. Undefined when no purchase has a category.
     *
     * @return multi-category / categorized
     */
    public Ratio crossCategoryRate() {
        return Ratio.of(multiCategoryCustomers, categorizedCustomers);
    }

    /**
     * Purchase frequency: purchases per active customer in the period.
     *
     * @return purchases / active, at least 1 when defined
     */
    public OptionalDouble purchaseFrequency() {
        return activeCustomers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) purchases / activeCustomers);
    }

    /**
     * Average order value: money per purchase.
     *
     * @return revenue / purchases, in the data set's currency
     */
    public OptionalDouble averageOrderValue() {
        return mean(revenue, purchases);
    }

    /**
     * Average order value of new customers (all their purchases in the period, the first and any later ones).
     *
     * @return new customers' revenue / their purchases
     */
    public OptionalDouble averageOrderValueOfNew() {
        return mean(newCustomerRevenue, newCustomerPurchases);
    }

    /**
     * Average order value of returning customers.
     *
     * @return returning customers' revenue / their purchases
     */
    public OptionalDouble averageOrderValueOfReturning() {
        return mean(returningCustomerRevenue(), returningCustomerPurchases());
    }

    /**
     * The share of the period's revenue that came from returning customers.
     *
     * @return returning customers' revenue / revenue in 0..1; undefined when revenue is 0
     */
    public OptionalDouble returningRevenueShare() {
        return revenue.signum() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(returningCustomerRevenue()
                        .divide(revenue, MathContext.DECIMAL64)
                        .doubleValue());
    }

    /**
     * The behaviour of two disjoint groups of customers over the same periods.
     *
     * @param other the other group, measured over the same period and previous period
     * @return counts and money added
     * @throws IllegalArgumentException if the periods differ
     */
    public PurchaseBehaviour plus(PurchaseBehaviour other) {
        if (!period.equals(other.period) || !previousPeriod.equals(other.previousPeriod)) {
            throw new IllegalArgumentException("cannot add behaviours of different periods: " + previousPeriod + " -> "
                    + period + " and " + other.previousPeriod + " -> " + other.period);
        }
        return new PurchaseBehaviour(
                period,
                previousPeriod,
                customersAtStart + other.customersAtStart,
                activeCustomers + other.activeCustomers,
                newCustomers + other.newCustomers,
                retainedCustomers + other.retainedCustomers,
                repeatCustomers + other.repeatCustomers,
                categorizedCustomers + other.categorizedCustomers,
                multiCategoryCustomers + other.multiCategoryCustomers,
                purchases + other.purchases,
                newCustomerPurchases + other.newCustomerPurchases,
                revenue.add(other.revenue),
                newCustomerRevenue.add(other.newCustomerRevenue));
    }

    private static OptionalDouble mean(BigDecimal total, long count) {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(total.doubleValue() / count);
    }

    /** A readable multi-line summary. */
    @Override
    public String toString() {
        return "PurchaseBehaviour[" + period.label() + " vs " + previousPeriod.label() + "]\n"
                + "  customers: " + activeCustomers + " active (" + newCustomers + " new, " + returningCustomers()
                + " returning), " + customersAtStart + " at start, " + retainedCustomers + " retained\n"
                + "  retention " + retention() + ", churn " + churn() + "\n"
                + "  repeat purchase rate " + repeatPurchaseRate() + ", cross-category rate " + crossCategoryRate()
                + "\n"
                + "  " + purchases + " purchases, revenue " + revenue.toPlainString() + ", frequency "
                + format(purchaseFrequency()) + ", AOV " + format(averageOrderValue()) + " (new "
                + format(averageOrderValueOfNew()) + ", returning " + format(averageOrderValueOfReturning()) + ")";
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
    }
}
