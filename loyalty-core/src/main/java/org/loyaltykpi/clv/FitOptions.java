package org.loyaltykpi.clv;

import java.util.List;

/**
 * Options of a maximum-likelihood fit.
 *
 * <p>The fit minimizes {@code -LL / N + penalizer * sum((c_i theta_i)^2)} over the log-parameters, {@code N} the
 * number of customers (the sum of the weights). The factor {@code c_i} depends on the {@link PenaltyScale}:
 *
 * <ul>
 *   <li>{@link PenaltyScale#TIME_UNIT} (the default): {@code c_i = 1}, every parameter is penalized in the summary's
 *       own time unit. A time-scale parameter ({@code alpha} of BG/NBD, MBG/NBD and Pareto/NBD, {@code beta} of
 *       Pareto/NBD) then weighs differently in days than in weeks, so the same penalizer gives other estimates in
 *       another unit.
 *   <li>{@link PenaltyScale#MAX_AGE_ONE}: the convention of the Python library lifetimes (0.11), which fits BG/NBD,
 *       MBG/NBD and Pareto/NBD on time rescaled so that the largest {@code T} of the summary is 1: the time-scale
 *       parameters are penalized as {@code theta_i / max T} ({@code c_i = 1 / max T}), the shapes as they are. The
 *       log-likelihood of rescaled data differs from the original by a constant only, so without penalty both
 *       conventions give the same estimates; with one, this convention reproduces lifetimes' estimates for the same
 *       {@code penalizer_coef} (the CDNOW sample in weeks at 0.1: BG/NBD {@code r = 0.231} as lifetimes gives,
 *       where {@code TIME_UNIT} gives 0.115) and does not depend on the time unit. Gamma-Gamma and sBG have no time parameter: both conventions
 *       are the same there.
 * </ul>
 *
 * <p>A penalizer of 0 (the default) is plain maximum likelihood; a small one (0.001 .. 0.1) keeps parameters finite on
 * data that do not identify them. Convergence: every component of the gradient of that objective with respect to the
 * log-parameters is at most {@code gradientTolerance}. The optimizer starts from {@code initialParameters} (in the
 * model's parameter order, on the natural scale) or, when that list is empty, from every parameter equal to 1.
 *
 * <pre>{@code
 * FitOptions.defaults().withPenalizer(0.01).withPenaltyScale(FitOptions.PenaltyScale.MAX_AGE_ONE);
 * }</pre>
 *
 * @param penalizer the L2 penalty coefficient, {@code >= 0}
 * @param maxIterations the most quasi-Newton iterations, positive
 * @param gradientTolerance the convergence threshold, positive
 * @param penaltyScale the scale on which the time parameters are penalized
 * @param initialParameters the starting values, positive and finite, one per model parameter; empty for the default
 */
public record FitOptions(
        double penalizer,
        int maxIterations,
        double gradientTolerance,
        PenaltyScale penaltyScale,
        List<Double> initialParameters) {
    private static final FitOptions DEFAULTS = new FitOptions(0, 500, 1e-8, PenaltyScale.TIME_UNIT, List.of());

    /** The scale on which the L2 penalty sees the time-scale parameters (see {@link FitOptions}). */
    public enum PenaltyScale {
        /** Parameters as they are, in the summary's time unit. */
        TIME_UNIT,
        /** lifetimes' convention: time parameters divided by the summary's largest {@code T}. */
        MAX_AGE_ONE
    }

    /** Validates and copies. */
    public FitOptions {
        if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
            throw new IllegalArgumentException("penalizer must be finite and >= 0: " + penalizer);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
        }
        if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradientTolerance must be positive: " + gradientTolerance);
        }
        if (penaltyScale == null) {
            throw new IllegalArgumentException("penaltyScale must be given");
        }
        initialParameters = List.copyOf(initialParameters);
        for (double v : initialParameters) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("initial parameters must be positive and finite: " + v);
            }
        }
    }

    /**
     * Options with the default penalty scale and start.
     *
     * @param penalizer the L2 penalty coefficient, {@code >= 0}
     * @param maxIterations the most quasi-Newton iterations, positive
     * @param gradientTolerance the convergence threshold, positive
     */
    public FitOptions(double penalizer, int maxIterations, double gradientTolerance) {
        this(penalizer, maxIterations, gradientTolerance, PenaltyScale.TIME_UNIT, List.of());
    }

    /**
     * No penalizer, 500 iterations, gradient tolerance {@code 1e-8}, {@link PenaltyScale#TIME_UNIT}, default start.
     *
     * @return the defaults
     */
    public static FitOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another penalizer.
     *
     * @param penalizer the L2 penalty coefficient
     * @return the copy
     */
    public FitOptions withPenalizer(double penalizer) {
        return new FitOptions(penalizer, maxIterations, gradientTolerance, penaltyScale, initialParameters);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param maxIterations the limit
     * @return the copy
     */
    public FitOptions withMaxIterations(int maxIterations) {
        return new FitOptions(penalizer, maxIterations, gradientTolerance, penaltyScale, initialParameters);
    }

    /**
     * A copy with another penalty scale.
     *
     * @param penaltyScale the scale
     * @return the copy
     */
    public FitOptions withPenaltyScale(PenaltyScale penaltyScale) {
        return new FitOptions(penalizer, maxIterations, gradientTolerance, penaltyScale, initialParameters);
    }

    /**
     * A copy that starts the optimizer from given values.
     *
     * @param initialParameters one positive value per model parameter, in the model's order; empty for the default
     * @return the copy
     */
    public FitOptions withInitialParameters(List<Double> initialParameters) {
        return new FitOptions(penalizer, maxIterations, gradientTolerance, penaltyScale, initialParameters);
    }
}
