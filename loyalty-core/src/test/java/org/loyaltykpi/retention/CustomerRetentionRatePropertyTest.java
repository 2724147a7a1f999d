package org.loyaltykpi.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerRetentionRatePropertyTest {

    @Nested
    class Definitions {

        @Test
        void crrOfPurchaseBehaviourCountsEqualsItsRetention() {
            // CE = active, CN = new + reactivated (everyone not at start), so CE - CN = retained.
            qt().withFixedSeed(602L)
                    .forAll(
                            org.loyaltykpi.domain.PurchaseGenerators.purchaseLists(),
                            PurchaseBehaviourPropertyTest.WINDOWS)
                    .checkAssert((purchases, w) -> {
                        PurchaseBehaviour b = PurchaseBehaviourPropertyTest.behaviour(purchases, w);
                        CustomerRetentionRate crr = RetentionCalculator.crr(
                                b.customersAtStart(), b.activeCustomers(), b.newCustomers() + b.reactivatedCustomers());

                        assertThat(crr.retention()).isEqualTo(b.retention());
                        assertThat(crr.churnRate()).isEqualTo(b.churn());
                    });
        }
    }

    @Nested
    class Invariants {

        @Test
        void churnIsOneMinusRetentionAndBothLieBetweenZeroAndOne() {
            qt().withFixedSeed(601L)
                    .forAll(
                            integers().between(1, 100_000),
                            integers().between(0, 100_000),
                            integers().between(0, 100_000))
                    .checkAssert((cs, keptRaw, cn) -> {
                        long kept = keptRaw % (cs + 1L);
                        CustomerRetentionRate crr = CustomerRetentionRate.of(cs, kept + cn, cn);

                        double rate = crr.rate().getAsDouble();
                        assertThat(rate).isBetween(0.0, 1.0);
                        assertThat(crr.churnRate().value().getAsDouble()).isCloseTo(1 - rate, within(1e-12));
                        assertThat(crr.percent().getAsDouble()).isCloseTo(100 * rate, within(1e-9));
                        assertThat(crr.retainedCustomers() + crr.lostCustomers())
                                .isEqualTo((long) cs);
                    });
        }
    }
}
