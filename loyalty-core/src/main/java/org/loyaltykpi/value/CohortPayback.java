package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.internal.Money;

/**
 * The CAC payback period of one acquisition cohort: how many periods until the margin its customers brought in
 * covers what they cost to acquire.
 *
 * <p>For cohort {@code c} (the customers whose first purchase falls in period {@code c}) with {@code n} customers,
 * acquisition spend {@code S} in period {@code c} (so {@code CAC = S / n}), gross margin {@code m} and {@code R(k)}
 * the cohort's revenue in periods {@code c .. c + k} ({@link org.loyaltykpi.cohort.CohortMatrix#revenue}):
 *
 * <pre>
 * payback = 1 + least k with m x R(k) / n >= CAC,   that is   m x R(k) >= S
 * </pre>
 *
 * counted in periods including the acquisition period: 1 means the first period's margin already covers CAC.
 * Compared exactly in decimals. Empty when the cohort has not paid back within the observed periods (the data end,
 * or the margin is 0).
 *
 * <pre>{@code
 * CohortPayback p = ValueCalculator.payback(matrix, spends, options).get(0);
 * p.cac();       // OptionalDouble[30.0]
 * p.periods();   // OptionalInt[4]: paid back in the 4th month after acquisition
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param cohort the acquisition period
 * @param customers the cohort's customers, {@code >= 1}
 * @param acquisitionSpend the acquisition spend of the period
 * @param periods periods until payback, {@code >= 1}, or empty if not within the data
 * @param observedPeriods the periods the cohort is observed for, {@code >= 1}
 * @param marginPerCustomer {@code m x R(last observed) / n}: the margin per customer by the end of the data
 */
public record CohortPayback(
        DateRange cohort,
        long customers,
        BigDecimal acquisitionSpend,
        OptionalInt periods,
        int observedPeriods,
        double marginPerCustomer) {

    /** Validates the parts. */
    public CohortPayback {
        Objects.requireNonNull(cohort, "cohort must not be null");
        Objects.requireNonNull(acquisitionSpend, "acquisitionSpend must not be null");
        Objects.requireNonNull(periods, "periods must not be null (use OptionalInt.empty())");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1: " + customers);
        }
        if (observedPeriods < 1) {
            throw new IllegalArgumentException("observedPeriods must be >= 1: " + observedPeriods);
        }
        if (periods.isPresent() && (periods.getAsInt() < 1 || periods.getAsInt() > observedPeriods)) {
            throw new IllegalArgumentException(
                    "periods must be within 1..observedPeriods (" + observedPeriods + "): " + periods.getAsInt());
        }
    }

    /**
     * The cohort's acquisition cost per customer.
     *
     * @return acquisition spend / customers
     */
    public OptionalDouble cac() {
        return Money.mean(acquisitionSpend, customers);
    }
}
