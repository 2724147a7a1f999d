package org.loyaltykpi.survey;

import java.util.Objects;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * Builds a {@link ScoreSummary} (CSAT, CES) from answers on one scale, in any order, and merges with other
 * accumulators of the same scale and top boxes: split the answers anywhere, merge, same summary.
 *
 * <p>State: four counts, exported as plain values by {@link #snapshot()} and taken back by {@link
 * #add(ScoreSummary)}. Not thread-safe; use one per thread and {@link #merge(ScoreSummaryAccumulator)}.
 *
 * <pre>{@code
 * ScoreSummaryAccumulator csat = new ScoreSummaryAccumulator(Scale.CSAT, 2);
 * csat.add(5).add(4).add(2);
 * csat.snapshot().topBoxShare();   // 66.7% (2/3)
 * }</pre>
 */
public final class ScoreSummaryAccumulator {
    private final Scale scale;
    private final int topBoxes;
    private final int topFrom;
    private long responses;
    private long topBoxCount;
    private long scoreSum;
    private long squaredScoreSum;

    /**
     * An empty accumulator.
     *
     * @param scale the answers' scale
     * @param topBoxes how many top boxes are counted, {@code 1..scale.points()}
     */
    public ScoreSummaryAccumulator(Scale scale, int topBoxes) {
        this.scale = Objects.requireNonNull(scale, "scale must not be null");
        this.topBoxes = topBoxes;
        this.topFrom = scale.topBoxesFrom(topBoxes);
    }

    /**
     * Adds an answer.
     *
     * @param score the answer
     * @return this accumulator
     * @throws IllegalArgumentException naming the score and the scale if it is outside the scale
     */
    public ScoreSummaryAccumulator add(int score) {
        scale.check(score);
        responses++;
        if (score >= topFrom) {
            topBoxCount++;
        }
        scoreSum = Math.addExact(scoreSum, score);
        squaredScoreSum = Math.addExact(squaredScoreSum, (long) score * score);
        return this;
    }

    /**
     * Adds a survey answer (its weight is not used).
     *
     * @param response the answer, on this accumulator's scale
     * @return this accumulator
     * @throws IllegalArgumentException naming the question and both scales if they differ
     */
    public ScoreSummaryAccumulator add(SurveyResponse response) {
        if (!response.scale().equals(scale)) {
            throw new IllegalArgumentException("answers on " + scale + " expected: question '" + response.question()
                    + "' is on " + response.scale());
        }
        return add(response.score());
    }

    /**
     * Adds survey answers.
     *
     * @param responses the answers
     * @return this accumulator
     */
    public ScoreSummaryAccumulator addAll(Iterable<SurveyResponse> responses) {
        responses.forEach(this::add);
        return this;
    }

    /**
     * Adds a summary's counts, for example a state stored earlier.
     *
     * @param summary the summary, of the same scale and top boxes
     * @return this accumulator
     */
    public ScoreSummaryAccumulator add(ScoreSummary summary) {
        ScoreSummary sum = snapshot().plus(summary);
        responses = sum.responses();
        topBoxCount = sum.topBoxCount();
        scoreSum = sum.scoreSum();
        squaredScoreSum = sum.squaredScoreSum();
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other the other accumulator, of the same scale and top boxes; unchanged
     * @return this accumulator
     */
    public ScoreSummaryAccumulator merge(ScoreSummaryAccumulator other) {
        return add(other.snapshot());
    }

    /**
     * The summary of everything added so far; the accumulator stays usable.
     *
     * @return the summary
     */
    public ScoreSummary snapshot() {
        return new ScoreSummary(scale, topBoxes, responses, topBoxCount, scoreSum, squaredScoreSum);
    }
}
