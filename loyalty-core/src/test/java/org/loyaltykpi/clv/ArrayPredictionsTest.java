package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.internal.SeededRandom;

/**
 * The whole-summary prediction arrays are the per-customer predictions: the columnar kernels (one special function per
 * distinct time or (x, t) pair, Taylor steps of the hypergeometric equation between the T of a frequency) agree with
 * the per-customer formulas to 1e-12 relative.
 */
class ArrayPredictionsTest {
    private static final List<TransactionModel> MODELS = List.of(
            BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS),
            MbgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS),
            ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS),
            // beta > alpha: the other branch of Pareto/NBD's hypergeometric function; a > 1 for BG/NBD
            ParetoNbdModel.of(0.553, 8.5, 0.606, 11.669, TimeScale.WEEKS),
            BgNbdModel.of(0.9, 12.0, 1.7, 3.1, TimeScale.WEEKS));

    private static final double TOLERANCE = 1e-12;

    /**
     * Ten years ahead of customers a week old, the per-customer BG/NBD formula sums a hypergeometric series at {@code z
     * = 0.99} over thousands of terms, whose own rounding is about 1e-12: the two computations then agree to 5e-12.
     */
    private static final double FAR_TOLERANCE = 5e-12;

    /** Weekly rows of customers observed for up to three years, in whole days: many distinct (x, T) pairs. */
    private static BtydSummary simulated(int rows, int maxFrequency) {
        return simulated(rows, maxFrequency, 3 * 365);
    }

    private static BtydSummary simulated(int rows, int maxFrequency, int maxDays) {
        SeededRandom random = new SeededRandom(14);
        int[] x = new int[rows];
        double[] recency = new double[rows];
        double[] age = new double[rows];
        long[] weight = new long[rows];
        for (int i = 0; i < rows; i++) {
            int days = random.nextInt(maxDays);
            x[i] = random.nextInt(maxFrequency + 1);
            age[i] = days / 7.0;
            recency[i] = x[i] == 0 ? 0 : random.nextInt(days + 1) / 7.0;
            weight[i] = 1 + random.nextInt(3);
        }
        return BtydSummary.weighted(TimeScale.WEEKS, x, recency, age, weight);
    }

    private static void assertAgrees(TransactionModel m, BtydSummary summary, int[] x, double[] tx, double[] age) {
        double[] alive = ClvCalculator.probabilityAlive(m, summary);
        assertThat(alive).hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            double p = m.probabilityAlive(x[i], tx[i], age[i]);
            assertThat(alive[i]).as("%s P(alive) of entry %d", m, i).isCloseTo(p, within(TOLERANCE * p));
        }
        for (double t : new double[] {0, 1e-3, 1, 10, 52, 520}) {
            double[] expected = ClvCalculator.expectedPurchases(m, t, summary);
            for (int i = 0; i < x.length; i++) {
                double e = m.expectedPurchases(t, x[i], tx[i], age[i]);
                assertThat(expected[i])
                        .as("%s E[Y(%s)] of entry %d (%d, %s, %s)", m, t, i, x[i], tx[i], age[i])
                        .isCloseTo(e, within((t > 52 ? FAR_TOLERANCE : TOLERANCE) * e));
            }
        }
    }

    @Nested
    class Definitions {
        @Test
        void everyEntryIsTheModelsPredictionForThatCustomer() {
            BtydSummary summary = Cdnow.summary();
            int n = summary.size();
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = summary.frequency(i);
                tx[i] = summary.recency(i);
                age[i] = summary.age(i);
            }
            for (TransactionModel m : MODELS) {
                assertAgrees(m, summary, x, tx, age);
            }
        }

        @Test
        void everyRowOfAWeightedSummaryWithManyDistinctTimesIsTheModelsPrediction() {
            int rows = 20_000;
            BtydSummary summary = simulated(rows, 60);
            SeededRandom random = new SeededRandom(14);
            int[] x = new int[rows];
            double[] tx = new double[rows];
            double[] age = new double[rows];
            for (int i = 0; i < rows; i++) {
                int days = random.nextInt(3 * 365);
                x[i] = random.nextInt(61);
                age[i] = days / 7.0;
                tx[i] = x[i] == 0 ? 0 : random.nextInt(days + 1) / 7.0;
                random.nextInt(3);
            }
            assertThat(summary.columns().dense).isTrue();
            for (TransactionModel m : MODELS) {
                assertAgrees(m, summary, x, tx, age);
            }
        }

        @Test
        void aLargeSummaryOfFewFrequenciesAndTimesHasTheModelsPAliveFromTabulatedPowers() {
            int rows = 60_000;
            BtydSummary summary = simulated(rows, 5, 365);
            SeededRandom random = new SeededRandom(14);
            int[] x = new int[rows];
            double[] tx = new double[rows];
            double[] age = new double[rows];
            for (int i = 0; i < rows; i++) {
                int days = random.nextInt(365);
                x[i] = random.nextInt(6);
                age[i] = days / 7.0;
                tx[i] = x[i] == 0 ? 0 : random.nextInt(days + 1) / 7.0;
                random.nextInt(3);
            }
            TimeColumns columns = summary.columns();
            assertThat((long) (columns.maxFrequency + 1) * columns.times.length).isLessThanOrEqualTo(rows / 4);
            for (TransactionModel m : MODELS) {
                double[] alive = ClvCalculator.probabilityAlive(m, summary);
                double[] expected = ClvCalculator.expectedPurchases(m, 52, summary);
                for (int i = 0; i < rows; i++) {
                    double p = m.probabilityAlive(x[i], tx[i], age[i]);
                    assertThat(alive[i]).as("%s P(alive) of entry %d", m, i).isCloseTo(p, within(TOLERANCE * p));
                    double e = p
                            * m.expectedPurchases(52, x[i], age[i], age[i])
                            / m.probabilityAlive(x[i], age[i], age[i]);
                    assertThat(expected[i]).as("%s E[Y(52)] of entry %d", m, i).isCloseTo(e, within(TOLERANCE * e));
                }
            }
        }

        @Test
        void aSummaryTooSparseForDenseTablesIsPredictedRowByRow() {
            int[] x = {0, 3, 200_000};
            double[] tx = {0, 10.5, 20};
            double[] age = {30, 31.25, 40};
            BtydSummary summary = BtydSummary.weighted(TimeScale.WEEKS, x, tx, age, new long[] {1, 2, 1});
            assertThat(summary.columns().dense).isFalse();
            for (TransactionModel m : MODELS) {
                double[] alive = ClvCalculator.probabilityAlive(m, summary);
                for (int i = 0; i < x.length; i++) {
                    assertThat(alive[i]).isEqualTo(m.probabilityAlive(x[i], tx[i], age[i]));
                }
            }
        }
    }
}
