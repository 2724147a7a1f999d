package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The seeded simulators, and fits recovering the parameters they simulate from. */
class CustomerSimulatorTest {
    private static final BgNbdModel BG_NBD = BgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS);

    private static void assertWithinThreeStandardErrors(ModelFit fit, double... truth) {
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (int i = 0; i < truth.length; i++) {
            Parameter p = fit.parameters().get(i);
            assertThat(p.value())
                    .as("%s %s", fit.model(), p.name())
                    .isCloseTo(truth[i], within(3 * p.standardError().orElseThrow()));
        }
    }

    @Nested
    class Invariants {
        @Test
        void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
            assertThat(CustomerSimulator.simulate(BG_NBD, 500, 40, 52, 3))
                    .isEqualTo(CustomerSimulator.simulate(BG_NBD, 500, 40, 52, 3))
                    .isNotEqualTo(CustomerSimulator.simulate(BG_NBD, 500, 40, 52, 4));
        }

        @Test
        void simulatedSummariesAreValidSummariesWithinTheAgeRange() {
            BtydSummary s =
                    CustomerSimulator.simulate(ParetoNbdModel.of(0.6, 10, 0.8, 12, TimeScale.DAYS), 2000, 100, 300, 5);
            assertThat(s.size()).isEqualTo(2000);
            assertThat(s.timeUnit()).isEqualTo(TimeScale.DAYS);
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.age(i)).isBetween(100.0, 300.0);
                assertThat(s.recency(i)).isBetween(0.0, s.age(i));
                assertThat(s.frequency(i) == 0).isEqualTo(s.recency(i) == 0);
            }
        }

        @Test
        void bgBbRowsWeighUpToTheCustomersAndRespectTheirOpportunities() {
            List<BgBbModel.Row> rows = CustomerSimulator.simulate(BgBbModel.of(1.2, 0.75, 0.66, 2.8), 3000, 6, 11);
            assertThat(rows.stream().mapToDouble(BgBbModel.Row::weight).sum()).isEqualTo(3000);
            assertThat(rows).allSatisfy(r -> assertThat(r.periods()).isEqualTo(6));
        }

        @Test
        void badCountsAndAgesAreRejectedNamingTheValues() {
            assertThatThrownBy(() -> CustomerSimulator.simulate(BG_NBD, 10, 0, 52, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0.0");
            assertThatThrownBy(() -> CustomerSimulator.simulate(BG_NBD, -1, 1, 52, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Nested
    class ModelBased {
        @Test
        void bgBbFitsRecoverTheParametersTheyWereSimulatedFrom() {
            // the donation study's estimates (Fader, Hardie and Shang 2010), 20,000 donors, six opportunities
            List<BgBbModel.Row> rows =
                    CustomerSimulator.simulate(BgBbModel.of(1.204, 0.750, 0.657, 2.783), 20_000, 6, 21);
            assertWithinThreeStandardErrors(BgBbModel.fit(rows).fit().orElseThrow(), 1.204, 0.750, 0.657, 2.783);
        }

        @Test
        void gammaGammaFitsRecoverTheParametersTheyWereSimulatedFrom() {
            // Fader, Hardie and Lee's CDNOW estimates, on 20,000 simulated BG/NBD customers' repeat buyers
            BtydSummary purchases = CustomerSimulator.simulate(BG_NBD, 20_000, 40, 52, 31);
            BtydSummary spend = CustomerSimulator.simulateSpend(GammaGammaModel.of(6.25, 3.74, 15.44), purchases, 32);
            assertWithinThreeStandardErrors(GammaGammaModel.fit(spend).fit().orElseThrow(), 6.25, 3.74, 15.44);
        }

        @Test
        void mbgNbdFitsRecoverTheParametersTheyWereSimulatedFrom() {
            assertWithinThreeStandardErrors(
                    MbgNbdModel.fit(CustomerSimulator.simulate(
                                    MbgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS), 6000, 40, 52, 41))
                            .fit()
                            .orElseThrow(),
                    0.5,
                    6,
                    0.8,
                    2.5);
        }
    }
}
