package org.loyaltykpi.survey;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.Normal;

/**
 * The Net Promoter Score of a set of answers on the 0..10 scale, with its confidence interval; also the weighted
 * score of B2B account weighting.
 *
 * <p>Definitions (Reichheld 2003; the README's metric table): promoters answer 9-10, passives 7-8, detractors 0-6; with {@code n}
 * answers, {@code NPS = 100 * (promoters - detractors) / n}, in -100..100 points.
 *
 * <p>Confidence interval, adjusted Wald (Rocks 2016; Sauro and Lewis, "Quantifying the User Experience", 2nd ed.
 * 2016; after Agresti and Coull 1998, "Approximate is better than exact", The American Statistician 52(2)): add three
 * pseudo-answers, 0.75 promoter, 1.5 passive and 0.75 detractor; {@code n' = n + 3}, {@code p'P = (P + 0.75) / n'},
 * {@code p'D = (D + 0.75) / n'}, {@code NPS' = p'P - p'D}, {@code var = (p'P + p'D - NPS'^2) / n'}; the interval is
 * {@code NPS' +/- z * sqrt(var)} clipped to -1..1, reported x100. It is centred on the adjusted {@code NPS'}, so it
 * is not symmetric around the score. It always contains the adjusted score; it contains the score itself at levels of 95%
 * and above whenever {@code n >= 2} (with one answer, a single promoter's 95% interval ends at 98.5: the three
 * pseudo-answers weigh as much as the data). The margin of error is the unclipped half-width {@code 100 * z *
 * sqrt(var)}.
 *
 * <p>Weighted NPS: with answer weights {@code w} (for example account revenue), {@code 100 * (sum w of promoters -
 * sum w of detractors) / sum w}. Its interval is the adjusted Wald at the weighted shares with Kish's effective
 * sample size {@code (sum w)^2 / sum w^2} in place of {@code n} (Kish 1965, Survey Sampling); with all weights equal
 * it is the unweighted interval.
 *
 * <p>Edge cases: with no answers the score, shares, interval and margin are empty, never {@code NaN}.
 *
 * <pre>{@code
 * NpsResult nps = NpsResult.of(50, 30, 20);   // promoters, passives, detractors
 * nps.score();                    // OptionalDouble[30.0]
 * nps.confidenceInterval();       // Optional[14.1..44.2 (95% adjusted-wald)]
 * nps.marginOfError(0.95);        // OptionalDouble[15.1]
 * }</pre>
 *
 * <p>Immutable and thread-safe. The seven components are the whole state of {@link NpsAccumulator}: plain values to
 * store, ship and add up.
 *
 * @param promoters answers 9-10
 * @param passives answers 7-8
 * @param detractors answers 0-6
 * @param promoterWeight the sum of the promoters' weights
 * @param passiveWeight the sum of the passives' weights
 * @param detractorWeight the sum of the detractors' weights
 * @param squaredWeight the sum of all squared weights
 */
public record NpsResult(
        long promoters,
        long passives,
        long detractors,
        double promoterWeight,
        double passiveWeight,
        double detractorWeight,
        double squaredWeight) {

    private static final double DEFAULT_LEVEL = 0.95;

    /** Validates counts and weight sums. */
    public NpsResult {
        checkGroup("promoters", promoters, promoterWeight);
        checkGroup("passives", passives, passiveWeight);
        checkGroup("detractors", detractors, detractorWeight);
        checkGroup("responses", promoters + passives + detractors, squaredWeight);
    }

    private static void checkGroup(String name, long count, double weight) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + count);
        }
        if (!(weight >= 0) || Double.isInfinite(weight) || (count == 0) != (weight == 0)) {
            throw new IllegalArgumentException("weight of " + name + " must be finite, > 0 with answers and 0 without: "
                    + weight + " for " + count);
        }
    }

    /**
     * The result of unweighted counts (every weight 1).
     *
     * @param promoters answers 9-10
     * @param passives answers 7-8
     * @param detractors answers 0-6
     * @return the result
     */
    public static NpsResult of(long promoters, long passives, long detractors) {
        return new NpsResult(
                promoters, passives, detractors, promoters, passives, detractors, promoters + passives + detractors);
    }

    /**
     * No answers.
     *
     * @return the empty result
     */
    public static NpsResult empty() {
        return of(0, 0, 0);
    }

    /**
     * The number of answers.
     *
     * @return promoters + passives + detractors
     */
    public long responses() {
        return promoters + passives + detractors;
    }

    /**
     * The share of promoters.
     *
     * @return promoters / answers
     */
    public Ratio promoterShare() {
        return Ratio.of(promoters, responses());
    }

    /**
     * The share of passives.
     *
     * @return passives / answers
     */
    public Ratio passiveShare() {
        return Ratio.of(passives, responses());
    }

    /**
     * The share of detractors.
     *
     * @return detractors / answers
     */
    public Ratio detractorShare() {
        return Ratio.of(detractors, responses());
    }

    /**
     * The Net Promoter Score.
     *
     * @return {@code 100 * (promoters - detractors) / answers} in -100..100; empty with no answers
     */
    public OptionalDouble score() {
        long n = responses();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (promoters - detractors) / n);
    }

    /**
     * The 95% adjusted-Wald interval of the score.
     *
     * @return the interval in NPS points; empty with no answers
     */
    public Optional<ConfidenceInterval> confidenceInterval() {
        return confidenceInterval(DEFAULT_LEVEL);
    }

    /**
     * The adjusted-Wald interval of the score at a level.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the interval in NPS points; empty with no answers
     */
    public Optional<ConfidenceInterval> confidenceInterval(double level) {
        Normal.checkLevel(level);
        long n = responses();
        return n == 0 ? Optional.empty() : Optional.of(adjustedWald(promoters, detractors, n, level));
    }

    /**
     * The margin of error at a level: the half-width of the adjusted-Wald interval before clipping.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return {@code 100 * z * sqrt(var)} in NPS points; empty with no answers
     */
    public OptionalDouble marginOfError(double level) {
        double z = Normal.criticalValue(level);
        long n = responses();
        return n == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(100 * z * Math.sqrt(adjustedVariance(promoters, detractors, n)));
    }

    /**
     * The adjusted score {@code 100 * (p'P - p'D)}, the centre of the adjusted-Wald interval.
     *
     * @return {@code 100 * (promoters - detractors) / (n + 3)}; empty with no answers
     */
    public OptionalDouble adjustedScore() {
        long n = responses();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * adjustedScore(promoters, detractors, n));
    }

    /**
     * The weighted Net Promoter Score.
     *
     * @return {@code 100 * (promoter weight - detractor weight) / total weight}; empty with no answers
     */
    public OptionalDouble weightedScore() {
        double total = totalWeight();
        return total == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(100 * (promoterWeight - detractorWeight) / total);
    }

    /**
     * The sum of all weights.
     *
     * @return promoter + passive + detractor weight; the number of answers when every weight is 1
     */
    public double totalWeight() {
        return promoterWeight + passiveWeight + detractorWeight;
    }

    /**
     * Kish's effective sample size of the weighted answers.
     *
     * @return {@code (sum w)^2 / sum w^2}, at most the number of answers; empty with no answers
     */
    public OptionalDouble effectiveResponses() {
        double total = totalWeight();
        return total == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(responses(), total * total / squaredWeight));
    }

    /**
     * The adjusted-Wald interval of the weighted score at a level, with the effective sample size.
     *
     * @param level the confidence level in {@code (0, 1)}
     * @return the interval in NPS points; empty with no answers
     */
    public Optional<ConfidenceInterval> weightedConfidenceInterval(double level) {
        Normal.checkLevel(level);
        double total = totalWeight();
        if (total == 0) {
            return Optional.empty();
        }
        double n = effectiveResponses().getAsDouble();
        return Optional.of(adjustedWald(n * promoterWeight / total, n * detractorWeight / total, n, level));
    }

    /**
     * The answers of two disjoint groups together.
     *
     * @param other the other group
     * @return counts and weights added
     */
    public NpsResult plus(NpsResult other) {
        return new NpsResult(
                Math.addExact(promoters, other.promoters),
                Math.addExact(passives, other.passives),
                Math.addExact(detractors, other.detractors),
                promoterWeight + other.promoterWeight,
                passiveWeight + other.passiveWeight,
                detractorWeight + other.detractorWeight,
                squaredWeight + other.squaredWeight);
    }

    /** The adjusted NPS {@code p'P - p'D} as a fraction, -1..1. */
    static double adjustedScore(double promoters, double detractors, double n) {
        return (promoters - detractors) / (n + 3);
    }

    /** The adjusted-Wald variance {@code (p'P + p'D - (p'P - p'D)^2) / n'} of the NPS as a fraction. */
    static double adjustedVariance(double promoters, double detractors, double n) {
        double adjusted = n + 3;
        double p = (promoters + 0.75) / adjusted;
        double d = (detractors + 0.75) / adjusted;
        return Math.max(0, p + d - (p - d) * (p - d)) / adjusted;
    }

    private static ConfidenceInterval adjustedWald(double promoters, double detractors, double n, double level) {
        double z = Normal.criticalValue(level);
        double centre = adjustedScore(promoters, detractors, n);
        double half = z * Math.sqrt(adjustedVariance(promoters, detractors, n));
        return new ConfidenceInterval(
                level,
                100 * Math.max(-1, centre - half),
                100 * Math.min(1, centre + half),
                ConfidenceInterval.Method.ADJUSTED_WALD);
    }

    /** For example {@code NPS 30.0 [14.1..44.2 (95% adjusted-wald)] (100 answers: 50 promoters, ...)}. */
    @Override
    public String toString() {
        long n = responses();
        if (n == 0) {
            return "NPS n/a (no answers)";
        }
        String weighted = totalWeight() == n && squaredWeight == n
                ? ""
                : String.format(Locale.ROOT, ", weighted %.1f", weightedScore().getAsDouble());
        return String.format(
                Locale.ROOT,
                "NPS %.1f [%s]%s (%d answers: %d promoters, %d passives, %d detractors)",
                score().getAsDouble(),
                confidenceInterval().orElseThrow(),
                weighted,
                n,
                promoters,
                passives,
                detractors);
    }
}
