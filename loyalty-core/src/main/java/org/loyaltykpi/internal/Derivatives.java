package org.loyaltykpi.internal;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Numerical derivatives by central differences, and the inverse of a symmetric positive definite matrix, for the
 * gradients the CLV models cannot write in closed form and for standard errors from the Hessian.
 */
public final class Derivatives {
    /** Relative step of first differences: about the cube root of the double epsilon (error O(h^2) + O(eps/h)). */
    private static final double GRADIENT_STEP = 6e-6;

    /** Relative step of the Hessian from analytic gradients. */
    private static final double HESSIAN_STEP = 1e-4;

    private Derivatives() {}

    /**
     * The central-difference gradient of a function.
     *
     * @param f the function
     * @param x the point (restored on return)
     * @param gradient receives the gradient
     * @return {@code f(x)}
     */
    public static double gradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
        double value = f.applyAsDouble(x);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = GRADIENT_STEP * Math.max(1, Math.abs(xi));
            x[i] = xi + h;
            double up = f.applyAsDouble(x);
            x[i] = xi - h;
            double down = f.applyAsDouble(x);
            x[i] = xi;
            gradient[i] = (up - down) / (2 * h);
        }
        return value;
    }

    /**
     * An objective whose gradient is the central difference of a function, for {@link Bfgs}.
     *
     * @param f the function
     * @return the objective
     */
    public static Bfgs.Objective withNumericalGradient(ToDoubleFunction<double[]> f) {
        return (x, gradient) -> gradient(f, x.clone(), gradient);
    }

    /**
     * The Hessian as the central difference of the gradient, symmetrized.
     *
     * @param objective the objective (its gradient is used)
     * @param x the point
     * @return the Hessian
     */
    public static double[][] hessian(Bfgs.Objective objective, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] up = new double[n];
        double[] down = new double[n];
        double[] probe = x.clone();
        for (int j = 0; j < n; j++) {
            double step = HESSIAN_STEP * Math.max(1, Math.abs(x[j]));
            probe[j] = x[j] + step;
            objective.evaluate(probe, up);
            probe[j] = x[j] - step;
            objective.evaluate(probe, down);
            probe[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = (up[i] - down[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (h[i][j] + h[j][i]) / 2;
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }

    /**
     * The inverse of a symmetric positive definite matrix, by Cholesky decomposition.
     *
     * @param a the matrix (not modified)
     * @return the inverse, or empty if the matrix is not (numerically) positive definite or not finite
     */
    public static Optional<double[][]> inverseOfPositiveDefinite(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return Optional.empty();
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        // Invert L (lower triangular), then A^-1 = L^-T L^-1.
        double[][] li = new double[n][n];
        for (int i = 0; i < n; i++) {
            li[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i][k] * li[k][j];
                }
                li[i][j] = sum / l[i][i];
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = Math.max(i, j); k < n; k++) {
                    sum += li[k][i] * li[k][j];
                }
                inverse[i][j] = sum;
            }
        }
        return Optional.of(inverse);
    }
}
