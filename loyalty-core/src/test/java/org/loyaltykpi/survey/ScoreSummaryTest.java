package org.loyaltykpi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Scale;
import org.quicktheories.core.Gen;

/** CSAT (top two boxes, Wilson) and CES (mean, Student t; easy = top three boxes). */
class ScoreSummaryTest {
    private static final long SEED = 20261123L;
    private static final Gen<List<Integer>> CSAT =
            lists().of(integers().between(1, 5)).ofSizeBetween(0, 200);

    private static ScoreSummary csat(int... scores) {
        ScoreSummaryAccumulator acc = new ScoreSummaryAccumulator(Scale.CSAT, ScoreCalculator.CSAT_TOP_BOXES);
        for (int s : scores) {
            acc.add(s);
        }
        return acc.snapshot();
    }

    private static ScoreSummary csat(List<Integer> scores) {
        return csat(scores.stream().mapToInt(Integer::intValue).toArray());
    }

    private static ScoreSummary shareOf(long x, long n) {
        // x answers of 5 and n - x of 1: the top-box share is x / n.
        return new ScoreSummary(Scale.CSAT, 2, n, x, 5 * x + (n - x), 25 * x + (n - x));
    }

    @Test
    void csatIsTheShareOfAnswersInTheTopTwoBoxes() {
        ScoreSummary s = csat(5, 4, 4, 3, 5, 2, 4, 5, 4, 3);
        assertThat(s.topBoxesFrom()).isEqualTo(4);
        assertThat(s.topBoxShare().numerator()).isEqualTo(7);
        assertThat(s.topBoxShare().value()).hasValue(0.7);
        assertThat(s.mean()).hasValue(3.9);
    }

    @Test
    void cesCountsTheTopThreeBoxesOf1To7AsEasy() {
        ScoreSummaryAccumulator ces = new ScoreSummaryAccumulator(Scale.CES, ScoreCalculator.CES_TOP_BOXES);
        for (int s = 1; s <= 7; s++) {
            ces.add(s);
        }
        ScoreSummary s = ces.snapshot();
        assertThat(s.topBoxesFrom()).isEqualTo(5);
        assertThat(s.topBoxCount()).isEqualTo(3);
        assertThat(s.mean()).hasValue(4.0);
        assertThat(s.meanOn100()).hasValue(50.0);
    }

    /**
     * Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22(158), 209-212.
     * Reference values: Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
     * seven methods", Statistics in Medicine 17, 857-872, Table II, method 3 (score interval without continuity
     * correction), to four decimals.
     */
    @Test
    void wilsonIntervalsAreNewcombesPublishedValues() {
        assertInterval(shareOf(81, 263), 0.2553, 0.3662);
        assertInterval(shareOf(15, 148), 0.0624, 0.1605);
        assertInterval(shareOf(0, 20), 0.0000, 0.1611);
        assertInterval(shareOf(1, 29), 0.0061, 0.1718);
    }

    /**
     * By hand, 8 of 10 at 95%: p = 0.8, z^2/n = 0.3841459; centre = (0.8 + 0.1920729) / 1.3841459 = 0.7167402; half =
     * 1.959964 / 1.3841459 * sqrt(0.016 + 0.0096036) = 0.2265776; so 0.4901625..0.9433178.
     */
    @Test
    void wilsonIntervalOf8OutOf10IsTheHandWorkedOne() {
        ConfidenceInterval ci = shareOf(8, 10).topBoxInterval(0.95).orElseThrow();
        assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.WILSON);
        assertThat(ci.low()).isCloseTo(0.4901625, within(1e-7));
        assertThat(ci.high()).isCloseTo(0.9433178, within(1e-7));
    }

    private static void assertInterval(ScoreSummary s, double low, double high) {
        ConfidenceInterval ci = s.topBoxInterval(0.95).orElseThrow();
        assertThat(ci.low()).as("low of %s", s).isCloseTo(low, within(0.00005));
        assertThat(ci.high()).as("high of %s", s).isCloseTo(high, within(0.00005));
    }

    /**
     * Student (1908): scores 5,4,4,3,5,2,4,5,4,3 have mean 3.9, s = 0.9944289; t(0.975, 9) = 2.2621572 (Abramowitz and
     * Stegun table 26.10); half-width 0.7113716, so 3.1886284..4.6113716.
     */
    @Test
    void theMeanIntervalIsStudentsTWithNMinusOneDegreesOfFreedom() {
        ScoreSummary s = csat(5, 4, 4, 3, 5, 2, 4, 5, 4, 3);
        assertThat(s.standardDeviation().getAsDouble()).isCloseTo(0.9944289, within(1e-7));
        ConfidenceInterval ci = s.meanInterval(0.95).orElseThrow();
        assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.STUDENT_T);
        assertThat(ci.low()).isCloseTo(3.1886284, within(1e-6));
        assertThat(ci.high()).isCloseTo(4.6113716, within(1e-6));
    }

    @Test
    void identicalAnswersHaveAZeroWidthMeanIntervalAndOneAnswerHasNone() {
        ScoreSummary same = csat(4, 4, 4);
        assertThat(same.standardDeviation()).hasValue(0.0);
        assertThat(same.meanInterval().orElseThrow().width()).isZero();
        assertThat(csat(4).meanInterval()).isEmpty();
        assertThat(csat(4).standardDeviation()).isEmpty();
    }

    @Test
    void noAnswersGiveEmptyStatisticsNotNaN() {
        ScoreSummary none = csat();
        assertThat(none.topBoxShare().value()).isEmpty();
        assertThat(none.topBoxInterval()).isEmpty();
        assertThat(none.mean()).isEmpty();
        assertThat(none.meanOn100()).isEmpty();
        assertThat(none.meanInterval()).isEmpty();
        assertThat(none.toString()).isEqualTo("no answers on 1..5");
    }

    @Test
    void sharesAndMeansAndTheirIntervalsStayWithinTheirRanges() {
        qt().withFixedSeed(SEED)
                .forAll(lists().of(integers().between(1, 5)).ofSizeBetween(1, 200))
                .checkAssert(scores -> {
                    ScoreSummary s = csat(scores);
                    ConfidenceInterval share = s.topBoxInterval().orElseThrow();
                    assertThat(share.low())
                            .isBetween(0.0, s.topBoxShare().value().getAsDouble());
                    assertThat(share.high()).isBetween(s.topBoxShare().value().getAsDouble(), 1.0);
                    assertThat(s.mean().getAsDouble()).isBetween(1.0, 5.0);
                    s.meanInterval().ifPresent(ci -> {
                        assertThat(ci.contains(s.mean().getAsDouble())).isTrue();
                        assertThat(ci.low()).isGreaterThanOrEqualTo(1.0);
                        assertThat(ci.high()).isLessThanOrEqualTo(5.0);
                    });
                });
    }

    @Test
    void theWilsonIntervalNarrowsAsAnswersGrowWithTheSameShare() {
        qt().withFixedSeed(SEED)
                .forAll(integers().between(0, 20), integers().between(1, 20))
                .checkAssert((x, extra) -> {
                    long n = x + extra;
                    double previous = Double.POSITIVE_INFINITY;
                    for (int k = 1; k <= 64; k *= 2) {
                        double width = shareOf(k * x, k * n)
                                .topBoxInterval()
                                .orElseThrow()
                                .width();
                        assertThat(width).isLessThan(previous);
                        previous = width;
                    }
                });
    }

    @Test
    void splittingTheAnswersAnywhereAndMergingGivesTheWhole() {
        qt().withFixedSeed(SEED).forAll(CSAT, integers().between(0, 200)).checkAssert((scores, cut) -> {
            int at = Math.min(cut, scores.size());
            ScoreSummaryAccumulator left = new ScoreSummaryAccumulator(Scale.CSAT, 2);
            scores.subList(0, at).forEach(left::add);
            ScoreSummaryAccumulator right = new ScoreSummaryAccumulator(Scale.CSAT, 2);
            scores.subList(at, scores.size()).forEach(right::add);
            assertThat(left.merge(right).snapshot()).isEqualTo(csat(scores));
        });
    }

    @Test
    void countsAndMeanMatchANaiveComputation() {
        qt().withFixedSeed(SEED)
                .forAll(lists().of(integers().between(1, 5)).ofSizeBetween(2, 200))
                .checkAssert(scores -> {
                    ScoreSummary s = csat(scores);
                    double mean = scores.stream()
                            .mapToInt(Integer::intValue)
                            .average()
                            .orElseThrow();
                    double ss = scores.stream()
                            .mapToDouble(x -> (x - mean) * (x - mean))
                            .sum();
                    assertThat(s.topBoxCount())
                            .isEqualTo(scores.stream().filter(x -> x >= 4).count());
                    assertThat(s.mean().getAsDouble()).isCloseTo(mean, within(1e-12));
                    assertThat(s.standardDeviation().getAsDouble())
                            .isCloseTo(Math.sqrt(ss / (scores.size() - 1)), within(1e-9));
                });
    }

    @Test
    void answersOnAnotherScaleCannotBeAddedOrMerged() {
        assertThatThrownBy(() -> csat(1).plus(ScoreSummary.empty(Scale.CES, 3)))
                .hasMessageContaining("1..5")
                .hasMessageContaining("1..7");
        assertThatThrownBy(() -> csat(6)).hasMessage("score 6 is outside the scale 1..5");
    }

    @Test
    void impossibleSumsAreRejected() {
        assertThatThrownBy(() -> new ScoreSummary(Scale.CSAT, 2, 2, 1, 11, 50)).hasMessageContaining("impossible");
        assertThatThrownBy(() -> new ScoreSummary(Scale.CSAT, 2, 2, 3, 10, 50)).hasMessageContaining("top-box");
    }
}
