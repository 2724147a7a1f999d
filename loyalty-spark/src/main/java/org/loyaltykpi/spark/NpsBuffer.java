package org.loyaltykpi.spark;

import java.io.Serializable;
import org.loyaltykpi.survey.NpsResult;
import org.loyaltykpi.survey.NpsResultAccumulator;

/**
 * The aggregation buffer of the {@code nps} and {@code nps_interval} SQL functions: an {@link NpsResultAccumulator}'s state
 * (its {@link NpsResult}: three counts and four weight sums) as a Java bean, which is what Spark's bean encoder
 * stores, plus the confidence level and the null scores skipped. Spark needs a bean with setters here (a record is
 * not a bean); use it only as the buffer.
 */
public final class NpsBuffer implements Serializable {
    private static final long serialVersionUID = 1L;

    private long promoters;
    private long passives;
    private long detractors;
    private double promoterWeight;
    private double passiveWeight;
    private double detractorWeight;
    private double squaredWeight;
    private double level;
    private long skippedNulls;

    /** An empty buffer (no answers, level not set). */
    public NpsBuffer() {}

    /**
     * The accumulator's state as a result.
     *
     * @return the counts and weights
     */
    public NpsResult result() {
        return new NpsResult(
                promoters, passives, detractors, promoterWeight, passiveWeight, detractorWeight, squaredWeight);
    }

    /**
     * An accumulator holding this buffer's answers.
     *
     * @return a new accumulator
     */
    NpsResultAccumulator accumulator() {
        return new NpsResultAccumulator().add(result());
    }

    /** Takes over an accumulator's state. */
    NpsBuffer set(NpsResult r) {
        promoters = r.promoters();
        passives = r.passives();
        detractors = r.detractors();
        promoterWeight = r.promoterWeight();
        passiveWeight = r.passiveWeight();
        detractorWeight = r.detractorWeight();
        squaredWeight = r.squaredWeight();
        return this;
    }

    /**
     * Promoters (9-10).
     *
     * @return the count
     */
    public long getPromoters() {
        return promoters;
    }

    /**
     * Sets the promoters.
     *
     * @param value the count
     */
    public void setPromoters(long value) {
        promoters = value;
    }

    /**
     * Passives (7-8).
     *
     * @return the count
     */
    public long getPassives() {
        return passives;
    }

    /**
     * Sets the passives.
     *
     * @param value the count
     */
    public void setPassives(long value) {
        passives = value;
    }

    /**
     * Detractors (0-6).
     *
     * @return the count
     */
    public long getDetractors() {
        return detractors;
    }

    /**
     * Sets the detractors.
     *
     * @param value the count
     */
    public void setDetractors(long value) {
        detractors = value;
    }

    /**
     * The promoters' weight.
     *
     * @return the sum
     */
    public double getPromoterWeight() {
        return promoterWeight;
    }

    /**
     * Sets the promoters' weight.
     *
     * @param value the sum
     */
    public void setPromoterWeight(double value) {
        promoterWeight = value;
    }

    /**
     * The passives' weight.
     *
     * @return the sum
     */
    public double getPassiveWeight() {
        return passiveWeight;
    }

    /**
     * Sets the passives' weight.
     *
     * @param value the sum
     */
    public void setPassiveWeight(double value) {
        passiveWeight = value;
    }

    /**
     * The detractors' weight.
     *
     * @return the sum
     */
    public double getDetractorWeight() {
        return detractorWeight;
    }

    /**
     * Sets the detractors' weight.
     *
     * @param value the sum
     */
    public void setDetractorWeight(double value) {
        detractorWeight = value;
    }

    /**
     * The sum of squared weights.
     *
     * @return the sum
     */
    public double getSquaredWeight() {
        return squaredWeight;
    }

    /**
     * Sets the sum of squared weights.
     *
     * @param value the sum
     */
    public void setSquaredWeight(double value) {
        squaredWeight = value;
    }

    /**
     * The confidence level of {@code nps_interval}, 0 until a row sets it.
     *
     * @return the level
     */
    public double getLevel() {
        return level;
    }

    /**
     * Sets the level.
     *
     * @param value the level
     */
    public void setLevel(double value) {
        level = value;
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
