package org.loyaltykpi.survey;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collector;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.Normal;

/**
 * Net Promoter Score: the collector, the comparison of two groups, and survey planning (the sample size for a target
 * margin of error, with the finite-population correction). Definitions and intervals: {@link NpsResult}.
 *
 * <p>Planning. With planned shares {@code pP} of promoters and {@code pD} of detractors, one answer's variance is
 * {@code V = pP + pD - (pP - pD)^2} (the variance of a score that is +1, 0 or -1), at most 1 (half promoters, half
 * detractors: the worst case, used when no shares are planned). The margin of error of {@code n} answers from a
 * population of {@code N} is {@code m(n) = 100 * z * sqrt(V / n * (N - n) / (N - 1))} points (without the last
 * factor for an unbounded population). The required sample size is the least {@code n} with {@code m(n) <= target}:
 * Cochran's {@code n0 = z^2 V / m^2} and {@code n = n0 / (1 + (n0 - 1) / N)} (Cochran 1977, Sampling Techniques, 3rd
 * ed., 4.3), rounded up and checked. The adjusted-Wald margin an actual survey of that size reports is at most the
 * worst-case planned one, whatever the answers, because its variance is at most {@code 1 / (n + 3)}.
 *
 * <pre>{@code
 * NpsResult nps = responses.stream().collect(NpsCalculator.toNps());
 * NpsCalculator.requiredSampleSize(5, 0.95);                          // 1537 answers for +/-5 points
 * NpsCalculator.requiredSampleSize(5, 0.95, 0.5, 0.2, OptionalLong.of(2000));   // with planned shares, N = 2000
 * NpsCalculator.difference(march, april, 0.95).pValue();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class NpsCalculator {

    private NpsCalculator() {}

    /**
     * A collector of answers on the 0..10 scale into their NPS, weighted by each answer's weight.
     *
     * @return the collector; it works on parallel streams
     */
    public static Collector<SurveyResponse, ?, NpsResult> toNps() {
        return Collector.of(
                NpsResultAccumulator::new,
                NpsResultAccumulator::add,
                NpsResultAccumulator::merge,
                NpsResultAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The NPS of bare scores (raw answers, each weight 1); {@link NpsResult#of(long, long, long)} takes counts of
     * promoters, passives and detractors instead.
     *
     * <pre>{@code
     * NpsCalculator.fromScores(10, 9, 7, 3).score();   // OptionalDouble[25.0]: 2 promoters, 1 detractor of 4
     * }</pre>
     *
     * @param scores answers on 0..10
     * @return the result
     * @throws IllegalArgumentException naming a score outside 0..10
     */
    public static NpsResult fromScores(int... scores) {
        NpsResultAccumulator acc = new NpsResultAccumulator();
        for (int score : scores) {
            acc.add(score);
        }
        return acc.snapshot();
    }

    /**
     * The difference between the scores of two independent groups (see {@link NpsDifference}).
     *
     * @param first the first group
     * @param second the second group
     * @param level the confidence level of the interval, in {@code (0, 1)}
     * @return the difference, first minus second
     * @throws IllegalArgumentException if a group has no answers
     */
    public static NpsDifference difference(NpsResult first, NpsResult second, double level) {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(second, "second must not be null");
        double z = Normal.criticalValue(level);
        if (first.responses() == 0 || second.responses() == 0) {
            throw new IllegalArgumentException("an NPS difference needs answers in both groups: " + first.responses()
                    + " and " + second.responses());
        }
        double adjusted = NpsResult.adjustedScore(first.promoters(), first.detractors(), first.responses())
                - NpsResult.adjustedScore(second.promoters(), second.detractors(), second.responses());
        double se = Math.sqrt(NpsResult.adjustedVariance(first.promoters(), first.detractors(), first.responses())
                + NpsResult.adjustedVariance(second.promoters(), second.detractors(), second.responses()));
        double statistic = adjusted / se;
        double p = Math.min(1, 2 * Normal.cdf(-Math.abs(statistic)));
        ConfidenceInterval interval = new ConfidenceInterval(
                level,
                100 * Math.max(-2, adjusted - z * se),
                100 * Math.min(2, adjusted + z * se),
                ConfidenceInterval.Method.NORMAL);
        return new NpsDifference(
                first,
                second,
                first.score().getAsDouble() - second.score().getAsDouble(),
                100 * adjusted,
                100 * se,
                statistic,
                p,
                interval);
    }

    /**
     * The answers needed for a target margin of error in the worst case (planned shares 50% promoters, 50%
     * detractors), from an unbounded population.
     *
     * @param marginPoints the target margin of error in NPS points, in {@code (0, 200]}
     * @param level the confidence level in {@code (0, 1)}
     * @return the least {@code n} whose planned margin is at most the target
     */
    public static long requiredSampleSize(double marginPoints, double level) {
        return requiredSampleSize(marginPoints, level, 0.5, 0.5, OptionalLong.empty());
    }

    /**
     * The answers needed for a target margin of error, with planned shares and an optional population size (finite
     * population correction).
     *
     * @param marginPoints the target margin of error in NPS points, in {@code (0, 200]}
     * @param level the confidence level in {@code (0, 1)}
     * @param promoterShare the planned share of promoters, 0..1
     * @param detractorShare the planned share of detractors, 0..1, with {@code promoterShare + detractorShare <= 1}
     * @param population the number of customers who could answer, or empty for an unbounded population
     * @return the least {@code n} whose planned margin is at most the target; at most the population
     * @throws IllegalArgumentException naming any value out of range
     */
    public static long requiredSampleSize(
            double marginPoints, double level, double promoterShare, double detractorShare, OptionalLong population) {
        double v = planningVariance(promoterShare, detractorShare);
        checkPopulation(population);
        if (!(marginPoints > 0 && marginPoints <= 200)) {
            throw new IllegalArgumentException("target margin must be in (0, 200] NPS points: " + marginPoints);
        }
        double z = Normal.criticalValue(level);
        double m = marginPoints / 100;
        double n0 = z * z * v / (m * m);
        double n = population.isPresent() ? n0 / (1 + (n0 - 1) / population.getAsLong()) : n0;
        long size = Math.max(1, (long) Math.ceil(n));
        if (population.isPresent()) {
            size = Math.min(size, population.getAsLong());
        }
        // The closed form is exact in real numbers; step by one where rounding left it a hair off.
        while (size > 1
                && plannedMarginOfError(size - 1, level, promoterShare, detractorShare, population) <= marginPoints) {
            size--;
        }
        while (plannedMarginOfError(size, level, promoterShare, detractorShare, population) > marginPoints) {
            size++;
        }
        return size;
    }

    /**
     * The planned margin of error of {@code n} answers (see the class comment).
     *
     * @param responses the planned answers, at least 1 (at most the population)
     * @param level the confidence level in {@code (0, 1)}
     * @param promoterShare the planned share of promoters, 0..1
     * @param detractorShare the planned share of detractors, 0..1
     * @param population the number of customers who could answer, or empty for an unbounded population
     * @return {@code 100 * z * sqrt(V / n * fpc)} in NPS points; 0 when the whole population answers
     */
    public static double plannedMarginOfError(
            long responses, double level, double promoterShare, double detractorShare, OptionalLong population) {
        double v = planningVariance(promoterShare, detractorShare);
        checkPopulation(population);
        if (responses < 1 || population.isPresent() && responses > population.getAsLong()) {
            throw new IllegalArgumentException("planned answers must be within 1.."
                    + (population.isPresent() ? Long.toString(population.getAsLong()) : "") + ": " + responses);
        }
        double fpc = population.isPresent() && population.getAsLong() > 1
                ? (double) (population.getAsLong() - responses) / (population.getAsLong() - 1)
                : population.isPresent() ? 0 : 1;
        return 100 * Normal.criticalValue(level) * Math.sqrt(v / responses * fpc);
    }

    private static double planningVariance(double promoterShare, double detractorShare) {
        if (!(promoterShare >= 0 && detractorShare >= 0 && promoterShare + detractorShare <= 1)) {
            throw new IllegalArgumentException("planned shares need promoters >= 0, detractors >= 0 and a sum <= 1: "
                    + promoterShare + ", " + detractorShare);
        }
        double d = promoterShare - detractorShare;
        return promoterShare + detractorShare - d * d;
    }

    private static void checkPopulation(OptionalLong population) {
        Objects.requireNonNull(population, "population must not be null (use OptionalLong.empty())");
        if (population.isPresent() && population.getAsLong() < 1) {
            throw new IllegalArgumentException("population must be >= 1: " + population.getAsLong());
        }
    }
}
