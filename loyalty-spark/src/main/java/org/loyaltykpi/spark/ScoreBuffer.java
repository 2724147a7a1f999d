package org.loyaltykpi.spark;

import java.io.Serializable;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.survey.ScoreSummary;
import org.loyaltykpi.survey.ScoreSummaryAccumulator;

/**
 * The aggregation buffer of the {@code csat} and {@code ces} SQL functions: a {@link ScoreSummaryAccumulator}'s state (its
 * {@link ScoreSummary}'s counts and sums) as a Java bean, which is what Spark's bean encoder stores, plus the top
 * boxes in use and the null scores skipped. Spark needs a bean with setters here (a record is not a bean); use it only
 * as the buffer.
 */
public final class ScoreBuffer implements Serializable {
    private static final long serialVersionUID = 1L;

    private int topBoxes;
    private long responses;
    private long topBoxCount;
    private long scoreSum;
    private long squaredScoreSum;
    private long skippedNulls;

    /** An empty buffer (no answers, top boxes not set). */
    public ScoreBuffer() {}

    /**
     * The accumulator's state as a summary.
     *
     * @param scale the answers' scale
     * @return the summary
     */
    public ScoreSummary summary(Scale scale) {
        return new ScoreSummary(scale, topBoxes, responses, topBoxCount, scoreSum, squaredScoreSum);
    }

    /** An accumulator holding this buffer's answers. */
    ScoreSummaryAccumulator accumulator(Scale scale) {
        return new ScoreSummaryAccumulator(scale, topBoxes).add(summary(scale));
    }

    /** Takes over an accumulator's state. */
    ScoreBuffer set(ScoreSummary s) {
        topBoxes = s.topBoxes();
        responses = s.responses();
        topBoxCount = s.topBoxCount();
        scoreSum = s.scoreSum();
        squaredScoreSum = s.squaredScoreSum();
        return this;
    }

    /**
     * The top boxes counted, 0 until a row sets them.
     *
     * @return the number of top boxes
     */
    public int getTopBoxes() {
        return topBoxes;
    }

    /**
     * Sets the top boxes.
     *
     * @param value the number of top boxes
     */
    public void setTopBoxes(int value) {
        topBoxes = value;
    }

    /**
     * The answers.
     *
     * @return the count
     */
    public long getResponses() {
        return responses;
    }

    /**
     * Sets the answers.
     *
     * @param value the count
     */
    public void setResponses(long value) {
        responses = value;
    }

    /**
     * The answers in the top boxes.
     *
     * @return the count
     */
    public long getTopBoxCount() {
        return topBoxCount;
    }

    /**
     * Sets the answers in the top boxes.
     *
     * @param value the count
     */
    public void setTopBoxCount(long value) {
        topBoxCount = value;
    }

    /**
     * The sum of the scores.
     *
     * @return the sum
     */
    public long getScoreSum() {
        return scoreSum;
    }

    /**
     * Sets the sum of the scores.
     *
     * @param value the sum
     */
    public void setScoreSum(long value) {
        scoreSum = value;
    }

    /**
     * The sum of the squared scores.
     *
     * @return the sum
     */
    public long getSquaredScoreSum() {
        return squaredScoreSum;
    }

    /**
     * Sets the sum of the squared scores.
     *
     * @param value the sum
     */
    public void setSquaredScoreSum(long value) {
        squaredScoreSum = value;
    }

    /**
     * Null scores skipped (shown in the result, never dropped silently).
     *
     * @return the count
     */
    public long getSkippedNulls() {
        return skippedNulls;
    }

    /**
     * Sets the null scores skipped.
     *
     * @param value the count
     */
    public void setSkippedNulls(long value) {
        skippedNulls = value;
    }
}
