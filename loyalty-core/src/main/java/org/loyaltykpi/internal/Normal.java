package org.loyaltykpi.internal;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal distribution: distribution function and quantile, from the complementary error function of
 * Apache Commons Numbers (Boost's implementations, accurate to a few ulps).
 *
 * <p>{@code Phi(x) = erfc(-x / sqrt 2) / 2} and {@code Phi^-1(p) = -sqrt 2 * erfc^-1(2p)}; both are computed through
 * {@code erfc} so that tail probabilities keep their relative accuracy.
 */
public final class Normal {
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {}

    /**
     * The standard normal distribution function.
     *
     * @param x the value
     * @return {@code P(Z <= x)}
     */
    public static double cdf(double x) {
        return 0.5 * Erfc.value(-x / SQRT2);
    }

    /**
     * The standard normal quantile.
     *
     * @param p a probability in {@code (0, 1)}
     * @return {@code x} with {@code P(Z <= x) = p}
     * @throws IllegalArgumentException if {@code p} is not in {@code (0, 1)}
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        return -SQRT2 * InverseErfc.value(2 * p);
    }

    /**
     * The two-sided critical value of a confidence level: {@code Phi^-1((1 + level) / 2)}, 1.959964 for 0.95.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the critical value
     * @throws IllegalArgumentException naming the level if it is not in {@code (0, 1)}
     */
    public static double criticalValue(double level) {
        checkLevel(level);
        // erfc(z / sqrt 2) = 1 - level, and 1 - level is exact near 1 where 1 + level would lose the digits that matter
        return SQRT2 * InverseErfc.value(1 - level);
    }

    /**
     * Checks a confidence level.
     *
     * @param level the level
     * @return the level
     * @throws IllegalArgumentException naming the level if it is not in {@code (0, 1)}
     */
    public static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), e.g. 0.95: " + level);
        }
        return level;
    }
}
