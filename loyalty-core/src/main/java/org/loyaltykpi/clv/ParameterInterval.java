package org.loyaltykpi.clv;

import java.util.Locale;

/**
 * A Wald confidence interval of one fitted parameter (see {@link ParameterCovariance#intervals(double)}).
 *
 * <p>For a parameter the fit works on in logs ({@code logScale}), the interval is {@code exp(ln theta +- z se(ln
 * theta))}: asymmetric around the estimate and positive. For a covariate coefficient it is {@code beta +- z se}.
 *
 * <pre>{@code
 * fit.intervals(0.95).get(0);   // r = 0.2426 [0.2193, 0.2684] (95%, log scale)
 * }</pre>
 *
 * @param name the parameter's name
 * @param estimate the estimate, in natural units
 * @param low the lower bound, in natural units
 * @param high the upper bound, in natural units
 * @param level the confidence level in {@code (0, 1)}
 * @param logScale whether the interval was computed on the log scale
 */
public record ParameterInterval(String name, double estimate, double low, double high, double level, boolean logScale) {
    /**
     * Validates: ordered bounds around the estimate, a level in (0, 1). A log-scale bound may overflow to infinity
     * (or underflow to 0) when the standard error is enormous: the data do not identify the parameter.
     */
    public ParameterInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        if (!(low <= estimate && estimate <= high)) {
            throw new IllegalArgumentException(
                    "interval of " + name + " must hold its estimate " + estimate + ": [" + low + ", " + high + "]");
        }
    }

    /**
     * Whether the interval holds a value.
     *
     * @param value the value
     * @return {@code low <= value <= high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** For example {@code r = 0.2426 [0.2193, 0.2684] (95%, log scale)}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s = %.6g [%.6g, %.6g] (%s%%%s)",
                name,
                estimate,
                low,
                high,
                new java.math.BigDecimal(Double.toString(level * 100))
                        .stripTrailingZeros()
                        .toPlainString(),
                logScale ? ", log scale" : "");
    }
}
