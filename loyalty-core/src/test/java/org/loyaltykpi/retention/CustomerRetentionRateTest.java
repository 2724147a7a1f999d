package org.loyaltykpi.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Ratio;

class CustomerRetentionRateTest {

    @Test
    void crrIsCustomersAtEndMinusNewOverCustomersAtStart() {
        CustomerRetentionRate crr = RetentionCalculator.crr(200, 210, 30);

        assertThat(crr.retainedCustomers()).isEqualTo(180);
        assertThat(crr.lostCustomers()).isEqualTo(20);
        assertThat(crr.retention()).isEqualTo(Ratio.of(180, 200));
        assertThat(crr.rate().getAsDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(crr.percent().getAsDouble()).isCloseTo(90.0, within(1e-12));
        assertThat(crr.churnRate()).isEqualTo(Ratio.of(20, 200));
        assertThat(crr).hasToString("CRR 90.0% (180/200) [CS=200, CE=210, CN=30]");
    }

    @Test
    void theRateDependsOnTheEndCountNotOnlyOnTheStartAndNew() {
        // the misprinted (CS - CN) / CS would give 0.85 for both
        assertThat(CustomerRetentionRate.of(200, 210, 30).rate())
                .isNotEqualTo(CustomerRetentionRate.of(200, 190, 30).rate());
        assertThat(CustomerRetentionRate.of(200, 190, 30).retention()).isEqualTo(Ratio.of(160, 200));
    }

    @Test
    void keepingEveryoneAndLosingEveryoneAreTheExtremes() {
        assertThat(CustomerRetentionRate.of(100, 130, 30).rate()).hasValue(1.0);
        assertThat(CustomerRetentionRate.of(100, 30, 30).rate()).hasValue(0.0);
        assertThat(CustomerRetentionRate.of(100, 30, 30).churnRate()).isEqualTo(Ratio.of(100, 100));
    }

    @Test
    void withNoCustomersAtStartTheRateIsUndefined() {
        CustomerRetentionRate crr = CustomerRetentionRate.of(0, 25, 25);

        assertThat(crr.rate()).isEmpty();
        assertThat(crr.percent()).isEmpty();
        assertThat(crr.churnRate().value()).isEmpty();
        assertThat(crr).hasToString("CRR n/a (0/0) [CS=0, CE=25, CN=25]");
    }

    @Test
    void impossibleCountsAreRejectedNamingThem() {
        assertThatThrownBy(() -> CustomerRetentionRate.of(-1, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer counts must be >= 0: CS=-1, CE=10, CN=0");
        assertThatThrownBy(() -> CustomerRetentionRate.of(100, 10, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("new customers (CN=20) cannot exceed the customers at the end (CE=10)");
        assertThatThrownBy(() -> CustomerRetentionRate.of(100, 150, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customers kept (CE - CN = 130) cannot exceed the customers at the start (CS=100)");
        assertThatThrownBy(() -> RetentionCalculator.crr(0, 1, 0)).hasMessageContaining("CS=0");
    }
}
