package org.loyaltykpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/** Exact conversion between decimal amounts and {@code long} minor units (cents at scale 2). */
public final class Money {
    /** The largest number of decimal places a data set may use. */
    public static final int MAX_SCALE = 9;

    private Money() {}

    /**
     * Converts an amount to minor units without rounding.
     *
     * @param amount the amount
     * @param scale decimal places of a minor unit, 0..9
     * @return {@code amount * 10^scale}
     * @throws IllegalArgumentException naming the amount if it has more decimal places than the scale, or does not
     *     fit in a long
     */
    public static long toMinorUnits(BigDecimal amount, int scale) {
        BigDecimal scaled = amount.movePointRight(scale);
        try {
            return scaled.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            if (scaled.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("amount has more than " + scale + " decimal places: "
                        + amount.toPlainString() + " (raise the amount scale to keep it exact)");
            }
            throw new IllegalArgumentException("amount is too large: " + amount.toPlainString());
        }
    }

    /**
     * Converts minor units back to an amount.
     *
     * @param minorUnits the amount in minor units
     * @param scale decimal places of a minor unit
     * @return the amount with exactly {@code scale} decimal places
     */
    public static BigDecimal fromMinorUnits(long minorUnits, int scale) {
        return BigDecimal.valueOf(minorUnits, scale);
    }

    /**
     * Checks a scale.
     *
     * @param scale the scale
     * @return the scale
     * @throws IllegalArgumentException if outside 0..9
     */
    public static int checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("amount scale must be 0.." + MAX_SCALE + ": " + scale);
        }
        return scale;
    }

    /**
     * Money per item, the one rule of the library for every mean of an amount (average order value, revenue per
     * customer, CAC): {@code total / count} divided exactly to 16 significant digits ({@code DECIMAL64}), then as a
     * double.
     *
     * @param total the amount
     * @param count the items, {@code >= 0}
     * @return the mean, or empty when the count is 0 (never NaN)
     */
    public static OptionalDouble mean(BigDecimal total, long count) {
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue());
    }

    /**
     * The share of a whole an amount is, by the same rule as {@link #mean}: divided to 16 significant digits.
     *
     * @param part the part
     * @param whole the whole
     * @return {@code part / whole}, or empty when the whole is 0
     */
    public static OptionalDouble share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(part.divide(whole, MathContext.DECIMAL64).doubleValue());
    }
}
