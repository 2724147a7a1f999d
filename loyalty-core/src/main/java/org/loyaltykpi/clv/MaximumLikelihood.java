package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.internal.Bfgs;
import org.loyaltykpi.internal.Derivatives;

/**
 * The maximum-likelihood machinery shared by every model: BFGS on the log-parameters (so every parameter stays
 * positive without constraints), the optional L2 penalty, standard errors from the Hessian, and the checks that turn
 * a failed fit into a {@link ModelFitException} instead of NaN.
 */
final class MaximumLikelihood {
    /** Parameters beyond these bounds are reported as being at the edge of the parameter space. */
    private static final double EDGE_LOW = 1e-4;

    private static final double EDGE_HIGH = 1e6;

    /** A standard error above this multiple of its estimate makes a warning. */
    static final double SE_RATIO_WARNING = 10;

    /** Fewer repeat customers than this make a warning. */
    static final long FEW_REPEAT_CUSTOMERS = 30;

    /** The largest step of one iteration in log-parameters: a factor e^5 at most. */
    private static final double MAX_STEP = 5;

    private MaximumLikelihood() {}

    /** A log-likelihood of natural parameters; fills the gradient when it is non-null and the model has one. */
    @FunctionalInterface
    interface LogLikelihood {
        double value(double[] theta, double[] gradient);
    }

    /** A model's fitting problem. */
    record Problem(
            String model,
            Optional<TimeScale> unit,
            long customers,
            double weight,
            List<String> names,
            LogLikelihood logLikelihood,
            boolean analyticGradient,
            List<Integer> timeParameters,
            double maxAge) {
        /** A problem without time-scale parameters. */
        Problem(
                String model,
                Optional<TimeScale> unit,
                long customers,
                double weight,
                List<String> names,
                LogLikelihood logLikelihood,
                boolean analyticGradient) {
            this(model, unit, customers, weight, names, logLikelihood, analyticGradient, List.of(), 0);
        }

        /** The factor {@code c_i} of each parameter in the penalty {@code (c_i theta_i)^2} (see FitOptions). */
        double[] penaltyFactors(FitOptions options) {
            double[] c = new double[names.size()];
            java.util.Arrays.fill(c, 1);
            if (options.penaltyScale() == FitOptions.PenaltyScale.MAX_AGE_ONE && maxAge > 0) {
                for (int i : timeParameters) {
                    c[i] = 1 / maxAge;
                }
            }
            return c;
        }
    }

    /** The estimates and the fit report. */
    record Estimate(double[] theta, ModelFit fit) {}

    static Estimate fit(Problem problem, double[] start, FitOptions options, List<String> warnings) {
        int n = start.length;
        double scale = 1 / problem.weight();
        double penalizer = options.penalizer();
        double[] c2 = problem.penaltyFactors(options);
        for (int i = 0; i < n; i++) {
            c2[i] *= c2[i];
        }
        if (!options.initialParameters().isEmpty()) {
            if (options.initialParameters().size() != n) {
                throw new IllegalArgumentException(problem.model() + " has " + n + " parameters " + problem.names()
                        + " but " + options.initialParameters().size() + " initial values were given: "
                        + options.initialParameters());
            }
            start = options.initialParameters().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
        }
        Bfgs.Objective objective;
        if (problem.analyticGradient()) {
            objective = (phi, g) -> {
                double[] theta = exp(phi);
                double[] gradTheta = new double[n];
                double ll = problem.logLikelihood().value(theta, gradTheta);
                double f = -ll * scale;
                for (int i = 0; i < n; i++) {
                    f += penalizer * c2[i] * theta[i] * theta[i];
                    g[i] = theta[i] * (-gradTheta[i] * scale + 2 * penalizer * c2[i] * theta[i]);
                }
                return Double.isFinite(f) ? f : Double.NaN;
            };
        } else {
            objective = Derivatives.withNumericalGradient(phi -> {
                double[] theta = exp(phi);
                double f = -problem.logLikelihood().value(theta, null) * scale;
                for (int i = 0; i < n; i++) {
                    f += penalizer * c2[i] * theta[i] * theta[i];
                }
                return Double.isFinite(f) ? f : Double.NaN;
            });
        }
        double[] phiStart = new double[n];
        for (int i = 0; i < n; i++) {
            phiStart[i] = Math.log(start[i]);
        }
        Bfgs.Result result;
        try {
            result = Bfgs.minimize(
                    objective,
                    phiStart,
                    new Bfgs.Options(options.maxIterations(), options.gradientTolerance(), MAX_STEP));
        } catch (IllegalArgumentException e) {
            throw new ModelFitException(problem.model() + ": the log-likelihood is not finite at the starting values "
                    + Arrays.toString(start) + "; check the summary for extreme values (" + e.getMessage() + ")");
        }
        double[] theta = exp(result.point());
        double logLikelihood = problem.logLikelihood().value(theta, null);
        if (!Double.isFinite(logLikelihood) || !allFiniteAndPositive(theta)) {
            throw new ModelFitException(problem.model() + ": the fit ended where the log-likelihood is not finite"
                    + " (parameters " + Arrays.toString(theta) + "); the data may not identify the model: try a"
                    + " penalizer (for example 0.01), a longer calibration period or more customers");
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        if (!result.converged()) {
            allWarnings.add("the optimizer did not converge after " + result.iterations() + " iterations ("
                    + result.message() + "): the estimates may be off; try more iterations or a penalizer");
        }
        for (int i = 0; i < n; i++) {
            if (theta[i] < EDGE_LOW || theta[i] > EDGE_HIGH) {
                allWarnings.add(String.format(
                        Locale.ROOT,
                        "%s = %.4g is at the edge of the parameter space: the data hardly identify it;"
                                + " a penalizer keeps it finite",
                        problem.names().get(i),
                        theta[i]));
            }
        }
        double[][] hessian = Derivatives.hessian(objective, result.point());
        for (double[] row : hessian) {
            for (int j = 0; j < n; j++) {
                row[j] *= problem.weight();
            }
        }
        Optional<double[][]> covariance = Derivatives.inverseOfPositiveDefinite(hessian);
        if (covariance.isEmpty()) {
            allWarnings.add("the Hessian at the estimates is not positive definite: no standard errors");
        }
        List<Parameter> parameters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            OptionalDouble se = covariance
                    .map(c -> c[k][k] > 0 ? OptionalDouble.of(theta[k] * Math.sqrt(c[k][k])) : OptionalDouble.empty())
                    .orElse(OptionalDouble.empty());
            parameters.add(new Parameter(problem.names().get(i), theta[i], se));
            if (se.isPresent() && se.getAsDouble() > SE_RATIO_WARNING * theta[i]) {
                allWarnings.add(String.format(
                        Locale.ROOT,
                        "the standard error of %s (%.3g) is %.3g times its estimate (%.4g): the data do not identify"
                                + " it, so forecasts from this fit are not trustworthy; use a longer calibration"
                                + " period, more customers or a penalizer",
                        problem.names().get(i),
                        se.getAsDouble(),
                        se.getAsDouble() / theta[i],
                        theta[i]));
            }
        }
        ModelFit fit = new ModelFit(
                problem.model(),
                problem.unit(),
                problem.customers(),
                parameters,
                logLikelihood,
                result.converged(),
                result.iterations(),
                penalizer,
                allWarnings,
                covariance.map(c -> new ParameterCovariance(problem.names(), theta, logScale(n), c)));
        return new Estimate(theta, fit);
    }

    private static boolean[] logScale(int n) {
        boolean[] log = new boolean[n];
        Arrays.fill(log, true);
        return log;
    }

    private static double[] exp(double[] phi) {
        double[] theta = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            theta[i] = Math.exp(phi[i]);
        }
        return theta;
    }

    private static boolean allFiniteAndPositive(double[] theta) {
        for (double t : theta) {
            if (!(t > 0) || Double.isInfinite(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code ln(1 + e)} for {@code e >= 0}, accurate to a few ulps, with the fast {@link Math#log} instead of {@link
     * Math#log1p} (a slow library call on the hot path of the fits): with {@code u = 1 + e} rounded, {@code ln(u) e /
     * (u - 1)} cancels the rounding error of {@code u} (Goldberg 1991, "What every computer scientist should know about
     * floating-point arithmetic", theorem 4).
     */
    static double log1p(double e) {
        double u = 1 + e;
        return u == 1 ? e : Math.log(u) * e / (u - 1);
    }

    /** {@code ln(1 + e^z)} without overflow. */
    static double log1pExp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** {@code 1 / (1 + e^-z)} without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code ln(e^u + e^v)}. */
    static double logAddExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    /**
     * Rising-factorial tables for integer counts: {@code log[x] = ln Gamma(v + x) - ln Gamma(v) = sum_{k<x} ln(v + k)}
     * and {@code digamma[x] = psi(v + x) - psi(v) = sum_{k<x} 1 / (v + k)}, for {@code x = 0..n}: one logarithm per
     * count instead of two log-gamma calls per customer.
     */
    static void risingTables(double v, int n, double[] log, double[] digamma) {
        log[0] = 0;
        if (digamma != null) {
            digamma[0] = 0;
        }
        for (int k = 0; k < n; k++) {
            log[k + 1] = log[k] + Math.log(v + k);
            if (digamma != null) {
                digamma[k + 1] = digamma[k] + 1 / (v + k);
            }
        }
    }

    /**
     * The warnings a purchase-model fit's data deserve before fitting: too few repeat customers. After fitting, {@link
     * #calibrationWarning} compares the calibration length with the typical time between purchases.
     */
    static List<String> dataWarnings(BtydSummary summary) {
        List<String> warnings = new ArrayList<>();
        long repeat = summary.repeatCustomers();
        if (repeat < FEW_REPEAT_CUSTOMERS) {
            warnings.add("only " + repeat + " of " + summary.size() + " customers made a repeat purchase (fewer than "
                    + FEW_REPEAT_CUSTOMERS + "): the purchase and dropout rates rest on very little data");
        }
        return warnings;
    }

    /**
     * A warning when the calibration period (the largest T) is shorter than the typical time between purchases, the
     * mean of {@code 1 / lambda} under the fitted {@code Gamma(r, alpha)}: {@code alpha / (r - 1)} for {@code r > 1},
     * else infinite (then the median gap, about {@code alpha / r}, is used).
     */
    static java.util.Optional<String> calibrationWarning(double r, double alpha, double maxAge, TimeScale unit) {
        double gap = r > 1 ? alpha / (r - 1) : alpha / r;
        if (maxAge < gap) {
            return java.util.Optional.of(String.format(
                    Locale.ROOT,
                    "the calibration period (%.4g %s) is shorter than the typical time between purchases the fit"
                            + " implies (%.4g %s): most customers have not had the chance to buy again, so P(alive)"
                            + " and forecasts are not trustworthy; use a longer calibration period",
                    maxAge,
                    unit.name().toLowerCase(Locale.ROOT),
                    gap,
                    unit.name().toLowerCase(Locale.ROOT)));
        }
        return java.util.Optional.empty();
    }

    /** A copy of a fit with more warnings. */
    static ModelFit withWarnings(ModelFit fit, List<String> more) {
        if (more.isEmpty()) {
            return fit;
        }
        List<String> all = new ArrayList<>(fit.warnings());
        all.addAll(more);
        return new ModelFit(
                fit.model(),
                fit.timeUnit(),
                fit.customers(),
                fit.parameters(),
                fit.logLikelihood(),
                fit.converged(),
                fit.iterations(),
                fit.penalizer(),
                all,
                fit.covariance());
    }

    static String noRepeatPurchases(String model) {
        return model + ": no customer in the summary made a repeat purchase, so the purchase rate and the dropout"
                + " process cannot be estimated; use a longer calibration period (a later calibration end)";
    }

    static String emptySummary(String model) {
        return model + ": the summary has no customers; check the calibration end (customers count only if their"
                + " first purchase is on or before it)";
    }
}
