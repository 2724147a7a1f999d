package org.loyaltykpi.internal;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for positive parameters and {@code 0 <= z < 1}, in log
 * space, as the BTYD models need it (Pareto/NBD likelihood and P(alive), BG/NBD and MBG/NBD expectations).
 *
 * <p>The series {@code sum_k (a)_k (b)_k / ((c)_k k!) z^k} has positive terms there, so it is summed directly, with
 * the partial sum rescaled whenever it grows past {@code 1e250}: the result is returned as a logarithm and does not
 * overflow for large parameters (a frequency of several hundred purchases). When both {@code c - a} and {@code c - b}
 * are positive and smaller than {@code a + b}, Euler's transformation {@code 2F1(a, b; c; z) = (1 - z)^(c-a-b)
 * 2F1(c - a, c - b; c; z)} is used first: it turns the Pareto/NBD case {@code 2F1(a, b; a + 1; z)} into a series whose
 * term ratio stays below {@code z}, so it converges geometrically whatever the frequency.
 *
 * <p>Summation stops when the next terms cannot change the sum in double precision (a geometric tail bound); a
 * series that would need more than {@link #MAX_TERMS} terms ({@code z} very close to 1) is an
 * {@link ArithmeticException} naming the arguments, never a silently wrong value.
 */
public final class Hypergeometric {
    /** The most terms summed before giving up. */
    public static final int MAX_TERMS = 500_000;

    private static final double RESCALE_ABOVE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

    private Hypergeometric() {}

    /**
     * {@code ln 2F1(a, b; c; z)}.
     *
     * @param a first numerator parameter, positive
     * @param b second numerator parameter, positive
     * @param c denominator parameter, positive
     * @param z argument, {@code 0 <= z < 1}
     * @return the natural logarithm of the function value
     * @throws IllegalArgumentException if a parameter is not positive and finite or {@code z} is outside [0, 1)
     * @throws ArithmeticException if the series needs more than {@link #MAX_TERMS} terms
     */
    public static double log2F1(double a, double b, double c, double z) {
        return log2F1(a, b, c, z, null);
    }

    /**
     * {@code ln 2F1(a, b; c; z)} and its partial derivatives, for likelihoods with analytic gradients. The derivatives
     * of the series are summed term by term beside it: {@code d ln t_k / da = sum_{j<k} 1 / (a + j)}, likewise for
     * {@code b} and (negated) {@code c}, and {@code d ln t_k / dz = k / z}; Euler's transformation is differentiated by
     * the chain rule. The series then runs until the derivative sums have converged too.
     *
     * @param a first numerator parameter, positive
     * @param b second numerator parameter, positive
     * @param c denominator parameter, positive
     * @param z argument, {@code 0 <= z < 1}
     * @param derivatives receives {@code d/da, d/db, d/dc, d/dz} of the logarithm (length 4), or null for none
     * @return the natural logarithm of the function value
     * @throws IllegalArgumentException if a parameter is not positive and finite or {@code z} is outside [0, 1)
     * @throws ArithmeticException if the series needs more than {@link #MAX_TERMS} terms
     */
    public static double log2F1(double a, double b, double c, double z, double[] derivatives) {
        if (!(a > 0) || !(b > 0) || !(c > 0) || Double.isInfinite(a) || Double.isInfinite(b) || Double.isInfinite(c)) {
            throw new IllegalArgumentException(
                    "2F1 needs positive finite parameters: a=" + a + ", b=" + b + ", c=" + c);
        }
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 argument must be in [0, 1): z=" + z);
        }
        if (z == 0) {
            if (derivatives != null) {
                derivatives[0] = 0;
                derivatives[1] = 0;
                derivatives[2] = 0;
                derivatives[3] = a * b / c;
            }
            return 0;
        }
        double ca = c - a;
        double cb = c - b;
        if (ca > 0 && cb > 0 && ca + cb < a + b) {
            double log1mz = Math.log1p(-z);
            double value = (ca - b) * log1mz + series(ca, cb, c, z, derivatives);
            if (derivatives != null) {
                // The series is in (c - a, c - b, c, z); the factor is (1 - z)^(c - a - b).
                double dA = derivatives[0];
                double dB = derivatives[1];
                derivatives[0] = -log1mz - dA;
                derivatives[1] = -log1mz - dB;
                derivatives[2] += log1mz + dA + dB;
                derivatives[3] -= (ca - b) / (1 - z);
            }
            return value;
        }
        return series(a, b, c, z, derivatives);
    }

    /**
     * {@code 2F1(a, b; c; z)} as a plain value; may overflow to infinity where {@link #log2F1} does not.
     *
     * @param a first numerator parameter, positive
     * @param b second numerator parameter, positive
     * @param c denominator parameter, positive
     * @param z argument, {@code 0 <= z < 1}
     * @return the function value
     */
    public static double value(double a, double b, double c, double z) {
        return Math.exp(log2F1(a, b, c, z));
    }

    /** The series, and with {@code derivatives} its logarithmic derivatives in (a, b, c, z). */
    private static double series(double a, double b, double c, double z, double[] derivatives) {
        boolean withDerivatives = derivatives != null;
        double sum = 1;
        double term = 1;
        double logScale = 0;
        // d ln(term) / d(a, b, c) so far, and the sums of term times each of them and of term k / z.
        double la = 0;
        double lb = 0;
        double lc = 0;
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sz = 0;
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (withDerivatives) {
                la += 1 / (a + k);
                lb += 1 / (b + k);
                lc += 1 / (c + k);
                sa += term * la;
                sb += term * lb;
                sc += term * lc;
                sz += term * (k + 1);
            }
            if (sum > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                sa /= RESCALE_ABOVE;
                sb /= RESCALE_ABOVE;
                sc /= RESCALE_ABOVE;
                sz /= RESCALE_ABOVE;
                logScale += LOG_RESCALE;
            }
            if (ratio < 1) {
                // Tail bound: the term ratio tends to z, so later terms shrink at least like max(ratio, z)^j.
                double rho = Math.max(ratio, z);
                double tail = term * rho / (1 - rho);
                if (tail <= 0x1.0p-53 * sum
                        && (!withDerivatives || derivativeTailsConverged(tail, k, la, lb, lc, sa, sb, sc, sz))) {
                    if (withDerivatives) {
                        derivatives[0] = sa / sum;
                        derivatives[1] = sb / sum;
                        derivatives[2] = -sc / sum;
                        derivatives[3] = sz / (z * sum);
                    }
                    return Math.log(sum) + logScale;
                }
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS
                + " terms (argument too close to 1)");
    }

    /**
     * Whether the derivative sums have converged too: the tail bound of the value, times the weight of the last term
     * with a safety factor of two for the slowly growing weights (harmonic sums, and {@code k}); gradients need far
     * less than full double precision.
     */
    private static boolean derivativeTailsConverged(
            double tail, int k, double la, double lb, double lc, double sa, double sb, double sc, double sz) {
        double eps = 0x1.0p-52;
        return 2 * tail * (la + 1) <= eps * sa
                && 2 * tail * (lb + 1) <= eps * sb
                && 2 * tail * (lc + 1) <= eps * sc
                && 2 * tail * (k + 2) <= eps * sz;
    }
}
