package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.PurchaseTable;

class ModelComparisonTest {
    private static final LocalDate HOLDOUT_END = LocalDate.parse("1998-06-30");
    private static PurchaseTable table;
    private static BtydSummary withHoldout;
    private static ModelComparison compared;

    @BeforeAll
    static void compareOnce() {
        table = Cdnow.sample();
        withHoldout = BtydSummary.of(table, Cdnow.CALIBRATION_END, HOLDOUT_END, TimeScale.WEEKS);
        compared = ModelComparison.compare(withHoldout, table, FitOptions.defaults());
    }

    @Nested
    class Definitions {
        @Test
        void everyCandidateCarriesItsOwnFitsLogLikelihoodAndTheInformationCriteriaOfIt() {
            assertThat(compared.candidates())
                    .extracting(ModelComparison.Candidate::name)
                    .containsExactly("bg-nbd", "mbg-nbd", "pareto-nbd");
            ModelFit bg = BgNbdModel.fit(withHoldout).fit().orElseThrow();
            ModelComparison.Candidate c = compared.candidate("bg-nbd").orElseThrow();
            assertThat(c.logLikelihood().getAsDouble()).isEqualTo(bg.logLikelihood());
            // Fader, Hardie and Lee (2005): BG/NBD LL = -9582.4 on the CDNOW sample.
            assertThat(c.logLikelihood().getAsDouble()).isCloseTo(-9582.4, within(0.05));
            assertThat(c.aic().getAsDouble()).isEqualTo(2 * 4 - 2 * bg.logLikelihood());
            assertThat(c.bic().getAsDouble()).isEqualTo(4 * Math.log(2357) - 2 * bg.logLikelihood());
        }

        @Test
        void theHoldoutErrorPerCustomerIsTheMeanOverCustomersOfActualLessExpected() {
            TransactionModel pareto =
                    compared.candidate("pareto-nbd").orElseThrow().model().orElseThrow();
            double h = withHoldout.holdoutDuration().getAsDouble();
            double abs = 0;
            double squares = 0;
            for (int i = 0; i < withHoldout.size(); i++) {
                double e = withHoldout.holdoutFrequency(i)
                        - pareto.expectedPurchases(
                                h, withHoldout.frequency(i), withHoldout.recency(i), withHoldout.age(i));
                abs += Math.abs(e);
                squares += e * e;
            }
            ModelComparison.HoldoutError error =
                    compared.candidate("pareto-nbd").orElseThrow().holdout().orElseThrow();
            assertThat(error.meanAbsoluteError()).isCloseTo(abs / 2357, within(1e-12));
            assertThat(error.rootMeanSquaredError()).isCloseTo(Math.sqrt(squares / 2357), within(1e-12));
            assertThat(error.customers()).isEqualTo(2357);
            assertThat(error.trackingMeanAbsoluteError()).isPresent();
            assertThat(error.trackingRootMeanSquaredError().getAsDouble())
                    .isGreaterThanOrEqualTo(error.trackingMeanAbsoluteError().getAsDouble());
        }

        @Test
        void withAHoldoutTheBestModelHasTheLowestHoldoutErrorPerCustomerAndTheReasonSaysSo() {
            double least = compared.candidates().stream()
                    .mapToDouble(c -> c.holdout().orElseThrow().rootMeanSquaredError())
                    .min()
                    .orElseThrow();
            ModelComparison.Candidate best =
                    compared.candidate(compared.best().orElseThrow()).orElseThrow();
            assertThat(best.holdout().orElseThrow().rootMeanSquaredError()).isEqualTo(least);
            assertThat(compared.reason()).startsWith("lowest holdout RMSE per customer: " + best.name());
            assertThat(compared.bestModel()).containsSame(best.model().orElseThrow());
        }

        @Test
        void withoutAHoldoutTheBestModelHasTheLowestBic() {
            ModelComparison c = ModelComparison.compare(Cdnow.summary(), FitOptions.defaults());
            double least = c.candidates().stream()
                    .mapToDouble(x -> x.bic().getAsDouble())
                    .min()
                    .orElseThrow();
            assertThat(c.candidate(c.best().orElseThrow()).orElseThrow().bic().getAsDouble())
                    .isEqualTo(least);
            assertThat(c.reason()).startsWith("lowest BIC (no holdout period): ");
            assertThat(c.candidates()).allSatisfy(x -> assertThat(x.holdout()).isEmpty());
        }

        @Test
        void theThreeModelsDoNotNestSoNoLikelihoodRatioTestIsReported() {
            assertThat(compared.likelihoodRatioTests()).isEmpty();
            assertThat(compared.nesting()).isEqualTo(ModelComparison.NOT_NESTED);
        }

        @Test
        void theLikelihoodRatioTestIsTwiceTheGainInLogLikelihoodAgainstChiSquared() {
            ModelFit restricted =
                    new ModelFit("bg-nbd", Optional.empty(), 100, List.of(), -101.9205, true, 1, 0, List.of());
            ModelFit general = new ModelFit("bg-nbd+z", Optional.empty(), 100, List.of(), -100, true, 1, 0, List.of());
            ModelComparison.LikelihoodRatioTest t = ModelComparison.LikelihoodRatioTest.of(restricted, general, 1);
            assertThat(t.statistic()).isCloseTo(3.841, within(1e-9));
            // chi-squared with 1 degree of freedom: P(X >= 3.841) = 0.05
            assertThat(t.pValue()).isCloseTo(0.05, within(1e-4));
            ModelComparison.LikelihoodRatioTest two = ModelComparison.LikelihoodRatioTest.of(restricted, general, 2);
            // chi-squared with 2 degrees of freedom: P(X >= s) = exp(-s / 2)
            assertThat(two.pValue()).isCloseTo(Math.exp(-3.841 / 2), within(1e-12));
        }
    }

    @Nested
    class Invariants {
        @Test
        void aFailedFitIsListedWithItsReasonAndNeverNamedBest() {
            // one customer and no repeat purchase: nothing can be fitted
            BtydSummary one =
                    BtydSummary.builder(TimeScale.WEEKS).add("a", 0, 0, 3, 0).build();
            ModelComparison c = ModelComparison.compare(one, FitOptions.defaults());
            assertThat(c.best()).isEmpty();
            assertThat(c.reason()).isEqualTo("no model converged: no model is named best");
            assertThat(c.candidates()).allSatisfy(x -> {
                assertThat(x.failure()).isPresent();
                assertThat(x.aic()).isEqualTo(OptionalDouble.empty());
            });
        }
    }
}
