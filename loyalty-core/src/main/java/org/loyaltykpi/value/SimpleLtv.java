package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.internal.Money;

/**
 * The simple lifetime value: average annual spend per customer x expected active years.
 *
 * <p>The annual spend is measured over the last year of the data, {@link #window()} = {@code [end - 1 year, end)}
 * where {@code end} is the day after the last purchase: revenue in the window / customers active in it. When the data
 * cover less than a year the window is the whole data and the spend is scaled to a year ({@code x 1 year / window
 * length}, by days). Revenue, not profit: the form the seed articles give (multiply by your margin for profit, or
 * see {@link MarginLtv}).
 *
 * <pre>
 * LTV = revenue / active customers x (days in the year before end / days in the window) x expectedYears
 * </pre>
 *
 * <p>Undefined (empty) with no active customer, that is with no purchases.
 *
 * <pre>{@code
 * SimpleLtv ltv = ValueCalculator.simpleLtv(table, 3);
 * ltv.annualSpend();   // OptionalDouble[142.6], money per customer per year
 * ltv.value();         // OptionalDouble[427.8]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the days the spend is measured over
 * @param revenue the revenue in the window
 * @param activeCustomers customers who purchased in the window
 * @param yearScale the factor that scales the window to a year: 1 for a whole year
 * @param expectedYears the expected active years of a customer
 */
public record SimpleLtv(
        DateRange window, BigDecimal revenue, long activeCustomers, double yearScale, double expectedYears) {

    /** Validates the parts. */
    public SimpleLtv {
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        if (activeCustomers < 0) {
            throw new IllegalArgumentException("activeCustomers must be >= 0: " + activeCustomers);
        }
        if (!(yearScale >= 1) || Double.isInfinite(yearScale)) {
            throw new IllegalArgumentException("yearScale must be a finite number >= 1: " + yearScale);
        }
        if (!(expectedYears > 0) || Double.isInfinite(expectedYears)) {
            throw new IllegalArgumentException("expectedYears must be a finite number > 0: " + expectedYears);
        }
    }

    /**
     * The average annual spend per active customer.
     *
     * @return revenue / active customers x year scale; empty with no active customer
     */
    public OptionalDouble annualSpend() {
        OptionalDouble perCustomer = Money.mean(revenue, activeCustomers);
        return perCustomer.isEmpty() ? perCustomer : OptionalDouble.of(perCustomer.getAsDouble() * yearScale);
    }

    /**
     * The lifetime value.
     *
     * @return annual spend x expected years, money per customer; empty with no active customer
     */
    public OptionalDouble value() {
        OptionalDouble annual = annualSpend();
        return annual.isEmpty() ? annual : OptionalDouble.of(annual.getAsDouble() * expectedYears);
    }
}
