package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The period-by-period walk of BG/NBD and MBG/NBD expected purchases ({@link BetaGeometricNbd.Horizon}) gives the
 * closed form's values, so a CLV over a long, barely discounted horizon costs one Taylor step per period.
 */
class HorizonWalkTest {

    private static void assertWalkMatchesClosedForm(BetaGeometricNbd model, int x, double age, double step, int k) {
        // near a = 1 both sides are the mean of a = 1 +- 1e-6, where C / (a - 1) magnifies rounding a millionfold
        double tolerance = Math.abs(model.a() - 1) < 1e-6 ? 1e-7 : 1e-10;
        BetaGeometricNbd.Horizon walk = model.new Horizon(x, age, step);
        for (int i = 1; i <= k; i++) {
            double walked = walk.next();
            double direct = model.expectedPurchasesGivenAlive(i * step, x, age, 1);
            assertThat(walked)
                    .as("%s x=%d T=%s step=%s period %d", model, x, age, step, i)
                    .isCloseTo(direct, within(tolerance * Math.max(1, Math.abs(direct))));
        }
    }

    @Nested
    class Definitions {
        @Test
        void everyPeriodOfTheWalkIsTheClosedFormAtItsEnd() {
            BgNbdModel bg = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
            MbgNbdModel mbg = MbgNbdModel.of(0.5, 6, 1.7, 2.5, TimeScale.WEEKS);
            BgNbdModel nearOne = BgNbdModel.of(0.3, 5, 1.00000001, 2, TimeScale.WEEKS);
            for (BetaGeometricNbd m : new BetaGeometricNbd[] {bg, mbg, nearOne}) {
                for (int x : new int[] {0, 1, 7, 60}) {
                    for (double age : new double[] {0.5, 38.86}) {
                        assertWalkMatchesClosedForm(m, x, age, 1, 300);
                        assertWalkMatchesClosedForm(m, x, age, 4.348, 60);
                    }
                }
            }
        }

        @Test
        void aLongBarelyDiscountedHorizonIsTheSumOfItsDiscountedPeriods() {
            BgNbdModel bg = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
            ClvOptions options = new ClvOptions(2000, TimeScale.WEEKS, 1, 1e-6);
            double v = 1 / (1 + 1e-6);
            double expected = 0;
            double previous = 0;
            for (int k = 1; k <= 2000; k++) {
                double cumulative = bg.expectedPurchasesGivenAlive(k, 3, 38.86, 1);
                expected += (cumulative - previous) * Math.pow(v, k);
                previous = cumulative;
            }
            assertThat(ClvCalculator.discountedPurchases(bg, 3, 30, 38.86, options))
                    .isCloseTo(bg.probabilityAlive(3, 30, 38.86) * expected, within(1e-9 * expected));
        }
    }
}
