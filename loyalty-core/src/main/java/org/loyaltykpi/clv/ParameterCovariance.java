package org.loyaltykpi.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.loyaltykpi.internal.Normal;

/**
 * The asymptotic covariance matrix of a fit's estimates, on the scale the fit works on: the inverse of the Hessian of
 * the negative log-likelihood (plus the penalty, when a penalizer is used) at the optimum, in the log of every
 * positive model parameter ({@code ln r, ln alpha, ...}) and in the coefficients of covariates as they are.
 *
 * <p>A Wald interval at level {@code L} is {@code phi +- z sqrt(Sigma_ii)}, {@code z = Phi^-1((1 + L) / 2)}, on that
 * scale; for a log-scale parameter it is mapped back by {@code exp}, so it is asymmetric around the estimate and never
 * below 0 ({@link #intervals(double)}). The standard errors of {@link Parameter} are the delta-method ones, {@code
 * theta sqrt(Sigma_ii)}.
 *
 * <pre>{@code
 * ParameterCovariance c = BgNbdModel.fit(summary).fit().orElseThrow().covariance().orElseThrow();
 * c.get("r", "alpha");         // Cov(ln r, ln alpha)
 * c.intervals(0.95);           // 95% intervals of r, alpha, a, b
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterCovariance {
    private final List<String> names;
    private final double[] estimates;
    private final boolean[] logScale;
    private final double[][] matrix;

    /**
     * A covariance matrix.
     *
     * @param names the parameter names, in the fit's order
     * @param estimates the estimates in natural units ({@code r}, not {@code ln r})
     * @param logScale per parameter, whether the fit works on its logarithm
     * @param matrix the symmetric covariance on the fit's scale, {@code names.size()} square, finite
     * @throws IllegalArgumentException if the sizes disagree, a value is not finite or a variance is negative
     */
    public ParameterCovariance(List<String> names, double[] estimates, boolean[] logScale, double[][] matrix) {
        int n = names.size();
        if (estimates.length != n || logScale.length != n || matrix.length != n) {
            throw new IllegalArgumentException("covariance of " + n + " parameters " + names + " needs " + n
                    + " estimates, scales and rows: " + estimates.length + ", " + logScale.length + ", "
                    + matrix.length);
        }
        this.names = List.copyOf(names);
        this.estimates = estimates.clone();
        this.logScale = logScale.clone();
        this.matrix = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException(
                        "covariance row " + i + " has " + matrix[i].length + " entries, not " + n);
            }
            for (double v : matrix[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("covariance entries must be finite: " + v);
                }
            }
            if (matrix[i][i] < 0) {
                throw new IllegalArgumentException("variance of " + names.get(i) + " is negative: " + matrix[i][i]);
            }
            this.matrix[i] = matrix[i].clone();
        }
    }

    /**
     * The parameter names, in the fit's order (the rows and columns of the matrix).
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The number of parameters.
     *
     * @return the size of the matrix
     */
    public int size() {
        return names.size();
    }

    /**
     * An entry of the matrix.
     *
     * @param i row
     * @param j column
     * @return {@code Cov(phi_i, phi_j)} on the fit's scale
     */
    public double get(int i, int j) {
        return matrix[i][j];
    }

    /**
     * An entry of the matrix by parameter names.
     *
     * @param row the first parameter's name
     * @param column the second parameter's name
     * @return {@code Cov(phi_row, phi_column)} on the fit's scale
     * @throws IllegalArgumentException if a name is unknown
     */
    public double get(String row, String column) {
        return matrix[index(row)][index(column)];
    }

    /**
     * Whether the fit works on the logarithm of a parameter.
     *
     * @param i the parameter's index
     * @return true for the positive model parameters, false for covariate coefficients
     */
    public boolean isLogScale(int i) {
        return logScale[i];
    }

    /**
     * The estimate of a parameter in natural units.
     *
     * @param i the parameter's index
     * @return the estimate
     */
    public double estimate(int i) {
        return estimates[i];
    }

    /**
     * The estimates on the fit's scale: {@code ln theta} for log-scale parameters, the coefficient otherwise.
     *
     * @return a fresh array
     */
    public double[] workingEstimates() {
        double[] phi = new double[size()];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = logScale[i] ? Math.log(estimates[i]) : estimates[i];
        }
        return phi;
    }

    /**
     * The correlation of two estimates on the fit's scale.
     *
     * @param i row
     * @param j column
     * @return {@code Sigma_ij / sqrt(Sigma_ii Sigma_jj)}, or 0 when a variance is 0
     */
    public double correlation(int i, int j) {
        double d = Math.sqrt(matrix[i][i] * matrix[j][j]);
        return d > 0 ? matrix[i][j] / d : 0;
    }

    /**
     * The whole matrix.
     *
     * @return a fresh copy
     */
    public double[][] toArray() {
        double[][] copy = new double[size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /**
     * Wald confidence intervals of every parameter, computed on the fit's scale and, for log-scale parameters,
     * mapped back by {@code exp}.
     *
     * @param level the confidence level in {@code (0, 1)}, for example 0.95
     * @return one interval per parameter, in the fit's order
     * @throws IllegalArgumentException if the level is not in {@code (0, 1)}
     */
    public List<ParameterInterval> intervals(double level) {
        double z = Normal.criticalValue(level);
        List<ParameterInterval> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            double sd = Math.sqrt(matrix[i][i]);
            double est = estimates[i];
            double low;
            double high;
            if (logScale[i]) {
                low = Math.exp(Math.log(est) - z * sd);
                high = Math.exp(Math.log(est) + z * sd);
            } else {
                low = est - z * sd;
                high = est + z * sd;
            }
            out.add(new ParameterInterval(names.get(i), est, low, high, level, logScale[i]));
        }
        return List.copyOf(out);
    }

    /**
     * The lower-triangular Cholesky factor {@code L} with {@code L L^T = Sigma}, for drawing from the asymptotic
     * normal.
     *
     * @return the factor
     * @throws IllegalStateException if the matrix is not positive definite
     */
    double[][] cholesky() {
        int n = size();
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("the covariance of " + names + " is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the covariance has " + names);
        }
        return i;
    }

    /** The names and the matrix, one row a line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("covariance of ").append(names);
        for (int i = 0; i < size(); i++) {
            s.append('\n')
                    .append(logScale[i] ? "  ln " : "  ")
                    .append(names.get(i))
                    .append(':');
            for (double v : matrix[i]) {
                s.append(String.format(Locale.ROOT, " %.4g", v));
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterCovariance c
                && names.equals(c.names)
                && Arrays.equals(estimates, c.estimates)
                && Arrays.equals(logScale, c.logScale)
                && Arrays.deepEquals(matrix, c.matrix);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.deepHashCode(matrix);
    }
}
