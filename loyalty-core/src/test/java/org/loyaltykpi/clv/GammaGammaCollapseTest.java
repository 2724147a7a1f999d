package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Gamma-Gamma fit's weighted (x, zbar) rows give the per-customer log-likelihood and gradient. */
class GammaGammaCollapseTest {
    private static final int[] X = {1, 1, 1, 2, 2, 5, 1, 2, 9, 1};
    private static final double[] Z = {11.77, 11.77, 20.5, 15.0, 15.0, 33.3, 11.77, 14.99, 40.2, 20.5};

    @Nested
    class Definitions {
        @Test
        void equalCustomersCollapseIntoOneWeightedRow() {
            GammaGammaModel.Rows rows = GammaGammaModel.Rows.of(X, Z);
            assertThat(rows.x()).hasSize(6);
            assertThat(rows.weight()).containsExactly(3, 2, 2, 1, 1, 1);
        }

        @Test
        void theWeightedLogLikelihoodAndGradientAreThePerCustomerOnes() {
            GammaGammaModel.Rows rows = GammaGammaModel.Rows.of(X, Z);
            for (double[] theta : new double[][] {{6.25, 3.74, 15.44}, {0.5, 1.2, 3}, {30, 80, 400}}) {
                double[] expectedGradient = new double[3];
                double expected = GammaGammaModel.logLikelihood(theta, X, Z, expectedGradient);
                double[] gradient = new double[3];
                assertThat(rows.logLikelihood(theta, gradient)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
                for (int k = 0; k < 3; k++) {
                    assertThat(gradient[k])
                            .isCloseTo(expectedGradient[k], within(1e-9 * Math.max(1, Math.abs(expectedGradient[k]))));
                }
            }
        }
    }
}
