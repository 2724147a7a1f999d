package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BgBbModelTest {
    private static List<BgBbModel.Row> donations;
    private static BgBbModel fitted;

    /** {@code src/test/resources/donations/donations.csv} (see the README there for the source). */
    static List<BgBbModel.Row> donations() {
        List<BgBbModel.Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BgBbModelTest.class.getResourceAsStream("/donations/donations.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    rows.add(new BgBbModel.Row(
                            Integer.parseInt(f[0]),
                            Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]),
                            Double.parseDouble(f[3])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @BeforeAll
    static void fitOnce() {
        donations = donations();
        fitted = BgBbModel.fit(donations);
    }

    @Nested
    class Definitions {
        @Test
        void reproducesThePublishedDonationsEstimatesToEveryDigitGiven() {
            // Fader, Hardie and Shang (2010), Marketing Science 29(6), section 4: alpha = 1.204, beta = 0.750,
            // gamma = 0.657, delta = 2.783, LL = -33,225.6 on 11,104 donors.
            ModelFit fit = fitted.fit().orElseThrow();
            assertThat(fit.converged()).isTrue();
            assertThat(fit.customers()).isEqualTo(11_104);
            assertThat(fit.value("alpha")).isCloseTo(1.204, within(0.0005));
            assertThat(fit.value("beta")).isCloseTo(0.750, within(0.0005));
            assertThat(fit.value("gamma")).isCloseTo(0.657, within(0.0005));
            assertThat(fit.value("delta")).isCloseTo(2.783, within(0.0005));
            assertThat(fit.logLikelihood()).isCloseTo(-33_225.6, within(0.05));
            assertThat(fit.warnings()).isEmpty();
        }

        @Test
        void aDonorWhoGaveInEveryYearIsAliveNextYearWithProbabilityAboutNinetyThreePercent() {
            // The paper's table of P(alive in 2002): 0.93 for x = t_x = n = 6, which is (delta + 6)/(gamma + delta +
            // 6).
            double p = fitted.probabilityAlive(6, 6, 6);
            assertThat(p).isCloseTo(0.93, within(0.005));
            double delta = fitted.fit().orElseThrow().value("delta");
            double gamma = fitted.fit().orElseThrow().value("gamma");
            assertThat(p).isCloseTo((delta + 6) / (gamma + delta + 6), within(1e-12));
        }

        @Test
        void theLikelihoodOfACustomerWhoNeverCameBackIsTheSumOverWhenItDied() {
            BgBbModel m = BgBbModel.of(1.2, 0.75, 0.66, 2.8);
            // x = 0, n = 1: alive and no transaction, B(a, b+1)/B(a, b) B(g, d+1)/B(g, d) = b/(a+b) d/(g+d), or dead
            // before the first opportunity, g/(g+d).
            double expected = 0.75 / 1.95 * 2.8 / 3.46 + 0.66 / 3.46;
            assertThat(Math.exp(m.logLikelihood(0, 0, 1))).isCloseTo(expected, within(1e-14));
        }
    }

    @Nested
    class Invariants {
        @Test
        void theDistributionOfTransactionsSumsToOneAndItsMeanIsTheExpectedTransactions() {
            for (int n = 1; n <= 8; n++) {
                double total = 0;
                double mean = 0;
                for (int x = 0; x <= n; x++) {
                    double p = fitted.probabilityOfTransactions(x, n);
                    total += p;
                    mean += x * p;
                }
                assertThat(total).isCloseTo(1, within(1e-12));
                assertThat(mean).isCloseTo(fitted.expectedTransactionsOfNewCustomer(n), within(1e-10));
            }
        }

        @Test
        void theWeightedSampleAveragesMatchTheModelOnItsOwnData() {
            // The fit reproduces the share of donors without repeat donation about as the paper's figure 3 shows.
            double total = donations.stream().mapToDouble(BgBbModel.Row::weight).sum();
            double none = donations.stream()
                    .filter(r -> r.frequency() == 0)
                    .mapToDouble(BgBbModel.Row::weight)
                    .sum();
            assertThat(fitted.probabilityOfTransactions(0, 6)).isCloseTo(none / total, within(0.01));
        }

        @Test
        void theDiscountedResidualTransactionsAreTheDiscountedSumOfEachFutureOpportunitysExpectation() {
            // DERT(d) = sum_{k >= 1} (E[X(n, n+k)] - E[X(n, n+k-1)]) / (1+d)^k (the paper's definition behind eq. 14).
            for (double d : new double[] {0.1, 0.03}) {
                double sum = 0;
                double previous = 0;
                for (int k = 1; k <= 3000; k++) {
                    double cumulative = fitted.expectedTransactions(k, 3, 5, 6);
                    sum += (cumulative - previous) / Math.pow(1 + d, k);
                    previous = cumulative;
                }
                assertThat(fitted.discountedResidualTransactions(d, 3, 5, 6)).isCloseTo(sum, within(1e-9 * sum));
            }
            assertThat(fitted.expectedTransactions(5, 3, 5, 6)).isLessThan(fitted.expectedTransactions(10, 3, 5, 6));
            assertThat(fitted.expectedTransactions(0, 3, 5, 6)).isZero();
        }

        @Test
        void aModelAtGammaOneTakesTheLimitOfItsExpectations() {
            BgBbModel one = BgBbModel.of(1.2, 0.75, 1, 2.8);
            BgBbModel near = BgBbModel.of(1.2, 0.75, 1 + 1e-4, 2.8);
            assertThat(one.expectedTransactionsOfNewCustomer(6))
                    .isCloseTo(near.expectedTransactionsOfNewCustomer(6), within(1e-3));
        }

        @Test
        void invalidPatternsAreRejectedNamingTheField() {
            assertThatThrownBy(() -> new BgBbModel.Row(3, 2, 6, 1)).hasMessageContaining("recency");
            assertThatThrownBy(() -> new BgBbModel.Row(7, 7, 6, 1)).hasMessageContaining("frequency=7");
            assertThatThrownBy(() -> new BgBbModel.Row(1, 1, 6, 0)).hasMessageContaining("weight");
        }
    }
}
