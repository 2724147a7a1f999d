package org.loyaltykpi.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money spent on marketing in a period, and what for.
 *
 * <p>Only {@link SpendKind#ACQUISITION acquisition} spend enters the customer acquisition cost ({@link
 * org.loyaltykpi.value.ValueCalculator}); retention and other spend are kept so totals and reports can show them. Several spends of the
 * same kind in the same period add up. Amounts are exact decimals in the purchases' currency.
 *
 * <pre>{@code
 * MarketingSpend.acquisition(DateRange.month(2025, 3), new BigDecimal("1800.00"));
 * new MarketingSpend(DateRange.parse("2025-Q1"), new BigDecimal("900"), SpendKind.RETENTION);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period the money was spent in
 * @param amount the money, {@code >= 0}
 * @param kind what it was for
 */
public record MarketingSpend(DateRange period, BigDecimal amount, SpendKind kind) {

    /** Validates the spend. */
    public MarketingSpend {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(
                    "spend amount must be >= 0: " + amount.toPlainString() + " in " + period.label());
        }
    }

    /**
     * An acquisition spend.
     *
     * @param period the period
     * @param amount the money, {@code >= 0}
     * @return the spend
     */
    public static MarketingSpend acquisition(DateRange period, BigDecimal amount) {
        return new MarketingSpend(period, amount, SpendKind.ACQUISITION);
    }
}
