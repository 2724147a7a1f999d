package org.loyaltykpi.clv;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogGamma;
import org.loyaltykpi.internal.Hypergeometric;

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
 * for customers with hundreds of purchases. Gradients are central differences of this log-likelihood.
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

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final TimeUnit unit;
    private final Optional<ModelFit> fit;

    private ParetoNbdModel(double r, double alpha, double s, double beta, TimeUnit unit, Optional<ModelFit> fit) {
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
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, TimeUnit unit) {
        return new ParetoNbdModel(r, alpha, s, beta, unit, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the default options.
     *
     * @param summary the calibration summary
     * @return the fitted model
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static ParetoNbdModel fit(RfmSummary summary) {
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
    public static ParetoNbdModel fit(RfmSummary summary, FitOptions options) {
        if (summary.isEmpty()) {
            throw new ModelFitException(MaximumLikelihood.emptySummary(NAME));
        }
        if (summary.repeatCustomers() == 0) {
            throw new ModelFitException(MaximumLikelihood.noRepeatPurchases(NAME));
        }
        CollapsedRfm rows = summary.collapsed();
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                NAME,
                Optional.of(summary.timeUnit()),
                summary.size(),
                rows.totalWeight,
                List.of(NAMES),
                (theta, gradient) -> logLikelihood(theta, rows),
                false);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(problem, new double[] {1, 1, 1, 1}, options, List.of());
        double[] p = e.theta();
        return new ParetoNbdModel(p[0], p[1], p[2], p[3], summary.timeUnit(), Optional.of(e.fit()));
    }

    /** The log-likelihood of weighted rows at {@code theta = (r, alpha, s, beta)}. */
    static double logLikelihood(double[] theta, CollapsedRfm d) {
        double r = theta[0];
        double alpha = theta[1];
        double s = theta[2];
        double beta = theta[3];
        double[] lgR = new double[d.maxFrequency + 1];
        MaximumLikelihood.risingTables(r, d.maxFrequency, lgR, null);
        double head = r * Math.log(alpha) + s * Math.log(beta);
        double sum = 0;
        for (int i = 0; i < d.size; i++) {
            int x = d.x[i];
            sum += d.weight[i] * (lgR[x] + head + logBracket(r, alpha, s, beta, x, d.recency[i], d.age[i], false));
        }
        return sum;
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
        boolean alphaLarger = alpha >= beta;
        double top = alphaLarger ? alpha : beta;
        double diff = Math.abs(alpha - beta);
        double b2 = alphaLarger ? s + 1 : rx;
        double logF1 = Hypergeometric.log2F1(a1, b2, a1 + 1, diff / (top + tx)) - a1 * Math.log(top + tx);
        double logF2 = Hypergeometric.log2F1(a1, b2, a1 + 1, diff / (top + age)) - a1 * Math.log(top + age);
        double logA0 = logF2 < logF1 ? logF1 + Math.log1p(-Math.exp(logF2 - logF1)) : Double.NEGATIVE_INFINITY;
        double logDead = Math.log(s / a1) + logA0;
        return logitAlive ? logAlive - logDead : MaximumLikelihood.logAddExp(logAlive, logDead);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TimeUnit timeUnit() {
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
    public double logLikelihood(RfmSummary summary) {
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
        double pAlive = probabilityAlive(x, recency, age);
        return (r + x) * (beta + age) / (alpha + age) * lifetimeFactor(t / (beta + age)) * pAlive;
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
