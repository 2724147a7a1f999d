package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.Granularity;

/**
 * A fitted model as it is saved to a file and read back ({@code loyalty clv fit --save FILE}, {@code loyalty clv
 * predict --model-file FILE}): the format version, the fit (model name, time unit, parameters with standard errors,
 * log-likelihood, convergence, warnings), the covariance of the estimates when the fit has one, the covariate names
 * and their coefficients when the model has covariates (the covariance then runs over the model's parameters, on the
 * log scale, and the coefficients {@code purchase.NAME} and {@code dropout.NAME}, as they are), and the calibration facts (the source, the calibration end, the BG/BB period length).
 *
 * <p>Reading a saved model validates it: a known format version and model name, exactly the model's parameters (
 * {@code r, alpha, a, b} for BG/NBD and MBG/NBD, {@code r, alpha, s, beta} for Pareto/NBD, {@code p, q, gamma} for
 * Gamma-Gamma, {@code alpha, beta, gamma, delta} for BG/BB), each positive and finite, a time unit for every model but
 * BG/BB and Gamma-Gamma (whose time unit is the summary's, kept when given), a square symmetric finite covariance
 * matrix over those parameters or none. Anything else is an {@link IllegalArgumentException} naming the field and value.
 *
 * <pre>{@code
 * SavedModel saved = SavedModel.of(BgNbdModel.fit(summary).fit().orElseThrow(), List.of(),
 *         Optional.of(LocalDate.parse("1997-09-30")), Optional.empty(), "CDNOW_master.txt");
 * TransactionModel model = saved.transactionModel();   // the same predictions as the fitted model
 * }</pre>
 *
 * @param formatVersion the version of the file format, {@link #FORMAT_VERSION}
 * @param fit the fit: model, time unit, parameters, log-likelihood, convergence, warnings and the covariance of the
 *     estimates when it has one ({@link ModelFit#covariance()}, on the log scale, in parameter order)
 * @param covariates the names of the covariates the model was fitted with; empty for a model without covariates
 * @param coefficients the purchase coefficients of the covariates, then the dropout ones, in {@code covariates} order;
 *     empty for a model without covariates
 * @param calibrationEnd the last day of the calibration, when fitted to purchases
 * @param periodLength the period of one transaction opportunity of a BG/BB model fitted to purchases
 * @param source what the model was fitted to (a file name, "built-in sample shop", ...)
 */
public record SavedModel(
        int formatVersion,
        ModelFit fit,
        List<String> covariates,
        List<Coefficient> coefficients,
        Optional<LocalDate> calibrationEnd,
        Optional<Granularity> periodLength,
        String source) {

    /** The name of the format, the {@code format} field of the file. */
    public static final String FORMAT = "loyalty-clv-model";

    /** The version of the format this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Map<String, List<String>> PARAMETERS = Map.of(
            BgNbdModel.NAME, List.of("r", "alpha", "a", "b"),
            MbgNbdModel.NAME, List.of("r", "alpha", "a", "b"),
            ParetoNbdModel.NAME, List.of("r", "alpha", "s", "beta"),
            GammaGammaModel.NAME, List.of("p", "q", "gamma"),
            BgBbModel.NAME, List.of("alpha", "beta", "gamma", "delta"));

    private static final List<String> COVARIATE_MODELS =
            List.of(BgNbdModel.NAME, MbgNbdModel.NAME, ParetoNbdModel.NAME);

    /** A purchase and a dropout coefficient per covariate, as a covariate fit's covariance names them. */
    private static List<String> coefficientNames(List<String> covariates) {
        List<String> names = new java.util.ArrayList<>();
        covariates.forEach(c -> names.add("purchase." + c));
        covariates.forEach(c -> names.add("dropout." + c));
        return List.copyOf(names);
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field and the value that is not valid
     */
    public SavedModel {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + formatVersion + " is not supported: this version of"
                    + " loyalty reads version " + FORMAT_VERSION);
        }
        Objects.requireNonNull(fit, "fit");
        List<String> expected = PARAMETERS.get(fit.model());
        if (expected == null) {
            throw new IllegalArgumentException("model '" + fit.model() + "' is not one of "
                    + List.of(
                            BgNbdModel.NAME,
                            MbgNbdModel.NAME,
                            ParetoNbdModel.NAME,
                            GammaGammaModel.NAME,
                            BgBbModel.NAME));
        }
        covariates = List.copyOf(covariates);
        coefficients = List.copyOf(coefficients);
        if (!covariates.isEmpty() && !COVARIATE_MODELS.contains(fit.model())) {
            throw new IllegalArgumentException(
                    "covariates apply to " + COVARIATE_MODELS + " only, not " + fit.model() + ": " + covariates);
        }
        List<String> coefficientNames = coefficientNames(covariates);
        List<String> given = coefficients.stream()
                .map(c -> c.process() + "." + c.covariate())
                .toList();
        if (!given.equals(coefficientNames)) {
            throw new IllegalArgumentException(
                    "coefficients must be " + coefficientNames + " in this order, got " + given);
        }
        List<String> names = fit.parameters().stream().map(Parameter::name).toList();
        if (!names.equals(expected)) {
            throw new IllegalArgumentException(
                    "params of " + fit.model() + " must be " + expected + " in this order, got " + names);
        }
        boolean timed = !fit.model().equals(BgBbModel.NAME) && !fit.model().equals(GammaGammaModel.NAME);
        if (timed && fit.timeUnit().isEmpty()) {
            throw new IllegalArgumentException(
                    "timeUnit is missing: " + fit.model() + " needs days, weeks, months or" + " years");
        }
        if (fit.model().equals(BgBbModel.NAME) && fit.timeUnit().isPresent()) {
            throw new IllegalArgumentException("timeUnit must be empty for bg-bb (it counts opportunities), got "
                    + fit.timeUnit().get());
        }
        if (fit.covariance().isPresent()) {
            ParameterCovariance c = fit.covariance().get();
            List<String> over = new java.util.ArrayList<>(expected);
            over.addAll(coefficientNames);
            if (!c.names().equals(over)) {
                throw new IllegalArgumentException(
                        "covariance must be over " + over + " in this order, got " + c.names());
            }
            for (int i = 0; i < c.size(); i++) {
                for (int j = 0; j < i; j++) {
                    double v = c.get(i, j);
                    double w = c.get(j, i);
                    if (Math.abs(v - w) > 1e-9 * Math.max(1, Math.max(Math.abs(v), Math.abs(w)))) {
                        throw new IllegalArgumentException("covariance must be symmetric: " + over.get(i) + ","
                                + over.get(j) + " is " + v + " but " + over.get(j) + "," + over.get(i) + " is " + w);
                    }
                }
            }
        }
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(periodLength, "periodLength");
        if (periodLength.isPresent() && !fit.model().equals(BgBbModel.NAME)) {
            throw new IllegalArgumentException("periodLength applies to bg-bb only, not " + fit.model());
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * A saved model of a fit, in the current format version, without covariates.
     *
     * @param fit the fit (with its covariance, when it has one)
     * @param calibrationEnd the calibration end, when fitted to purchases
     * @param periodLength the BG/BB period, when fitted to purchases
     * @param source what the model was fitted to
     * @return the saved model
     */
    public static SavedModel of(
            ModelFit fit, Optional<LocalDate> calibrationEnd, Optional<Granularity> periodLength, String source) {
        return new SavedModel(FORMAT_VERSION, fit, List.of(), List.of(), calibrationEnd, periodLength, source);
    }

    /**
     * A saved model of a fit with covariates, in the current format version: the baseline's parameters, then {@code
     * purchase.NAME} and {@code dropout.NAME} coefficients, and the covariate names.
     *
     * @param model the fitted model with covariates
     * @param calibrationEnd the calibration end, when fitted to purchases
     * @param source what the model was fitted to
     * @return the saved model
     * @throws IllegalArgumentException if the model was given by its parameters, not fitted
     */
    public static SavedModel of(CovariateModel model, Optional<LocalDate> calibrationEnd, String source) {
        ModelFit fit = model.fit()
                .orElseThrow(() -> new IllegalArgumentException(
                        "a model with covariates given by its parameters, not fitted, has no fit to save"));
        return new SavedModel(
                FORMAT_VERSION, fit, model.names(), model.coefficients(), calibrationEnd, Optional.empty(), source);
    }

    /**
     * The covariance of the estimates, on the log scale the fits work on.
     *
     * @return the fit's covariance, empty when it has none
     */
    public Optional<ParameterCovariance> covariance() {
        return fit.covariance();
    }

    /**
     * The parameter names of a model, in the papers' order.
     *
     * @param model the model name ({@code bg-nbd}, ...)
     * @return the names, or empty for an unknown model
     */
    public static List<String> parameterNames(String model) {
        return PARAMETERS.getOrDefault(model, List.of());
    }

    /**
     * The model name.
     *
     * @return {@code bg-nbd}, {@code mbg-nbd}, {@code pareto-nbd}, {@code gamma-gamma} or {@code bg-bb}
     */
    public String model() {
        return fit.model();
    }

    private double[] values() {
        return fit.parameters().stream().mapToDouble(Parameter::value).toArray();
    }

    private void noCovariates() {
        if (!covariates.isEmpty()) {
            throw new IllegalArgumentException("the saved " + model() + " model has covariates " + covariates
                    + ": predictions need each customer's covariates (--covariates)");
        }
    }

    /**
     * The purchase model with covariates, with the saved parameters, coefficients and fit (so that its covariance
     * gives prediction intervals): its predictions are those of the fitted model.
     *
     * @return the model
     * @throws IllegalArgumentException if the saved model has no covariates
     */
    public CovariateModel covariateModel() {
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("the saved " + model() + " model has no covariates");
        }
        double[] p = values();
        double[] c = coefficients.stream().mapToDouble(Coefficient::value).toArray();
        int k = covariates.size();
        TimeScale unit = fit.timeUnit().orElseThrow();
        TransactionModel baseline = switch (model()) {
            case BgNbdModel.NAME -> BgNbdModel.of(p[0], p[1], p[2], p[3], unit);
            case MbgNbdModel.NAME -> MbgNbdModel.of(p[0], p[1], p[2], p[3], unit);
            default -> ParetoNbdModel.of(p[0], p[1], p[2], p[3], unit);
        };
        return CovariateModel.restored(
                baseline,
                covariates,
                java.util.Arrays.copyOfRange(c, 0, k),
                java.util.Arrays.copyOfRange(c, k, 2 * k),
                fit);
    }

    /**
     * The purchase model with the saved parameters: its predictions are those of the fitted model.
     *
     * @return BG/NBD, MBG/NBD or Pareto/NBD
     * @throws IllegalArgumentException if the saved model is not one of those
     */
    public TransactionModel transactionModel() {
        noCovariates();
        double[] p = values();
        return switch (model()) {
            case BgNbdModel.NAME ->
                BgNbdModel.of(p[0], p[1], p[2], p[3], fit.timeUnit().orElseThrow());
            case MbgNbdModel.NAME ->
                MbgNbdModel.of(p[0], p[1], p[2], p[3], fit.timeUnit().orElseThrow());
            case ParetoNbdModel.NAME ->
                ParetoNbdModel.of(p[0], p[1], p[2], p[3], fit.timeUnit().orElseThrow());
            default ->
                throw new IllegalArgumentException("the saved model is " + model() + ", not a purchase model (bg-nbd,"
                        + " mbg-nbd or pareto-nbd)");
        };
    }

    /**
     * The Gamma-Gamma spend model with the saved parameters.
     *
     * @return the model
     * @throws IllegalArgumentException if the saved model is another
     */
    public GammaGammaModel spendModel() {
        if (!model().equals(GammaGammaModel.NAME)) {
            throw new IllegalArgumentException("the saved model is " + model() + ", not gamma-gamma");
        }
        double[] p = values();
        return GammaGammaModel.of(p[0], p[1], p[2]);
    }

    /**
     * The BG/BB model with the saved parameters.
     *
     * @return the model
     * @throws IllegalArgumentException if the saved model is another
     */
    public BgBbModel bgBbModel() {
        noCovariates();
        if (!model().equals(BgBbModel.NAME)) {
            throw new IllegalArgumentException("the saved model is " + model() + ", not bg-bb");
        }
        double[] p = values();
        return BgBbModel.of(p[0], p[1], p[2], p[3]);
    }

    /** For example {@code SavedModel[bg-nbd v1, WEEKS, 2357 customers, calibration end 1997-09-30, CDNOW.txt]}. */
    @Override
    public String toString() {
        return "SavedModel[" + model() + " v" + formatVersion
                + fit.timeUnit().map(u -> ", " + u).orElse("") + ", "
                + fit.customers() + " customers"
                + calibrationEnd.map(d -> ", calibration end " + d).orElse("")
                + periodLength.map(p -> ", period " + p).orElse("")
                + (fit.covariance().isEmpty() ? "" : ", with covariance")
                + (covariates.isEmpty() ? "" : ", covariates " + covariates) + ", " + source + "]";
    }
}
