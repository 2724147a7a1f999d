package org.loyaltykpi.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogGamma;
import org.loyaltykpi.internal.Hypergeometric;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, "Counting your customers: who are they and what will
 * they do next?", Management Science 33(1)): while alive, a customer buys at a Poisson rate {@code lambda ~ Gamma(r,
 * alpha)}; its lifetime is exponential with rate {@code mu ~ Gamma(s, beta)}, independent of {@code lambda}.
 *
 * <p>Likelihood of a customer with summary {@code (x, t_x, T)}, in the form of Fader, Hardie and Lee (2005, "A note on
 * deriving the Pareto/NBD model and related expressions", eqs. 22-23):
 *
 * <pre>
 * L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [ 1 / ((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0 ]
 * A0 = F(t_x) - F(T),  F(t) = 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t)) / (alpha+t)^(r+s+x)   if alpha >= beta
 *                      F(t) = 2F1(r+s+x, r+x; r+s+x+1; (beta-alpha)/(beta+t)) / (beta+t)^(r+s+x)     otherwise
 * </pre>
 *
 * <p>The choice by {@code alpha >= beta} keeps the argument in {@code [0, 1)}; the hypergeometric function is
 * evaluated in log space after Euler's transformation, where its series converges geometrically for any frequency
 * ({@link Hypergeometric}), and {@code A0} as {@code e^ln F(t_x) (1 - e^(ln F(T) - ln F(t_x)))}, so nothing overflows
 * for customers with hundreds of purchases. The gradient is analytic: the derivatives of the hypergeometric series are
 * summed beside it, once per distinct (x, t) pair of the summary.
 *
 * <p>Predictions: {@code P(alive) = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)}; {@code E[X(t)] = r beta /
 * (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]} ({@code r beta/alpha ln(1 + t/beta)} at {@code s = 1}); {@code E[Y(t) |
 * x, t_x, T] = (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive)}; {@code P(X(t) = n)} as
 * the expectation over the lifetime {@code tau} of the NBD probability of {@code n} purchases in {@code min(tau, t)},
 * integrated numerically.
 *
 * <p>Fader, Hardie and Lee (2005, "Counting your customers the easy way") report on the CDNOW sample in weeks {@code r
 * = 0.553, alpha = 10.578, s = 0.606, beta = 11.669}, log-likelihood -9595.0; this class reproduces them.
 *
 * <pre>{@code
 * ParetoNbdModel m = ParetoNbdModel.fit(summary);
 * m.probabilityAlive(2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdModel implements TransactionModel {
    /** The model name: {@code pareto-nbd}. */
    public static final String NAME = "pareto-nbd";

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    /** Distinct (x, t) pairs per parallel task of the hypergeometric evaluations. */
    private static final int PAIRS_PER_TASK = 1 << 10;

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final TimeScale unit;
    private final Optional<ModelFit> fit;

    private ParetoNbdModel(double r, double alpha, double s, double beta, TimeScale unit, Optional<ModelFit> fit) {
        this.r = ModelSupport.positive("r", r);
        this.alpha = ModelSupport.positive("alpha", alpha);
        this.s = ModelSupport.positive("s", s);
        this.beta = ModelSupport.positive("beta", beta);
        this.unit = unit;
        this.fit = fit;
    }

    /**
     * A model with given parameters.
     *
     * @param r shape of the purchase-rate gamma, positive
     * @param alpha its scale (in the time unit), positive
     * @param s shape of the dropout-rate gamma, positive
     * @param beta its scale, positive
     * @param unit the time unit
     * @return the model
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, TimeScale unit) {
        return new ParetoNbdModel(r, alpha, s, beta, unit, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the default options.
     *
     * @param summary the calibration summary
     * @return the fitted model
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static ParetoNbdModel fit(BtydSummary summary) {
        return fit(summary, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param summary the calibration summary
     * @param options the options
     * @return the fitted model
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static ParetoNbdModel fit(BtydSummary summary, FitOptions options) {
        if (summary.isEmpty()) {
            throw new ModelFitException(MaximumLikelihood.emptySummary(NAME));
        }
        if (summary.repeatCustomers() == 0) {
            throw new ModelFitException(MaximumLikelihood.noRepeatPurchases(NAME));
        }
        CollapsedSummary rows = summary.collapsed();
        Pairs pairs = Pairs.of(rows);
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                NAME,
                Optional.of(summary.timeUnit()),
                summary.size(),
                rows.totalWeight,
                List.of(NAMES),
                (theta, gradient) -> logLikelihood(theta, rows, pairs, gradient),
                true,
                List.of(1, 3),
                ModelSupport.maxAge(rows));
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(
                problem, new double[] {1, 1, 1, 1}, options, MaximumLikelihood.dataWarnings(summary));
        double[] p = e.theta();
        List<String> more = new java.util.ArrayList<>();
        MaximumLikelihood.calibrationWarning(p[0], p[1], ModelSupport.maxAge(rows), summary.timeUnit())
                .ifPresent(more::add);
        return new ParetoNbdModel(
                p[0], p[1], p[2], p[3], summary.timeUnit(), Optional.of(MaximumLikelihood.withWarnings(e.fit(), more)));
    }

    /** The log-likelihood of weighted rows at {@code theta = (r, alpha, s, beta)}. */
    static double logLikelihood(double[] theta, CollapsedSummary d) {
        return logLikelihood(theta, d, Pairs.of(d), null);
    }

    /**
     * The distinct (x, t) pairs of the rows' (x, t_x) and (x, T), on which {@code F(t)} depends: many rows share them,
     * so each hypergeometric function is evaluated once per pair.
     */
    record Pairs(int[] x, int[] time, int[] recencyPair, int[] agePair) {
        static Pairs of(CollapsedSummary d) {
            int n = d.size;
            long[] keys = new long[2 * n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) d.x[i] << 32) | d.recencyTime[i];
                keys[n + i] = ((long) d.x[i] << 32) | d.ageTime[i];
            }
            int[] index = new int[2 * n];
            long[] distinct = CollapsedSummary.distinct(keys, index);
            int[] x = new int[distinct.length];
            int[] time = new int[distinct.length];
            for (int p = 0; p < distinct.length; p++) {
                x[p] = (int) (distinct[p] >>> 32);
                time[p] = (int) distinct[p];
            }
            return new Pairs(x, time, Arrays.copyOfRange(index, 0, n), Arrays.copyOfRange(index, n, 2 * n));
        }
    }

    /**
     * The log-likelihood with its analytic gradient (when {@code gradient} is non-null): {@code ln F} and its gradient
     * per (x, t) pair from {@link Hypergeometric#log2F1(double, double, double, double, double[])}, then per row
     * {@code d ln L = p_alive d(A) + p_dead d(ln s/(r+s+x) + ln A0)} with {@code d ln A0 = (d ln F(t_x) - q d ln F(T))
     * / (1 - q)}, {@code q = F(T)/F(t_x)}.
     */
    static double logLikelihood(double[] theta, CollapsedSummary d, Pairs pairs, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double s = theta[2];
        double beta = theta[3];
        boolean withGradient = gradient != null;
        double[] lgR = new double[d.maxFrequency + 1];
        double[] psR = withGradient ? new double[d.maxFrequency + 1] : null;
        MaximumLikelihood.risingTables(r, d.maxFrequency, lgR, psR);
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        double head = r * lnAlpha + s * lnBeta;
        double[] times = d.times;
        double[] lnAT = new double[times.length];
        double[] lnBT = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            lnAT[k] = Math.log(alpha + times[k]);
            lnBT[k] = Math.log(beta + times[k]);
        }
        int pairCount = pairs.x().length;
        double[] logF = new double[pairCount];
        double[] gradF = withGradient ? new double[4 * pairCount] : null;
        ParallelScans.scan(
                pairCount,
                PAIRS_PER_TASK,
                (from, to) -> {
                    double[] g = withGradient ? new double[4] : null;
                    for (int p = from; p < to; p++) {
                        logF[p] = logF(r, alpha, s, beta, pairs.x()[p], times[pairs.time()[p]], g);
                        if (withGradient) {
                            System.arraycopy(g, 0, gradF, 4 * p, 4);
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        int[] xs = d.x;
        int[] ageTime = d.ageTime;
        int[] recencyPair = pairs.recencyPair();
        int[] agePair = pairs.agePair();
        double[] weight = d.weight;
        double[] sums = d.sum(withGradient ? 5 : 1, (from, to, out) -> {
            double[] g = new double[4];
            for (int i = from; i < to; i++) {
                int x = xs[i];
                double w = weight[i];
                int age = ageTime[i];
                double rx = r + x;
                double a1 = rx + s;
                double logAlive = -rx * lnAT[age] - s * lnBT[age];
                double logF1 = logF[recencyPair[i]];
                double logF2 = logF[agePair[i]];
                double q = logF2 < logF1 ? Math.exp(logF2 - logF1) : 1;
                double logDead = q < 1 ? Math.log(s / a1) + logF1 + Math.log1p(-q) : Double.NEGATIVE_INFINITY;
                double bracket = MaximumLikelihood.logAddExp(logAlive, logDead);
                out[0] += w * (lgR[x] + head + bracket);
                if (withGradient) {
                    double pAlive = Math.exp(logAlive - bracket);
                    g[0] = psR[x] + lnAlpha - pAlive * lnAT[age];
                    g[1] = r / alpha - pAlive * rx / (alpha + times[age]);
                    g[2] = lnBeta - pAlive * lnBT[age];
                    g[3] = s / beta - pAlive * s / (beta + times[age]);
                    if (logDead > Double.NEGATIVE_INFINITY) {
                        double pDead = Math.exp(logDead - bracket);
                        int f1 = 4 * recencyPair[i];
                        int f2 = 4 * agePair[i];
                        double scale = pDead / (1 - q);
                        for (int k = 0; k < 4; k++) {
                            g[k] += scale * (gradF[f1 + k] - q * gradF[f2 + k]);
                        }
                        g[0] -= pDead / a1;
                        g[2] += pDead * (1 / s - 1 / a1);
                    }
                    for (int k = 0; k < 4; k++) {
                        out[k + 1] += w * g[k];
                    }
                }
            }
        });
        if (withGradient) {
            System.arraycopy(sums, 1, gradient, 0, 4);
        }
        return sums[0];
    }

    /**
     * {@code ln F(t)} of the likelihood for a frequency {@code x}, and, when {@code gradient} is non-null, its
     * gradient in {@code (r, alpha, s, beta)}.
     */
    private static double logF(double r, double alpha, double s, double beta, int x, double t, double[] gradient) {
        double a1 = r + s + x;
        boolean alphaLarger = alpha >= beta;
        double top = alphaLarger ? alpha : beta;
        double other = alphaLarger ? beta : alpha;
        double b2 = alphaLarger ? s + 1 : r + x;
        double topT = top + t;
        double lnTopT = Math.log(topT);
        double[] h = gradient == null ? null : new double[4];
        double value = Hypergeometric.log2F1(a1, b2, a1 + 1, (top - other) / topT, h) - a1 * lnTopT;
        if (gradient != null) {
            // c = a1 + 1 moves with a1; z = (top - other) / (top + t).
            double dA1 = h[0] + h[2] - lnTopT;
            double dTop = h[3] * (other + t) / (topT * topT) - a1 / topT;
            double dOther = -h[3] / topT;
            gradient[0] = dA1 + (alphaLarger ? 0 : h[1]);
            gradient[2] = dA1 + (alphaLarger ? h[1] : 0);
            gradient[1] = alphaLarger ? dTop : dOther;
            gradient[3] = alphaLarger ? dOther : dTop;
        }
        return value;
    }

    /**
     * The log of the bracket of the likelihood, {@code ln(e^A + s/(r+s+x) A0)}; or, with {@code logitAlive}, the
     * log-odds of being alive, {@code A - ln(s/(r+s+x) A0)}.
     */
    private static double logBracket(
            double r, double alpha, double s, double beta, int x, double tx, double age, boolean logitAlive) {
        double rx = r + x;
        double a1 = rx + s;
        double logAlive = -rx * Math.log(alpha + age) - s * Math.log(beta + age);
        double logF1 = logF(r, alpha, s, beta, x, tx, null);
        double logF2 = logF(r, alpha, s, beta, x, age, null);
        double logA0 = logF2 < logF1 ? logF1 + Math.log1p(-Math.exp(logF2 - logF1)) : Double.NEGATIVE_INFINITY;
        double logDead = Math.log(s / a1) + logA0;
        return logitAlive ? logAlive - logDead : MaximumLikelihood.logAddExp(logAlive, logDead);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TimeScale timeUnit() {
        return unit;
    }

    @Override
    public List<Parameter> parameters() {
        return ModelSupport.parameters(fit, NAMES, new double[] {r, alpha, s, beta});
    }

    @Override
    public Optional<ModelFit> fit() {
        return fit;
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
     * The scale of the purchase-rate gamma.
     *
     * @return {@code alpha}
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The shape of the dropout-rate gamma.
     *
     * @return {@code s}
     */
    public double s() {
        return s;
    }

    /**
     * The scale of the dropout-rate gamma.
     *
     * @return {@code beta}
     */
    public double beta() {
        return beta;
    }

    @Override
    public double logLikelihood(int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        return LogGamma.value(r + x)
                - LogGamma.value(r)
                + r * Math.log(alpha)
                + s * Math.log(beta)
                + logBracket(r, alpha, s, beta, x, recency, age, false);
    }

    @Override
    public double logLikelihood(BtydSummary summary) {
        ModelSupport.checkUnit(NAME, unit, summary);
        return logLikelihood(new double[] {r, alpha, s, beta}, summary.collapsed());
    }

    @Override
    public double probabilityAlive(int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        return MaximumLikelihood.sigmoid(logBracket(r, alpha, s, beta, x, recency, age, true));
    }

    @Override
    public double expectedPurchases(double t, int x, double recency, double age) {
        ModelSupport.checkTime(t);
        return expectedPurchasesGivenAlive(t, x, age, probabilityAlive(x, recency, age));
    }

    /** {@code E[Y(t)]} given the customer's P(alive), computed once for many horizons: no special function. */
    double expectedPurchasesGivenAlive(double t, int x, double age, double pAlive) {
        return (r + x) * (beta + age) / (alpha + age) * lifetimeFactor(t / (beta + age)) * pAlive;
    }

    /** Entries per parallel task of the whole-summary kernels. */
    private static final int ENTRIES_PER_TASK = 1 << 15;

    /**
     * P(alive) of every entry of dense columns, on every core. {@code ln F(t)} of {@link #probabilityAlive(int, double,
     * double)} is evaluated once per distinct (x, t) pair that occurs, and per (x, T) pair {@code V = s/(r+s+x) e^(ln
     * F(T) + (r+x) ln(alpha+T) + s ln(beta+T))}; per entry then {@code P(alive) = 1 / (1 + V expm1(ln F(t_x) - ln
     * F(T)))}: the same odds as the per-customer formula ({@code s/(r+s+x) A0 / e^A}, with {@code A0 = F(T) (F(t_x) /
     * F(T) - 1)}), with one special function per entry instead of two hypergeometric functions.
     */
    double[] probabilityAlive(TimeColumns c) {
        int nt = c.times.length;
        double[] times = c.times;
        double[] logF = new double[(c.maxFrequency + 1) * nt];
        int[] pairs = c.pairs;
        ParallelScans.scan(
                pairs.length,
                PAIRS_PER_TASK / 4,
                (from, to) -> {
                    for (int p = from; p < to; p++) {
                        int key = pairs[p];
                        logF[key] = logF(r, alpha, s, beta, key / nt, times[key % nt], null);
                    }
                    return to - from;
                },
                Integer::sum);
        double[] lnAT = new double[nt];
        double[] sLnBT = new double[nt];
        for (int k = 0; k < nt; k++) {
            lnAT[k] = Math.log(alpha + times[k]);
            sLnBT[k] = s * Math.log(beta + times[k]);
        }
        double[] odds = new double[logF.length];
        for (int key : c.agePairs) {
            int x = key / nt;
            int k = key % nt;
            odds[key] = s / (r + s + x) * Math.exp(logF[key] + (r + x) * lnAT[k] + sLnBT[k]);
        }
        int[] xs = c.x;
        int[] recencyTime = c.recencyTime;
        int[] ageTime = c.ageTime;
        double[] out = new double[c.size()];
        ParallelScans.scan(
                out.length,
                ENTRIES_PER_TASK,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int base = xs[i] * nt;
                        int ageKey = base + ageTime[i];
                        double d = logF[base + recencyTime[i]] - logF[ageKey];
                        out[i] = d > 0 ? 1 / (1 + odds[ageKey] * Math.expm1(d)) : 1;
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }

    /**
     * {@code E[Y(t) | x, t_x, T]} of every entry of dense columns, on every core: P(alive) as {@link
     * #probabilityAlive(TimeColumns)} times {@code (r+x)} times {@code (beta+T)/(alpha+T) [1 - ((beta+T)/(beta+T+t))^(s-1)]
     * / (s-1)}, the latter once per distinct T.
     */
    double[] expectedPurchases(double t, TimeColumns c) {
        double[] out = probabilityAlive(c);
        double[] times = c.times;
        double[] perTime = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            double age = times[k];
            perTime[k] = (beta + age) / (alpha + age) * lifetimeFactor(t / (beta + age));
        }
        int[] xs = c.x;
        int[] ageTime = c.ageTime;
        double rr = r;
        ParallelScans.scan(
                out.length,
                ENTRIES_PER_TASK,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] *= (rr + xs[i]) * perTime[ageTime[i]];
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }

    @Override
    public double expectedPurchasesOfNewCustomer(double t) {
        ModelSupport.checkTime(t);
        return r * beta / alpha * lifetimeFactor(t / beta);
    }

    /** {@code [1 - (1+u)^-(s-1)] / (s-1)}, which is {@code ln(1+u)} at {@code s = 1}. */
    private double lifetimeFactor(double u) {
        double log = Math.log1p(u);
        double k = s - 1;
        return Math.abs(k * log) < 1e-12 ? log : -Math.expm1(-k * log) / k;
    }

    @Override
    public double probabilityOfPurchases(int n, double t, int x, double recency, double age) {
        ModelSupport.checkCustomer(x, recency, age);
        double alive = probabilityAlive(x, recency, age);
        double future = new ParetoNbdModel(r + x, alpha + age, s, beta + age, unit, Optional.empty())
                .probabilityOfPurchases(n, t);
        return alive * future + (n == 0 ? 1 - alive : 0);
    }

    @Override
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        ModelSupport.checkTime(t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logCoefficient = LogGamma.value(r + n) - LogGamma.value(r) - LogGamma.value(n + 1.0);
        // Alive at t: survival S(t) = (beta/(beta+t))^s times NBD(n; t).
        double survival = Math.pow(beta / (beta + t), s);
        double alive = survival * nbd(n, t, logCoefficient);
        // Dropped out at tau < t: integrate NBD(n; tau) over the lifetime distribution, in the variable u = S(tau),
        // which is uniform on (S(t), 1], so tau(u) = beta (u^(-1/s) - 1).
        double dead = Quadrature.integrate(u -> nbd(n, beta * (Math.pow(u, -1 / s) - 1), logCoefficient), survival, 1);
        return alive + dead;
    }

    private double nbd(int n, double tau, double logCoefficient) {
        if (tau <= 0) {
            return n == 0 ? 1 : 0;
        }
        return Math.exp(logCoefficient
                + r * Math.log(alpha / (alpha + tau))
                + (n == 0 ? 0 : n * Math.log(tau / (alpha + tau))));
    }

    /** For example {@code ParetoNbdModel[r=0.553, alpha=10.58, s=0.606, beta=11.67, WEEKS]}. */
    @Override
    public String toString() {
        return ModelSupport.describe("ParetoNbdModel", parameters(), unit);
    }
}
