package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** P(X(t) = n | history), the frequency/recency matrices and a customer's P(alive) path. */
class HistoryPredictionsTest {
    // Fader, Hardie and Lee (2005) CDNOW estimates (weeks).
    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
    private static final MbgNbdModel MBG = MbgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS);
    private static final List<TransactionModel> MODELS = List.of(BG, MBG, PARETO);

    /** Customers (x, t_x, T) from the CDNOW sample's range. */
    private static final double[][] CUSTOMERS = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 29.43, 35.14}, {1, 2, 39}};

    @Nested
    class Definitions {
        @Test
        void noBgNbdPurchaseMeansDeadOrAliveWithoutAPurchaseFromTheGammaPosterior() {
            // P(0) = 1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+t))^(r+x): a live customer buys at the posterior
            // rate lambda ~ Gamma(r+x, alpha+T) and the dropout coin is tossed after purchases only
            int x = 2;
            double tx = 30.43;
            double age = 38.86;
            double t = 10;
            double alive = BG.probabilityAlive(x, tx, age);
            double expected = 1 - alive + alive * Math.pow((4.414 + age) / (4.414 + age + t), 0.243 + x);
            assertThat(BG.probabilityOfPurchases(0, t, x, tx, age)).isCloseTo(expected, within(1e-14));
            // P(alive) = 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) = 0.72658
            assertThat(alive).isCloseTo(0.726579, within(1e-6));
            assertThat(expected).isCloseTo(0.729213, within(1e-6));
        }

        @Test
        void aParetoNbdCustomerAliveAtTIsANewCustomerWithThePosteriorParameters() {
            double alive = PARETO.probabilityAlive(2, 30.43, 38.86);
            ParetoNbdModel posterior =
                    ParetoNbdModel.of(0.553 + 2, 10.578 + 38.86, 0.606, 11.669 + 38.86, TimeScale.WEEKS);
            assertThat(PARETO.probabilityOfPurchases(3, 20, 2, 30.43, 38.86))
                    .isCloseTo(alive * posterior.probabilityOfPurchases(3, 20), within(1e-15));
        }

        @Test
        void theMatrixCellsAreTheModelsPredictionsAtTheirFrequencyAndRecency() {
            FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(BG, 4, 10, 38, 19);
            assertThat(m.columns()).isEqualTo(20);
            assertThat(m.recency(19)).isEqualTo(38);
            assertThat(m.recency(5)).isEqualTo(10);
            assertThat(m.probabilityAlive(3, 5)).isEqualTo(BG.probabilityAlive(3, 10, 38));
            assertThat(m.expectedPurchases(3, 5)).isCloseTo(BG.expectedPurchases(4, 3, 10, 38), within(1e-15));
        }

        @Test
        void aCellIsPossibleOnlyWithoutRepeatPurchasesAtRecencyZeroOrWithThemAtAPositiveRecency() {
            FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(BG, 4, 10, 38, 19);
            assertThat(m.possible(0, 0)).isTrue();
            assertThat(m.possible(0, 1)).isFalse();
            assertThat(m.possible(3, 0)).isFalse();
            assertThat(m.possible(3, 19)).isTrue();
        }

        @Test
        void thePathIsPAliveAtTheHistoryKnownAtEachStep() {
            AlivePath path = AlivePath.of(MBG, new double[] {5, 8, 8, 15}, 25, 1);
            assertThat(path.size()).isEqualTo(21);
            assertThat(path.time(0)).isZero();
            assertThat(path.probability(0)).isEqualTo(MBG.probabilityAlive(0, 0, 0));
            // 2 weeks after the first purchase: no repeat purchase yet
            assertThat(path.probability(2)).isEqualTo(MBG.probabilityAlive(0, 0, 2));
            // at 12: one repeat day (the two purchases at 8 are one), 3 weeks after the first
            assertThat(path.probability(7)).isEqualTo(MBG.probabilityAlive(1, 3, 7));
            assertThat(path.probability(20)).isEqualTo(MBG.probabilityAlive(2, 10, 20));
        }
    }

    @Nested
    class Invariants {
        @Test
        void theConditionalProbabilitiesSumToOneOverEveryCount() {
            for (TransactionModel model : MODELS) {
                for (double[] c : CUSTOMERS) {
                    for (double t : new double[] {1, 10, 39}) {
                        double sum = 0;
                        for (int n = 0; n <= 400; n++) {
                            double p = model.probabilityOfPurchases(n, t, (int) c[0], c[1], c[2]);
                            assertThat(p).isBetween(0.0, 1.0);
                            sum += p;
                        }
                        assertThat(sum).as("%s at %s, t=%s", model.name(), c, t).isCloseTo(1, within(1e-8));
                    }
                }
            }
        }

        @Test
        void theirMeanIsTheConditionalExpectedPurchases() {
            for (TransactionModel model : MODELS) {
                for (double[] c : CUSTOMERS) {
                    double t = 26;
                    double mean = 0;
                    for (int n = 1; n <= 400; n++) {
                        mean += n * model.probabilityOfPurchases(n, t, (int) c[0], c[1], c[2]);
                    }
                    double expected = model.expectedPurchases(t, (int) c[0], c[1], c[2]);
                    assertThat(mean)
                            .as("%s at x=%s", model.name(), c[0])
                            .isCloseTo(expected, within(1e-7 * Math.max(1, expected)));
                }
            }
        }

        @Test
        void pAliveRisesWithRecencyAtEveryFrequencyOfTheMatrix() {
            for (TransactionModel model : MODELS) {
                FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(model, 1, 12, 39, 39);
                for (int x = 1; x <= 12; x++) {
                    for (int k = 1; k < m.columns(); k++) {
                        assertThat(m.probabilityAlive(x, k)).isGreaterThanOrEqualTo(m.probabilityAlive(x, k - 1));
                    }
                }
            }
        }

        @Test
        void aBgNbdPathIsOneUntilTheFirstRepeatPurchase() {
            AlivePath path = AlivePath.of(BG, new double[] {0, 9.5}, 20, 0.5);
            for (int i = 0; i < path.size() && path.time(i) < 9.5; i++) {
                assertThat(path.probability(i)).isEqualTo(1);
            }
            assertThat(path.time(path.size() - 1)).isEqualTo(20);
        }

        @Test
        void badArgumentsAreRejectedNamingTheValues() {
            assertThatThrownBy(() -> AlivePath.of(BG, new double[] {3, 1}, 5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[3.0, 1.0]");
            assertThatThrownBy(() -> FrequencyRecencyMatrix.of(BG, 1, -1, 10, 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxFrequency=-1");
            assertThatThrownBy(() -> BG.probabilityOfPurchases(-1, 1, 0, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }
}
