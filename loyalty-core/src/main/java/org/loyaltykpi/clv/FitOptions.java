package org.loyaltykpi.clv;

/**
 * Options of a maximum-likelihood fit.
 *
 * <p>The fit minimizes {@code -LL / N + penalizer * sum(theta_i^2)} over the log-parameters, {@code N} the number of
 * customers (the convention of the Python library lifetimes, so penalizer values carry over). A penalizer of 0 (the
 * default) is plain maximum likelihood; a small one (0.001 .. 0.1) keeps parameters finite on data that do not
 * identify them. Convergence: every component of the gradient of that objective with respect to the log-parameters
 * is at most {@code gradientTolerance}.
 *
 * <pre>{@code
 * FitOptions.defaults().withPenalizer(0.01);
 * }</pre>
 *
 * @param penalizer the L2 penalty coefficient, {@code >= 0}
 * @param maxIterations the most quasi-Newton iterations, positive
 * @param gradientTolerance the convergence threshold, positive
 */
public record FitOptions(double penalizer, int maxIterations, double gradientTolerance) {
    private static final FitOptions DEFAULTS = new FitOptions(0, 500, 1e-8);

    /** Validates. */
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
    }

    /**
     * No penalizer, 500 iterations, gradient tolerance {@code 1e-8}.
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
        return new FitOptions(penalizer, maxIterations, gradientTolerance);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param maxIterations the limit
     * @return the copy
     */
    public FitOptions withMaxIterations(int maxIterations) {
        return new FitOptions(penalizer, maxIterations, gradientTolerance);
    }
}
