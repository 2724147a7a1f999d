package org.loyaltykpi.survey;

import org.loyaltykpi.internal.Normal;
import org.loyaltykpi.internal.StudentT;

/** The interval formulas shared by the survey results; each cites its source. */
final class Intervals {
    private Intervals() {}

    /**
     * The Wilson score interval for {@code x} successes in {@code n > 0} trials (Wilson 1927, JASA 22(158), 209-212):
     * centre {@code (p + z^2 / 2n) / (1 + z^2 / n)}, half-width {@code z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 /
     * 4n^2)}, with {@code p = x / n}. It stays within 0..1 by construction.
     */
    static ConfidenceInterval wilson(long x, long n, double level) {
        double z = Normal.criticalValue(level);
        double p = (double) x / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        // The bounds are exactly 0 (1) when x = 0 (x = n); rounding must not push them past that.
        double low = x == 0 ? 0 : Math.max(0, centre - half);
        double high = x == n ? 1 : Math.min(1, centre + half);
        return new ConfidenceInterval(level, low, high, ConfidenceInterval.Method.WILSON);
    }

    /**
     * Student's t interval for a mean, {@code mean +/- t(level, n - 1) * sd / sqrt(n)} (Student 1908), clipped to
     * {@code [min, max]}, the range the mean can take.
     */
    static ConfidenceInterval studentT(double mean, double sd, long n, double level, double min, double max) {
        double half = StudentT.criticalValue(level, n - 1) * sd / Math.sqrt(n);
        return new ConfidenceInterval(
                level,
                Math.max(min, Math.min(mean, mean - half)),
                Math.min(max, Math.max(mean, mean + half)),
                ConfidenceInterval.Method.STUDENT_T);
    }
}
