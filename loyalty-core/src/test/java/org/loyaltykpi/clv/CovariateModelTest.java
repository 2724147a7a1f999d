package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.internal.Derivatives;
import org.loyaltykpi.internal.SeededRandom;

/** Time-invariant covariates: the likelihood, recovery of simulated coefficients, the covariates file. */
class CovariateModelTest {
    @TempDir
    Path dir;

    /** Two binary covariates per customer, drawn with a seed. */
    private static double[][] binary(int n, long seed) {
        SeededRandom random = new SeededRandom(seed);
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {random.nextDouble() < 0.5 ? 1 : 0, random.nextDouble() < 0.3 ? 1 : 0};
        }
        return z;
    }

    private static Covariates named(double[][] z) {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < z.length; i++) {
            map.put("c" + (i + 1), z[i]);
        }
        return Covariates.of(List.of("web", "vip"), map);
    }

    @Nested
    class Definitions {
        @Test
        void withEveryCoefficientZeroTheLikelihoodIsTheModelsWithoutCovariates() {
            BtydSummary summary = Cdnow.summary();
            Map<String, double[]> map = new LinkedHashMap<>();
            for (int i = 0; i < summary.size(); i++) {
                map.put(summary.customer(i).value(), new double[] {i % 3, i % 2});
            }
            double[][] z = Covariates.of(List.of("u", "v"), map).forSummary(summary);
            CovariateModel.Groups groups = CovariateModel.Groups.of(summary, z);
            double[] theta = {0.243, 4.414, 0.793, 2.426, 0, 0, 0, 0};
            assertThat(groups.logLikelihood(theta, 2, 0, null))
                    .isCloseTo(
                            BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS)
                                    .logLikelihood(summary),
                            within(1e-8));
            double[] pareto = {0.553, 10.578, 0.606, 11.669, 0, 0, 0, 0};
            assertThat(groups.logLikelihood(pareto, 2, -1, null))
                    .isCloseTo(
                            ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS)
                                    .logLikelihood(summary),
                            within(1e-8));
        }

        @Test
        void theAnalyticGradientIsTheNumericOne() {
            BtydSummary summary = Cdnow.summary();
            Map<String, double[]> map = new LinkedHashMap<>();
            for (int i = 0; i < summary.size(); i++) {
                map.put(summary.customer(i).value(), new double[] {i % 3, i % 2});
            }
            CovariateModel.Groups groups = CovariateModel.Groups.of(
                    summary, Covariates.of(List.of("u", "v"), map).forSummary(summary));
            for (int m : new int[] {0, 1, -1}) {
                double[] theta = {0.4, 6, 0.8, 3, 0.2, -0.3, 0.1, 0.25};
                double[] gradient = new double[8];
                groups.logLikelihood(theta, 2, m, gradient);
                double[] numeric = new double[8];
                Derivatives.gradient(t -> groups.logLikelihood(t, 2, m, null), theta.clone(), numeric);
                for (int i = 0; i < 8; i++) {
                    assertThat(gradient[i])
                            .as("m=%d, d/d theta[%d]", m, i)
                            .isCloseTo(numeric[i], within(1e-4 * Math.max(1, Math.abs(numeric[i]))));
                }
            }
        }

        @Test
        void aCustomersModelHasItsOwnScaledParameters() {
            CovariateModel m = CovariateModel.of(
                    ParetoNbdModel.of(0.5, 10, 0.6, 12, TimeScale.WEEKS),
                    List.of("web"),
                    new double[] {Math.log(2)},
                    new double[] {Math.log(4)});
            ParetoNbdModel web = (ParetoNbdModel) m.forCustomer(new double[] {1});
            assertThat(web.alpha()).isCloseTo(5, within(1e-12));
            assertThat(web.beta()).isCloseTo(3, within(1e-12));
            assertThat(m.forCustomer(new double[] {0}).toString())
                    .isEqualTo(m.baseline().toString());
        }
    }

    @Nested
    class ModelBased {
        @Test
        void paretoNbdFitsRecoverSimulatedCoefficientsWithinThreeStandardErrors() {
            // 10,000 customers (BG/NBD: 20,000), purchase coefficients (0.5, -0.4), dropout (0.6, -0.3); the tolerance:
            // each
            // estimate within 3 of its standard errors of the truth and within 0.25 absolute
            double[][] z = binary(10_000, 5);
            double[] gp = {0.5, -0.4};
            double[] gd = {0.6, -0.3};
            CovariateModel truth = CovariateModel.of(
                    ParetoNbdModel.of(0.6, 10, 0.8, 12, TimeScale.WEEKS), List.of("web", "vip"), gp, gd);
            BtydSummary summary = CustomerSimulator.simulate(truth, z, 40, 52, 6);
            CovariateModel fitted = CovariateModel.fit(ParetoNbdModel.NAME, summary, named(z), FitOptions.defaults());
            assertThat(fitted.fit().orElseThrow().converged()).isTrue();
            assertRecovered(fitted, gp, gd);
        }

        @Test
        void bgNbdFitsRecoverSimulatedCoefficientsWithinThreeStandardErrors() {
            double[][] z = binary(20_000, 7);
            double[] gp = {0.5, -0.4};
            double[] gd = {0.6, -0.3};
            CovariateModel truth =
                    CovariateModel.of(BgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS), List.of("web", "vip"), gp, gd);
            BtydSummary summary = CustomerSimulator.simulate(truth, z, 40, 52, 8);
            CovariateModel fitted = CovariateModel.fit(BgNbdModel.NAME, summary, named(z), FitOptions.defaults());
            assertThat(fitted.fit().orElseThrow().converged()).isTrue();
            assertRecovered(fitted, gp, gd);
        }

        private void assertRecovered(CovariateModel fitted, double[] gp, double[] gd) {
            List<Coefficient> c = fitted.coefficients();
            double[] truth = {gp[0], gp[1], gd[0], gd[1]};
            for (int j = 0; j < 4; j++) {
                double se = c.get(j).standardError().orElseThrow();
                assertThat(c.get(j).value())
                        .as(c.get(j).toString())
                        .isCloseTo(truth[j], within(Math.min(3 * se, 0.25)));
            }
        }

        @Test
        void predictionIntervalsWithCovariatesHoldThePointPredictionsAndRepeatWithTheSeed() {
            BtydSummary summary = Cdnow.summaryWithSpend();
            Map<String, double[]> map = new LinkedHashMap<>();
            for (int i = 0; i < summary.size(); i++) {
                map.put(summary.customer(i).value(), new double[] {i % 2});
            }
            Covariates z = Covariates.of(List.of("web"), map);
            CovariateModel fitted = CovariateModel.fit(BgNbdModel.NAME, summary, z, FitOptions.defaults());
            GammaGammaModel spend = GammaGammaModel.fit(summary);
            ClvOptions options = new ClvOptions(52, TimeScale.WEEKS, 1, 0.01);
            IntervalOptions draws = new IntervalOptions(0.9, 100, 11);
            PredictionIntervals pi = fitted.predictIntervals(Optional.of(spend), summary, z, options, draws);
            List<CustomerPrediction> point = fitted.predict(Optional.of(spend), summary, z, options);
            int inside = 0;
            double total = 0;
            for (int i = 0; i < summary.size(); i++) {
                assertThat(pi.customers().get(i).customer())
                        .isEqualTo(point.get(i).customer());
                inside += pi.customers()
                                .get(i)
                                .expectedPurchases()
                                .contains(point.get(i).expectedPurchases())
                        ? 1
                        : 0;
                total += point.get(i).expectedPurchases();
            }
            assertThat(inside).isGreaterThan(summary.size() * 95 / 100);
            assertThat(pi.totalExpectedPurchases().contains(total)).isTrue();
            assertThat(fitted.predictIntervals(Optional.of(spend), summary, z, options, draws))
                    .isEqualTo(pi);
        }

        @Test
        void predictionsUseEachCustomersCovariates() {
            BtydSummary summary = Cdnow.summaryWithSpend();
            Map<String, double[]> map = new LinkedHashMap<>();
            for (int i = 0; i < summary.size(); i++) {
                map.put(summary.customer(i).value(), new double[] {i % 2});
            }
            Covariates z = Covariates.of(List.of("web"), map);
            CovariateModel m = CovariateModel.of(
                    BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS),
                    List.of("web"),
                    new double[] {0.4},
                    new double[] {-0.2});
            ClvOptions options = new ClvOptions(39, TimeScale.WEEKS, 1, 0.01);
            List<CustomerPrediction> p = m.predict(Optional.empty(), summary, z, options);
            for (int i = 0; i < 50; i++) {
                TransactionModel own = m.forCustomer(new double[] {i % 2});
                assertThat(p.get(i).probabilityAlive())
                        .isEqualTo(own.probabilityAlive(summary.frequency(i), summary.recency(i), summary.age(i)));
                assertThat(p.get(i).expectedPurchases())
                        .isCloseTo(
                                own.expectedPurchases(39, summary.frequency(i), summary.recency(i), summary.age(i)),
                                within(1e-12));
            }
        }
    }

    @Nested
    class Invariants {
        @Test
        void aCategoricalColumnBecomesIndicatorsWithTheFirstLevelAsBase() throws IOException {
            Path file = dir.resolve("z.csv");
            Files.writeString(file, "customer_id,age,channel\nc1,34,web\nc2,51.5,store\nc3,20,app\nc4,40,web\n");
            Covariates z = Covariates.read(file);
            assertThat(z.names()).containsExactly("age", "channel=store", "channel=app");
            assertThat(z.of("c1")).containsExactly(34, 0, 0);
            assertThat(z.of("c2")).containsExactly(51.5, 1, 0);
            assertThat(z.of("c3")).containsExactly(20, 0, 1);
        }

        @Test
        void badLinesAreErrorsNamingTheFileLineColumnAndValue() throws IOException {
            Path file = dir.resolve("bad.csv");
            Files.writeString(file, "customer_id,age\nc1,34\nc2,\n");
            assertThatThrownBy(() -> Covariates.read(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad.csv:3")
                    .hasMessageContaining("column age is empty");
            Files.writeString(file, "customer_id,age\nc1,34\nc1,35\n");
            assertThatThrownBy(() -> Covariates.read(file))
                    .hasMessageContaining("bad.csv:3")
                    .hasMessageContaining("'c1' is listed again");
            Files.writeString(file, "customer_id,age\nc1,34,7\n");
            assertThatThrownBy(() -> Covariates.read(file))
                    .hasMessageContaining("bad.csv:2")
                    .hasMessageContaining("'c1,34,7'");
        }

        @Test
        void aCustomerMissingFromTheFileIsAnErrorNamingIt() {
            BtydSummary summary = Cdnow.summary();
            Covariates z =
                    Covariates.of(List.of("u"), Map.of(summary.customer(0).value(), new double[] {1}));
            assertThatThrownBy(() -> z.forSummary(summary))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "no line for customer '" + summary.customer(1).value() + "'")
                    .hasMessageContaining("and 2355 more");
        }
    }
}
