package org.loyaltykpi.clv;

import java.util.Locale;

/**
 * The bounds of a prediction interval (see {@link PredictionIntervals}).
 *
 * <pre>{@code
 * new PredictionRange(1.2, 3.4).contains(2);   // true
 * }</pre>
 *
 * @param low the lower bound
 * @param high the upper bound, {@code >= low}
 */
public record PredictionRange(double low, double high) {
    /** Validates: finite, ordered bounds. */
    public PredictionRange {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("need finite bounds low <= high: [" + low + ", " + high + "]");
        }
    }

    /**
     * Whether the range holds a value.
     *
     * @param value the value
     * @return {@code low <= value <= high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** For example {@code [1.2, 3.4]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.6g, %.6g]", low, high);
    }
}
