package org.loyaltykpi.survey;

import org.loyaltykpi.domain.SurveyResponse;

/**
 * Builds an {@link NpsResult} from answers one at a time, in any order, and merges with other accumulators: split
 * the answers anywhere, merge, and the counts are the same as from one accumulator over all of them (weight sums equal
 * up to floating-point rounding of their order of addition).
 *
 * <p>State: three counts and four weight sums, exported as plain values by {@link #snapshot()} and taken back by
 * {@link #add(NpsResult)}. Not thread-safe; use one per thread and {@link #merge(NpsResultAccumulator)}, or
 * {@link NpsCalculator#toNps()} on a parallel stream.
 *
 * <pre>{@code
 * NpsResultAccumulator acc = new NpsResultAccumulator();
 * acc.add(10).add(9).add(7).add(3);
 * acc.snapshot().score();   // OptionalDouble[25.0]
 * }</pre>
 */
public final class NpsResultAccumulator {
    private long promoters;
    private long passives;
    private long detractors;
    private double promoterWeight;
    private double passiveWeight;
    private double detractorWeight;
    private double squaredWeight;

    /** An empty accumulator. */
    public NpsResultAccumulator() {}

    /**
     * Adds an answer of weight 1.
     *
     * @param score the answer on 0..10
     * @return this accumulator
     * @throws IllegalArgumentException naming the score if it is outside 0..10
     */
    public NpsResultAccumulator add(int score) {
        return add(score, 1);
    }

    /**
     * Adds a weighted answer.
     *
     * @param score the answer on 0..10
     * @param weight its weight, finite and {@code > 0}
     * @return this accumulator
     * @throws IllegalArgumentException naming the score or the weight if invalid
     */
    public NpsResultAccumulator add(int score, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number > 0: " + weight);
        }
        switch (NpsCategory.of(score)) {
            case PROMOTER:
                promoters++;
                promoterWeight += weight;
                break;
            case PASSIVE:
                passives++;
                passiveWeight += weight;
                break;
            default:
                detractors++;
                detractorWeight += weight;
        }
        squaredWeight += weight * weight;
        return this;
    }

    /**
     * Adds a survey answer with its weight.
     *
     * @param response the answer, on the 0..10 scale
     * @return this accumulator
     * @throws IllegalArgumentException naming the question and its scale if that is not 0..10
     */
    public NpsResultAccumulator add(SurveyResponse response) {
        NpsCategory.of(response); // checks the scale
        return add(response.score(), response.weight());
    }

    /**
     * Adds survey answers.
     *
     * @param responses the answers, on the 0..10 scale
     * @return this accumulator
     */
    public NpsResultAccumulator addAll(Iterable<SurveyResponse> responses) {
        responses.forEach(this::add);
        return this;
    }

    /**
     * Adds a result's counts and weights, for example a state stored earlier.
     *
     * @param result the result
     * @return this accumulator
     */
    public NpsResultAccumulator add(NpsResult result) {
        promoters = Math.addExact(promoters, result.promoters());
        passives = Math.addExact(passives, result.passives());
        detractors = Math.addExact(detractors, result.detractors());
        promoterWeight += result.promoterWeight();
        passiveWeight += result.passiveWeight();
        detractorWeight += result.detractorWeight();
        squaredWeight += result.squaredWeight();
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other the other accumulator; unchanged
     * @return this accumulator
     */
    public NpsResultAccumulator merge(NpsResultAccumulator other) {
        return add(other.snapshot());
    }

    /**
     * The result of everything added so far; the accumulator stays usable.
     *
     * @return the result
     */
    public NpsResult snapshot() {
        return new NpsResult(
                promoters, passives, detractors, promoterWeight, passiveWeight, detractorWeight, squaredWeight);
    }
}
