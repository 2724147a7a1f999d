package org.loyaltykpi.internal;

import java.math.BigDecimal;

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
}
