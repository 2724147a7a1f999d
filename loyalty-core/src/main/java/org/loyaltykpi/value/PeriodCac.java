package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.internal.Money;

/**
 * The customer acquisition cost of one period: acquisition spend / new customers.
 *
 * <p>New customers are those whose first purchase ever falls in the period (the size of the period's acquisition
 * cohort). CAC is money per new customer, a {@code double}; the spend itself stays exact. It is undefined (empty)
 * when the period has no new customers, which {@link ValueCalculator} only lets through when {@link
 * ValueOptions#allowSpendWithoutNewCustomers()} says so.
 *
 * <pre>{@code
 * new PeriodCac(DateRange.month(2025, 3), new BigDecimal("1500.00"), 50).cac();   // OptionalDouble[30.0]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param acquisitionSpend the acquisition spend in the period, {@code >= 0}
 * @param newCustomers customers acquired in the period, {@code >= 0}
 */
public record PeriodCac(DateRange period, BigDecimal acquisitionSpend, long newCustomers) {

    /** Validates the parts. */
    public PeriodCac {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(acquisitionSpend, "acquisitionSpend must not be null");
        if (acquisitionSpend.signum() < 0) {
            throw new IllegalArgumentException("acquisitionSpend must be >= 0: " + acquisitionSpend.toPlainString());
        }
        if (newCustomers < 0) {
            throw new IllegalArgumentException("newCustomers must be >= 0: " + newCustomers);
        }
    }

    /**
     * The acquisition cost per new customer.
     *
     * @return acquisition spend / new customers; empty with no new customers
     */
    public OptionalDouble cac() {
        return Money.mean(acquisitionSpend, newCustomers);
    }
}
