package org.loyaltykpi.clv;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.loyaltykpi.internal.Hypergeometric;

/**
 * The common core of BG/NBD and MBG/NBD, which differ only in whether a customer may drop out right after the first
 * purchase: with {@code m = 0} (BG/NBD) dropout happens after a repeat purchase only, with {@code m = 1} (MBG/NBD)
 * after any purchase, the first included. Every formula below is the BG/NBD one with {@code b + x - 1} shifted by
 * {@code m}.
 */
abstract sealed class BetaGeometricNbd permits BgNbdModel, MbgNbdModel {
    static final String[] NAMES = {"r", "alpha", "a", "b"};

    final double r;
    final double alpha;
    final double a;
    final double b;
    final int m;
    private final TimeScale unit;
    private final Optional<ModelFit> fit;

    BetaGeometricNbd(double r, double alpha, double a, double b, int m, TimeScale unit, Optional<ModelFit> fit) {
        this.r = ModelSupport.positive("r", r);
        this.alpha = ModelSupport.positive("alpha", alpha);
        this.a = ModelSupport.positive("a", a);
        this.b = ModelSupport.positive("b", b);
        this.m = m;
        this.unit = unit;
        this.fit = fit;
    }

    /** The log-likelihood of weighted rows at {@code theta = (r, alpha, a, b)}; fills the gradient if non-null. */
    static double logLikelihood(double[] theta, CollapsedSummary d, int m, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        int n = d.maxFrequency + m + 1;
        double[] lgR = new double[n + 1];
        double[] psR = new double[n + 1];
        double[] lgB = new double[n + 1];
        double[] psB = new double[n + 1];
        double[] lgAB = new double[n + 1];
        double[] psAB = new double[n + 1];
        MaximumLikelihood.risingTables(r, n, lgR, psR);
        MaximumLikelihood.risingTables(b, n, lgB, psB);
        MaximumLikelihood.risingTables(a + b, n, lgAB, psAB);
        // Per frequency: ln and inverse of b + x - 1 + m (unused, and possibly negative, at x = 0 for BG/NBD).
        double[] lnBx = new double[d.maxFrequency + 1];
        double[] invBx = new double[d.maxFrequency + 1];
        for (int x = 0; x <= d.maxFrequency; x++) {
            double bx = b + x - 1 + m;
            lnBx[x] = Math.log(bx);
            invBx[x] = 1 / bx;
        }
        // Per distinct time t: ln(alpha + t) and 1 / (alpha + t).
        double[] times = d.times;
        double[] lnTime = new double[times.length];
        double[] invTime = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnTime[k] = Math.log(alpha + times[k]);
            invTime[k] = 1 / (alpha + times[k]);
        }
        double lnAlpha = Math.log(alpha);
        double lnA = Math.log(a);
        double invA = 1 / a;
        boolean withGradient = gradient != null;
        int[] xs = d.x;
        int[] recencyTime = d.recencyTime;
        int[] ageTime = d.ageTime;
        double[] weight = d.weight;
        double[] sums = d.sum(withGradient ? 5 : 1, (from, to, out) -> {
            double sum = 0;
            double gr = 0;
            double gAlpha = 0;
            double ga = 0;
            double gb = 0;
            for (int i = from; i < to; i++) {
                int x = xs[i];
                double w = weight[i];
                int age = ageTime[i];
                double lnAT = lnTime[age];
                double rx = r + x;
                double ll = lgR[x] + r * lnAlpha + lgB[x + m] - lgAB[x + m] - rx * lnAT;
                double s = 0;
                double dlog = 0;
                if (x > 0 || m == 1) {
                    int recency = recencyTime[i];
                    dlog = lnAT - lnTime[recency];
                    double z = lnA - lnBx[x] + rx * dlog;
                    // ln(1 + e^z) and the sigmoid of z from one exponential.
                    double e = Math.exp(-Math.abs(z));
                    ll += Math.max(z, 0) + MaximumLikelihood.log1p(e);
                    s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
                    if (withGradient) {
                        gAlpha += w * s * rx * (invTime[age] - invTime[recency]);
                        gb -= w * s * invBx[x];
                        ga += w * s * invA;
                    }
                }
                sum += w * ll;
                if (withGradient) {
                    gr += w * (psR[x] + lnAlpha - lnAT + s * dlog);
                    gAlpha += w * (r / alpha - rx * invTime[age]);
                    ga -= w * psAB[x + m];
                    gb += w * (psB[x + m] - psAB[x + m]);
                }
            }
            out[0] = sum;
            if (withGradient) {
                out[1] = gr;
                out[2] = gAlpha;
                out[3] = ga;
                out[4] = gb;
            }
        });
        if (withGradient) {
            System.arraycopy(sums, 1, gradient, 0, 4);
        }
        return sums[0];
    }

    static MaximumLikelihood.Estimate estimate(String model, int m, BtydSummary summary, FitOptions options) {
        if (summary.isEmpty()) {
            throw new ModelFitException(MaximumLikelihood.emptySummary(model));
        }
        if (summary.repeatCustomers() == 0) {
            throw new ModelFitException(MaximumLikelihood.noRepeatPurchases(model));
        }
        CollapsedSummary rows = summary.collapsed();
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                model,
                Optional.of(summary.timeUnit()),
                summary.size(),
                rows.totalWeight,
                List.of(NAMES),
                (theta, gradient) -> logLikelihood(theta, rows, m, gradient),
                true,
                List.of(1),
                ModelSupport.maxAge(rows));
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(
                problem, new double[] {1, 1, 1, 1}, options, MaximumLikelihood.dataWarnings(summary));
        double[] t = e.theta();
        List<String> more = new java.util.ArrayList<>();
        MaximumLikelihood.calibrationWarning(t[0], t[1], ModelSupport.maxAge(rows), summary.timeUnit())
                .ifPresent(more::add);
        return new MaximumLikelihood.Estimate(t, MaximumLikelihood.withWarnings(e.fit(), more));
    }

    public TimeScale timeUnit() {
        return unit;
    }

    public Optional<ModelFit> fit() {
        return fit;
    }

    public List<Parameter> parameters() {
        return ModelSupport.parameters(fit, NAMES, new double[] {r, alpha, a, b});
    }

    public double logLikelihood(int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        return logLikelihood(
                new double[] {r, alpha, a, b},
                CollapsedSummary.uncollapsed(new int[] {x}, new double[] {recency}, new double[] {age}),
                m,
                null);
    }

    public double logLikelihood(BtydSummary summary) {
        ModelSupport.checkUnit(getClass().getSimpleName(), unit, summary);
        return logLikelihood(new double[] {r, alpha, a, b}, summary.collapsed(), m, null);
    }

    public double probabilityAlive(int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        if (x == 0 && m == 0) {
            return 1;
        }
        double z = Math.log(a / (b + x - 1 + m)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
        return MaximumLikelihood.sigmoid(-z);
    }

    public double expectedPurchases(double t, int x, double recency, double age) {
        ModelSupport.checkTime(t);
        return expectedPurchasesGivenAlive(t, x, age, probabilityAlive(x, recency, age));
    }

    /** {@code E[Y(t)]} given the customer's P(alive), computed once for many horizons. */
    double expectedPurchasesGivenAlive(double t, int x, double age, double pAlive) {
        if (t == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < 1e-7) {
            // The closed form has a removable singularity at a = 1: take the limit from both sides.
            return (conditional(t, x, age, pAlive, 1 + 1e-6) + conditional(t, x, age, pAlive, 1 - 1e-6)) / 2;
        }
        return conditional(t, x, age, pAlive, a);
    }

    /** {@code P(alive) (a+b+x-1+m)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+m; a+b+x-1+m; z)]}. */
    private double conditional(double t, int x, double age, double pAlive, double a) {
        double c = a + b + x - 1 + m;
        if (!(c > 0)) {
            throw new ArithmeticException("E[X(t)] of this model needs a + b > 1 - m: a=" + a + ", b=" + b);
        }
        double alphaT = alpha + age;
        double log = (r + x) * Math.log(alphaT / (alphaT + t))
                + Hypergeometric.log2F1(r + x, b + x + m, c, t / (alphaT + t));
        return pAlive * c / (a - 1) * -Math.expm1(log);
    }

    /** Entries per parallel task of the whole-summary kernels. */
    private static final int ENTRIES_PER_TASK = 1 << 15;

    /** (x, T) pairs per parallel task of {@link #expectedPurchases(double, TimeColumns)}; each task starts afresh. */
    private static final int PAIRS_PER_TASK = 256;

    /**
     * Taylor steps only where {@code |w| >= MIN_WALK}: closer to the singular point 0 the equation's recurrence
     * cancels digits ({@code G} is close to 1 and its terms balance), so those pairs are evaluated directly.
     */
    private static final double MIN_WALK = 0.1;

    /** A direct evaluation after this many steps, which bounds the accumulated rounding error of the walk. */
    private static final int RESTART = 64;

    /**
     * P(alive) of every entry of dense columns, on every core: {@code ln(alpha + t)} once per distinct time and {@code
     * ln(a / (b + x - 1 + m))} once per frequency, then per entry one exponential, {@code 1 / (1 + e^z)} with {@code z
     * = ln(a / (b + x - 1 + m)) + (r + x) (ln(alpha + T) - ln(alpha + t_x))}: the formula of {@link
     * #probabilityAlive(int, double, double)}, equal to it within a few units in the last place of {@code z}.
     */
    double[] probabilityAlive(TimeColumns c) {
        double[] times = c.times;
        double[] lnTime = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnTime[k] = Math.log(alpha + times[k]);
        }
        double[] lnOdds = new double[c.maxFrequency + 1];
        for (int x = 0; x <= c.maxFrequency; x++) {
            lnOdds[x] = Math.log(a / (b + x - 1 + m));
        }
        int[] xs = c.x;
        int[] recencyTime = c.recencyTime;
        int[] ageTime = c.ageTime;
        double[] out = new double[c.size()];
        double rr = r;
        boolean bg = m == 0;
        int nt = times.length;
        long cells = (long) (c.maxFrequency + 1) * nt;
        if (nt > 0 && cells <= out.length / 4 && (r + c.maxFrequency) * (lnTime[nt - 1] - lnTime[0]) < 700) {
            return aliveByTable(c, lnTime, lnOdds, out);
        }
        org.loyaltykpi.internal.ParallelScans.scan(
                out.length,
                ENTRIES_PER_TASK,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int x = xs[i];
                        if (x == 0 && bg) {
                            out[i] = 1;
                        } else {
                            double z = lnOdds[x] + (rr + x) * (lnTime[ageTime[i]] - lnTime[recencyTime[i]]);
                            out[i] = 1 / (1 + Math.exp(z));
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }

    /**
     * P(alive) with the powers tabulated: {@code E[x][k] = ((alpha + t_k) / (alpha + t_0))^(r+x)} and its inverse
     * once per frequency and distinct time (all of them at most 1 in 700 in magnitude, which the caller checked), so an
     * entry costs {@code 1 / (1 + a/(b+x-1+m) E[x][T] / E[x][t_x])}: no transcendental function per customer, where
     * the table is small beside the number of entries.
     */
    private double[] aliveByTable(TimeColumns c, double[] lnTime, double[] lnOdds, double[] out) {
        int nt = lnTime.length;
        int frequencies = c.maxFrequency + 1;
        double[] power = new double[frequencies * nt];
        double[] inverse = new double[frequencies * nt];
        double[] odds = new double[frequencies];
        org.loyaltykpi.internal.ParallelScans.scan(
                frequencies,
                Math.max(1, (1 << 14) / nt),
                (from, to) -> {
                    for (int x = from; x < to; x++) {
                        odds[x] = Math.exp(lnOdds[x]);
                        double rx = r + x;
                        for (int k = 0; k < nt; k++) {
                            double e = Math.exp(rx * (lnTime[k] - lnTime[0]));
                            power[x * nt + k] = e;
                            inverse[x * nt + k] = 1 / e;
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        int[] xs = c.x;
        int[] recencyTime = c.recencyTime;
        int[] ageTime = c.ageTime;
        boolean bg = m == 0;
        org.loyaltykpi.internal.ParallelScans.scan(
                out.length,
                ENTRIES_PER_TASK,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int x = xs[i];
                        int base = x * nt;
                        out[i] = x == 0 && bg
                                ? 1
                                : 1 / (1 + odds[x] * power[base + ageTime[i]] * inverse[base + recencyTime[i]]);
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }

    /**
     * {@code E[Y(t) | x, t_x, T]} of every entry of dense columns, on every core: P(alive) as {@link
     * #probabilityAlive(TimeColumns)}, times {@code E[Y(t) | alive]}, which depends on (x, T) only and is computed once
     * per distinct pair. For one frequency, {@code E[Y(t) | alive] = C/(a-1) (1 - G(w))} with {@code G = 2F1(r+x, a-1;
     * C; w)}, {@code C = a+b+x-1+m}, {@code w = -t/(alpha+T)} (Pfaff's transformation, as in {@link Horizon}): G solves
     * the hypergeometric equation, so the pairs of a frequency, in ascending T (w moving towards the singular point 0),
     * are walked by Taylor steps of the equation ({@link #taylorStep}) from one direct evaluation per run of at most
     * {@link #PAIRS_PER_TASK} pairs; a step longer than half the distance to 0 is evaluated directly instead. {@code 1
     * - G} is carried by subtracting the steps' increments, so it keeps its relative accuracy where G is close to 1.
     */
    double[] expectedPurchases(double t, TimeColumns c) {
        double[] out = probabilityAlive(c);
        if (t == 0) {
            java.util.Arrays.fill(out, 0);
            return out;
        }
        int nt = c.times.length;
        double[] perPair = new double[(c.maxFrequency + 1) * nt];
        int[] pairs = c.agePairs;
        double[] times = c.times;
        org.loyaltykpi.internal.ParallelScans.scan(
                pairs.length,
                PAIRS_PER_TASK,
                (from, to) -> {
                    givenAlive(t, pairs, from, to, nt, times, perPair);
                    return to - from;
                },
                Integer::sum);
        int[] xs = c.x;
        int[] ageTime = c.ageTime;
        org.loyaltykpi.internal.ParallelScans.scan(
                out.length,
                ENTRIES_PER_TASK,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] *= perPair[xs[i] * nt + ageTime[i]];
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }

    /** {@code E[Y(t) | alive]} of the dense (x, T) keys {@code pairs[from..to)} (ascending) into {@code out[key]}. */
    private void givenAlive(double t, int[] pairs, int from, int to, int nt, double[] times, double[] out) {
        if (Math.abs(a - 1) < 1e-7) {
            for (int p = from; p < to; p++) {
                out[pairs[p]] = expectedPurchasesGivenAlive(t, pairs[p] / nt, times[pairs[p] % nt], 1);
            }
            return;
        }
        double[] state = new double[3];
        int currentX = -1;
        int steps = 0;
        double w0 = 0;
        double factor = 0;
        double aA = 0;
        double cC = 0;
        // Descending T: w moves away from the singular point 0, where the equation's other solution, w^(1-C), would
        // amplify the rounding errors of every step.
        for (int p = to - 1; p >= from; p--) {
            int x = pairs[p] / nt;
            double age = times[pairs[p] % nt];
            double w = -t / (alpha + age);
            if (x != currentX) {
                currentX = x;
                aA = r + x;
                cC = a + b + x - 1 + m;
                if (!(cC > 0)) {
                    throw new ArithmeticException("E[X(t)] of this model needs a + b > 1 - m: a=" + a + ", b=" + b);
                }
                factor = cC / (a - 1);
                direct(t, x, age, aA, cC, state);
            } else if (++steps % RESTART == 0
                    || !(w0 <= -MIN_WALK && w0 - w <= -0.5 * w0 && taylorStep(aA, a - 1, cC, w0, w - w0, state))) {
                direct(t, x, age, aA, cC, state);
            }
            w0 = w;
            out[pairs[p]] = factor * state[2];
        }
    }

    /**
     * {@code state = (G, dG/dw, 1 - G)} at {@code w = -t/(alpha+T)} from the hypergeometric series: {@code G = ((alpha
     * + T)/(alpha + T + t))^A 2F1(A, b+x+m; C; z)}, {@code z = t/(alpha+T+t)}, and its derivative from the contiguous
     * function {@code A (a-1) / C 2F1(A+1, a; C+1; w)}.
     */
    private void direct(double t, int x, double age, double aA, double cC, double[] state) {
        double alphaT = alpha + age;
        double z = t / (alphaT + t);
        double lnRatio = Math.log(alphaT / (alphaT + t));
        double logG = aA * lnRatio + Hypergeometric.log2F1(aA, b + x + m, cC, z);
        state[0] = Math.exp(logG);
        state[2] = -Math.expm1(logG);
        state[1] =
                aA * (a - 1) / cC * Math.exp((aA + 1) * lnRatio + Hypergeometric.log2F1(aA + 1, b + x + m, cC + 1, z));
    }

    /**
     * One Taylor step of {@code G = 2F1(A, B; C; w)} from {@code w0} to {@code w0 + s} by the equation's three-term
     * recurrence (see {@link Horizon}), updating {@code state = (G, G', 1 - G)}; false (state unchanged) if the series
     * did not converge.
     */
    static boolean taylorStep(double aA, double bB, double cC, double w0, double s, double[] state) {
        double p0 = w0 * (1 - w0);
        double p1 = 1 - 2 * w0;
        double q0 = cC - (aA + bB + 1) * w0;
        double d0 = state[0];
        double d1 = state[1] * s;
        double increment = d1;
        double dsum = d1;
        double scale = Math.min(Math.abs(state[0]), Math.abs(state[2]));
        for (int n = 0; n < 2000; n++) {
            double d2 =
                    ((n + aA) * (n + bB) * d0 * s * s - (n + 1) * (p1 * n + q0) * d1 * s) / (p0 * (n + 1) * (n + 2));
            increment += d2;
            dsum += (n + 2) * d2;
            if (n > 2
                    && Math.abs(d1) + Math.abs(d2) <= 1e-17 * scale
                    && (n + 2) * (Math.abs(d1) + Math.abs(d2)) <= 1e-17 * Math.abs(dsum)) {
                double g = state[0] + increment;
                double dg = dsum / s;
                if (!Double.isFinite(g) || !Double.isFinite(dg)) {
                    return false;
                }
                state[0] = g;
                state[1] = dg;
                state[2] -= increment;
                return true;
            }
            d0 = d1;
            d1 = d2;
        }
        return false;
    }

    /**
     * {@code E[Y(k u) | alive]} for {@code k = 1, 2, ...}, one period at a time, at a cost that falls with {@code k}
     * instead of one hypergeometric function per period (whose series needs thousands of terms once {@code t/(alpha +
     * T + t)} nears 1). By Pfaff's transformation {@code ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+m; c; z) = 2F1(r+x,
     * a-1; c; w) = G(w)} with {@code w = -t/(alpha+T)}, and G solves the hypergeometric equation {@code w(1-w) G'' +
     * [c - (r+x+a) w] G' - (r+x)(a-1) G = 0}. The first periods are evaluated directly (G, and {@code G'} from the
     * contiguous function); from then on each period is one Taylor step of the equation from the previous one, whose
     * coefficients follow the three-term recurrence {@code c_{n+2} = [(n+A)(n+B) c_n - (n+1)((1-2w0) n + c - (A+B+1)
     * w0) c_{n+1}] / (w0 (1-w0) (n+1)(n+2))}: the step is {@code 1/(k-1)} of the distance to the singular point 0, so
     * the series converges geometrically, with fewer terms as k grows. The solutions of the equation grow as powers of
     * w, so the rounding errors of the steps do not amplify.
     */
    final class Horizon {
        /** Periods evaluated directly before the Taylor steps. */
        private static final int DIRECT = 4;

        private static final int MAX_TERMS = 2000;

        private final Horizon low;
        private final Horizon high;
        private final int x;
        private final double aa;
        private final double alphaT;
        private final double step;
        private final double h;
        private final double A;
        private final double B;
        private final double C;
        private final double factor;
        private int k;
        private double g;
        private double dg;
        /** {@code 1 - g}, from {@code -expm1(ln g)} after a direct evaluation (no cancellation at small t). */
        private double oneMinusG;

        Horizon(int x, double age, double step) {
            this(x, age, step, a);
        }

        private Horizon(int x, double age, double step, double aa) {
            this.x = x;
            this.aa = aa;
            this.alphaT = alpha + age;
            this.step = step;
            this.h = step / alphaT;
            this.A = r + x;
            this.B = aa - 1;
            this.C = aa + b + x - 1 + m;
            if (Math.abs(aa - 1) < 1e-7) {
                low = new Horizon(x, age, step, 1 - 1e-6);
                high = new Horizon(x, age, step, 1 + 1e-6);
                factor = 0;
            } else {
                if (!(C > 0)) {
                    throw new ArithmeticException("E[X(t)] of this model needs a + b > 1 - m: a=" + aa + ", b=" + b);
                }
                low = null;
                high = null;
                factor = C / (aa - 1);
            }
        }

        /** {@code E[Y(k u) | alive]} of the next period k. */
        double next() {
            if (low != null) {
                return (low.next() + high.next()) / 2;
            }
            k++;
            if (k <= DIRECT || !taylorStep()) {
                direct(k * step);
            } else {
                oneMinusG = 1 - g;
            }
            return factor * oneMinusG;
        }

        /** G and dG/dw at {@code w = -t/(alpha+T)} from the hypergeometric series (or Euler's integral). */
        private void direct(double t) {
            double z = t / (alphaT + t);
            double lnRatio = Math.log(alphaT / (alphaT + t));
            double logG = A * lnRatio + Hypergeometric.log2F1(A, b + x + m, C, z);
            g = Math.exp(logG);
            oneMinusG = -Math.expm1(logG);
            // d/dw 2F1(A, B; C; w) = A B / C 2F1(A+1, B+1; C+1; w) = A B / C (1-w)^-(A+1) 2F1(A+1, b+x+m; C+1; z)
            dg = A * B / C * Math.exp((A + 1) * lnRatio + Hypergeometric.log2F1(A + 1, b + x + m, C + 1, z));
        }

        /** One Taylor step of the equation from {@code w0 = -(k-1) h} to {@code w0 - h}; false if it did not converge. */
        private boolean taylorStep() {
            double w0 = -(k - 1) * h;
            double s = -h;
            double p0 = w0 * (1 - w0);
            double p1 = 1 - 2 * w0;
            double q0 = C - (A + B + 1) * w0;
            double d0 = g;
            double d1 = dg * s;
            double sum = d0 + d1;
            double dsum = d1;
            for (int n = 0; n < MAX_TERMS; n++) {
                double d2 =
                        ((n + A) * (n + B) * d0 * s * s - (n + 1) * (p1 * n + q0) * d1 * s) / (p0 * (n + 1) * (n + 2));
                sum += d2;
                dsum += (n + 2) * d2;
                if (n > 2
                        && Math.abs(d1) + Math.abs(d2) <= 1e-17 * Math.abs(sum)
                        && (n + 2) * (Math.abs(d1) + Math.abs(d2)) <= 1e-17 * Math.abs(dsum)) {
                    g = sum;
                    dg = dsum / s;
                    return Double.isFinite(g) && Double.isFinite(dg);
                }
                d0 = d1;
                d1 = d2;
            }
            return false;
        }
    }

    public double expectedPurchasesOfNewCustomer(double t) {
        return expectedPurchases(t, 0, 0, 0);
    }

    public double probabilityOfPurchases(int n, double t, int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        double alive = probabilityAlive(x, recency, age);
        double future = probabilityOfPurchases(n, t, r + x, alpha + age, a, b + x + m, 0);
        return alive * future + (n == 0 ? 1 - alive : 0);
    }

    public double probabilityOfPurchases(int n, double t) {
        return probabilityOfPurchases(n, t, r, alpha, a, b, m);
    }

    /** P(X(t) = n) of a new customer at the given parameters, with dropout after the first purchase when m = 1. */
    private static double probabilityOfPurchases(int n, double t, double r, double alpha, double a, double b, int m) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        ModelSupport.checkTime(t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double q = t / (alpha + t);
        double logBeta = LogBeta.value(a, b);
        // Alive at t with n purchases: NBD(n; t) times P(no dropout after each of them).
        double logNbd = LogGamma.value(r + n)
                - LogGamma.value(r)
                - LogGamma.value(n + 1.0)
                + r * Math.log(alpha / (alpha + t))
                + (n == 0 ? 0 : n * Math.log(q));
        double p = Math.exp(LogBeta.value(a, b + n + m) - logBeta + logNbd);
        if (n + m > 0) {
            // Dropped out right after the n-th purchase (MBG/NBD: the first purchase counts as the 0th), which needs
            // at least n purchase opportunities before t: P(NBD >= n) is the regularized incomplete beta I_q(n, r).
            p += Math.exp(LogBeta.value(a + 1, b + n - 1 + m) - logBeta)
                    * (n == 0 ? 1 : RegularizedBeta.value(q, n, r));
        }
        return p;
    }

    /**
     * The shape of the purchase-rate gamma.
     *
     * @return {@code r}
     */
    public double r() {
        return r;
    }

    /**
     * The scale of the purchase-rate gamma, in the model's time unit.
     *
     * @return {@code alpha}
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The first shape of the dropout-probability beta.
     *
     * @return {@code a}
     */
    public double a() {
        return a;
    }

    /**
     * The second shape of the dropout-probability beta.
     *
     * @return {@code b}
     */
    public double b() {
        return b;
    }

    /** For example {@code BgNbdModel[r=0.242593, alpha=4.41359, a=0.792919, b=2.42589, WEEKS]}. */
    @Override
    public String toString() {
        return ModelSupport.describe(getClass().getSimpleName(), parameters(), timeUnit());
    }
}
