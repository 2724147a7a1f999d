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
 * <p>Summation stops when the next terms cannot change the sum in double precision (a geometric tail bound). Close to
 * {@code z = 1} the series needs about {@code 37 / (1 - z)} terms, so above {@link #SERIES_BELOW} (or when a series
 * has not converged in {@link #MAX_TERMS} terms) the function is evaluated from Euler's integral instead (Abramowitz
 * and Stegun 15.3.1, DLMF 15.6.1), for {@code c > b > 0} (the parameters {@code a, b} swapped when only {@code c > a}):
 *
 * <pre>
 * 2F1(a, b; c; z) = 1 / B(b, c - b) * integral_0^1 u^(b-1) (1-u)^(c-b-1) (1 - z u)^(-a) du
 * </pre>
 *
 * in the variable {@code p = logit(u)}, where the integrand is unimodal with exponential tails (its log-derivative is
 * a quadratic in {@code u} over a positive factor, with one root in (0, 1)): the peak is found by bisection, the tails
 * are cut where the integrand has fallen by {@code e^-45}, and each side is integrated by adaptive Gauss-Kronrod
 * (7/15 points) to a relative error of about {@code 1e-15}. Its cost does not depend on {@code z}: the value at {@code
 * z = 1 - 1e-15} costs what the value at {@code 0.999} does. When {@code c <= min(a, b)} Euler's integral does not
 * exist; the value at {@code c + k} (the first with {@code c + k > min(a, b)}) and {@code c + k + 1} is then carried
 * down to {@code c} by Gauss's contiguous relation (DLMF 15.5.18); its steps cancel digits when {@code a} and {@code
 * b} are small (the function is then close to 1), so this path is accurate to about {@code 1e-8} relative where the
 * others reach {@code 1e-12} (the BTYD models reach it only for BG/NBD expectations with {@code a <= 1} and {@code a +
 * b - 1 <= r}). Every finite input with positive parameters and {@code 0 <= z < 1} thus
 * gets a finite logarithm; nothing throws for a {@code z} close to 1. Derivatives beyond the series come from the
 * moments of the same integral (about {@code 1e-5} relative at worst, enough for a gradient).
 */
public final class Hypergeometric {
    /** Bisections of one Euler integral at most: bounds the cost of a value whatever the parameters (issue 15). */
    static final int MAX_PANELS = 256;

    /** The most terms summed before the integral takes over. */
    public static final int MAX_TERMS = 500_000;

    /** Above this argument the integral is used instead of the series (which would need more than 18,500 terms). */
    public static final double SERIES_BELOW = 0.998;

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
        if (z > SERIES_BELOW) {
            return beyondSeries(a, b, c, z, derivatives);
        }
        double ca = c - a;
        double cb = c - b;
        if (ca > 0 && cb > 0 && ca + cb < a + b) {
            double log1mz = Math.log1p(-z);
            double transformed = series(ca, cb, c, z, derivatives);
            if (Double.isNaN(transformed)) {
                return beyondSeries(a, b, c, z, derivatives);
            }
            double value = (ca - b) * log1mz + transformed;
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
        double value = series(a, b, c, z, derivatives);
        return Double.isNaN(value) ? beyondSeries(a, b, c, z, derivatives) : value;
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

    /**
     * The series, and with {@code derivatives} its logarithmic derivatives in (a, b, c, z); NaN if it has not converged
     * in {@link #MAX_TERMS} terms.
     */
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
        return Double.NaN;
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

    /** Euler's integral where it exists, else the contiguous recursion in {@code c} from above. */
    private static double beyondSeries(double a, double b, double c, double z, double[] derivatives) {
        if (c > Math.min(a, b)) {
            return eulerIntegral(a, b, c, z, derivatives);
        }
        double value = downwardInC(a, b, c, z);
        if (derivatives != null) {
            // Rare (c <= min(a, b) and z close to 1): central differences of the logarithm, relative step 1e-6.
            double[] p = {a, b, c, z};
            for (int i = 0; i < 4; i++) {
                double h = i == 3 ? 1e-6 * Math.min(z, 1 - z) : 1e-6 * p[i];
                double[] up = p.clone();
                double[] down = p.clone();
                up[i] += h;
                down[i] -= h;
                derivatives[i] =
                        (downwardInC(up[0], up[1], up[2], up[3]) - downwardInC(down[0], down[1], down[2], down[3]))
                                / (2 * h);
            }
        }
        return value;
    }

    /**
     * {@code ln 2F1(a, b; c; z)} for {@code c <= min(a, b)}: {@code F(c + k)} and {@code F(c + k + 1)} from Euler's
     * integral, then {@code F(c' - 1) = -[c'(c' - 1 - (2c' - a - b - 1) z) F(c') + (c' - a)(c' - b) z F(c' + 1)] /
     * (c'(c' - 1)(z - 1))} (DLMF 15.5.18) as ratios, so that nothing overflows.
     */
    private static double downwardInC(double a, double b, double c, double z) {
        int k = (int) Math.floor(Math.min(a, b) - c) + 1;
        double top = c + k;
        double logTop = eulerIntegral(a, b, top, z, null);
        // ratio = F(c') / F(c' + 1), starting at c' = top.
        double ratio = Math.exp(logTop - eulerIntegral(a, b, top + 1, z, null));
        double log = logTop;
        for (double cc = top; cc > c + 0.5; cc -= 1) {
            double next = -(cc * (cc - 1 - (2 * cc - a - b - 1) * z) + (cc - a) * (cc - b) * z / ratio)
                    / (cc * (cc - 1) * (z - 1));
            log += Math.log(next);
            ratio = next;
        }
        return log;
    }

    /** Gauss-Kronrod 7/15 nodes (non-negative half) and weights, QUADPACK's qk15. */
    private static final double[] XGK = {
        0.991455371120812639206854697526329,
        0.949107912342758524526189684047851,
        0.864864423359769072789712788640926,
        0.741531185599394439863864773280788,
        0.586087235467691130294144845693013,
        0.405845151377397166906606412076961,
        0.207784955007898467600689403773245,
        0.0
    };

    private static final double[] WGK = {
        0.022935322010529224963732008058970,
        0.063092092629978553290700663189204,
        0.104790010322250183839876322541518,
        0.140653259715525918745189590510238,
        0.169004726639267902826583426598550,
        0.190350578064785409913256402421014,
        0.204432940075298892414161999234649,
        0.209482141084727828012999174891714
    };

    /** Gauss weights of the odd-indexed Kronrod nodes 1, 3, 5, 7. */
    private static final double[] WG = {
        0.129484966168869693270611432679082,
        0.279705391489276667901467771423780,
        0.381830050505118944950369775488975,
        0.417959183673469387755102040816327
    };

    /** The integrand of Euler's integral in {@code p = logit(u)}, in log space, with its moments' weights. */
    private static final class EulerIntegrand {
        final double a;
        final double b;
        final double cb;
        final double z;
        final double oneMinusZ;
        double shift;
        /** The magnitude of the terms of the last {@link #log}, which cancel: its rounding error is eps times it. */
        double magnitude;

        EulerIntegrand(double a, double b, double c, double z) {
            this.a = a;
            this.b = b;
            this.cb = c - b;
            this.z = z;
            this.oneMinusZ = 1 - z;
        }

        /** {@code ln u = -ln(1 + e^-p)}. */
        static double logU(double p) {
            return p > 0 ? -Math.log1p(Math.exp(-p)) : p - Math.log1p(Math.exp(p));
        }

        /** {@code 1 - z u} for {@code u = sigmoid(p)}, accurate when {@code u} is close to 1. */
        double oneMinusZu(double p) {
            return oneMinusZ + z * sigmoid(-p);
        }

        /**
         * {@code ln(1 - z u)}, by {@code log1p} where {@code z u} is small: {@code ln} of a value near 1 has an absolute
         * error of eps, which {@code a} (up to 1e5 and more in degenerate fits) would turn into noise that no panel
         * width can resolve, so that the adaptive integration spent its whole budget on rounding.
         */
        double logOneMinusZu(double p) {
            double zu = z * sigmoid(p);
            return zu < 0.5 ? Math.log1p(-zu) : Math.log(oneMinusZu(p));
        }

        /** {@code ln} of the integrand {@code u^b (1-u)^(c-b) (1 - zu)^-a} (the Jacobian du/dp = u (1-u) included). */
        double log(double p) {
            double t1 = b * logU(p);
            double t2 = cb * logU(-p);
            double t3 = a * logOneMinusZu(p);
            magnitude = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
            return t1 + t2 - t3;
        }

        /** Its derivative in {@code p}: {@code b (1-u) - (c-b) u + a z u (1-u) / (1 - zu)}. */
        double slope(double p) {
            double u = sigmoid(p);
            double v = sigmoid(-p);
            return b * v - cb * u + a * z * u * v / oneMinusZu(p);
        }
    }

    private static double sigmoid(double p) {
        if (p >= 0) {
            return 1 / (1 + Math.exp(-p));
        }
        double e = Math.exp(p);
        return e / (1 + e);
    }

    /**
     * {@code ln 2F1} from Euler's integral; needs {@code c > min(a, b)}. With {@code derivatives}, the logarithmic
     * derivatives from the moments of the normalized integrand: {@code d/da = -E[ln(1 - zu)]}, {@code d/db = E[ln u -
     * ln(1-u)] - psi(b) + psi(c-b)}, {@code d/dc = E[ln(1-u)] - psi(c-b) + psi(c)}, {@code d/dz = a E[u / (1 - zu)]}.
     */
    private static double eulerIntegral(double a, double b, double c, double z, double[] derivatives) {
        boolean swapped = !(c > b);
        double pa = swapped ? b : a;
        double pb = swapped ? a : b;
        EulerIntegrand f = new EulerIntegrand(pa, pb, c, z);
        // The peak: the slope falls from b > 0 to -(c - b) < 0 with one sign change; bisection.
        double lo = -1;
        while (f.slope(lo) < 0) {
            lo *= 2;
        }
        double hi = 1;
        while (f.slope(hi) > 0) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, Math.abs(lo)); i++) {
            double mid = 0.5 * (lo + hi);
            if (f.slope(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double peak = 0.5 * (lo + hi);
        double top = f.log(peak);
        f.shift = top;
        double left = cut(f, peak, -1, top);
        double right = cut(f, peak, 1, top);
        boolean moments = derivatives != null;
        double[] sums = new double[moments ? 5 : 1];
        integrate(f, left, peak, sums, moments);
        integrate(f, peak, right, sums, moments);
        double logBeta = org.apache.commons.numbers.gamma.LogBeta.value(pb, c - pb);
        double value = Math.log(sums[0]) + top - logBeta;
        if (moments) {
            double eLog1mzu = sums[1] / sums[0];
            double eLogU = sums[2] / sums[0];
            double eLog1mU = sums[3] / sums[0];
            double eRatio = sums[4] / sums[0];
            double psiB = org.apache.commons.numbers.gamma.Digamma.value(pb);
            double psiCB = org.apache.commons.numbers.gamma.Digamma.value(c - pb);
            double psiC = org.apache.commons.numbers.gamma.Digamma.value(c);
            double dA = -eLog1mzu;
            double dB = eLogU - eLog1mU - psiB + psiCB;
            derivatives[0] = swapped ? dB : dA;
            derivatives[1] = swapped ? dA : dB;
            derivatives[2] = eLog1mU - psiCB + psiC;
            derivatives[3] = pa * eRatio;
        }
        return value;
    }

    /** The point beyond which the integrand has fallen below {@code e^-45} of its peak, stepping out by doubling. */
    private static double cut(EulerIntegrand f, double peak, int direction, double top) {
        double step = 1;
        double p = peak + direction * step;
        while (f.log(p) > top - 45) {
            step *= 2;
            p = peak + direction * step;
        }
        return p;
    }

    /**
     * Adds the integral from the peak to the cut (and the moments) by adaptive Gauss-Kronrod, on starting panels that
     * double in width away from the peak ({@code 1/2, 1, 2, 4, ...}): the structure near the peak is resolved however
     * long a slowly decaying tail is.
     */
    private static void integrate(EulerIntegrand f, double peak, double cut, double[] sums, boolean moments) {
        double direction = Math.signum(cut - peak);
        double length = Math.abs(cut - peak);
        java.util.List<double[]> panels = new java.util.ArrayList<>();
        double[] errors = new double[256];
        double coarse = 0;
        double near = 0;
        for (double far = 0.5; near < length; far *= 2) {
            double end = Math.min(far, length);
            double a = peak + direction * near;
            double b = peak + direction * end;
            double[] part = new double[sums.length];
            errors[panels.size()] = kronrod(f, Math.min(a, b), Math.max(a, b), part, moments);
            panels.add(new double[] {Math.min(a, b), Math.max(a, b)});
            panels.add(part);
            coarse += part[0];
            near = end;
        }
        int count = panels.size() / 2;
        double tolerance = 4 * 0x1.0p-52 * Math.max(coarse, Double.MIN_NORMAL) / count;
        int[] budget = {MAX_PANELS};
        for (int i = 0; i < count; i++) {
            double[] range = panels.get(2 * i);
            if (errors[2 * i] <= tolerance) {
                add(sums, panels.get(2 * i + 1));
            } else {
                adapt(f, range[0], range[1], tolerance, sums, moments, 0, budget);
            }
        }
    }

    /**
     * Bisects a panel until each half meets its share of the tolerance. The work is bounded: at most depth 30 and
     * {@link #MAX_PANELS} bisections per integral ({@code budget}, shared by every panel of it); past the budget a
     * panel's Kronrod estimate is taken as it is. Without the budget, rounding noise above a tolerance of a few ulps
     * could bisect every panel to depth 30 (2^30 panels: a fit that never ends).
     */
    private static void adapt(
            EulerIntegrand f,
            double from,
            double to,
            double tolerance,
            double[] sums,
            boolean moments,
            int depth,
            int[] budget) {
        double mid = 0.5 * (from + to);
        double[] l = new double[sums.length];
        double[] r = new double[sums.length];
        double el = kronrod(f, from, mid, l, moments);
        double er = kronrod(f, mid, to, r, moments);
        budget[0]--;
        if (el <= tolerance / 2 || depth >= 30 || budget[0] <= 0) {
            add(sums, l);
        } else {
            adapt(f, from, mid, tolerance / 2, sums, moments, depth + 1, budget);
        }
        if (er <= tolerance / 2 || depth >= 30 || budget[0] <= 0) {
            add(sums, r);
        } else {
            adapt(f, mid, to, tolerance / 2, sums, moments, depth + 1, budget);
        }
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** One 15-point Kronrod panel into {@code out}; returns the Kronrod-Gauss difference of the main integral. */
    private static double kronrod(EulerIntegrand f, double from, double to, double[] out, boolean moments) {
        double center = 0.5 * (from + to);
        double half = 0.5 * (to - from);
        double kronrod = 0;
        double gauss = 0;
        double magnitude = 0;
        for (int j = 0; j < 15; j++) {
            int k = j < 8 ? j : 14 - j;
            double x = center + (j < 8 ? -1 : 1) * half * XGK[k];
            double w = WGK[k];
            double value = Math.exp(f.log(x) - f.shift);
            magnitude = Math.max(magnitude, f.magnitude);
            kronrod += w * value;
            if (k % 2 == 1) {
                gauss += WG[k / 2] * value;
            }
            if (moments) {
                double oneMinusZu = f.oneMinusZu(x);
                out[1] += half * w * value * f.logOneMinusZu(x);
                out[2] += half * w * value * EulerIntegrand.logU(x);
                out[3] += half * w * value * EulerIntegrand.logU(-x);
                out[4] += half * w * value * sigmoid(x) / oneMinusZu;
            }
        }
        out[0] += half * kronrod;
        // Differences at the rounding level of the panel's own values (whose logarithms carry an absolute error of
        // eps times the magnitude of their cancelling terms) are noise: count them as converged.
        double error = Math.abs(half * (kronrod - gauss));
        return error <= 50 * 0x1.0p-52 * (1 + magnitude) * Math.abs(half * kronrod) ? 0 : error;
    }
}
