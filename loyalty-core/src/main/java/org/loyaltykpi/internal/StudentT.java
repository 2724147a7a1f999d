package org.loyaltykpi.internal;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Student's t distribution: distribution function and quantile for any positive degrees of freedom.
 *
 * <p>{@code P(T <= t) = 1 - I_x(df / 2, 1 / 2) / 2} for {@code t >= 0}, with {@code x = df / (df + t^2)} and
 * {@code I} the regularized incomplete beta function (Abramowitz and Stegun 1964, 26.7.1 and 26.5.27). The quantile
 * inverts it by bisection on a bracket that starts at the normal quantile and doubles outwards, to a relative
 * tolerance of {@code 1e-13}.
 */
public final class StudentT {
    private StudentT() {}

    /**
     * The distribution function.
     *
     * @param t the value
     * @param df the degrees of freedom, positive
     * @return {@code P(T <= t)}
     */
    public static double cdf(double t, double df) {
        checkDf(df);
        double tail = 0.5 * RegularizedBeta.value(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /**
     * The two-sided critical value of a confidence level: the {@code (1 + level) / 2} quantile, 2.262157 for level
     * 0.95 and 9 degrees of freedom.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @param df the degrees of freedom, positive
     * @return the critical value
     */
    public static double criticalValue(double level, double df) {
        Normal.checkLevel(level);
        checkDf(df);
        // Solve on the upper tail, P(T > t) = (1 - level) / 2, which keeps accuracy for levels near 1.
        double tail = (1 - level) / 2;
        double low = 0;
        double high = Math.max(1, Normal.criticalValue(level));
        while (upperTail(high, df) > tail) {
            low = high;
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
            double mid = 0.5 * (low + high);
            if (upperTail(mid, df) > tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    private static double upperTail(double t, double df) {
        return 0.5 * RegularizedBeta.value(df / (df + t * t), df / 2, 0.5);
    }

    private static void checkDf(double df) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("degrees of freedom must be positive and finite: " + df);
        }
    }
}
