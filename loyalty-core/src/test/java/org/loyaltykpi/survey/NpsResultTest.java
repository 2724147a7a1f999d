package org.loyaltykpi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;

/** Definitions of the NPS and exact examples worked out by hand from the published formulas. */
class NpsResultTest {
    private static final double Z95 = 1.959963984540054;

    @Test
    void promotersAreNineAndTenPassivesSevenAndEightDetractorsZeroToSix() {
        for (int s = 0; s <= 6; s++) {
            assertThat(NpsCategory.of(s)).isEqualTo(NpsCategory.DETRACTOR);
        }
        assertThat(NpsCategory.of(7)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(8)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(9)).isEqualTo(NpsCategory.PROMOTER);
        assertThat(NpsCategory.of(10)).isEqualTo(NpsCategory.PROMOTER);
    }

    @Test
    void theScoreIsThePercentOfPromotersMinusThePercentOfDetractors() {
        NpsResult nps = NpsCalculator.fromScores(10, 9, 9, 8, 7, 6, 0, 10);
        assertThat(nps.promoters()).isEqualTo(4);
        assertThat(nps.passives()).isEqualTo(2);
        assertThat(nps.detractors()).isEqualTo(2);
        assertThat(nps.score()).hasValue(25.0);
        assertThat(nps.promoterShare().value()).hasValue(0.5);
    }

    @Test
    void allPromotersScore100AndAllDetractorsMinus100() {
        assertThat(NpsResult.of(7, 0, 0).score()).hasValue(100.0);
        assertThat(NpsResult.of(0, 0, 7).score()).hasValue(-100.0);
        assertThat(NpsResult.of(0, 7, 0).score()).hasValue(0.0);
    }

    @Test
    void noAnswersHaveNoScoreIntervalOrMarginRatherThanNaN() {
        NpsResult empty = NpsResult.empty();
        assertThat(empty.score()).isEmpty();
        assertThat(empty.adjustedScore()).isEmpty();
        assertThat(empty.confidenceInterval()).isEmpty();
        assertThat(empty.marginOfError(0.95)).isEmpty();
        assertThat(empty.weightedScore()).isEmpty();
        assertThat(empty.weightedConfidenceInterval(0.95)).isEmpty();
        assertThat(empty.promoterShare().value()).isEmpty();
        assertThat(empty.toString()).contains("n/a");
    }

    /**
     * Adjusted Wald for NPS (Rocks 2016; Sauro and Lewis, Quantifying the User Experience, 2nd ed.; after Agresti and
     * Coull 1998, The American Statistician 52(2)), worked by hand for 50 promoters, 30 passives, 20 detractors:
     * n' = 103, p'P = 50.75/103 = 0.4927184, p'D = 20.75/103 = 0.2014563, NPS' = 30/103 = 0.2912621, var = (0.6941748
     * - 0.0848336) / 103 = 0.0059159, half-width = 1.959964 * 0.0769151 = 0.1507508, so 14.051..44.201 points.
     */
    @Test
    void adjustedWaldIntervalOf50Promoters30Passives20DetractorsIsTheHandWorkedOne() {
        NpsResult nps = NpsResult.of(50, 30, 20);
        ConfidenceInterval ci = nps.confidenceInterval().orElseThrow();
        assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.ADJUSTED_WALD);
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.low()).isCloseTo(14.051130, within(1e-5));
        assertThat(ci.high()).isCloseTo(44.201297, within(1e-5));
        assertThat(nps.adjustedScore().getAsDouble()).isCloseTo(100 * 30.0 / 103, within(1e-12));
        assertThat(nps.marginOfError(0.95).getAsDouble()).isCloseTo(15.075083, within(1e-5));
        double variance = (50.75 / 103 + 20.75 / 103 - Math.pow(30.0 / 103, 2)) / 103;
        assertThat(nps.marginOfError(0.95).getAsDouble()).isCloseTo(100 * Z95 * Math.sqrt(variance), within(1e-9));
    }

    @Test
    void theAdjustedWaldIntervalIsClippedToMinus100To100() {
        // Three promoters, one passive, one detractor: n' = 8, NPS' = 0.25, var = 0.078125; unclipped -29.8..79.8.
        ConfidenceInterval small = NpsResult.of(3, 1, 1).confidenceInterval().orElseThrow();
        assertThat(small.low()).isCloseTo(-29.782659, within(1e-5));
        assertThat(small.high()).isCloseTo(79.782659, within(1e-5));
        ConfidenceInterval wide =
                NpsResult.of(2, 0, 0).confidenceInterval(0.999).orElseThrow();
        assertThat(wide.high()).isLessThanOrEqualTo(100);
        assertThat(wide.low()).isGreaterThanOrEqualTo(-100);
    }

    @Test
    void withOneAnswerTheThreePseudoAnswersOutweighItAndThe95IntervalMissesTheScore() {
        // n' = 4, p'P = 0.4375, p'D = 0.1875, NPS' = 0.25, var = 0.140625: 0.25 + 1.96 * 0.375 = 0.985 < 1.
        NpsResult one = NpsResult.of(1, 0, 0);
        ConfidenceInterval ci = one.confidenceInterval().orElseThrow();
        assertThat(ci.high()).isCloseTo(98.498649, within(1e-5));
        assertThat(ci.contains(one.score().getAsDouble())).isFalse();
        assertThat(ci.contains(one.adjustedScore().getAsDouble())).isTrue();
    }

    @Test
    void aHigherLevelGivesAWiderInterval() {
        NpsResult nps = NpsResult.of(40, 35, 25);
        assertThat(nps.confidenceInterval(0.99).orElseThrow().width())
                .isGreaterThan(nps.confidenceInterval(0.95).orElseThrow().width());
        assertThat(nps.confidenceInterval(0.95).orElseThrow().width())
                .isGreaterThan(nps.confidenceInterval(0.80).orElseThrow().width());
    }

    @Test
    void weightedNpsWeighsEachAccountByItsWeight() {
        NpsResultAccumulator acc = new NpsResultAccumulator();
        acc.add(10, 3).add(0, 1); // a big promoter account, a small detractor
        NpsResult nps = acc.snapshot();
        assertThat(nps.score()).hasValue(0.0);
        assertThat(nps.weightedScore()).hasValue(50.0); // (3 - 1) / 4
        // Kish: (3 + 1)^2 / (9 + 1) = 1.6 effective answers.
        assertThat(nps.effectiveResponses().getAsDouble()).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void weightedIntervalUsesTheEffectiveSampleSizeInTheAdjustedWald() {
        NpsResultAccumulator acc = new NpsResultAccumulator();
        acc.add(9, 2).add(9, 2).add(3, 1).add(7, 1);
        NpsResult nps = acc.snapshot();
        double n = 36.0 / 10; // (2 + 2 + 1 + 1)^2 / (4 + 4 + 1 + 1)
        double p = (n * 4 / 6 + 0.75) / (n + 3);
        double d = (n * 1 / 6 + 0.75) / (n + 3);
        double half = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / (n + 3));
        ConfidenceInterval ci = nps.weightedConfidenceInterval(0.95).orElseThrow();
        assertThat(ci.low()).isCloseTo(100 * Math.max(-1, p - d - half), within(1e-9));
        assertThat(ci.high()).isCloseTo(100 * Math.min(1, p - d + half), within(1e-9));
    }

    @Test
    void comparingTwoGroupsGivesTheHandWorkedZAndPValue() {
        // Group 1: 60/20/20 -> NPS' = 0.3883495, var 0.0062179; group 2: 40/30/30 -> NPS' = 0.0970874, var 0.0066480.
        // d' = 0.2912621, se = 0.1134283, z = 2.567809, p = 2 (1 - Phi(2.567809)) = 0.0102344.
        NpsDifference d = NpsCalculator.difference(NpsResult.of(60, 20, 20), NpsResult.of(40, 30, 30), 0.95);
        assertThat(d.difference()).isCloseTo(30.0, within(1e-9));
        assertThat(d.adjustedDifference()).isCloseTo(29.126214, within(1e-5));
        assertThat(d.standardError()).isCloseTo(11.342829, within(1e-5));
        assertThat(d.z()).isCloseTo(2.567809, within(1e-5));
        assertThat(d.pValue()).isCloseTo(0.0102344, within(1e-6));
        assertThat(d.confidenceInterval().low()).isCloseTo(6.894678, within(1e-5));
        assertThat(d.confidenceInterval().high()).isCloseTo(51.357750, within(1e-5));
        assertThat(d.isSignificant()).isTrue();
    }

    @Test
    void identicalGroupsDifferByZeroWithPValueOne() {
        NpsDifference d = NpsCalculator.difference(NpsResult.of(30, 30, 40), NpsResult.of(30, 30, 40), 0.95);
        assertThat(d.z()).isZero();
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThat(d.isSignificant()).isFalse();
    }

    @Test
    void aDifferenceNeedsAnswersInBothGroups() {
        assertThatThrownBy(() -> NpsCalculator.difference(NpsResult.of(1, 0, 0), NpsResult.empty(), 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both groups");
    }

    @Test
    void worstCaseSampleSizeFor5PointsAt95IsCochransCeiling() {
        // n0 = 1.959964^2 * 1 / 0.05^2 = 1536.58 -> 1537; with N = 2000: n0 / (1 + (n0 - 1) / N) = 869.21 -> 870.
        assertThat(NpsCalculator.requiredSampleSize(5, 0.95)).isEqualTo(1537);
        assertThat(NpsCalculator.requiredSampleSize(5, 0.95, 0.5, 0.5, OptionalLong.of(2000)))
                .isEqualTo(870);
    }

    @Test
    void aSmallPopulationNeedsAlmostEveryoneForATightMarginAndAllOfItHasNoSamplingError() {
        // n0 = 1.959964^2 / 0.01^2 = 38414.6; n0 / (1 + (n0 - 1) / 300) = 297.68 -> 298 of 300.
        assertThat(NpsCalculator.requiredSampleSize(1, 0.95, 0.5, 0.5, OptionalLong.of(300)))
                .isEqualTo(298);
        assertThat(NpsCalculator.plannedMarginOfError(300, 0.95, 0.5, 0.5, OptionalLong.of(300)))
                .isZero();
    }

    @Test
    void badPlanningValuesAreRejectedByName() {
        assertThatThrownBy(() -> NpsCalculator.requiredSampleSize(0, 0.95)).hasMessageContaining("margin");
        assertThatThrownBy(() -> NpsCalculator.requiredSampleSize(5, 0.95, 0.7, 0.5, OptionalLong.empty()))
                .hasMessageContaining("0.7");
        assertThatThrownBy(() -> NpsCalculator.requiredSampleSize(5, 0.95, 0.5, 0.5, OptionalLong.of(0)))
                .hasMessageContaining("population");
    }

    @Test
    void aScoreOutsideTheScaleIsRejectedNamingScoreAndScale() {
        assertThatThrownBy(() -> new NpsResultAccumulator().add(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score 11 is outside the scale 0..10");
        assertThatThrownBy(() -> SurveyResponse.of(CustomerId.of("c"), LocalDate.of(2025, 1, 1), "csat", 0, Scale.CSAT))
                .hasMessage("score 0 is outside the scale 1..5");
    }

    @Test
    void answersOnAnotherScaleAreRefusedByTheNpsAccumulator() {
        SurveyResponse csat = SurveyResponse.of(CustomerId.of("c"), LocalDate.of(2025, 1, 1), "csat", 4, Scale.CSAT);
        assertThatThrownBy(() -> new NpsResultAccumulator().add(csat))
                .hasMessageContaining("0..10")
                .hasMessageContaining("'csat'")
                .hasMessageContaining("1..5");
    }

    @Test
    void inconsistentStateIsRejected() {
        assertThatThrownBy(() -> new NpsResult(1, 0, 0, 0, 0, 0, 1)).hasMessageContaining("promoters");
        assertThatThrownBy(() -> NpsResult.of(-1, 0, 0)).hasMessageContaining("-1");
    }

    @Test
    void toStringShowsScoreIntervalAndCounts() {
        assertThat(NpsResult.of(50, 30, 20).toString())
                .isEqualTo("NPS 30.0 [14.1..44.2 (95% adjusted-wald)] (100 answers: 50 promoters, 30 passives,"
                        + " 20 detractors)");
    }
}
