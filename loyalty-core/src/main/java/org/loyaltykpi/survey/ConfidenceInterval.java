package org.loyaltykpi.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

/**
 * A two-sided confidence interval {@code [low, high]} at a level, and the method that made it.
 *
 * <p>Units are those of the estimate: NPS points (-100..100) for NPS, a fraction (0..1) for shares, scale points for
 * means. An interval never reaches outside the range its estimate can take (methods that could are clipped).
 *
 * <pre>{@code
 * ConfidenceInterval ci = NpsResult.of(50, 30, 20).confidenceInterval().orElseThrow();
 * ci;               // 14.1..44.2 (95% adjusted-wald)
 * ci.contains(30);  // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the confidence level in {@code (0, 1)}, such as 0.95
 * @param low the lower bound
 * @param high the upper bound, {@code >= low}
 * @param method how it was computed
 */
public record ConfidenceInterval(double level, double low, double high, Method method) {

    /** How an interval was computed. */
    public enum Method {
        /**
         * Adjusted Wald for NPS: three pseudo-answers (0.75 promoter, 1.5 passive, 0.75 detractor) added before the
         * Wald interval of the difference of two shares (Rocks 2016; Sauro and Lewis, Quantifying the User
         * Experience); the adjusted Wald of Agresti and Coull (1998) carried to the NPS.
         */
        ADJUSTED_WALD("adjusted-wald"),
        /** Wilson (1927) score interval for a share. */
        WILSON("wilson"),
        /** Student's t interval for a mean: {@code mean +/- t(n-1) * s / sqrt(n)}. */
        STUDENT_T("student-t"),
        /** Normal (z) interval for a difference of two estimates with independent errors. */
        NORMAL("normal");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /**
         * The method's name in JSON and text.
         *
         * @return for example {@code adjusted-wald}
         */
        public String label() {
            return label;
        }
    }

    /** Validates the bounds and the level. */
    public ConfidenceInterval {
        Objects.requireNonNull(method, "method must not be null");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("an interval needs finite bounds low <= high: " + low + ".." + high);
        }
    }

    /**
     * Whether a value lies in the interval.
     *
     * @param value the value
     * @return {@code low <= value <= high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /**
     * The interval's width.
     *
     * @return {@code high - low}
     */
    public double width() {
        return high - low;
    }

    /** For example {@code 14.1..44.2 (95% adjusted-wald)}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s..%s (%s%% %s)",
                num(low, Math.max(Math.abs(low), Math.abs(high))),
                num(high, Math.max(Math.abs(low), Math.abs(high))),
                BigDecimal.valueOf(100 * level)
                        .round(MathContext.DECIMAL32)
                        .stripTrailingZeros()
                        .toPlainString(),
                method.label);
    }

    private static String num(double x, double magnitude) {
        // Shares (0..1) need three decimals, scale means two, NPS points one.
        String pattern = magnitude <= 1 ? "%.3f" : magnitude < 10 ? "%.2f" : "%.1f";
        return String.format(Locale.ROOT, pattern, x);
    }
}
