package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The purchase models BG/NBD, MBG/NBD and Pareto/NBD fitted to one summary and compared: log-likelihood, AIC, BIC,
 * likelihood-ratio tests where models nest, and, with a holdout period, the holdout error per customer and of the whole
 * base's tracking curve; the best model and why.
 *
 * <ul>
 *   <li>{@code AIC = 2k - 2 LL}, {@code BIC = k ln N - 2 LL}, {@code k} the parameters, {@code N} the customers, {@code
 *       LL} the maximized log-likelihood (the three likelihoods are densities of the same data, so they compare).
 *   <li>Nesting: none of BG/NBD, MBG/NBD and Pareto/NBD is a restriction of another with the restricted parameters
 *       inside the parameter space (each reaches the others, if at all, only in a limit), so no likelihood-ratio test
 *       applies among them and {@link #likelihoodRatioTests()} is empty; {@link #nesting()} says so. {@link
 *       LikelihoodRatioTest#of} is the test for models that do nest (a model with covariates against the same model
 *       without, say).
 *   <li>Holdout error per customer: {@code |y_i - E[Y_i(h)]|} for every customer, {@code y_i} its purchase days in the
 *       holdout period of length {@code h}, as mean absolute error and root mean squared error.
 *   <li>Tracking error: the cumulative repeat purchases of the whole base, actual against expected ({@link
 *       ModelValidation#tracking}), at every point of that series after the calibration end: mean absolute and root
 *       mean squared difference.
 *   <li>The best model: among the fits that converged (among the trustworthy ones when there are: {@link
 *       ModelFit#trustworthy()}), the lowest holdout RMSE per customer when there is a holdout, else the lowest BIC.
 * </ul>
 *
 * <pre>{@code
 * BtydSummary s = BtydSummary.of(table, LocalDate.parse("1997-09-30"), LocalDate.parse("1998-06-30"), TimeScale.WEEKS);
 * ModelComparison c = ModelComparison.compare(s, table, FitOptions.defaults());
 * c.best();     // Optional[pareto-nbd]
 * c.reason();   // "lowest holdout RMSE per customer: ..."
 * }</pre>
 *
 * <p>This family fits rather than accumulates: there is no accumulator or collector. Immutable and thread-safe.
 *
 * @param timeUnit the time unit of the summary and of every model
 * @param customers the customers of the summary
 * @param holdoutDuration the length of the holdout period in the time unit, when the summary has one
 * @param candidates one per model, in the order BG/NBD, MBG/NBD, Pareto/NBD
 * @param likelihoodRatioTests the tests between nested candidates (none among these three)
 * @param nesting which candidates nest and why a test applies or not
 * @param best the name of the best model, empty when no fit converged
 * @param reason why that model is best (or why none is)
 */
public record ModelComparison(
        TimeScale timeUnit,
        long customers,
        OptionalDouble holdoutDuration,
        List<Candidate> candidates,
        List<LikelihoodRatioTest> likelihoodRatioTests,
        String nesting,
        Optional<String> best,
        String reason) {

    /** What {@link #nesting()} says of BG/NBD, MBG/NBD and Pareto/NBD. */
    public static final String NOT_NESTED = "bg-nbd, mbg-nbd and pareto-nbd do not nest: none is another with some"
            + " parameters fixed inside the parameter space (they meet only in limits, such as no dropout), so no"
            + " likelihood-ratio test applies; compare them by AIC, BIC and the holdout";

    /** Validates and copies. */
    public ModelComparison {
        Objects.requireNonNull(timeUnit, "timeUnit");
        candidates = List.copyOf(candidates);
        likelihoodRatioTests = List.copyOf(likelihoodRatioTests);
        Objects.requireNonNull(nesting, "nesting");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * One model of the comparison.
     *
     * @param name the model name
     * @param model the fitted model, empty when the fit failed
     * @param failure why the fit failed, empty when it did not
     * @param parameterCount the number of parameters {@code k}
     * @param holdout the holdout errors, when the summary has a holdout and the fit succeeded
     */
    public record Candidate(
            String name,
            Optional<TransactionModel> model,
            Optional<String> failure,
            int parameterCount,
            Optional<HoldoutError> holdout) {
        /** Validates. */
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(holdout, "holdout");
            if (model.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException(name + ": a candidate has either a model or a failure");
            }
        }

        /**
         * The fit.
         *
         * @return the fit, empty when it failed
         */
        public Optional<ModelFit> fit() {
            return model.flatMap(TransactionModel::fit);
        }

        /**
         * The maximized log-likelihood.
         *
         * @return {@code LL}, empty when the fit failed
         */
        public OptionalDouble logLikelihood() {
            return fit().map(f -> OptionalDouble.of(f.logLikelihood())).orElse(OptionalDouble.empty());
        }

        /**
         * Akaike's information criterion.
         *
         * @return {@code 2k - 2 LL}, empty when the fit failed
         */
        public OptionalDouble aic() {
            return fit().map(f -> OptionalDouble.of(2.0 * parameterCount - 2 * f.logLikelihood()))
                    .orElse(OptionalDouble.empty());
        }

        /**
         * The Bayesian information criterion.
         *
         * @return {@code k ln N - 2 LL}, empty when the fit failed
         */
        public OptionalDouble bic() {
            return fit().map(f -> OptionalDouble.of(parameterCount * Math.log(f.customers()) - 2 * f.logLikelihood()))
                    .orElse(OptionalDouble.empty());
        }

        boolean converged() {
            return fit().map(ModelFit::converged).orElse(false);
        }

        boolean trustworthy() {
            return fit().map(ModelFit::trustworthy).orElse(false);
        }
    }

    /**
     * A model's errors on the holdout period.
     *
     * @param customers the customers compared
     * @param actualPurchases their purchase days in the holdout, summed
     * @param expectedPurchases their expected purchases in the holdout, summed
     * @param meanAbsoluteError the mean over customers of {@code |y_i - E[Y_i]|}
     * @param rootMeanSquaredError the root of the mean over customers of {@code (y_i - E[Y_i])^2}
     * @param trackingMeanAbsoluteError the mean absolute difference of the cumulative tracking curve after the
     *     calibration end, when the purchases were given
     * @param trackingRootMeanSquaredError the root mean squared difference of that curve
     */
    public record HoldoutError(
            long customers,
            double actualPurchases,
            double expectedPurchases,
            double meanAbsoluteError,
            double rootMeanSquaredError,
            OptionalDouble trackingMeanAbsoluteError,
            OptionalDouble trackingRootMeanSquaredError) {}

    /**
     * A likelihood-ratio test of a restricted model against a more general one that nests it.
     *
     * @param restricted the restricted model's name
     * @param general the general model's name
     * @param statistic {@code 2 (LL_general - LL_restricted)}, at least 0
     * @param degreesOfFreedom the parameters the restriction fixes
     * @param pValue {@code P(chi2(df) >= statistic)}
     */
    public record LikelihoodRatioTest(
            String restricted, String general, double statistic, int degreesOfFreedom, double pValue) {

        /**
         * The test of two fits to the same data, the restricted one nested in the general one with {@code df}
         * parameters fixed at interior values (for parameters fixed on a boundary the chi-squared p-value is
         * conservative).
         *
         * @param restricted the restricted fit
         * @param general the general fit
         * @param degreesOfFreedom the parameters the restriction fixes, positive
         * @return the test
         */
        public static LikelihoodRatioTest of(ModelFit restricted, ModelFit general, int degreesOfFreedom) {
            if (degreesOfFreedom < 1) {
                throw new IllegalArgumentException("degrees of freedom must be positive: " + degreesOfFreedom);
            }
            double statistic = Math.max(0, 2 * (general.logLikelihood() - restricted.logLikelihood()));
            double p = RegularizedGamma.Q.value(degreesOfFreedom / 2.0, statistic / 2);
            return new LikelihoodRatioTest(restricted.model(), general.model(), statistic, degreesOfFreedom, p);
        }
    }

    /**
     * Fits and compares the models on a summary; with a holdout, per-customer holdout errors.
     *
     * @param summary the summary (with a holdout period for the holdout errors)
     * @param options the fit options of every model
     * @return the comparison
     * @throws IllegalArgumentException if the summary is empty
     */
    public static ModelComparison compare(BtydSummary summary, FitOptions options) {
        return compare(summary, Optional.empty(), options);
    }

    /**
     * Fits and compares the models on a summary built from purchases with a holdout: per-customer holdout errors and
     * the tracking curve's errors.
     *
     * @param summary the summary with a holdout, built from {@code table}
     * @param table the purchases the summary was built from
     * @param options the fit options of every model
     * @return the comparison
     * @throws IllegalArgumentException if the summary has no holdout or no calibration end
     */
    public static ModelComparison compare(BtydSummary summary, PurchaseTable table, FitOptions options) {
        if (!summary.hasHoldout() || summary.calibrationEnd().isEmpty()) {
            throw new IllegalArgumentException("tracking errors need a summary with a holdout built from purchases");
        }
        return compare(summary, Optional.of(table), options);
    }

    private static ModelComparison compare(BtydSummary summary, Optional<PurchaseTable> table, FitOptions options) {
        return compare(summary, table, options, List.of(BgNbdModel.NAME, MbgNbdModel.NAME, ParetoNbdModel.NAME));
    }

    /** The comparison of some of the models only (the report leaves out Pareto/NBD, see {@link ClvOverview}). */
    static ModelComparison compare(
            BtydSummary summary, Optional<PurchaseTable> table, FitOptions options, List<String> models) {
        if (summary.isEmpty()) {
            throw new IllegalArgumentException("no customers to compare models on");
        }
        // the fits are independent: each on a thread of its own, on the collapsed rows built once before them
        summary.collapse();
        List<java.util.concurrent.CompletableFuture<Candidate>> fits = new ArrayList<>();
        for (String name : models) {
            fits.add(ParallelScans.async(() -> candidate(name, summary, table, options)));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (java.util.concurrent.CompletableFuture<Candidate> fit : fits) {
            candidates.add(ParallelScans.join(fit));
        }
        Choice choice = choose(candidates, summary.hasHoldout());
        return new ModelComparison(
                summary.timeUnit(),
                summary.size(),
                summary.holdoutDuration(),
                candidates,
                List.of(),
                NOT_NESTED,
                choice.best,
                choice.reason);
    }

    private static Candidate candidate(
            String name, BtydSummary summary, Optional<PurchaseTable> table, FitOptions options) {
        Optional<TransactionModel> model;
        Optional<String> failure;
        try {
            model = Optional.of(fit(name, summary, options));
            failure = Optional.empty();
        } catch (IllegalArgumentException e) {
            model = Optional.empty();
            failure = Optional.of(String.valueOf(e.getMessage()));
        }
        Optional<HoldoutError> holdout = model.isPresent() && summary.hasHoldout()
                ? Optional.of(holdout(model.get(), summary, table))
                : Optional.empty();
        return new Candidate(name, model, failure, 4, holdout);
    }

    private static TransactionModel fit(String name, BtydSummary summary, FitOptions options) {
        return switch (name) {
            case BgNbdModel.NAME -> BgNbdModel.fit(summary, options);
            case MbgNbdModel.NAME -> MbgNbdModel.fit(summary, options);
            default -> ParetoNbdModel.fit(summary, options);
        };
    }

    private static HoldoutError holdout(TransactionModel model, BtydSummary summary, Optional<PurchaseTable> table) {
        double h = summary.holdoutDuration().getAsDouble();
        int n = summary.size();
        double[] expected = new double[n];
        IntStream.range(0, n)
                .parallel()
                .forEach(i -> expected[i] =
                        model.expectedPurchases(h, summary.frequency(i), summary.recency(i), summary.age(i)));
        double actualSum = 0;
        double expectedSum = 0;
        double abs = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double y = summary.holdoutFrequency(i);
            double e = y - expected[i];
            actualSum += y;
            expectedSum += expected[i];
            abs += Math.abs(e);
            squares += e * e;
        }
        OptionalDouble trackingMae = OptionalDouble.empty();
        OptionalDouble trackingRmse = OptionalDouble.empty();
        if (table.isPresent()) {
            LocalDate end = summary.calibrationEnd().orElseThrow();
            List<ModelValidation.TrackingPoint> points = ModelValidation.tracking(
                    model, table.get(), end, summary.holdoutEnd().orElseThrow());
            double tAbs = 0;
            double tSquares = 0;
            int count = 0;
            for (ModelValidation.TrackingPoint p : points) {
                if (p.date().isAfter(end)) {
                    double e = p.actual() - p.expected();
                    tAbs += Math.abs(e);
                    tSquares += e * e;
                    count++;
                }
            }
            if (count > 0) {
                trackingMae = OptionalDouble.of(tAbs / count);
                trackingRmse = OptionalDouble.of(Math.sqrt(tSquares / count));
            }
        }
        return new HoldoutError(n, actualSum, expectedSum, abs / n, Math.sqrt(squares / n), trackingMae, trackingRmse);
    }

    private record Choice(Optional<String> best, String reason) {}

    private static Choice choose(List<Candidate> candidates, boolean holdout) {
        List<Candidate> eligible =
                candidates.stream().filter(Candidate::trustworthy).toList();
        String caveat = "";
        if (eligible.isEmpty()) {
            eligible = candidates.stream().filter(Candidate::converged).toList();
            caveat = "; no fit is free of warnings: read them before using its forecasts";
        }
        if (eligible.isEmpty()) {
            return new Choice(Optional.empty(), "no model converged: no model is named best");
        }
        String criterion = holdout ? "lowest holdout RMSE per customer" : "lowest BIC (no holdout period)";
        Comparator<Candidate> order = holdout
                ? Comparator.comparingDouble(c -> c.holdout().orElseThrow().rootMeanSquaredError())
                : Comparator.comparingDouble(c -> c.bic().getAsDouble());
        List<Candidate> ranked = eligible.stream().sorted(order).toList();
        Candidate best = ranked.get(0);
        StringBuilder reason =
                new StringBuilder(criterion).append(": ").append(best.name()).append(' ');
        reason.append(figure(best, holdout));
        for (Candidate c : ranked.subList(1, ranked.size())) {
            reason.append(", ").append(c.name()).append(' ').append(figure(c, holdout));
        }
        List<String> left = candidates.stream()
                .filter(c -> !ranked.contains(c))
                .map(Candidate::name)
                .toList();
        if (!left.isEmpty()) {
            reason.append("; not considered: ")
                    .append(String.join(", ", left))
                    .append(" (failed, not converged or with warnings)");
        }
        return new Choice(Optional.of(best.name()), reason.append(caveat).toString());
    }

    private static String figure(Candidate c, boolean holdout) {
        return holdout
                ? String.format(Locale.ROOT, "%.4f", c.holdout().orElseThrow().rootMeanSquaredError())
                : String.format(Locale.ROOT, "%.1f", c.bic().getAsDouble());
    }

    /**
     * The candidate of a model.
     *
     * @param name the model name
     * @return the candidate, if compared
     */
    public Optional<Candidate> candidate(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The best model, fitted.
     *
     * @return the model, empty when none converged
     */
    public Optional<TransactionModel> bestModel() {
        return best.flatMap(this::candidate).flatMap(Candidate::model);
    }

    /** One line per candidate (LL, AIC, BIC, holdout RMSE), the nesting statement and the choice. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ModelComparison[")
                .append(customers)
                .append(" customers, ")
                .append(timeUnit)
                .append(holdoutDuration.isPresent() ? ", holdout " + holdoutDuration.getAsDouble() : "")
                .append("]\n");
        for (Candidate c : candidates) {
            s.append("  ").append(c.name());
            if (c.failure().isPresent()) {
                s.append(": failed: ").append(c.failure().get()).append('\n');
                continue;
            }
            s.append(String.format(
                    Locale.ROOT,
                    ": LL %.2f, AIC %.2f, BIC %.2f",
                    c.logLikelihood().getAsDouble(),
                    c.aic().getAsDouble(),
                    c.bic().getAsDouble()));
            c.holdout()
                    .ifPresent(h -> s.append(String.format(
                            Locale.ROOT,
                            ", holdout MAE %.4f RMSE %.4f",
                            h.meanAbsoluteError(),
                            h.rootMeanSquaredError())));
            s.append(c.converged() ? "" : " (not converged)").append('\n');
        }
        s.append("  best: ")
                .append(best.orElse("none"))
                .append(" (")
                .append(reason)
                .append(')');
        return s.toString();
    }
}
