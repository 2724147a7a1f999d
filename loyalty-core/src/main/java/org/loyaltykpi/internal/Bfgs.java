package org.loyaltykpi.internal;

import java.util.Arrays;

/**
 * A small quasi-Newton minimizer: BFGS with a strong-Wolfe line search (Nocedal and Wright, "Numerical Optimization",
 * 2nd ed., algorithms 6.1, 3.5 and 3.6), for the few-parameter maximum-likelihood fits of the CLV models.
 *
 * <p>The objective returns its value and fills its gradient; a non-finite value (a parameter region where the
 * likelihood under- or overflows) is treated as "too far" and the line search steps back. Steps are capped at
 * {@link Options#maxStep()} in the max norm, which on log-parameters keeps a step within a factor {@code e^maxStep}.
 *
 * <p>Convergence: the largest gradient component is at most {@link Options#gradientTolerance()}. When the line search
 * can no longer reduce the objective (the gradient is then at the level of its own rounding noise, typical with
 * numerical gradients) the run also counts as converged if that component is at most {@code 1000 *
 * gradientTolerance}; otherwise the result says it did not converge and why.
 */
public final class Bfgs {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH_STEPS = 40;

    private Bfgs() {}

    /** An objective: returns {@code f(x)} and writes the gradient at {@code x} into {@code gradient}. */
    @FunctionalInterface
    public interface Objective {
        /**
         * Evaluates the objective.
         *
         * @param x the point (not modified)
         * @param gradient receives the gradient
         * @return the value, possibly non-finite outside the domain
         */
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * Options of a run.
     *
     * @param maxIterations the most BFGS iterations, positive
     * @param gradientTolerance convergence when every gradient component is at most this, positive
     * @param maxStep the largest step in the max norm, positive
     */
    public record Options(int maxIterations, double gradientTolerance, double maxStep) {
        /** Validates. */
        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
            }
            if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
                throw new IllegalArgumentException("gradientTolerance must be positive: " + gradientTolerance);
            }
            if (!(maxStep > 0)) {
                throw new IllegalArgumentException("maxStep must be positive: " + maxStep);
            }
        }
    }

    /**
     * The outcome of a run.
     *
     * @param point the best point found
     * @param value the objective there
     * @param gradient the gradient there
     * @param iterations BFGS iterations made
     * @param evaluations objective evaluations made
     * @param converged whether the gradient criterion was met
     * @param message how the run ended, in words
     */
    public record Result(
            double[] point,
            double value,
            double[] gradient,
            int iterations,
            int evaluations,
            boolean converged,
            String message) {}

    /**
     * Minimizes an objective from a starting point.
     *
     * @param objective the objective
     * @param start the starting point (not modified)
     * @param options the options
     * @return the result
     * @throws IllegalArgumentException if the objective or its gradient is not finite at the start
     */
    public static Result minimize(Objective objective, double[] start, Options options) {
        return new Run(objective, start, options).run();
    }

    /** The largest absolute component. */
    public static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private static final class Run {
        private final Objective objective;
        private final Options options;
        private final int n;
        private double[] x;
        private double f;
        private double[] g;
        private int evaluations;
        // Trial point of the line search.
        private final double[] trialX;
        private final double[] trialG;

        Run(Objective objective, double[] start, Options options) {
            this.objective = objective;
            this.options = options;
            this.n = start.length;
            this.x = start.clone();
            this.g = new double[n];
            this.trialX = new double[n];
            this.trialG = new double[n];
            this.f = objective.evaluate(x, g);
            evaluations++;
            if (!Double.isFinite(f) || !allFinite(g)) {
                throw new IllegalArgumentException("the objective is not finite at the starting point "
                        + Arrays.toString(start) + ": f=" + f + ", gradient=" + Arrays.toString(g));
            }
        }

        Result run() {
            double[][] h = identity();
            boolean fresh = true;
            double[] p = new double[n];
            for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
                if (maxAbs(g) <= options.gradientTolerance()) {
                    return result(iteration, true, "gradient below tolerance");
                }
                for (int i = 0; i < n; i++) {
                    p[i] = -dot(h[i], g);
                }
                double slope = dot(g, p);
                if (!(slope < 0)) {
                    h = identity();
                    fresh = true;
                    for (int i = 0; i < n; i++) {
                        p[i] = -g[i];
                    }
                    slope = dot(g, p);
                }
                double step = Math.min(1, options.maxStep() / maxAbs(p));
                double accepted = lineSearch(p, slope, step);
                if (accepted <= 0) {
                    if (!fresh) {
                        // The curvature model went stale: retry along the steepest descent.
                        h = identity();
                        fresh = true;
                        iteration--;
                        continue;
                    }
                    boolean nearlyFlat = maxAbs(g) <= 1000 * options.gradientTolerance();
                    return result(
                            iteration,
                            nearlyFlat,
                            nearlyFlat
                                    ? "no further decrease possible; gradient at its noise level"
                                    : "the line search found no decrease along the steepest descent");
                }
                double[] s = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = trialX[i] - x[i];
                    y[i] = trialG[i] - g[i];
                }
                x = trialX.clone();
                g = trialG.clone();
                f = trialF;
                double sy = dot(s, y);
                if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                    if (fresh) {
                        // Scale the first inverse-Hessian guess (Nocedal and Wright, eq. 6.20).
                        double scale = sy / dot(y, y);
                        for (int i = 0; i < n; i++) {
                            h[i][i] = scale;
                        }
                        fresh = false;
                    }
                    h = bfgsUpdate(h, s, y, sy);
                }
            }
            boolean converged = maxAbs(g) <= options.gradientTolerance();
            return result(
                    options.maxIterations(),
                    converged,
                    converged ? "gradient below tolerance" : "iteration limit reached");
        }

        private double trialF;

        private double[][] identity() {
            double[][] h = new double[n][n];
            for (int i = 0; i < n; i++) {
                h[i][i] = 1;
            }
            return h;
        }

        private double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
            double rho = 1 / sy;
            double[] hy = new double[n];
            for (int i = 0; i < n; i++) {
                hy[i] = dot(h[i], y);
            }
            double yhy = dot(y, hy);
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    next[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
                }
            }
            return next;
        }

        /** Evaluates at {@code x + t p} into the trial fields; returns the directional derivative. */
        private double probe(double[] p, double t) {
            for (int i = 0; i < n; i++) {
                trialX[i] = x[i] + t * p[i];
            }
            trialF = objective.evaluate(trialX, trialG);
            evaluations++;
            if (!Double.isFinite(trialF) || !allFinite(trialG)) {
                trialF = Double.POSITIVE_INFINITY;
                return Double.NaN;
            }
            return dot(trialG, p);
        }

        /** Strong-Wolfe line search; leaves the accepted point in the trial fields and returns its step, or 0. */
        private double lineSearch(double[] p, double slope0, double initial) {
            double previous = 0;
            double fPrevious = f;
            double dPrevious = slope0;
            double t = initial;
            double tMax = initial * 64;
            for (int i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
                double d = probe(p, t);
                if (trialF > f + C1 * t * slope0 || (i > 0 && trialF >= fPrevious)) {
                    return zoom(p, slope0, previous, fPrevious, dPrevious, t, trialF);
                }
                if (Math.abs(d) <= -C2 * slope0) {
                    return t;
                }
                if (d >= 0) {
                    return zoom(p, slope0, t, trialF, d, previous, fPrevious);
                }
                if (t >= tMax) {
                    return t;
                }
                previous = t;
                fPrevious = trialF;
                dPrevious = d;
                t = Math.min(2 * t, tMax);
            }
            return 0;
        }

        private double zoom(double[] p, double slope0, double lo, double fLo, double dLo, double hi, double fHi) {
            for (int i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
                double t = interpolate(lo, fLo, dLo, hi, fHi);
                double d = probe(p, t);
                if (trialF > f + C1 * t * slope0 || trialF >= fLo) {
                    hi = t;
                    fHi = trialF;
                } else {
                    if (Math.abs(d) <= -C2 * slope0) {
                        return t;
                    }
                    if (d * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                    }
                    lo = t;
                    fLo = trialF;
                    dLo = d;
                }
                if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) {
                    break;
                }
            }
            // Accept the best point with sufficient decrease, if any, even without the curvature condition.
            if (lo > 0 && fLo < f) {
                probe(p, lo);
                return lo;
            }
            return 0;
        }

        /** The minimizer of the quadratic through (lo, fLo, dLo) and (hi, fHi), kept well inside the bracket. */
        private static double interpolate(double lo, double fLo, double dLo, double hi, double fHi) {
            double width = hi - lo;
            double t = Double.NaN;
            if (Double.isFinite(fHi) && Double.isFinite(dLo)) {
                double curvature = fHi - fLo - dLo * width;
                if (curvature > 0) {
                    t = lo - dLo * width * width / (2 * curvature);
                }
            }
            double a = Math.min(lo, hi);
            double b = Math.max(lo, hi);
            double margin = 0.1 * (b - a);
            if (!(t >= a + margin && t <= b - margin)) {
                t = Double.isFinite(fHi) ? lo + width / 2 : lo + width / 4;
            }
            return t;
        }

        private Result result(int iterations, boolean converged, String message) {
            return new Result(x.clone(), f, g.clone(), iterations, evaluations, converged, message);
        }
    }
}
