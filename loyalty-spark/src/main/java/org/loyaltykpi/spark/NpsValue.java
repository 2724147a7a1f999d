package org.loyaltykpi.spark;

import java.io.Serializable;

/**
 * The result of the {@code nps} and {@code nps_interval} SQL functions, a struct: the counts of an {@link
 * org.loyaltykpi.survey.NpsResult}, its score (%promoters - %detractors, -100..100) and its adjusted-Wald confidence
 * interval, each {@code null} when the group has no answers; and the null scores skipped. A Java bean because Spark's
 * bean encoder turns it into the struct.
 */
public final class NpsValue implements Serializable {
    private static final long serialVersionUID = 1L;

    private long responses;
    private long promoters;
    private long passives;
    private long detractors;
    private Double score;
    private Double level;
    private Double low;
    private Double high;
    private String method;
    private long skippedNulls;

    /** An empty value (Spark fills it). */
    public NpsValue() {}

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
     * Promoters (9-10).
     *
     * @return the value
     */
    public long getPromoters() {
        return promoters;
    }

    /**
     * Sets: promoters (9-10).
     *
     * @param value the value
     */
    public void setPromoters(long value) {
        promoters = value;
    }

    /**
     * Passives (7-8).
     *
     * @return the value
     */
    public long getPassives() {
        return passives;
    }

    /**
     * Sets: passives (7-8).
     *
     * @param value the value
     */
    public void setPassives(long value) {
        passives = value;
    }

    /**
     * Detractors (0-6).
     *
     * @return the value
     */
    public long getDetractors() {
        return detractors;
    }

    /**
     * Sets: detractors (0-6).
     *
     * @param value the value
     */
    public void setDetractors(long value) {
        detractors = value;
    }

    /**
     * The NPS, -100..100, or null without answers.
     *
     * @return the value
     */
    public Double getScore() {
        return score;
    }

    /**
     * Sets: the NPS, -100..100, or null without answers.
     *
     * @param value the value
     */
    public void setScore(Double value) {
        score = value;
    }

    /**
     * The confidence level of the interval, or null without answers.
     *
     * @return the value
     */
    public Double getLevel() {
        return level;
    }

    /**
     * Sets: the confidence level of the interval, or null without answers.
     *
     * @param value the value
     */
    public void setLevel(Double value) {
        level = value;
    }

    /**
     * The interval's lower bound, or null.
     *
     * @return the value
     */
    public Double getLow() {
        return low;
    }

    /**
     * Sets: the interval's lower bound, or null.
     *
     * @param value the value
     */
    public void setLow(Double value) {
        low = value;
    }

    /**
     * The interval's upper bound, or null.
     *
     * @return the value
     */
    public Double getHigh() {
        return high;
    }

    /**
     * Sets: the interval's upper bound, or null.
     *
     * @param value the value
     */
    public void setHigh(Double value) {
        high = value;
    }

    /**
     * The interval's method ({@code adjusted-wald}), or null.
     *
     * @return the value
     */
    public String getMethod() {
        return method;
    }

    /**
     * Sets: the interval's method ({@code adjusted-wald}), or null.
     *
     * @param value the value
     */
    public void setMethod(String value) {
        method = value;
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
