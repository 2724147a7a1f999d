package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.internal.ParallelScans;

/**
 * Customer lifetime value from a purchase model and a spend model.
 *
 * <p>Over a horizon of {@code H} periods of length {@code u} ({@link ClvOptions}), with {@code E[Y(t)]} the model's
 * conditional expected purchases and {@code E[Z]} the Gamma-Gamma expected spend per purchase:
 *
 * <pre>
 * CLV = margin * E[Z] * sum_{k=1..ceil(H)} (E[Y(min(k, H) u)] - E[Y((k-1) u)]) / (1 + d)^k
 * </pre>
 *
 * that is, each period's expected purchases valued at the expected spend and discounted at the end of the period
 * (the convention of the BTYD libraries). With {@code d = 0} it is {@code margin * E[Z] * E[Y(H u)]}; a horizon of 0
 * gives 0.
 *
 * <pre>{@code
 * double clv = ClvCalculator.customerValue(bgNbd, gammaGamma, summary.row(0),
 *         new ClvOptions(12, TimeScale.MONTHS, 0.3, 0.01));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ClvCalculator {
    /** Distinct summary rows per parallel task of {@link #predict}. */
    private static final int ROWS_PER_TASK = 256;

    private ClvCalculator() {}

    /**
     * The lifetime value of a customer over a horizon.
     *
     * @param purchases the purchase model
     * @param spend the spend model
     * @param customer the customer's summary, in the purchase model's time unit
     * @param options horizon, margin and discount rate
     * @return the discounted value, in the currency of the monetary values
     */
    public static double customerValue(
            TransactionModel purchases, GammaGammaModel spend, BtydCustomer customer, ClvOptions options) {
        double perPurchase = spend.expectedAverageSpend(customer.frequency(), customer.monetaryValue());
        return options.margin() * perPurchase * discountedPurchases(purchases, customer, options);
    }

    /**
     * The discounted expected purchases of a customer over a horizon: {@code sum_k (E[Y(t_k)] - E[Y(t_{k-1})]) /
     * (1+d)^k}.
     *
     * @param purchases the purchase model
     * @param customer the customer's summary
     * @param options horizon and discount rate (the margin is not used)
     * @return the discounted expected purchases
     */
    public static double discountedPurchases(TransactionModel purchases, BtydCustomer customer, ClvOptions options) {
        return discountedPurchases(purchases, customer.frequency(), customer.recency(), customer.age(), options);
    }

    /**
     * The discounted expected purchases of a summary row. Without discounting the sum telescopes to {@code E[Y(H u)]}:
     * one evaluation whatever the horizon. With it, the periods are summed until the rest cannot matter: the
     * expected purchases per period never grow ({@code E[Y(t)]} is concave in {@code t} in every model here: the
     * purchase rate of a surviving customer and the chance of surviving both fall), so after period {@code k} the rest
     * is at most {@code increment_k v^(k+1) / (1 - v)}, {@code v = 1 / (1 + d)}; the sum stops when that is below
     * {@code 1e-17} of the total. The cost is at most linear in the horizon and bounded by the discount rate.
     */
    static double discountedPurchases(
            TransactionModel purchases, int x, double recency, double age, ClvOptions options) {
        return discounted(purchases, x, age, purchases.probabilityAlive(x, recency, age), options);
    }

    /**
     * The discounted expected purchases given P(alive). Both model families' {@code E[Y(t)]} are P(alive) times a
     * function of (x, T, t), so the sum is computed for a customer alive for sure and multiplied by P(alive). BG/NBD
     * and MBG/NBD walk the periods with {@link BetaGeometricNbd.Horizon} (one Taylor step per period, not one
     * hypergeometric function); Pareto/NBD's {@code E[Y(t)]} is elementary.
     */
    static double discounted(TransactionModel purchases, int x, double age, double pAlive, ClvOptions options) {
        if (options.discountRate() == 0 || options.horizon() == 0) {
            double step = purchases.timeUnit().convert(1, options.unit());
            return options.horizon() == 0 ? 0 : givenAlive(purchases, options.horizon() * step, x, age, pAlive);
        }
        return pAlive * discountedAlive(purchases, x, age, options);
    }

    /** The discounted expected purchases of a customer alive at T. */
    static double discountedAlive(TransactionModel purchases, int x, double age, ClvOptions options) {
        double step = purchases.timeUnit().convert(1, options.unit());
        if (options.discountRate() == 0 || options.horizon() == 0) {
            return options.horizon() == 0 ? 0 : givenAlive(purchases, options.horizon() * step, x, age, 1);
        }
        long periods = (long) Math.ceil(options.horizon());
        double v = 1 / (1 + options.discountRate());
        BetaGeometricNbd.Horizon walk = purchases instanceof BetaGeometricNbd bg ? bg.new Horizon(x, age, step) : null;
        double previous = 0;
        double total = 0;
        double discount = 1;
        for (long k = 1; k <= periods; k++) {
            double cumulative;
            if (k > options.horizon()) {
                cumulative = givenAlive(purchases, options.horizon() * step, x, age, 1);
            } else if (walk != null) {
                cumulative = walk.next();
            } else {
                cumulative = givenAlive(purchases, k * step, x, age, 1);
            }
            discount *= v;
            double increment = cumulative - previous;
            total += increment * discount;
            previous = cumulative;
            if (increment * discount * v / (1 - v) <= 1e-17 * total) {
                break;
            }
        }
        return total;
    }

    /** {@code E[Y(t)]} with P(alive) given: the special function of P(alive) is evaluated once per customer. */
    static double givenAlive(TransactionModel purchases, double t, int x, double age, double pAlive) {
        if (purchases instanceof ParetoNbdModel p) {
            return p.expectedPurchasesGivenAlive(t, x, age, pAlive);
        }
        return ((BetaGeometricNbd) purchases).expectedPurchasesGivenAlive(t, x, age, pAlive);
    }

    /**
     * Predictions for every customer of a summary over a horizon.
     *
     * @param purchases the purchase model
     * @param spend the spend model, or empty to predict purchases only
     * @param summary the calibration summary, in the purchase model's time unit
     * @param options the horizon (for the expected purchases and the CLV), margin and discount rate
     * @return one prediction per customer, in summary order
     */
    public static List<CustomerPrediction> predict(
            TransactionModel purchases, Optional<GammaGammaModel> spend, BtydSummary summary, ClvOptions options) {
        ModelSupport.checkUnit(purchases.name(), purchases.timeUnit(), summary);
        double horizon = purchases.timeUnit().convert(options.horizon(), options.unit());
        int n = summary.size();
        // One evaluation per distinct (x, t_x, T), in parallel.
        BtydSummary.Collapse collapse = summary.collapse();
        int[] rowOf = collapse.rowOf();
        CollapsedSummary rows = collapse.rows();
        double[] pAlive = new double[rows.size];
        double[] expected = new double[rows.size];
        double[] discounted = spend.isPresent() ? new double[rows.size] : null;
        // E[Y(t)] and its discounted sum are P(alive) times a function of (x, T): once per distinct (x, T).
        long[] keys = new long[rows.size];
        for (int r = 0; r < rows.size; r++) {
            keys[r] = ((long) rows.x[r] << 32) | rows.ageTime[r];
        }
        int[] groupOf = new int[rows.size];
        long[] groups = CollapsedSummary.distinct(keys, groupOf);
        double[] groupExpected = new double[groups.length];
        double[] groupDiscounted = discounted == null ? null : new double[groups.length];
        ParallelScans.scan(
                groups.length,
                ROWS_PER_TASK / 8,
                (from, to) -> {
                    for (int g = from; g < to; g++) {
                        int x = (int) (groups[g] >>> 32);
                        double age = rows.times[(int) groups[g]];
                        groupExpected[g] = horizon == 0 ? 0 : givenAlive(purchases, horizon, x, age, 1);
                        if (groupDiscounted != null) {
                            groupDiscounted[g] = discountedAlive(purchases, x, age, options);
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        ParallelScans.scan(
                rows.size,
                ROWS_PER_TASK,
                (from, to) -> {
                    for (int r = from; r < to; r++) {
                        double p = purchases.probabilityAlive(rows.x[r], rows.recency[r], rows.age[r]);
                        pAlive[r] = p;
                        expected[r] = p * groupExpected[groupOf[r]];
                        if (discounted != null) {
                            discounted[r] = p * groupDiscounted[groupOf[r]];
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        List<CustomerPrediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = rowOf[i];
            OptionalDouble perPurchase = OptionalDouble.empty();
            OptionalDouble clv = OptionalDouble.empty();
            if (spend.isPresent() && spend.get().hasExpectedSpend(summary.frequency(i))) {
                double z = spend.get().expectedAverageSpend(summary.frequency(i), summary.monetaryValue(i));
                perPurchase = OptionalDouble.of(z);
                clv = OptionalDouble.of(options.margin() * z * discounted[r]);
            }
            out.add(new CustomerPrediction(summary.customer(i), pAlive[r], expected[r], perPurchase, clv));
        }
        return out;
    }

    /** The largest number of draws tried per draw kept before prediction intervals give up. */
    private static final int ATTEMPTS_PER_DRAW = 20;

    /**
     * Prediction intervals of every customer's expected purchases and CLV, and of their totals over the base: the
     * parameters of the purchase model (and, independently, of the spend model) are drawn {@code draws} times from the
     * asymptotic normal of their fits, on the log scale the fits work on ({@code phi = phi_hat + L z}, {@code L L^T}
     * the covariance, {@code z} standard normal from a seeded source); each draw gives every customer's predictions
     * exactly as {@link #predict} does, and the intervals are the empirical central quantiles of those values. The
     * models' special functions are evaluated once per draw and distinct (x, t_x, T), in parallel; the same seed
     * gives the same intervals on every machine.
     *
     * @param purchases the fitted purchase model (its fit must carry a covariance)
     * @param spend the fitted spend model, or empty for purchases only
     * @param summary the calibration summary, in the purchase model's time unit
     * @param options horizon, margin and discount rate
     * @param intervals level, draws and seed
     * @return the intervals
     * @throws IllegalArgumentException if a model was not fitted or its fit has no covariance (the Hessian was not
     *     positive definite), or if almost no draw gives a model whose expectations exist
     */
    public static PredictionIntervals predictIntervals(
            TransactionModel purchases,
            Optional<GammaGammaModel> spend,
            BtydSummary summary,
            ClvOptions options,
            IntervalOptions intervals) {
        ModelSupport.checkUnit(purchases.name(), purchases.timeUnit(), summary);
        ParameterCovariance purchaseCovariance = covarianceOf(purchases.name(), purchases.fit());
        org.loyaltykpi.internal.SeededRandom random = new org.loyaltykpi.internal.SeededRandom(intervals.seed());
        int draws = intervals.draws();
        int[] rejected = {0};
        TransactionModel[][] models = new TransactionModel[1][draws];
        for (int d = 0; d < draws; d++) {
            models[0][d] = ModelSupport.withParameters(
                    purchases, draw(purchaseCovariance, random, ModelSupport.validity(purchases), rejected, draws));
        }
        return intervals(
                purchases.timeUnit(),
                models,
                new int[summary.size()],
                spend,
                summary,
                options,
                intervals,
                random,
                rejected);
    }

    /**
     * The engine of {@link #predictIntervals} and of {@link CovariateModel#predictIntervals}: {@code models[g][d]} is
     * the purchase model of draw {@code d} for the customers of group {@code g} ({@code groupOf}; customers with equal
     * covariates, or one group), already drawn from {@code random}; the spend model's draws follow from it.
     */
    static PredictionIntervals intervals(
            TimeScale unit,
            TransactionModel[][] models,
            int[] groupOf,
            Optional<GammaGammaModel> spend,
            BtydSummary summary,
            ClvOptions options,
            IntervalOptions intervals,
            org.loyaltykpi.internal.SeededRandom random,
            int[] rejected) {
        int draws = intervals.draws();
        GammaGammaModel[] spends = null;
        if (spend.isPresent()) {
            ParameterCovariance spendCovariance =
                    covarianceOf(GammaGammaModel.NAME, spend.get().fit());
            spends = new GammaGammaModel[draws];
            for (int d = 0; d < draws; d++) {
                double[] t = draw(spendCovariance, random, theta -> theta[1] > 1, rejected, draws);
                spends[d] = GammaGammaModel.of(t[0], t[1], t[2]);
            }
        }
        double horizon = unit.convert(options.horizon(), options.unit());
        int n = summary.size();
        int[] xs = new int[n];
        double[] recencies = new double[n];
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = summary.frequency(i);
            recencies[i] = summary.recency(i);
            ages[i] = summary.age(i);
        }
        int[] rowOf = new int[n];
        Rows rows = Rows.of(xs, recencies, ages, groupOf, models.length, rowOf);
        int rowCount = rows.x.length;
        double[] expected = new double[rowCount * draws];
        double[] discounted = spends == null ? null : new double[rowCount * draws];
        ParallelScans.scan(
                rowCount,
                Math.max(1, ROWS_PER_TASK / 16),
                (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int x = rows.x[r];
                        double age = rows.age[r];
                        TransactionModel[] drawn = models[rows.group[r]];
                        for (int d = 0; d < draws; d++) {
                            TransactionModel m = drawn[d];
                            double p = m.probabilityAlive(x, rows.recency[r], age);
                            expected[r * draws + d] = horizon == 0 ? 0 : givenAlive(m, horizon, x, age, p);
                            if (discounted != null) {
                                discounted[r * draws + d] = discounted(m, x, age, p, options);
                            }
                        }
                    }
                    return to - from;
                },
                Integer::sum);
        double level = intervals.level();
        PredictionRange[] rowRanges = new PredictionRange[rowCount];
        for (int r = 0; r < rowCount; r++) {
            rowRanges[r] = range(java.util.Arrays.copyOfRange(expected, r * draws, (r + 1) * draws), level);
        }
        GammaGammaModel[] spendDraws = spends;
        CustomerPredictionInterval[] out = new CustomerPredictionInterval[n];
        List<double[]> partials = ParallelScans.scanInOrder(n, 1 << 12, (from, to) -> {
            double[] totals = new double[2 * draws];
            double[] values = new double[draws];
            for (int i = from; i < to; i++) {
                int r = rowOf[i];
                for (int d = 0; d < draws; d++) {
                    totals[d] += expected[r * draws + d];
                }
                Optional<PredictionRange> clv = Optional.empty();
                int x = xs[i];
                if (spendDraws != null && java.util.Arrays.stream(spendDraws).allMatch(m -> m.hasExpectedSpend(x))) {
                    for (int d = 0; d < draws; d++) {
                        double z = spendDraws[d].expectedAverageSpend(xs[i], summary.monetaryValue(i));
                        values[d] = options.margin() * z * discounted[r * draws + d];
                        totals[draws + d] += values[d];
                    }
                    clv = Optional.of(range(values.clone(), level));
                }
                out[i] = new CustomerPredictionInterval(summary.customer(i), rowRanges[r], clv);
            }
            return totals;
        });
        double[] totals = new double[2 * draws];
        for (double[] part : partials) {
            for (int k = 0; k < totals.length; k++) {
                totals[k] += part[k];
            }
        }
        return new PredictionIntervals(
                level,
                draws,
                rejected[0],
                java.util.Arrays.asList(out),
                range(java.util.Arrays.copyOfRange(totals, 0, draws), level),
                spendDraws == null
                        ? Optional.empty()
                        : Optional.of(range(java.util.Arrays.copyOfRange(totals, draws, 2 * draws), level)));
    }

    /** The distinct (x, t_x, T) of each group of customers, the groups one after the other; rowOf maps customers. */
    private record Rows(int[] x, double[] recency, double[] age, int[] group) {
        static Rows of(int[] xs, double[] recencies, double[] ages, int[] groupOf, int groups, int[] rowOf) {
            int n = xs.length;
            int[][] members = new int[groups][];
            int[] sizes = new int[groups];
            for (int g : groupOf) {
                sizes[g]++;
            }
            for (int g = 0; g < groups; g++) {
                members[g] = new int[sizes[g]];
                sizes[g] = 0;
            }
            for (int i = 0; i < n; i++) {
                members[groupOf[i]][sizes[groupOf[i]]++] = i;
            }
            java.util.List<CollapsedSummary> parts = new java.util.ArrayList<>();
            int total = 0;
            for (int g = 0; g < groups; g++) {
                int[] m = members[g];
                int[] x = new int[m.length];
                double[] recency = new double[m.length];
                double[] age = new double[m.length];
                for (int j = 0; j < m.length; j++) {
                    x[j] = xs[m[j]];
                    recency[j] = recencies[m[j]];
                    age[j] = ages[m[j]];
                }
                int[] local = new int[m.length];
                CollapsedSummary part = CollapsedSummary.collapse(x, recency, age, null, local);
                for (int j = 0; j < m.length; j++) {
                    rowOf[m[j]] = total + local[j];
                }
                parts.add(part);
                total += part.size;
            }
            Rows rows = new Rows(new int[total], new double[total], new double[total], new int[total]);
            int at = 0;
            for (int g = 0; g < groups; g++) {
                CollapsedSummary part = parts.get(g);
                System.arraycopy(part.x, 0, rows.x, at, part.size);
                System.arraycopy(part.recency, 0, rows.recency, at, part.size);
                System.arraycopy(part.age, 0, rows.age, at, part.size);
                java.util.Arrays.fill(rows.group, at, at + part.size, g);
                at += part.size;
            }
            return rows;
        }
    }

    static ParameterCovariance covarianceOf(String model, Optional<ModelFit> fit) {
        return fit.orElseThrow(() -> new IllegalArgumentException(model
                        + " was given by its parameters, not fitted: prediction intervals need the covariance of a"
                        + " fit"))
                .covariance()
                .orElseThrow(() -> new IllegalArgumentException(model + ": the Hessian at the estimates is not"
                        + " positive definite, so there is no covariance to draw parameters from; see the fit's"
                        + " warnings"));
    }

    /** One draw of the natural parameters from the asymptotic normal on the fit's scale, redrawn while invalid. */
    static double[] draw(
            ParameterCovariance covariance,
            org.loyaltykpi.internal.SeededRandom random,
            java.util.function.Predicate<double[]> valid,
            int[] rejected,
            int draws) {
        double[][] l = covariance.cholesky();
        double[] mean = covariance.workingEstimates();
        int k = mean.length;
        while (true) {
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = random.nextGaussian();
            }
            double[] theta = new double[k];
            for (int i = 0; i < k; i++) {
                double phi = mean[i];
                for (int j = 0; j <= i; j++) {
                    phi += l[i][j] * z[j];
                }
                theta[i] = covariance.isLogScale(i) ? Math.exp(phi) : phi;
            }
            boolean finite = true;
            for (double t : theta) {
                finite &= Double.isFinite(t) && t != 0;
            }
            if (finite && valid.test(theta)) {
                return theta;
            }
            if (++rejected[0] > ATTEMPTS_PER_DRAW * draws) {
                throw new IllegalArgumentException("prediction intervals: almost every parameter draw around "
                        + covariance.names() + " gives a model whose expectations do not exist; the fit is too"
                        + " uncertain for intervals");
            }
        }
    }

    /** The central {@code level} range of values (empirical quantiles, linear interpolation); sorts the array. */
    static PredictionRange range(double[] values, double level) {
        java.util.Arrays.sort(values);
        return new PredictionRange(quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2));
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The probability of being alive of every customer of a summary, as an array in summary order, on every core. For
     * BG/NBD, MBG/NBD and Pareto/NBD the summary keeps its entries as columns (frequency, and recency and T as indices
     * into its distinct times, built once): whatever depends on a time is computed once per distinct time, the
     * hypergeometric functions of Pareto/NBD once per distinct (x, t) pair, and each customer costs one exponential;
     * other models are evaluated once per distinct (x, t_x, T).
     *
     * @param purchases the purchase model
     * @param summary the calibration summary, in the model's time unit
     * @return {@code P(alive)} per customer (per row of a weighted summary)
     */
    public static double[] probabilityAlive(TransactionModel purchases, BtydSummary summary) {
        ModelSupport.checkUnit(purchases.name(), purchases.timeUnit(), summary);
        TimeColumns columns = summary.columns();
        if (columns.dense) {
            if (purchases instanceof BetaGeometricNbd bg) {
                return bg.probabilityAlive(columns);
            }
            if (purchases instanceof ParetoNbdModel pareto) {
                return pareto.probabilityAlive(columns);
            }
        }
        BtydSummary.Collapse c = summary.collapse();
        return scatter(aliveOfRows(purchases, c.rows()), c.rowOf());
    }

    /**
     * The expected purchases in the next {@code t} of every customer of a summary, as an array in summary order, on
     * every core: P(alive) as {@link #probabilityAlive}, times the expectation of a customer alive, which depends on
     * (x, T) only and is computed once per distinct pair (BG/NBD and MBG/NBD walk the pairs of a frequency with Taylor
     * steps of the hypergeometric equation instead of one hypergeometric function each).
     *
     * @param purchases the purchase model
     * @param t the horizon, in the model's time unit, {@code >= 0}
     * @param summary the calibration summary, in the model's time unit
     * @return {@code E[Y(t) | x, t_x, T]} per customer (per row of a weighted summary)
     */
    public static double[] expectedPurchases(TransactionModel purchases, double t, BtydSummary summary) {
        ModelSupport.checkUnit(purchases.name(), purchases.timeUnit(), summary);
        ModelSupport.checkTime(t);
        TimeColumns columns = summary.columns();
        if (columns.dense) {
            if (purchases instanceof BetaGeometricNbd bg) {
                return bg.expectedPurchases(t, columns);
            }
            if (purchases instanceof ParetoNbdModel pareto) {
                return pareto.expectedPurchases(t, columns);
            }
        }
        BtydSummary.Collapse c = summary.collapse();
        CollapsedSummary rows = c.rows();
        double[] alive = aliveOfRows(purchases, rows);
        long[] keys = new long[rows.size];
        for (int r = 0; r < rows.size; r++) {
            keys[r] = ((long) rows.x[r] << 32) | rows.ageTime[r];
        }
        int[] groupOf = new int[rows.size];
        long[] groups = CollapsedSummary.distinct(keys, groupOf);
        double[] perGroup = new double[groups.length];
        ParallelScans.scan(
                groups.length,
                ROWS_PER_TASK / 8,
                (from, to) -> {
                    for (int g = from; g < to; g++) {
                        perGroup[g] =
                                givenAlive(purchases, t, (int) (groups[g] >>> 32), rows.times[(int) groups[g]], 1);
                    }
                    return to - from;
                },
                Integer::sum);
        for (int r = 0; r < rows.size; r++) {
            alive[r] *= perGroup[groupOf[r]];
        }
        return scatter(alive, c.rowOf());
    }

    private static double[] aliveOfRows(TransactionModel purchases, CollapsedSummary rows) {
        double[] alive = new double[rows.size];
        ParallelScans.scan(
                rows.size,
                ROWS_PER_TASK * 4,
                (from, to) -> {
                    for (int r = from; r < to; r++) {
                        alive[r] = purchases.probabilityAlive(rows.x[r], rows.recency[r], rows.age[r]);
                    }
                    return to - from;
                },
                Integer::sum);
        return alive;
    }

    /** {@code out[i] = perRow[rowOf[i]]}, on every core. */
    private static double[] scatter(double[] perRow, int[] rowOf) {
        double[] out = new double[rowOf.length];
        ParallelScans.scan(
                rowOf.length,
                1 << 16,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = perRow[rowOf[i]];
                    }
                    return to - from;
                },
                Integer::sum);
        return out;
    }
}
