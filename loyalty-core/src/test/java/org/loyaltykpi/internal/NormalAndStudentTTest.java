package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values: Abramowitz and Stegun (1964), tables 26.1 (normal) and 26.10 (Student's t). */
class NormalAndStudentTTest {

    @Test
    void theNormalCriticalValuesAreTheTabulatedOnes() {
        assertThat(Normal.criticalValue(0.95)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.criticalValue(0.90)).isCloseTo(1.6448536269514722, within(1e-13));
        assertThat(Normal.criticalValue(0.99)).isCloseTo(2.5758293035489004, within(1e-13));
    }

    @Test
    void theNormalQuantileInvertsTheDistributionFunction() {
        for (double p : new double[] {1e-10, 0.001, 0.025, 0.3, 0.5, 0.77, 0.975, 0.999999}) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-12 + 1e-12 * p));
        }
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void studentTCriticalValuesAreTheTabulatedOnes() {
        assertThat(StudentT.criticalValue(0.95, 9)).isCloseTo(2.262157, within(1e-6));
        assertThat(StudentT.criticalValue(0.95, 29)).isCloseTo(2.045230, within(1e-6));
        assertThat(StudentT.criticalValue(0.99, 1)).isCloseTo(63.656741, within(1e-5));
        assertThat(StudentT.criticalValue(0.95, 1)).isCloseTo(12.706205, within(1e-5));
    }

    @Test
    void studentTApproachesTheNormalAsDegreesOfFreedomGrow() {
        assertThat(StudentT.criticalValue(0.95, 1e7)).isCloseTo(Normal.criticalValue(0.95), within(1e-6));
        assertThat(StudentT.criticalValue(0.95, 30)).isGreaterThan(StudentT.criticalValue(0.95, 300));
    }

    @Test
    void studentTDistributionFunctionIsSymmetricAndInvertsTheQuantile() {
        double t = StudentT.criticalValue(0.9, 4);
        assertThat(StudentT.cdf(t, 4)).isCloseTo(0.95, within(1e-12));
        assertThat(StudentT.cdf(-t, 4)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void levelsOutsideTheOpenUnitIntervalAreRejectedByName() {
        assertThatThrownBy(() -> Normal.criticalValue(1.0))
                .hasMessageContaining("confidence level")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> StudentT.criticalValue(0.95, 0)).hasMessageContaining("degrees of freedom");
    }
}
