package org.loyaltykpi.survey;

import java.util.Locale;
import java.util.Objects;

/**
 * The difference between the Net Promoter Scores of two independent groups (two periods, two segments), with its
 * confidence interval, z statistic and two-sided p-value.
 *
 * <p>Method (Sauro and Lewis, "Quantifying the User Experience", 2nd ed. 2016, comparing two NPS; the adjusted Wald of
 * {@link NpsResult}): each group's adjusted score {@code NPS'} and variance {@code var} as in {@link NpsResult};
 * {@code d' = NPS'1 - NPS'2}, {@code se = sqrt(var1 + var2)}; the interval is {@code d' +/- z * se} clipped to
 * -200..200 points, the statistic {@code z = d' / se}, and the p-value {@code 2 * (1 - Phi(|z|))} (normal
 * approximation). {@link #difference()} is the plain difference of the two scores, which the interval is not centred
 * on: it is centred on the adjusted difference.
 *
 * <pre>{@code
 * NpsDifference d = NpsCalculator.difference(NpsResult.of(60, 20, 20), NpsResult.of(40, 30, 30), 0.95);
 * d.difference();   // 30.0 points
 * d.pValue();       // 0.0102 (z = 2.57)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param first the first group
 * @param second the second group
 * @param difference the first score minus the second, in points (-200..200)
 * @param adjustedDifference the first adjusted score minus the second, in points
 * @param standardError the standard error of the adjusted difference, in points
 * @param z the z statistic {@code adjustedDifference / standardError}
 * @param pValue the two-sided p-value of "no difference", 0..1
 * @param confidenceInterval the interval of the difference, in points
 */
public record NpsDifference(
        NpsResult first,
        NpsResult second,
        double difference,
        double adjustedDifference,
        double standardError,
        double z,
        double pValue,
        ConfidenceInterval confidenceInterval) {

    /** Validates the components. */
    public NpsDifference {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(second, "second must not be null");
        Objects.requireNonNull(confidenceInterval, "confidenceInterval must not be null");
        if (!(standardError > 0) || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(
                    "standard error must be > 0 and p-value in 0..1: " + standardError + ", " + pValue);
        }
    }

    /**
     * Whether the difference is significant at the interval's level.
     *
     * @return {@code pValue < 1 - level}
     */
    public boolean isSignificant() {
        return pValue < 1 - confidenceInterval.level();
    }

    /** For example {@code NPS difference 30.0 [6.895..51.4 (95% normal)] z 2.57, p 0.0102}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "NPS difference %.1f [%s] z %.2f, p %.4f", difference, confidenceInterval, z, pValue);
    }
}
