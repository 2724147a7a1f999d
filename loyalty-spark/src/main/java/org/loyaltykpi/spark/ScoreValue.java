package org.loyaltykpi.spark;

import java.io.Serializable;

/**
 * The result of the {@code csat} and {@code ces} SQL functions, a struct: the counts of a {@link
 * org.loyaltykpi.survey.ScoreSummary}, the top-box share (CSAT: answers in the top boxes; CES: the "easy" share) with
 * its Wilson interval at 95%, and the mean score, each {@code null} when the group has no answers; and the null scores
 * skipped. A Java bean because Spark's bean encoder turns it into the struct.
 */
public final class ScoreValue implements Serializable {
    private static final long serialVersionUID = 1L;

    private long responses;
    private int topBoxes;
    private long topBoxCount;
    private Double topBoxShare;
    private Double low;
    private Double high;
    private Double mean;
    private long skippedNulls;

    /** An empty value (Spark fills it). */
    public ScoreValue() {}

    /**
     * Answers counted.
     *
     * @return the value
     */
    public long getResponses() {
        return responses;
    }

    /**
     * Sets: answers counted.
     *
     * @param value the value
     */
    public void setResponses(long value) {
        responses = value;
    }

    /**
     * The top boxes counted.
     *
     * @return the value
     */
    public int getTopBoxes() {
        return topBoxes;
    }

    /**
     * Sets: the top boxes counted.
     *
     * @param value the value
     */
    public void setTopBoxes(int value) {
        topBoxes = value;
    }

    /**
     * Answers in the top boxes.
     *
     * @return the value
     */
    public long getTopBoxCount() {
        return topBoxCount;
    }

    /**
     * Sets: answers in the top boxes.
     *
     * @param value the value
     */
    public void setTopBoxCount(long value) {
        topBoxCount = value;
    }

    /**
     * The top-box share, 0..1, or null without answers.
     *
     * @return the value
     */
    public Double getTopBoxShare() {
        return topBoxShare;
    }

    /**
     * Sets: the top-box share, 0..1, or null without answers.
     *
     * @param value the value
     */
    public void setTopBoxShare(Double value) {
        topBoxShare = value;
    }

    /**
     * The share's Wilson interval lower bound at 95%, or null.
     *
     * @return the value
     */
    public Double getLow() {
        return low;
    }

    /**
     * Sets: the share's Wilson interval lower bound at 95%, or null.
     *
     * @param value the value
     */
    public void setLow(Double value) {
        low = value;
    }

    /**
     * The share's Wilson interval upper bound at 95%, or null.
     *
     * @return the value
     */
    public Double getHigh() {
        return high;
    }

    /**
     * Sets: the share's Wilson interval upper bound at 95%, or null.
     *
     * @param value the value
     */
    public void setHigh(Double value) {
        high = value;
    }

    /**
     * The mean score, or null without answers.
     *
     * @return the value
     */
    public Double getMean() {
        return mean;
    }

    /**
     * Sets: the mean score, or null without answers.
     *
     * @param value the value
     */
    public void setMean(Double value) {
        mean = value;
    }

    /**
     * Null scores skipped.
     *
     * @return the value
     */
    public long getSkippedNulls() {
        return skippedNulls;
    }

    /**
     * Sets: null scores skipped.
     *
     * @param value the value
     */
    public void setSkippedNulls(long value) {
        skippedNulls = value;
    }
}
