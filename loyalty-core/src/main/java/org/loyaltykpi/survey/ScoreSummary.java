package org.loyaltykpi.survey;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.internal.Normal;

/**
 * Answers on one scale summed up: their count, how many fell in the top boxes, and the sums behind the mean and the
 * standard deviation. The result of CSAT and CES (see {@link ScoreCalculator}).
 *
 * <ul>
 *   <li>CSAT = the share of answers in the top two boxes (4-5 of 1..5), with a Wilson (1927) score interval; also the
 *       mean satisfaction;
 *   <li>CES = the mean effort (1..7, 7 = very easy), with a Student-t interval; also the share of "easy" answers, the
 *       top three boxes (5-7 of 1..7).
 * </ul>
 *
 * <p>Formulas: {@code share = top-box answers / n}; Wilson interval (Wilson 1927, JASA 22(158)) {@code (p + z^2/2n
 * +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}; {@code mean = sum / n}; {@code s = sqrt((sum of squares - sum^2 /
 * n) / (n - 1))}; mean interval {@code mean +/- t(n-1) s / sqrt(n)} (Student's t, not the normal: honest for the small
 * groups of a breakdown), clipped to the scale.
 *
 * <p>Edge cases: with no answers every statistic is empty; the mean's interval and the standard deviation need two
 * answers; identical answers give a zero-width mean interval. Never {@code NaN}.
 *
 * <pre>{@code
 * ScoreSummary csat = responses.stream().collect(ScoreCalculator.toCsat());
 * csat.topBoxShare();          // 80.0% (8/10)
 * csat.topBoxInterval(0.95);   // Optional[0.490..0.943 (95% wilson)]
 * csat.mean();                 // OptionalDouble[4.1]
 * }</pre>
 *
 * <p>Immutable and thread-safe; the components are the whole state of {@link ScoreSummaryAccumulator}.
 *
 * @param scale the answers' scale
 * @param topBoxes how many top boxes are counted: 2 for CSAT, 3 for CES
 * @param responses the number of answers
 * @param topBoxCount answers in the top boxes
 * @param scoreSum the sum of the scores
 * @param squaredScoreSum the sum of the squared scores
 */
public record ScoreSummary(
        Scale scale, int topBoxes, long responses, long topBoxCount, long scoreSum, long squaredScoreSum) {

    private static final double DEFAULT_LEVEL = 0.95;

    /** Validates that the sums are possible on the scale. */
    public ScoreSummary {
        Objects.requireNonNull(scale, "scale must not be null");
        scale.topBoxesFrom(topBoxes);
        if (responses < 0 || topBoxCount < 0 || topBoxCount > responses) {
            throw new IllegalArgumentException(
                    "need 0 <= top-box answers <= answers: " + topBoxCount + " of " + responses);
        }
        if ((double) scoreSum < (double) scale.min() * responses
                || (double) scoreSum > (double) scale.max() * responses
                || squaredScoreSum < 0) {
            throw new IllegalArgumentException("score sums " + scoreSum + ", " + squaredScoreSum + " of " + responses
                    + " answers are impossible on the scale " + scale);
        }
    }

    /**
     * No answers.
     *
     * @param scale the scale
     * @param topBoxes how many top boxes are counted
     * @return the empty summary
     */
    public static ScoreSummary empty(Scale scale, int topBoxes) {
        return new ScoreSummary(scale, topBoxes, 0, 0, 0, 0);
    }

    /**
     * The lowest score counted in the top boxes.
     *
     * @return {@code max - topBoxes + 1}, 4 for CSAT on 1..5
     */
    public int topBoxesFrom() {
        return scale.topBoxesFrom(topBoxes);
    }

    /**
     * The share of answers in the top boxes: CSAT, or the "easy" share of CES.
     *
     * @return top-box answers / answers
     */
    public Ratio topBoxShare() {
        return Ratio.of(topBoxCount, responses);
    }

    /**
     * The 95% Wilson interval of the top-box share.
     *
     * @return the interval as fractions 0..1; empty with no answers
     */
    public Optional<ConfidenceInterval> topBoxInterval() {
        return topBoxInterval(DEFAULT_LEVEL);
    }

    /**
     * The Wilson interval of the top-box share at a level.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the interval as fractions 0..1; empty with no answers
     */
    public Optional<ConfidenceInterval> topBoxInterval(double level) {
        Normal.checkLevel(level);
        return responses == 0 ? Optional.empty() : Optional.of(Intervals.wilson(topBoxCount, responses, level));
    }

    /**
     * The mean score.
     *
     * @return {@code sum / n} on the scale; empty with no answers
     */
    public OptionalDouble mean() {
        return responses == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) scoreSum / responses);
    }

    /**
     * The mean score moved onto 0..100 ({@link Scale#rescale(double)}).
     *
     * @return 0 when every answer is the scale's minimum, 100 when every answer is its maximum; empty with no answers
     */
    public OptionalDouble meanOn100() {
        return responses == 0 ? OptionalDouble.empty() : OptionalDouble.of(scale.rescale(mean().getAsDouble()));
    }

    /**
     * The sample standard deviation of the scores.
     *
     * @return {@code s} with the {@code n - 1} denominator; empty with fewer than two answers
     */
    public OptionalDouble standardDeviation() {
        if (responses < 2) {
            return OptionalDouble.empty();
        }
        double centredSquares;
        try {
            // Exact in integers while it fits: identical answers give exactly 0.
            centredSquares = (double) Math.subtractExact(
                            Math.multiplyExact(responses, squaredScoreSum), Math.multiplyExact(scoreSum, scoreSum))
                    / responses;
        } catch (ArithmeticException e) {
            centredSquares = squaredScoreSum - (double) scoreSum * scoreSum / responses;
        }
        return OptionalDouble.of(Math.sqrt(Math.max(0, centredSquares) / (responses - 1)));
    }

    /**
     * The 95% Student-t interval of the mean.
     *
     * @return the interval on the scale; empty with fewer than two answers
     */
    public Optional<ConfidenceInterval> meanInterval() {
        return meanInterval(DEFAULT_LEVEL);
    }

    /**
     * The Student-t interval of the mean at a level, clipped to the scale.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the interval on the scale; empty with fewer than two answers
     */
    public Optional<ConfidenceInterval> meanInterval(double level) {
        Normal.checkLevel(level);
        if (responses < 2) {
            return Optional.empty();
        }
        return Optional.of(Intervals.studentT(
                mean().getAsDouble(), standardDeviation().getAsDouble(), responses, level, scale.min(), scale.max()));
    }

    /**
     * The answers of two disjoint groups together.
     *
     * @param other the other group, on the same scale with the same top boxes
     * @return counts and sums added
     * @throws IllegalArgumentException if the scales or top boxes differ
     */
    public ScoreSummary plus(ScoreSummary other) {
        if (!scale.equals(other.scale) || topBoxes != other.topBoxes) {
            throw new IllegalArgumentException("cannot add answers on " + scale + " (top " + topBoxes + ") and on "
                    + other.scale + " (top " + other.topBoxes + ")");
        }
        return new ScoreSummary(
                scale,
                topBoxes,
                Math.addExact(responses, other.responses),
                Math.addExact(topBoxCount, other.topBoxCount),
                Math.addExact(scoreSum, other.scoreSum),
                Math.addExact(squaredScoreSum, other.squaredScoreSum));
    }

    /** For example {@code 10 answers on 1..5: top 2 boxes 80.0% (8/10) [...], mean 4.10 [...]}. */
    @Override
    public String toString() {
        if (responses == 0) {
            return "no answers on " + scale;
        }
        return String.format(
                Locale.ROOT,
                "%d answers on %s: top %d boxes %s [%s], mean %.2f%s",
                responses,
                scale,
                topBoxes,
                topBoxShare(),
                topBoxInterval().orElseThrow(),
                mean().getAsDouble(),
                meanInterval().map(ci -> " [" + ci + "]").orElse(""));
    }
}
