package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.CustomerId;

/**
 * BG/NBD, MBG/NBD or Pareto/NBD with time-invariant covariates (Fader and Hardie 2007, "Incorporating time-invariant
 * covariates into the Pareto/NBD and BG/NBD models"; CLVTools' static covariates): customer {@code i} with covariates
 * {@code z_i} has its own purchase-rate scale and dropout parameter,
 *
 * <pre>
 * alpha_i = alpha exp(-gamma_p . z_i)                    (mean purchase rate r / alpha_i = r/alpha exp(gamma_p . z_i))
 * Pareto/NBD:       beta_i = beta exp(-gamma_d . z_i)    (mean dropout rate s / beta_i scaled by exp(gamma_d . z_i))
 * BG/NBD, MBG/NBD:  a_i = a exp(gamma_d . z_i)           (dropout odds a_i / b rise with gamma_d . z_i)
 * </pre>
 *
 * and otherwise the model's likelihood and predictions at its own parameters. With every coefficient 0 it is the
 * model without covariates. Fitted by maximum likelihood over the model's log-parameters and the coefficients as they
 * are, with analytic gradients (the model's own per parameter, by the chain rule): customers with equal covariates
 * share their parameters, so the likelihood is evaluated per group of equal {@code z} over its collapsed rows.
 *
 * <pre>{@code
 * CovariateModel m = CovariateModel.fit(BgNbdModel.NAME, summary, Covariates.read(Path.of("z.csv")),
 *         FitOptions.defaults());
 * m.coefficients();                     // purchase.age = 0.21 (SE 0.05), dropout.age = -0.10 (SE 0.08)
 * m.forCustomer(z).probabilityAlive(2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CovariateModel {
    private final TransactionModel baseline;
    private final List<String> names;
    private final double[] purchase;
    private final double[] dropout;
    private final Optional<ModelFit> fit;

    private CovariateModel(
            TransactionModel baseline,
            List<String> names,
            double[] purchase,
            double[] dropout,
            Optional<ModelFit> fit) {
        if (purchase.length != names.size() || dropout.length != names.size()) {
            throw new IllegalArgumentException("need one purchase and one dropout coefficient per covariate " + names
                    + ": " + Arrays.toString(purchase) + ", " + Arrays.toString(dropout));
        }
        for (double v : purchase) {
            checkFinite(v);
        }
        for (double v : dropout) {
            checkFinite(v);
        }
        this.baseline = baseline;
        this.names = List.copyOf(names);
        this.purchase = purchase.clone();
        this.dropout = dropout.clone();
        this.fit = fit;
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("coefficients must be finite: " + v);
        }
    }

    /**
     * A model with given parameters and coefficients.
     *
     * @param baseline the model at {@code z = 0} (BG/NBD, MBG/NBD or Pareto/NBD)
     * @param names the covariate names
     * @param purchaseCoefficients {@code gamma_p}, one per covariate
     * @param dropoutCoefficients {@code gamma_d}, one per covariate
     * @return the model
     */
    public static CovariateModel of(
            TransactionModel baseline,
            List<String> names,
            double[] purchaseCoefficients,
            double[] dropoutCoefficients) {
        return new CovariateModel(baseline, names, purchaseCoefficients, dropoutCoefficients, Optional.empty());
    }

    /** A model read back from a saved fit ({@link SavedModel#covariateModel()}), with that fit. */
    static CovariateModel restored(
            TransactionModel baseline,
            List<String> names,
            double[] purchaseCoefficients,
            double[] dropoutCoefficients,
            ModelFit fit) {
        return new CovariateModel(baseline, names, purchaseCoefficients, dropoutCoefficients, Optional.of(fit));
    }

    /**
     * Fits a model with covariates.
     *
     * @param model {@code bg-nbd}, {@code mbg-nbd} or {@code pareto-nbd}
     * @param summary the calibration summary
     * @param covariates every customer's covariates
     * @param options the fit options ({@code initialParameters} may give the 4 model parameters only)
     * @return the fitted model
     * @throws IllegalArgumentException if the model is unknown or a customer has no covariates (naming one)
     * @throws ModelFitException if the fit fails
     */
    public static CovariateModel fit(String model, BtydSummary summary, Covariates covariates, FitOptions options) {
        int m = switch (model) {
            case BgNbdModel.NAME -> 0;
            case MbgNbdModel.NAME -> 1;
            case ParetoNbdModel.NAME -> -1;
            default ->
                throw new IllegalArgumentException(
                        "covariates are for bg-nbd, mbg-nbd and pareto-nbd: '" + model + "'");
        };
        if (summary.isEmpty()) {
            throw new ModelFitException(MaximumLikelihood.emptySummary(model));
        }
        if (summary.repeatCustomers() == 0) {
            throw new ModelFitException(MaximumLikelihood.noRepeatPurchases(model));
        }
        double[][] z = covariates.forSummary(summary);
        Groups groups = Groups.of(summary, z);
        int k = covariates.names().size();
        List<String> names =
                new ArrayList<>(List.of(m < 0 ? new String[] {"r", "alpha", "s", "beta"} : BetaGeometricNbd.NAMES));
        for (String name : covariates.names()) {
            names.add("purchase." + name);
        }
        for (String name : covariates.names()) {
            names.add("dropout." + name);
        }
        double[] start = new double[4 + 2 * k];
        Arrays.fill(start, 0, 4, 1);
        CollapsedSummary all = summary.collapsed();
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                model,
                Optional.of(summary.timeUnit()),
                summary.size(),
                all.totalWeight,
                names,
                (theta, gradient) -> groups.logLikelihood(theta, k, m, gradient),
                true,
                List.of(1),
                ModelSupport.maxAge(all),
                4);
        MaximumLikelihood.Estimate e =
                MaximumLikelihood.fit(problem, start, options, MaximumLikelihood.dataWarnings(summary));
        double[] t = e.theta();
        TransactionModel baseline = ModelSupport.withParameters(kind(model, summary.timeUnit()), t);
        return new CovariateModel(
                baseline,
                covariates.names(),
                Arrays.copyOfRange(t, 4, 4 + k),
                Arrays.copyOfRange(t, 4 + k, 4 + 2 * k),
                Optional.of(e.fit()));
    }

    private static TransactionModel kind(String model, TimeScale unit) {
        return switch (model) {
            case BgNbdModel.NAME -> BgNbdModel.of(1, 1, 1, 1, unit);
            case MbgNbdModel.NAME -> MbgNbdModel.of(1, 1, 1, 1, unit);
            default -> ParetoNbdModel.of(1, 1, 1, 1, unit);
        };
    }

    /** The customers grouped by equal covariates, each group's rows collapsed. */
    record Groups(double[][] z, CollapsedSummary[] rows, ParetoNbdModel.Pairs[] pairs) {
        static Groups of(BtydSummary summary, double[][] z) {
            Map<List<Double>, Integer> index = new HashMap<>();
            List<double[]> values = new ArrayList<>();
            List<List<Integer>> members = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                List<Double> key = Arrays.stream(z[i]).boxed().toList();
                int g = index.computeIfAbsent(key, kk -> {
                    values.add(z[index.size()].clone());
                    members.add(new ArrayList<>());
                    return members.size() - 1;
                });
                members.get(g).add(i);
            }
            int groups = members.size();
            double[][] gz = new double[groups][];
            CollapsedSummary[] rows = new CollapsedSummary[groups];
            ParetoNbdModel.Pairs[] pairs = new ParetoNbdModel.Pairs[groups];
            for (int g = 0; g < groups; g++) {
                List<Integer> list = members.get(g);
                gz[g] = z[list.get(0)];
                int n = list.size();
                int[] x = new int[n];
                double[] recency = new double[n];
                double[] age = new double[n];
                long[] weight = new long[n];
                for (int j = 0; j < n; j++) {
                    int i = list.get(j);
                    x[j] = summary.frequency(i);
                    recency[j] = summary.recency(i);
                    age[j] = summary.age(i);
                    weight[j] = summary.weight(i);
                }
                rows[g] = CollapsedSummary.collapse(x, recency, age, weight, null);
                pairs[g] = ParetoNbdModel.Pairs.of(rows[g]);
            }
            return new Groups(gz, rows, pairs);
        }

        /**
         * The log-likelihood at {@code theta = (4 model parameters, gamma_p, gamma_d)}: per group the model's own at
         * the group's parameters, the gradient by the chain rule.
         */
        double logLikelihood(double[] theta, int k, int m, double[] gradient) {
            double sum = 0;
            double[] g4 = gradient == null ? null : new double[4];
            if (gradient != null) {
                Arrays.fill(gradient, 0);
            }
            for (int g = 0; g < rows.length; g++) {
                double[] zg = z[g];
                double ep = Math.exp(dot(theta, 4, zg));
                double ed = Math.exp(dot(theta, 4 + k, zg));
                double[] t = theta.clone();
                t[1] = theta[1] / ep;
                if (m < 0) {
                    t[3] = theta[3] / ed;
                    sum += ParetoNbdModel.logLikelihood(Arrays.copyOf(t, 4), rows[g], pairs[g], g4);
                } else {
                    t[2] = theta[2] * ed;
                    sum += BetaGeometricNbd.logLikelihood(Arrays.copyOf(t, 4), rows[g], m, g4);
                }
                if (gradient != null) {
                    gradient[0] += g4[0];
                    gradient[1] += g4[1] / ep;
                    double dAlphaTerm = g4[1] * -t[1];
                    double dDropout;
                    if (m < 0) {
                        gradient[3] += g4[3] / ed;
                        gradient[2] += g4[2];
                        dDropout = g4[3] * -t[3];
                    } else {
                        gradient[2] += g4[2] * ed;
                        gradient[3] += g4[3];
                        dDropout = g4[2] * t[2];
                    }
                    for (int j = 0; j < k; j++) {
                        gradient[4 + j] += dAlphaTerm * zg[j];
                        gradient[4 + k + j] += dDropout * zg[j];
                    }
                }
            }
            return sum;
        }

        private static double dot(double[] theta, int from, double[] z) {
            double s = 0;
            for (int j = 0; j < z.length; j++) {
                s += theta[from + j] * z[j];
            }
            return s;
        }
    }

    /**
     * The model of a customer with covariates {@code z}: the baseline's at {@code alpha exp(-gamma_p . z)} and {@code
     * beta exp(-gamma_d . z)} (Pareto/NBD) or {@code a exp(gamma_d . z)} (BG/NBD, MBG/NBD).
     *
     * @param z the customer's covariates, one per name
     * @return the model, not fitted
     * @throws IllegalArgumentException if {@code z} has the wrong length
     */
    public TransactionModel forCustomer(double[] z) {
        if (z.length != names.size()) {
            throw new IllegalArgumentException("need " + names.size() + " covariates " + names + ": " + z.length);
        }
        double[] t = ModelSupport.values(baseline);
        double ep = Math.exp(dot(purchase, z));
        double ed = Math.exp(dot(dropout, z));
        t[1] /= ep;
        if (baseline instanceof ParetoNbdModel) {
            t[3] /= ed;
        } else {
            t[2] *= ed;
        }
        return ModelSupport.withParameters(baseline, t);
    }

    /** The purchase-rate multiplier {@code exp(gamma_p . z)} (used by the simulator). */
    double purchaseMultiplier(double[] z) {
        return Math.exp(dot(purchase, z));
    }

    /** The dropout multiplier {@code exp(gamma_d . z)}. */
    double dropoutMultiplier(double[] z) {
        return Math.exp(dot(dropout, z));
    }

    private static double dot(double[] c, double[] z) {
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            s += c[j] * z[j];
        }
        return s;
    }

    /**
     * Predictions for every customer of a summary, each with its own covariates.
     *
     * @param spend the spend model, or empty
     * @param summary the calibration summary
     * @param covariates every customer's covariates
     * @param options horizon, margin, discount rate
     * @return one prediction per customer, in summary order
     * @throws IllegalArgumentException naming a customer without covariates
     */
    public List<CustomerPrediction> predict(
            Optional<GammaGammaModel> spend, BtydSummary summary, Covariates covariates, ClvOptions options) {
        ModelSupport.checkUnit(baseline.name(), baseline.timeUnit(), summary);
        double[][] z = covariates.forSummary(summary);
        double horizon = baseline.timeUnit().convert(options.horizon(), options.unit());
        Map<List<Double>, TransactionModel> models = new HashMap<>();
        List<CustomerPrediction> out = new ArrayList<>(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            double[] zi = z[i];
            TransactionModel model =
                    models.computeIfAbsent(Arrays.stream(zi).boxed().toList(), kk -> forCustomer(zi));
            int x = summary.frequency(i);
            double age = summary.age(i);
            double p = model.probabilityAlive(x, summary.recency(i), age);
            double expected = horizon == 0 ? 0 : ClvCalculator.givenAlive(model, horizon, x, age, p);
            OptionalDouble perPurchase = OptionalDouble.empty();
            OptionalDouble clv = OptionalDouble.empty();
            if (spend.isPresent()) {
                double value = spend.get().expectedAverageSpend(x, summary.monetaryValue(i));
                perPurchase = OptionalDouble.of(value);
                clv = OptionalDouble.of(options.margin() * value * ClvCalculator.discounted(model, x, age, p, options));
            }
            CustomerId id = summary.customer(i);
            out.add(new CustomerPrediction(id, p, expected, perPurchase, clv));
        }
        return out;
    }

    /**
     * Prediction intervals with covariates, as {@link ClvCalculator#predictIntervals} gives them without: the baseline's
     * parameters and the coefficients are drawn together from the asymptotic normal of the fit (the parameters on the
     * log scale, the coefficients as they are), and each draw gives every customer's predictions at its own
     * covariates; customers with equal covariates share their models. The same seed gives the same intervals.
     *
     * @param spend the fitted spend model, or empty for purchases only
     * @param summary the calibration summary, in the model's time unit
     * @param covariates every customer's covariates
     * @param options horizon, margin and discount rate
     * @param intervals level, draws and seed
     * @return the intervals, one per customer in summary order, and of the totals
     * @throws IllegalArgumentException if the model was not fitted, its fit has no covariance, a customer has no
     *     covariates (naming it), or almost no draw gives a model whose expectations exist
     */
    public PredictionIntervals predictIntervals(
            Optional<GammaGammaModel> spend,
            BtydSummary summary,
            Covariates covariates,
            ClvOptions options,
            IntervalOptions intervals) {
        ModelSupport.checkUnit(baseline.name(), baseline.timeUnit(), summary);
        ParameterCovariance covariance = ClvCalculator.covarianceOf(baseline.name() + " with covariates", fit);
        double[][] z = covariates.forSummary(summary);
        Map<List<Double>, Integer> groups = new HashMap<>();
        List<double[]> groupZ = new ArrayList<>();
        int[] groupOf = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            groupOf[i] = groups.computeIfAbsent(Arrays.stream(zi).boxed().toList(), key -> {
                groupZ.add(zi);
                return groupZ.size() - 1;
            });
        }
        org.loyaltykpi.internal.SeededRandom random = new org.loyaltykpi.internal.SeededRandom(intervals.seed());
        int draws = intervals.draws();
        int k = names.size();
        int[] rejected = {0};
        java.util.function.Predicate<double[]> baselineValid = ModelSupport.validity(baseline);
        TransactionModel[][] models = new TransactionModel[groupZ.size()][draws];
        for (int d = 0; d < draws; d++) {
            double[] theta = ClvCalculator.draw(
                    covariance, random, t -> baselineValid.test(Arrays.copyOf(t, 4)), rejected, draws);
            CovariateModel drawn = new CovariateModel(
                    ModelSupport.withParameters(baseline, Arrays.copyOf(theta, 4)),
                    names,
                    Arrays.copyOfRange(theta, 4, 4 + k),
                    Arrays.copyOfRange(theta, 4 + k, 4 + 2 * k),
                    Optional.empty());
            for (int g = 0; g < groupZ.size(); g++) {
                models[g][d] = drawn.forCustomer(groupZ.get(g));
            }
        }
        return ClvCalculator.intervals(
                baseline.timeUnit(), models, groupOf, spend, summary, options, intervals, random, rejected);
    }

    /**
     * The model at {@code z = 0}.
     *
     * @return the baseline model
     */
    public TransactionModel baseline() {
        return baseline;
    }

    /**
     * The covariate names.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The coefficients with their standard errors (from the fit's covariance), purchase ones first.
     *
     * @return {@code purchase.NAME} and {@code dropout.NAME} coefficients
     */
    public List<Coefficient> coefficients() {
        List<Coefficient> out = new ArrayList<>();
        Optional<ParameterCovariance> c = fit.flatMap(ModelFit::covariance);
        int k = names.size();
        for (int j = 0; j < 2 * k; j++) {
            int index = 4 + j;
            String process = j < k ? "purchase" : "dropout";
            double value = j < k ? purchase[j] : dropout[j - k];
            OptionalDouble se = c.map(cov -> OptionalDouble.of(Math.sqrt(cov.get(index, index))))
                    .orElse(OptionalDouble.empty());
            out.add(new Coefficient(process, names.get(j % k), value, se));
        }
        return List.copyOf(out);
    }

    /**
     * How the model was fitted (its parameters are the baseline's; the coefficients' covariance is in {@link
     * ModelFit#covariance()}).
     *
     * @return the fit, or empty for a model given by its parameters
     */
    public Optional<ModelFit> fit() {
        return fit;
    }

    /** The baseline and the coefficients. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(baseline.toString()).append(" with covariates");
        for (Coefficient c : coefficients()) {
            s.append(String.format(Locale.ROOT, "%n  %s", c));
        }
        return s.toString();
    }
}
