package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.loyaltykpi.internal.Hypergeometric;

/**
 * The BG/BB model of discrete-time non-contractual customers (Fader, Hardie and Shang 2010, "Customer-base analysis in
 * a discrete-time noncontractual setting", Marketing Science 29(6)): at each of {@code n} transaction opportunities
 * an alive customer transacts with probability {@code p ~ Beta(alpha, beta)}, and before each opportunity it may die
 * with probability {@code theta ~ Beta(gamma, delta)}. A customer is summarized by {@code x} (transactions in the
 * {@code n} opportunities after the first), {@code t_x} (the opportunity of the last one, 0 when {@code x = 0}) and
 * {@code n}.
 *
 * <p>With {@code B} the beta function and {@code B_ab = B(alpha, beta)}, {@code B_gd = B(gamma, delta)} (the paper's
 * equations 5, 7, 8, 11, 13 and 14):
 *
 * <pre>
 * L(x, t_x, n)    = B(alpha+x, beta+n-x)/B_ab B(gamma, delta+n)/B_gd
 *                   + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B_ab B(gamma+1, delta+t_x+i)/B_gd
 * P(alive at n+m) = B(alpha+x, beta+n-x)/B_ab B(gamma, delta+n+m)/B_gd / L          (m = 1: the paper's eq. 11)
 * E[X(n)]         = alpha/(alpha+beta) delta/(gamma-1) [1 - Gamma(gamma+delta) Gamma(1+delta+n)
 *                   / (Gamma(gamma+delta+n) Gamma(1+delta))]
 * E[X(n, n+n*)]   = B(alpha+x+1, beta+n-x)/B_ab delta/(gamma-1) Gamma(gamma+delta)/Gamma(1+delta)
 *                   [Gamma(1+delta+n)/Gamma(gamma+delta+n) - Gamma(1+delta+n+n*)/Gamma(gamma+delta+n+n*)] / L
 * P(X(n) = x)     = C(n, x) B(alpha+x, beta+n-x)/B_ab B(gamma, delta+n)/B_gd
 *                   + sum_{i=x}^{n-1} C(i, x) B(alpha+x, beta+i-x)/B_ab B(gamma+1, delta+i)/B_gd
 * DERT(d)         = B(alpha+x+1, beta+n-x)/B_ab B(gamma, delta+n+1)/(B_gd (1+d))
 *                   2F1(1, delta+n+1; gamma+delta+n+1; 1/(1+d)) / L
 * </pre>
 *
 * The expectations have a removable singularity at {@code gamma = 1}, taken as the mean of the two sides at {@code 1 +-
 * 1e-6}. Fitted by maximum likelihood on the log-parameters (numerical gradient: the data are a few dozen distinct
 * rows). On the paper's donations data (11,104 donors, six opportunities) this class gives {@code alpha = 1.204, beta
 * = 0.750, gamma = 0.657, delta = 2.783}, log-likelihood -33,225.6, and a donor with {@code x = t_x = n = 6} is alive
 * in the next year with probability {@code (delta+6)/(gamma+delta+6) = 0.93}.
 *
 * <pre>{@code
 * BgBbModel m = BgBbModel.fit(List.of(new BgBbModel.Row(6, 6, 6, 1203), new BgBbModel.Row(0, 0, 6, 3464)));
 * m.probabilityAlive(6, 6, 6);
 * m.expectedTransactions(5, 6, 6, 6);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbModel {
    /** The model name: {@code bg-bb}. */
    public static final String NAME = "bg-bb";

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final Optional<ModelFit> fit;

    /**
     * A customer pattern with its weight, as lifetimes' {@code frequency, recency, periods, weights} columns.
     *
     * @param frequency {@code x}, in {@code 0..periods}
     * @param recency {@code t_x}, in {@code x..periods}, 0 when {@code x = 0}
     * @param periods {@code n}, the transaction opportunities after the first transaction, positive
     * @param weight how many customers share the pattern, positive
     */
    public record Row(int frequency, int recency, int periods, double weight) {
        /** Validates. */
        public Row {
            if (periods < 1 || frequency < 0 || frequency > periods) {
                throw new IllegalArgumentException("need 0 <= frequency <= periods, periods >= 1: frequency="
                        + frequency + ", periods=" + periods);
            }
            if (frequency == 0 ? recency != 0 : recency < frequency || recency > periods) {
                throw new IllegalArgumentException("recency must be 0 when frequency is 0, else in frequency..periods:"
                        + " frequency=" + frequency + ", recency=" + recency + ", periods=" + periods);
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be positive and finite: " + weight);
            }
        }
    }

    private BgBbModel(double alpha, double beta, double gamma, double delta, Optional<ModelFit> fit) {
        this.alpha = ModelSupport.positive("alpha", alpha);
        this.beta = ModelSupport.positive("beta", beta);
        this.gamma = ModelSupport.positive("gamma", gamma);
        this.delta = ModelSupport.positive("delta", delta);
        this.fit = fit;
    }

    /**
     * A model with given parameters.
     *
     * @param alpha first shape of the transaction-probability beta
     * @param beta its second shape
     * @param gamma first shape of the dropout-probability beta
     * @param delta its second shape
     * @return the model
     */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
        return new BgBbModel(alpha, beta, gamma, delta, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the default options.
     *
     * @param rows the customer patterns
     * @return the fitted model
     * @throws ModelFitException if there are no rows or no finite estimate
     */
    public static BgBbModel fit(List<Row> rows) {
        return fit(rows, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param rows the customer patterns
     * @param options the options
     * @return the fitted model
     * @throws ModelFitException if there are no rows or no finite estimate
     */
    public static BgBbModel fit(List<Row> rows, FitOptions options) {
        if (rows.isEmpty()) {
            throw new ModelFitException(NAME + ": no customers to fit");
        }
        List<Row> data = List.copyOf(rows);
        double total = data.stream().mapToDouble(Row::weight).sum();
        double repeat = data.stream()
                .filter(r -> r.frequency() > 0)
                .mapToDouble(Row::weight)
                .sum();
        if (repeat == 0) {
            throw new ModelFitException(MaximumLikelihood.noRepeatPurchases(NAME));
        }
        List<String> warnings = new ArrayList<>();
        if (repeat < MaximumLikelihood.FEW_REPEAT_CUSTOMERS) {
            warnings.add("only " + (long) repeat + " customers transacted again (fewer than "
                    + MaximumLikelihood.FEW_REPEAT_CUSTOMERS + "): the estimates rest on very little data");
        }
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                NAME,
                Optional.empty(),
                Math.round(total),
                total,
                List.of(NAMES),
                (theta, gradient) -> {
                    double ll = 0;
                    for (Row r : data) {
                        ll += r.weight()
                                * logLikelihood(
                                        theta[0],
                                        theta[1],
                                        theta[2],
                                        theta[3],
                                        r.frequency(),
                                        r.recency(),
                                        r.periods());
                    }
                    return ll;
                },
                false);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(problem, new double[] {1, 1, 1, 1}, options, warnings);
        double[] t = e.theta();
        return new BgBbModel(t[0], t[1], t[2], t[3], Optional.of(e.fit()));
    }

    private static double logLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
        double lab = LogBeta.value(alpha, beta);
        double lgd = LogBeta.value(gamma, delta);
        double log = LogBeta.value(alpha + x, beta + n - x) - lab + LogBeta.value(gamma, delta + n) - lgd;
        for (int i = 0; i <= n - tx - 1; i++) {
            log = MaximumLikelihood.logAddExp(
                    log,
                    LogBeta.value(alpha + x, beta + tx - x + i) - lab + LogBeta.value(gamma + 1, delta + tx + i) - lgd);
        }
        return log;
    }

    private static void check(int x, int tx, int n) {
        new Row(x, tx, n, 1);
    }

    /**
     * The parameters in the paper's order, with standard errors when fitted.
     *
     * @return alpha, beta, gamma, delta
     */
    public List<Parameter> parameters() {
        return ModelSupport.parameters(fit, NAMES, new double[] {alpha, beta, gamma, delta});
    }

    /**
     * How the model was fitted.
     *
     * @return the fit report, or empty for a model given by its parameters
     */
    public Optional<ModelFit> fit() {
        return fit;
    }

    /**
     * The log-likelihood of one customer.
     *
     * @param x transactions
     * @param tx the opportunity of the last one (0 when none)
     * @param n opportunities
     * @return {@code ln L(x, t_x, n)}
     */
    public double logLikelihood(int x, int tx, int n) {
        check(x, tx, n);
        return logLikelihood(alpha, beta, gamma, delta, x, tx, n);
    }

    /**
     * The log-likelihood of weighted patterns.
     *
     * @param rows the patterns
     * @return {@code sum weight ln L}
     */
    public double logLikelihood(List<Row> rows) {
        double ll = 0;
        for (Row r : rows) {
            ll += r.weight() * logLikelihood(alpha, beta, gamma, delta, r.frequency(), r.recency(), r.periods());
        }
        return ll;
    }

    /**
     * The probability that the customer is alive at the next opportunity, {@code n + 1} (the paper's eq. 11).
     *
     * @param x transactions
     * @param tx the opportunity of the last one
     * @param n opportunities
     * @return a probability
     */
    public double probabilityAlive(int x, int tx, int n) {
        return probabilityAlive(1, x, tx, n);
    }

    /**
     * The probability that the customer is alive at opportunity {@code n + m}.
     *
     * @param m opportunities ahead, {@code >= 0}
     * @param x transactions
     * @param tx the opportunity of the last one
     * @param n opportunities
     * @return a probability
     */
    public double probabilityAlive(int m, int x, int tx, int n) {
        check(x, tx, n);
        if (m < 0) {
            throw new IllegalArgumentException("m must be >= 0: " + m);
        }
        return Math.exp(LogBeta.value(alpha + x, beta + n - x)
                - LogBeta.value(alpha, beta)
                + LogBeta.value(gamma, delta + n + m)
                - LogBeta.value(gamma, delta)
                - logLikelihood(x, tx, n));
    }

    /**
     * The expected transactions of a customer in the next {@code future} opportunities (the paper's eq. 13).
     *
     * @param future opportunities ahead, {@code >= 0}
     * @param x transactions
     * @param tx the opportunity of the last one
     * @param n opportunities
     * @return {@code E[X(n, n + future) | x, t_x, n]}
     */
    public double expectedTransactions(int future, int x, int tx, int n) {
        check(x, tx, n);
        if (future < 0) {
            throw new IllegalArgumentException("future opportunities must be >= 0: " + future);
        }
        double head = Math.exp(
                LogBeta.value(alpha + x + 1, beta + n - x) - LogBeta.value(alpha, beta) - logLikelihood(x, tx, n));
        return head * atGamma(g -> survivalTerm(g, n, future));
    }

    /** {@code delta/(g-1) Gamma(g+delta)/Gamma(1+delta) [Gamma(1+delta+n)/Gamma(g+delta+n) - (same at n+k)]}. */
    private double survivalTerm(double g, int n, int k) {
        double base = LogGamma.value(g + delta) - LogGamma.value(1 + delta);
        double first = Math.exp(base + LogGamma.value(1 + delta + n) - LogGamma.value(g + delta + n));
        double second = Math.exp(base + LogGamma.value(1 + delta + n + k) - LogGamma.value(g + delta + n + k));
        return delta / (g - 1) * (first - second);
    }

    /** A function of gamma with a removable singularity at 1: the mean of both sides there. */
    private double atGamma(java.util.function.DoubleUnaryOperator f) {
        if (Math.abs(gamma - 1) < 1e-6) {
            return (f.applyAsDouble(1 + 1e-6) + f.applyAsDouble(1 - 1e-6)) / 2;
        }
        return f.applyAsDouble(gamma);
    }

    /**
     * The expected transactions of a new customer in its first {@code n} opportunities (the paper's eq. 7).
     *
     * @param n opportunities, {@code >= 0}
     * @return {@code E[X(n)]}
     */
    public double expectedTransactionsOfNewCustomer(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        return alpha / (alpha + beta) * atGamma(g -> survivalTerm(g, 0, n));
    }

    /**
     * The probability that a new customer transacts exactly {@code x} times in {@code n} opportunities (eq. 8).
     *
     * @param x transactions, {@code 0..n}
     * @param n opportunities, {@code >= 1}
     * @return {@code P(X(n) = x)}
     */
    public double probabilityOfTransactions(int x, int n) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, n >= 1: x=" + x + ", n=" + n);
        }
        double lab = LogBeta.value(alpha, beta);
        double lgd = LogBeta.value(gamma, delta);
        double p = Math.exp(
                logChoose(n, x) + LogBeta.value(alpha + x, beta + n - x) - lab + LogBeta.value(gamma, delta + n) - lgd);
        for (int i = x; i < n; i++) {
            p += Math.exp(logChoose(i, x)
                    + LogBeta.value(alpha + x, beta + i - x)
                    - lab
                    + LogBeta.value(gamma + 1, delta + i)
                    - lgd);
        }
        return p;
    }

    private static double logChoose(int n, int k) {
        return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
    }

    /**
     * The discounted expected residual transactions of a customer (eq. 14): every future opportunity's expected
     * transaction discounted at {@code d} per opportunity, the first one by {@code 1 / (1 + d)}.
     *
     * @param d the discount rate per opportunity, positive
     * @param x transactions
     * @param tx the opportunity of the last one
     * @param n opportunities
     * @return {@code DERT(d | x, t_x, n)}
     */
    public double discountedResidualTransactions(double d, int x, int tx, int n) {
        check(x, tx, n);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("discount rate must be positive and finite: " + d);
        }
        return Math.exp(LogBeta.value(alpha + x + 1, beta + n - x)
                - LogBeta.value(alpha, beta)
                + LogBeta.value(gamma, delta + n + 1)
                - LogBeta.value(gamma, delta)
                - Math.log1p(d)
                + Hypergeometric.log2F1(1, delta + n + 1, gamma + delta + n + 1, 1 / (1 + d))
                - logLikelihood(x, tx, n));
    }

    /**
     * The predictions of every row of a summary: P(alive at the next opportunity), expected transactions in the next
     * {@code future} opportunities and, with a positive discount rate, the discounted expected residual transactions.
     * Each distinct {@code (x, t_x, n)} is evaluated once.
     *
     * @param summary the summary
     * @param future opportunities ahead, {@code >= 0}
     * @param discountRate the discount rate per opportunity, {@code >= 0}; 0 leaves DERT out (it diverges for
     *     {@code gamma <= 1})
     * @return one prediction per row, in summary order
     */
    public List<BgBbPrediction> predict(BgBbSummary summary, int future, double discountRate) {
        if (future < 0) {
            throw new IllegalArgumentException("future opportunities must be >= 0: " + future);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discount rate must be finite and >= 0: " + discountRate);
        }
        java.util.Map<List<Integer>, double[]> cache = new java.util.HashMap<>();
        List<BgBbPrediction> out = new ArrayList<>(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            int x = summary.frequency(i);
            int tx = summary.recency(i);
            int n = summary.periods(i);
            double[] v = cache.computeIfAbsent(List.of(x, tx, n), k -> new double[] {
                probabilityAlive(x, tx, n),
                expectedTransactions(future, x, tx, n),
                discountRate > 0 ? discountedResidualTransactions(discountRate, x, tx, n) : Double.NaN
            });
            out.add(new BgBbPrediction(
                    summary.customer(i),
                    x,
                    tx,
                    n,
                    summary.weight(i),
                    v[0],
                    v[1],
                    discountRate > 0 ? java.util.OptionalDouble.of(v[2]) : java.util.OptionalDouble.empty()));
        }
        return List.copyOf(out);
    }

    /** For example {@code BgBbModel[alpha=1.204, beta=0.750, gamma=0.657, delta=2.783]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BgBbModel[");
        List<Parameter> p = parameters();
        for (int i = 0; i < p.size(); i++) {
            s.append(i == 0 ? "" : ", ")
                    .append(p.get(i).name())
                    .append('=')
                    .append(String.format(
                            java.util.Locale.ROOT, "%.6g", p.get(i).value()));
        }
        return s.append(']').toString();
    }
}
