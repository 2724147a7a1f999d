package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The whole-summary prediction arrays are the per-customer predictions. */
class ArrayPredictionsTest {
    private static final List<TransactionModel> MODELS = List.of(
            BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS),
            MbgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS),
            ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS));

    @Nested
    class Definitions {
        @Test
        void everyEntryIsTheModelsPredictionForThatCustomer() {
            BtydSummary summary = Cdnow.summary();
            for (TransactionModel m : MODELS) {
                double[] alive = ClvCalculator.probabilityAlive(m, summary);
                double[] expected = ClvCalculator.expectedPurchases(m, 52, summary);
                assertThat(alive).hasSize(summary.size());
                for (int i = 0; i < summary.size(); i++) {
                    int x = summary.frequency(i);
                    double tx = summary.recency(i);
                    double age = summary.age(i);
                    assertThat(alive[i]).isEqualTo(m.probabilityAlive(x, tx, age));
                    double e = m.expectedPurchases(52, x, tx, age);
                    assertThat(expected[i]).as("%s customer %d", m.name(), i).isCloseTo(e, within(1e-13 * e));
                }
            }
        }
    }
}
