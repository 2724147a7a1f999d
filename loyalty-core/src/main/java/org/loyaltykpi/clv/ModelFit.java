package org.loyaltykpi.clv;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a model was fitted: the estimates with their standard errors, the maximized log-likelihood, whether the
 * optimizer converged and how many iterations it took.
 *
 * <p>A fit that did not converge is still returned (with {@code converged == false} and a warning saying what to
 * try); a fit that cannot produce finite estimates at all throws {@link ModelFitException} instead. Warnings also
 * flag estimates at the edge of the parameter space and, for Gamma-Gamma, a strong correlation between frequency and
 * spend.
 *
 * @param model the model name: {@code bg-nbd}, {@code mbg-nbd}, {@code pareto-nbd}, {@code gamma-gamma} or
 *     {@code sbg}
 * @param timeUnit the time unit of the data (empty for sBG, whose periods are the contract periods)
 * @param customers the number of customers (or, for sBG, of the initial cohort) the fit used
 * @param parameters the estimates, in the papers' order
 * @param logLikelihood the log-likelihood at the estimates (without the penalty)
 * @param converged whether the optimizer met its convergence criterion
 * @param iterations the optimizer's iterations
 * @param penalizer the L2 penalizer used
 * @param warnings findings a user should read, empty when none
 * @param covariance the asymptotic covariance of the estimates on the fit's (log) scale, empty when the Hessian at the
 *     estimates is not positive definite
 */
public record ModelFit(
        String model,
        Optional<TimeScale> timeUnit,
        long customers,
        List<Parameter> parameters,
        double logLikelihood,
        boolean converged,
        int iterations,
        double penalizer,
        List<String> warnings,
        Optional<ParameterCovariance> covariance) {

    /**
     * A fit without a covariance matrix (as before covariances were reported).
     *
     * @param model the model name
     * @param timeUnit the time unit
     * @param customers the customers fitted
     * @param parameters the estimates
     * @param logLikelihood the log-likelihood
     * @param converged whether the optimizer converged
     * @param iterations the optimizer's iterations
     * @param penalizer the L2 penalizer
     * @param warnings the warnings
     */
    public ModelFit(
            String model,
            Optional<TimeScale> timeUnit,
            long customers,
            List<Parameter> parameters,
            double logLikelihood,
            boolean converged,
            int iterations,
            double penalizer,
            List<String> warnings) {
        this(
                model,
                timeUnit,
                customers,
                parameters,
                logLikelihood,
                converged,
                iterations,
                penalizer,
                warnings,
                Optional.empty());
    }

    /** Validates and copies the lists. */
    public ModelFit {
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite: " + logLikelihood);
        }
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }

    /**
     * The estimate of a parameter.
     *
     * @param name the parameter name
     * @return its value
     * @throws IllegalArgumentException if the model has no such parameter
     */
    public double value(String name) {
        return parameter(name).value();
    }

    /**
     * The standard error of a parameter.
     *
     * @param name the parameter name
     * @return its standard error, or empty when the Hessian was not positive definite
     */
    public OptionalDouble standardError(String name) {
        return parameter(name).standardError();
    }

    /**
     * Wald confidence intervals of every parameter, on the log scale the fit works on (mapped back by {@code exp}:
     * {@code exp(ln theta +- z se(ln theta))}), see {@link ParameterCovariance#intervals(double)}.
     *
     * @param level the confidence level in {@code (0, 1)}, for example 0.95
     * @return one interval per parameter in the papers' order, or empty without a covariance matrix
     * @throws IllegalArgumentException if the level is not in {@code (0, 1)}
     */
    public List<ParameterInterval> intervals(double level) {
        org.loyaltykpi.internal.Normal.criticalValue(level);
        return covariance.map(c -> c.intervals(level)).orElse(List.of());
    }

    private Parameter parameter(String name) {
        return parameters.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("model " + model + " has no parameter '" + name + "'; it has "
                                + parameters.stream().map(Parameter::name).toList()));
    }

    /**
     * Whether forecasts from this fit can be presented as sound: it converged and carries no warning (a standard
     * error far larger than its estimate, a parameter at the edge of the parameter space, too few repeat customers,
     * a calibration period shorter than the typical time between purchases, excluded customers, correlated
     * frequency and spend). A report shows the warnings beside any forecast from a fit that is not.
     *
     * @return {@code converged() && warnings().isEmpty()}
     */
    public boolean trustworthy() {
        return converged && warnings.isEmpty();
    }

    /** Several lines: model, parameters, log-likelihood, convergence, warnings. */
    @Override
    public String toString() {
        StringBuilder s =
                new StringBuilder(model).append(" fitted to ").append(customers).append(" customers");
        timeUnit.ifPresent(u -> s.append(" (").append(u).append(')'));
        s.append('\n');
        parameters.forEach(p -> s.append("  ").append(p).append('\n'));
        s.append(String.format(java.util.Locale.ROOT, "  log-likelihood %.4f, ", logLikelihood));
        s.append(converged ? "converged" : "NOT converged")
                .append(" in ")
                .append(iterations)
                .append(" iterations");
        if (penalizer > 0) {
            s.append(", penalizer ").append(penalizer);
        }
        warnings.forEach(w -> s.append("\n  warning: ").append(w));
        return s.toString();
    }
}
