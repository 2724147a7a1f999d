package org.loyaltykpi.value;

import java.util.Objects;
import org.loyaltykpi.domain.Granularity;

/**
 * The assumptions of the acquisition-value metrics ({@link ValueCalculator}).
 *
 * <ul>
 *   <li>{@code granularity}: the period of CAC, acquisition cohorts, churn and payback; default {@link
 *       Granularity#MONTH};
 *   <li>{@code grossMargin}: the share of revenue that is gross profit, in {@code [0, 1]}; used by the margin form of
 *       LTV and by the payback period; default 1, that is revenue (as {@code loyalty clv predict --margin}); set it to
 *       your margin for a profit view;
 *   <li>{@code expectedYears}: how many years a customer stays active, for the simple LTV; default 3, an assumption
 *       to replace with your own;
 *   <li>{@code allowSpendWithoutNewCustomers}: whether acquisition spend in a period without new customers is
 *       accepted with an undefined CAC for that period (true) or is an error naming the period and the amount
 *       (false, the default: such a spend is usually a mistake, a wrong period or the wrong purchase file).
 * </ul>
 *
 * <pre>{@code
 * ValueOptions options = ValueOptions.defaults().withGrossMargin(0.35).withExpectedYears(4);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param granularity the period length
 * @param grossMargin gross profit / revenue, {@code 0..1}
 * @param expectedYears expected active years of a customer, {@code > 0} and at most {@link SimpleLtv#MAX_EXPECTED_YEARS}
 * @param allowSpendWithoutNewCustomers accept acquisition spend in periods without new customers
 */
public record ValueOptions(
        Granularity granularity, double grossMargin, double expectedYears, boolean allowSpendWithoutNewCustomers) {

    /** Validates the options. */
    public ValueOptions {
        Objects.requireNonNull(granularity, "granularity must not be null");
        if (!(grossMargin >= 0 && grossMargin <= 1)) {
            throw new IllegalArgumentException("gross margin must be within 0..1: " + grossMargin);
        }
        if (!(expectedYears > 0 && expectedYears <= SimpleLtv.MAX_EXPECTED_YEARS)) {
            throw new IllegalArgumentException("expected years must be a number > 0 and at most "
                    + SimpleLtv.MAX_EXPECTED_YEARS + ": " + expectedYears);
        }
    }

    /**
     * The defaults: months, margin 1 (revenue), 3 expected years, spend without new customers rejected.
     *
     * @return the defaults
     */
    public static ValueOptions defaults() {
        return new ValueOptions(Granularity.MONTH, 1, 3, false);
    }

    /**
     * With another granularity.
     *
     * @param value the period length
     * @return a copy
     */
    public ValueOptions withGranularity(Granularity value) {
        return new ValueOptions(value, grossMargin, expectedYears, allowSpendWithoutNewCustomers);
    }

    /**
     * With another gross margin.
     *
     * @param value gross profit / revenue, 0..1
     * @return a copy
     */
    public ValueOptions withGrossMargin(double value) {
        return new ValueOptions(granularity, value, expectedYears, allowSpendWithoutNewCustomers);
    }

    /**
     * With another expected lifetime.
     *
     * @param value years, {@code > 0}
     * @return a copy
     */
    public ValueOptions withExpectedYears(double value) {
        return new ValueOptions(granularity, grossMargin, value, allowSpendWithoutNewCustomers);
    }

    /**
     * Accepting or rejecting acquisition spend in periods without new customers.
     *
     * @param value true to accept it with an undefined CAC
     * @return a copy
     */
    public ValueOptions withSpendWithoutNewCustomersAllowed(boolean value) {
        return new ValueOptions(granularity, grossMargin, expectedYears, value);
    }
}
