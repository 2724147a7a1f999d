package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves
 * for customer base analysis", Journal of Marketing Research 42(4); Fader and Hardie 2013, "The Gamma-Gamma model of
 * monetary value"): a customer's transaction values are {@code Gamma(p, nu)} around its mean {@code p / nu}, and
 * {@code nu ~ Gamma(q, gamma)} across customers.
 *
 * <p>Fitted to the customers with repeat purchases ({@code x > 0}), on their mean repeat-purchase value {@code zbar}:
 * the density of {@code zbar} given {@code x} is
 *
 * <pre>
 * f(zbar | x) = Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q)
 * </pre>
 *
 * maximized over the log-parameters with analytic gradients. Customers without repeat purchase are outside the
 * model's definition and are left out (not counted as excluded). A non-positive {@code zbar} is outside it too: the fit
 * fails naming those customers unless they are excluded explicitly ({@link NonPositiveSpend#EXCLUDE}), and then
 * {@link #excludedCustomers()} says how many were. The model assumes spend independent of frequency: the fit warns
 * when their Pearson correlation among the fitted customers is 0.3 or more in absolute value.
 *
 * <p>Prediction: {@code E[Z | x, zbar] = p (gamma + x zbar) / (px + q - 1)}, a weighted mean of the population mean
 * {@code p gamma / (q - 1)} and the customer's {@code zbar}.
 *
 * <p>On the 946 CDNOW sample customers with repeat purchases, Fader, Hardie and Lee report {@code p = 6.25, q = 3.74,
 * gamma = 15.44}; this class reproduces them.
 *
 * <pre>{@code
 * GammaGammaModel gg = GammaGammaModel.fit(summary);
 * gg.expectedAverageSpend(2, 22.35);     // the customer's expected spend per transaction
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {
    /** The model name: {@code gamma-gamma}. */
    public static final String NAME = "gamma-gamma";

    /** The absolute Pearson correlation of frequency and spend from which the fit warns. */
    public static final double CORRELATION_WARNING = 0.3;

    private static final String[] NAMES = {"p", "q", "gamma"};
    private static final int NAMED_CUSTOMERS = 10;

    private final double p;
    private final double q;
    private final double gamma;
    private final Optional<ModelFit> fit;
    private final int excluded;
    private final OptionalDouble correlation;

    /** What a fit does with customers whose mean repeat-purchase value is zero or negative. */
    public enum NonPositiveSpend {
        /** Fail, naming them (the default). */
        REJECT,
        /** Leave them out and report how many. */
        EXCLUDE
    }

    private GammaGammaModel(
            double p, double q, double gamma, Optional<ModelFit> fit, int excluded, OptionalDouble correlation) {
        this.p = ModelSupport.positive("p", p);
        this.q = ModelSupport.positive("q", q);
        this.gamma = ModelSupport.positive("gamma", gamma);
        this.fit = fit;
        this.excluded = excluded;
        this.correlation = correlation;
    }

    /**
     * A model with given parameters.
     *
     * @param p shape of the transaction values, positive
     * @param q shape of the gamma over customers, positive
     * @param gamma its scale, positive
     * @return the model
     */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, Optional.empty(), 0, OptionalDouble.empty());
    }

    /**
     * Fits the model with the default options, rejecting non-positive spend.
     *
     * @param summary the calibration summary (its monetary values)
     * @return the fitted model
     * @throws ModelFitException if no customer has a repeat purchase, or some have a non-positive mean spend
     */
    public static GammaGammaModel fit(BtydSummary summary) {
        return fit(summary, FitOptions.defaults(), NonPositiveSpend.REJECT);
    }

    /**
     * Fits the model.
     *
     * @param summary the calibration summary
     * @param options the options
     * @param nonPositive what to do with customers whose mean repeat-purchase value is not positive
     * @return the fitted model
     * @throws ModelFitException if no customer is left to fit, or (with {@code REJECT}) some have a non-positive mean
     *     spend: the message names them
     */
    public static GammaGammaModel fit(BtydSummary summary, FitOptions options, NonPositiveSpend nonPositive) {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < summary.size(); i++) {
            if (summary.frequency(i) > 0) {
                if (summary.monetaryValue(i) > 0) {
                    n++;
                } else {
                    bad.add(summary.customer(i).value());
                }
            }
        }
        if (!bad.isEmpty() && nonPositive == NonPositiveSpend.REJECT) {
            throw new ModelFitException(NAME + ": " + bad.size() + " customer(s) with repeat purchases have a mean"
                    + " repeat-purchase value <= 0, outside the model's definition: "
                    + String.join(", ", bad.subList(0, Math.min(NAMED_CUSTOMERS, bad.size())))
                    + (bad.size() > NAMED_CUSTOMERS ? " and " + (bad.size() - NAMED_CUSTOMERS) + " more" : "")
                    + "; exclude them explicitly (--exclude-nonpositive, NonPositiveSpend.EXCLUDE) or fix the data");
        }
        if (n == 0) {
            throw new ModelFitException(NAME + ": no customer has a repeat purchase with a positive mean value;"
                    + " the model is fitted to repeat purchases, so use a longer calibration period");
        }
        int[] x = new int[n];
        double[] z = new double[n];
        int k = 0;
        for (int i = 0; i < summary.size(); i++) {
            if (summary.frequency(i) > 0 && summary.monetaryValue(i) > 0) {
                x[k] = summary.frequency(i);
                z[k] = summary.monetaryValue(i);
                k++;
            }
        }
        List<String> warnings = new ArrayList<>();
        OptionalDouble rho = pearson(x, z);
        if (rho.isPresent() && Math.abs(rho.getAsDouble()) >= CORRELATION_WARNING) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "frequency and mean spend are correlated (Pearson %.3f): the model assumes they are"
                            + " independent, so its spend predictions are biased for frequent buyers",
                    rho.getAsDouble()));
        }
        if (!bad.isEmpty()) {
            warnings.add(bad.size() + " customer(s) with a non-positive mean spend were excluded");
        }
        // Customers with equal (x, zbar) have equal terms: one weighted row each (CDNOW's repeat buyers often share a
        // single repeat purchase of the same price). Constant over the fit: the logs of the data and x zbar; the
        // special functions depend on the parameters and the frequency only, so each iteration evaluates them once
        // per frequency.
        Rows rows = Rows.of(x, z);
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                NAME,
                Optional.of(summary.timeUnit()),
                n,
                n,
                List.of(NAMES),
                (theta, gradient) -> rows.logLikelihood(theta, gradient),
                true);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(problem, new double[] {1, 1, 1}, options, warnings);
        double[] t = e.theta();
        return new GammaGammaModel(t[0], t[1], t[2], Optional.of(e.fit()), bad.size(), rho);
    }

    static double logLikelihood(double[] theta, int[] x, double[] z, double[] gradient) {
        double[] lnZ = new double[x.length];
        double[] lnX = new double[x.length];
        int maxX = 0;
        for (int i = 0; i < x.length; i++) {
            lnZ[i] = Math.log(z[i]);
            lnX[i] = Math.log(x[i]);
            maxX = Math.max(maxX, x[i]);
        }
        return logLikelihood(theta, x, z, lnZ, lnX, maxX, gradient);
    }

    /**
     * The log-likelihood and its gradient with the data's logs given; log-gamma and digamma of {@code p x + q} and
     * {@code p x} are evaluated once per frequency {@code x} that occurs (at most {@code maxX}), not once per customer.
     * The terms and their order of summation are those of the per-customer formula, so the value is the same.
     */
    static double logLikelihood(
            double[] theta, int[] x, double[] z, double[] lnZ, double[] lnX, int maxX, double[] gradient) {
        double p = theta[0];
        double q = theta[1];
        double gamma = theta[2];
        double lnGamma = Math.log(gamma);
        double head = q * lnGamma - LogGamma.value(q);
        double digammaQ = gradient == null ? 0 : Digamma.value(q);
        boolean cached = maxX <= 2 * x.length + 16;
        double[] lgSum = cached ? new double[maxX + 1] : null;
        double[] lgPx = cached ? new double[maxX + 1] : null;
        double[] dgSum = cached && gradient != null ? new double[maxX + 1] : null;
        double[] dgPx = cached && gradient != null ? new double[maxX + 1] : null;
        boolean[] known = cached ? new boolean[maxX + 1] : null;
        double sum = 0;
        double gp = 0;
        double gq = 0;
        double gg = 0;
        for (int i = 0; i < x.length; i++) {
            int xi = x[i];
            double px = p * xi;
            double lgA;
            double lgB;
            double dgA = 0;
            double dgB = 0;
            if (cached) {
                if (!known[xi]) {
                    lgSum[xi] = LogGamma.value(px + q);
                    lgPx[xi] = LogGamma.value(px);
                    if (gradient != null) {
                        dgSum[xi] = Digamma.value(px + q);
                        dgPx[xi] = Digamma.value(px);
                    }
                    known[xi] = true;
                }
                lgA = lgSum[xi];
                lgB = lgPx[xi];
                if (gradient != null) {
                    dgA = dgSum[xi];
                    dgB = dgPx[xi];
                }
            } else {
                lgA = LogGamma.value(px + q);
                lgB = LogGamma.value(px);
                if (gradient != null) {
                    dgA = Digamma.value(px + q);
                    dgB = Digamma.value(px);
                }
            }
            double lnDen = Math.log(gamma + xi * z[i]);
            sum += lgA - lgB + head + (px - 1) * lnZ[i] + px * lnX[i] - (px + q) * lnDen;
            if (gradient != null) {
                gp += xi * (dgA - dgB + lnZ[i] + lnX[i] - lnDen);
                gq += dgA - digammaQ + lnGamma - lnDen;
                gg += q / gamma - (px + q) / (gamma + xi * z[i]);
            }
        }
        if (gradient != null) {
            gradient[0] = gp;
            gradient[1] = gq;
            gradient[2] = gg;
        }
        return sum;
    }

    /**
     * The distinct (x, zbar) pairs of the fitted customers with their counts, and per pair the constants of its
     * log-likelihood term: {@code (p x - 1) ln zbar + p x ln x = p x (ln zbar + ln x) - ln zbar} and {@code x zbar}.
     *
     * <p>The log-likelihood is regrouped so that a pair costs one logarithm and one division per evaluation: with
     * {@code D = ln(gamma + x zbar)}, the sum of the pairs' terms is {@code sum_x [W_x (ln Gamma(px+q) - ln Gamma(px))
     * + p x S_x] - sum w ln zbar - p sum w x D - q sum w D}, where {@code W_x} (customers with frequency x) and {@code
     * S_x} (their sum of {@code ln(x zbar)}) do not depend on the parameters and are summed once; the gradient likewise.
     * The sums over pairs run on every core in fixed ranges added in order, so a fit gives the same estimates on every
     * machine.
     */
    record Rows(
            int[] x,
            double[] xz,
            double[] lnZ,
            double[] lnXz,
            double[] weight,
            int maxX,
            double[] weightX,
            int[] frequencies,
            double[] customersOf,
            double[] lnXzOf,
            double lnZTotal,
            double totalWeight) {
        /** Pairs per parallel task of the log-likelihood. */
        private static final int ROWS_PER_TASK = 2048;

        static Rows of(int[] x, double[] z) {
            int n = x.length;
            long[] keys = new long[n];
            int[] index = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Double.doubleToLongBits(z[i]);
            }
            CollapsedSummary.distinct(keys, index);
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) x[i] << 32) | index[i];
            }
            int size = CollapsedSummary.distinct(keys, index).length;
            int[] rx = new int[size];
            double[] xz = new double[size];
            double[] lnZ = new double[size];
            double[] lnXz = new double[size];
            double[] weight = new double[size];
            int maxX = 0;
            for (int i = 0; i < n; i++) {
                int row = index[i];
                if (weight[row] == 0) {
                    rx[row] = x[i];
                    xz[row] = x[i] * z[i];
                    lnZ[row] = Math.log(z[i]);
                    lnXz[row] = lnZ[row] + Math.log(x[i]);
                    maxX = Math.max(maxX, x[i]);
                }
                weight[row]++;
            }
            double[] weightX = new double[size];
            double[] customersOf = new double[maxX + 1];
            double[] lnXzOf = new double[maxX + 1];
            double lnZTotal = 0;
            double totalWeight = 0;
            for (int row = 0; row < size; row++) {
                weightX[row] = weight[row] * rx[row];
                customersOf[rx[row]] += weight[row];
                lnXzOf[rx[row]] += weight[row] * lnXz[row];
                lnZTotal += weight[row] * lnZ[row];
                totalWeight += weight[row];
            }
            int present = 0;
            for (double c : customersOf) {
                present += c > 0 ? 1 : 0;
            }
            int[] frequencies = new int[present];
            present = 0;
            for (int k = 0; k <= maxX; k++) {
                if (customersOf[k] > 0) {
                    frequencies[present++] = k;
                }
            }
            return new Rows(
                    rx, xz, lnZ, lnXz, weight, maxX, weightX, frequencies, customersOf, lnXzOf, lnZTotal, totalWeight);
        }

        /** The log-likelihood at {@code theta = (p, q, gamma)}, with its analytic gradient when non-null. */
        double logLikelihood(double[] theta, double[] gradient) {
            double p = theta[0];
            double q = theta[1];
            double gamma = theta[2];
            double lnGamma = Math.log(gamma);
            double head = q * lnGamma - LogGamma.value(q);
            boolean withGradient = gradient != null;
            // per pair: sum w ln(gamma + x zbar), sum w x ln(gamma + x zbar), sum w (px + q) / (gamma + x zbar)
            double[] xz = this.xz;
            double[] weight = this.weight;
            double[] weightX = this.weightX;
            List<double[]> parts = ParallelScans.scanInOrder(x.length, ROWS_PER_TASK, (from, to) -> {
                double sumD = 0;
                double sumXD = 0;
                double sumRatio = 0;
                for (int i = from; i < to; i++) {
                    double den = gamma + xz[i];
                    double d = Math.log(den);
                    sumD += weight[i] * d;
                    sumXD += weightX[i] * d;
                    sumRatio += (p * weightX[i] + q * weight[i]) / den;
                }
                return new double[] {sumD, sumXD, sumRatio};
            });
            double sumD = 0;
            double sumXD = 0;
            double sumRatio = 0;
            for (double[] part : parts) {
                sumD += part[0];
                sumXD += part[1];
                sumRatio += part[2];
            }
            // per frequency: ln Gamma(px+q) - ln Gamma(px), and its derivatives in p and q
            double sum = 0;
            double gp = 0;
            double gq = 0;
            for (int xi : frequencies) {
                double px = p * xi;
                double w = customersOf[xi];
                sum += w * (LogGamma.value(px + q) - LogGamma.value(px)) + px * lnXzOf[xi];
                if (withGradient) {
                    double dgA = Digamma.value(px + q);
                    gp += xi * (w * (dgA - Digamma.value(px)) + lnXzOf[xi]);
                    gq += w * dgA;
                }
            }
            if (withGradient) {
                gradient[0] = gp - sumXD;
                gradient[1] = gq - sumD + totalWeight * (lnGamma - Digamma.value(q));
                gradient[2] = totalWeight * q / gamma - sumRatio;
            }
            return sum - lnZTotal - p * sumXD - q * sumD + totalWeight * head;
        }
    }

    private static OptionalDouble pearson(int[] x, double[] z) {
        int n = x.length;
        if (n < 3) {
            return OptionalDouble.empty();
        }
        double mx = 0;
        double mz = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            mz += z[i];
        }
        mx /= n;
        mz /= n;
        double sxz = 0;
        double sxx = 0;
        double szz = 0;
        for (int i = 0; i < n; i++) {
            sxz += (x[i] - mx) * (z[i] - mz);
            sxx += (x[i] - mx) * (x[i] - mx);
            szz += (z[i] - mz) * (z[i] - mz);
        }
        return sxx > 0 && szz > 0 ? OptionalDouble.of(sxz / Math.sqrt(sxx * szz)) : OptionalDouble.empty();
    }

    /**
     * The shape of a customer's transaction values.
     *
     * @return {@code p}
     */
    public double p() {
        return p;
    }

    /**
     * The shape of the gamma over customers.
     *
     * @return {@code q}
     */
    public double q() {
        return q;
    }

    /**
     * The scale of the gamma over customers.
     *
     * @return {@code gamma}
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The parameters in the papers' order, with standard errors when fitted.
     *
     * @return {@code p, q, gamma}
     */
    public List<Parameter> parameters() {
        return ModelSupport.parameters(fit, NAMES, new double[] {p, q, gamma});
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
     * The number of customers the fit left out because their mean repeat-purchase value was not positive.
     *
     * @return 0 unless fitted with {@link NonPositiveSpend#EXCLUDE}
     */
    public int excludedCustomers() {
        return excluded;
    }

    /**
     * The Pearson correlation of frequency and mean spend among the fitted customers.
     *
     * @return the correlation, or empty for a model not fitted (or fewer than 3 customers, or no variation)
     */
    public OptionalDouble frequencySpendCorrelation() {
        return correlation;
    }

    /**
     * The log-likelihood of one customer's mean spend.
     *
     * @param x repeat purchases, positive
     * @param zbar the mean repeat-purchase value, positive
     * @return {@code ln f(zbar | x)}
     */
    public double logLikelihood(int x, double zbar) {
        checkSpend(x, zbar);
        return logLikelihood(new double[] {p, q, gamma}, new int[] {x}, new double[] {zbar}, null);
    }

    /**
     * Whether a customer with {@code x} repeat purchases has an expected spend per transaction: {@code p x + q > 1}.
     * A fit with {@code q <= 1} (spend so heavy-tailed that the population mean does not exist) has none for customers
     * without repeat purchases ({@code x = 0}); predictions then leave their spend and CLV empty rather than fail.
     *
     * <pre>{@code
     * GammaGammaModel.of(6.25, 0.8, 15.4).hasExpectedSpend(0);   // false: q = 0.8 <= 1
     * GammaGammaModel.of(6.25, 0.8, 15.4).hasExpectedSpend(1);   // true: 6.25 + 0.8 > 1
     * }</pre>
     *
     * @param x repeat purchases, {@code >= 0}
     * @return whether {@link #expectedAverageSpend(int, double)} exists for {@code x}
     */
    public boolean hasExpectedSpend(int x) {
        return p * x + q - 1 > 0;
    }

    /**
     * The expected spend per transaction of a customer: {@code p (gamma + x zbar) / (px + q - 1)}.
     *
     * @param x repeat purchases, {@code >= 0} ({@code zbar} is ignored at 0)
     * @param zbar the mean repeat-purchase value
     * @return the expected average spend; for {@code x = 0}, the population mean {@code p gamma / (q - 1)}
     * @throws ArithmeticException if {@code px + q <= 1}: the expectation does not exist
     */
    public double expectedAverageSpend(int x, double zbar) {
        if (x < 0 || !Double.isFinite(zbar)) {
            throw new IllegalArgumentException("need x >= 0 and a finite zbar: x=" + x + ", zbar=" + zbar);
        }
        double denominator = p * x + q - 1;
        if (!(denominator > 0)) {
            throw new ArithmeticException("the expected spend does not exist for p x + q <= 1 (p=" + p + ", q=" + q
                    + ", x=" + x + "): the mixing distribution has no mean");
        }
        return p * (gamma + (x == 0 ? 0 : x * zbar)) / denominator;
    }

    /**
     * The population mean spend per transaction, {@code p gamma / (q - 1)}.
     *
     * @return the mean, or empty when {@code q <= 1} (it does not exist)
     */
    public OptionalDouble meanSpend() {
        return q > 1 ? OptionalDouble.of(p * gamma / (q - 1)) : OptionalDouble.empty();
    }

    private static void checkSpend(int x, double zbar) {
        if (x < 1 || !(zbar > 0) || Double.isInfinite(zbar)) {
            throw new IllegalArgumentException("Gamma-Gamma needs x >= 1 and zbar > 0: x=" + x + ", zbar=" + zbar);
        }
    }

    /** For example {@code GammaGammaModel[p=6.24880, q=3.74428, gamma=15.4443]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GammaGammaModel[p=%.6g, q=%.6g, gamma=%.6g]", p, q, gamma);
    }
}
