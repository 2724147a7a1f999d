package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricModelTest {

    @Test
    void reproducesThePublishedRegularCohort() {
        // Fader and Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1):
        // "regular" customers 1000, 631, 468, 382, 326, 289, 262, 241 give alpha = 0.704, beta = 1.182.
        ShiftedBetaGeometricModel m = ShiftedBetaGeometricModel.fit(1000, 631, 468, 382, 326, 289, 262, 241);
        assertThat(m.fit().orElseThrow().converged()).isTrue();
        assertThat(m.alpha()).isCloseTo(0.704, within(0.0005));
        assertThat(m.beta()).isCloseTo(1.182, within(0.0005));
    }

    @Test
    void reproducesThePublishedHighEndCohort() {
        // Same paper: "high end" customers 1000, 869, 743, 653, 593, 551, 517, 491 give alpha = 0.668, beta = 3.806.
        ShiftedBetaGeometricModel m = ShiftedBetaGeometricModel.fit(1000, 869, 743, 653, 593, 551, 517, 491);
        assertThat(m.alpha()).isCloseTo(0.668, within(0.0005));
        assertThat(m.beta()).isCloseTo(3.806, within(0.0005));
    }

    @Test
    void survivalIsTheProductOfRetentionRatesAndChurnIsItsDecrease() {
        ShiftedBetaGeometricModel m = ShiftedBetaGeometricModel.of(0.704, 1.182);
        double survival = 1;
        for (int t = 1; t <= 20; t++) {
            survival *= m.retentionRate(t);
            assertThat(m.survival(t)).isCloseTo(survival, within(1e-12));
            assertThat(m.churnProbability(t)).isCloseTo(m.survival(t - 1) - m.survival(t), within(1e-12));
            if (t > 1) {
                assertThat(m.retentionRate(t)).isGreaterThan(m.retentionRate(t - 1));
            }
        }
        assertThat(m.expectedSurvivors(1000, 0)).isEqualTo(1000.0);
    }

    @Test
    void invalidSurvivorCurvesAreRejectedNamingThePeriod() {
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.fit(1000, 600, 700))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period 2");
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.fit(1000, 1000, 1000))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("nobody churned");
    }
}
