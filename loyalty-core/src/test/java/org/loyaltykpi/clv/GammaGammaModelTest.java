package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.loyaltykpi.internal.SeededRandom;

class GammaGammaModelTest {

    @Test
    void reproducesThePublishedCdnowEstimates() {
        // Fader, Hardie and Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4),
        // and Fader and Hardie, "The Gamma-Gamma model of monetary value": on the 946 CDNOW sample customers with
        // repeat purchases, p = 6.25, q = 3.74, gamma = 15.44.
        GammaGammaModel gg = GammaGammaModel.fit(Cdnow.summaryWithSpend());
        ModelFit fit = gg.fit().orElseThrow();
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.converged()).isTrue();
        assertThat(gg.p()).isCloseTo(6.25, within(0.01));
        assertThat(gg.q()).isCloseTo(3.74, within(0.01));
        assertThat(gg.gamma()).isCloseTo(15.44, within(0.01));
        assertThat(gg.excludedCustomers()).isZero();
        // Frequency and spend are nearly independent on CDNOW (the papers' check): no warning.
        assertThat(gg.frequencySpendCorrelation().getAsDouble()).isBetween(0.0, 0.3);
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void expectedSpendIsAWeightedMeanOfThePopulationMeanAndTheCustomersMean() {
        GammaGammaModel gg = GammaGammaModel.of(6.25, 3.74, 15.44);
        double population = 6.25 * 15.44 / 2.74;
        assertThat(gg.meanSpend().getAsDouble()).isCloseTo(population, within(1e-12));
        assertThat(gg.expectedAverageSpend(0, 0)).isCloseTo(population, within(1e-12));
        double zbar = 100;
        double weight = 6.25 * 5 / (6.25 * 5 + 3.74 - 1);
        assertThat(gg.expectedAverageSpend(5, zbar)).isCloseTo(weight * zbar + (1 - weight) * population, within(1e-9));
        // More repeat purchases: more weight on the customer's own mean.
        assertThat(gg.expectedAverageSpend(20, zbar)).isGreaterThan(gg.expectedAverageSpend(5, zbar));
    }

    @Test
    void aNonPositiveMeanSpendIsAnErrorNamingTheCustomersUnlessExcluded() {
        BtydSummary summary = BtydSummary.builder(TimeScale.WEEKS)
                .add("good1", 2, 10, 30, 20)
                .add("good2", 1, 5, 30, 35)
                .add("good3", 3, 20, 30, 15)
                .add("free", 2, 10, 30, 0)
                .add("once", 0, 0, 30, 0)
                .build();
        assertThatThrownBy(() -> GammaGammaModel.fit(summary))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("free")
                .hasMessageContaining("--exclude-nonpositive")
                .hasMessageNotContaining("once");
        GammaGammaModel gg =
                GammaGammaModel.fit(summary, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
        assertThat(gg.excludedCustomers()).isEqualTo(1);
        assertThat(gg.fit().orElseThrow().customers()).isEqualTo(3);
        assertThat(gg.fit().orElseThrow().warnings()).anyMatch(w -> w.contains("excluded"));
    }

    @Test
    void warnsWhenFrequencyAndSpendAreStronglyCorrelated() {
        BtydSummary.Builder builder = BtydSummary.builder(TimeScale.WEEKS);
        SeededRandom random = new SeededRandom(5);
        for (int i = 0; i < 300; i++) {
            int x = 1 + i % 10;
            builder.add("c" + i, x, 10, 30, 10 * x + random.nextGamma(4, 2));
        }
        GammaGammaModel gg = GammaGammaModel.fit(builder.build());
        assertThat(gg.frequencySpendCorrelation().getAsDouble()).isGreaterThan(0.3);
        assertThat(gg.fit().orElseThrow().warnings()).anyMatch(w -> w.contains("correlated"));
    }

    @Test
    void recoversTheParametersOfSimulatedSpend() {
        // nu ~ Gamma(q, 1/gamma) per customer, each transaction ~ Gamma(p, 1/nu); zbar the mean of x transactions.
        double p = 5;
        double q = 3;
        double gamma = 20;
        SeededRandom random = new SeededRandom(11);
        BtydSummary.Builder builder = BtydSummary.builder(TimeScale.WEEKS);
        for (int i = 0; i < 5000; i++) {
            double nu = random.nextGamma(q, 1 / gamma);
            int x = 1 + random.nextInt(8);
            double total = 0;
            for (int k = 0; k < x; k++) {
                total += random.nextGamma(p, 1 / nu);
            }
            builder.add("c" + i, x, 1, 30, total / x);
        }
        ModelFit fit = GammaGammaModel.fit(builder.build()).fit().orElseThrow();
        assertThat(fit.value("p"))
                .isCloseTo(p, within(3 * fit.standardError("p").getAsDouble()));
        assertThat(fit.value("q"))
                .isCloseTo(q, within(3 * fit.standardError("q").getAsDouble()));
        assertThat(fit.value("gamma"))
                .isCloseTo(gamma, within(3 * fit.standardError("gamma").getAsDouble()));
    }
}
