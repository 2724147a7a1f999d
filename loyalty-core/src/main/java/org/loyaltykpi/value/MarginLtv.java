package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Money;

/**
 * The margin / churn form of lifetime value: average revenue per customer per period x gross margin / churn rate per
 * period.
 *
 * <p>With a constant churn rate {@code c} per period a customer stays {@code 1 / c} periods on average (geometric
 * lifetime), so
 *
 * <pre>
 * LTV = ARPU x m / c,   ARPU = revenue / active customer-periods,   c = lost / customers at start
 * </pre>
 *
 * pooled over the periods of a {@link org.loyaltykpi.retention.RetentionCalculator#series purchase-behaviour series}:
 * the revenue and the active customers summed over its periods, and the churn the behavioural churn of the retention
 * package ({@link org.loyaltykpi.retention.PurchaseBehaviour#churn()}: active in the period before, not in this one),
 * its lost and at-start counts summed over the periods. No discounting. A partial last period (data ending mid-month)
 * inflates churn; pass a series of whole periods.
 *
 * <p>Undefined (empty) when churn is undefined (no customer at the start of any period) or 0 (nobody ever left: the
 * formula gives no finite lifetime), and when there is no active customer.
 *
 * <pre>{@code
 * MarginLtv ltv = ValueCalculator.marginLtv(RetentionCalculator.series(table, range, Granularity.MONTH), 0.3);
 * ltv.churn();                        // 47.5% (4123/8680)
 * ltv.revenuePerCustomerPerPeriod();  // OptionalDouble[62.1]
 * ltv.value();                        // OptionalDouble[39.2] = 62.1 x 0.3 / 0.475
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param granularity the period length of ARPU and churn
 * @param revenue revenue summed over the periods
 * @param activeCustomerPeriods active customers summed over the periods
 * @param churn lost customers / customers at start, summed over the periods
 * @param grossMargin gross profit / revenue, 0..1
 */
public record MarginLtv(
        Granularity granularity, BigDecimal revenue, long activeCustomerPeriods, Ratio churn, double grossMargin) {

    /** Validates the parts. */
    public MarginLtv {
        Objects.requireNonNull(granularity, "granularity must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        Objects.requireNonNull(churn, "churn must not be null");
        if (activeCustomerPeriods < 0) {
            throw new IllegalArgumentException("activeCustomerPeriods must be >= 0: " + activeCustomerPeriods);
        }
        if (!(grossMargin >= 0 && grossMargin <= 1)) {
            throw new IllegalArgumentException("grossMargin must be within 0..1: " + grossMargin);
        }
    }

    /**
     * The average revenue per active customer per period (ARPU).
     *
     * @return revenue / active customer-periods; empty with none
     */
    public OptionalDouble revenuePerCustomerPerPeriod() {
        return Money.mean(revenue, activeCustomerPeriods);
    }

    /**
     * The expected lifetime in periods.
     *
     * @return {@code 1 / churn}; empty when churn is undefined or 0
     */
    public OptionalDouble expectedLifetimePeriods() {
        if (churn.numerator() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) churn.denominator() / churn.numerator());
    }

    /**
     * The lifetime value.
     *
     * @return ARPU x margin / churn, money per customer; empty when either part is undefined
     */
    public OptionalDouble value() {
        OptionalDouble arpu = revenuePerCustomerPerPeriod();
        OptionalDouble lifetime = expectedLifetimePeriods();
        if (arpu.isEmpty() || lifetime.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(arpu.getAsDouble() * grossMargin * lifetime.getAsDouble());
    }
}
