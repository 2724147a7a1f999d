package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.internal.Derivatives;

/** The covariance of the estimates, parameter intervals and prediction intervals. */
class UncertaintyTest {
    private static BtydSummary cdnow;
    private static BgNbdModel bgNbd;
    private static GammaGammaModel gammaGamma;

    @BeforeAll
    static void fit() {
        cdnow = Cdnow.summaryWithSpend();
        bgNbd = BgNbdModel.fit(cdnow);
        gammaGamma = GammaGammaModel.fit(cdnow);
    }

    /**
     * The observed information in the log-parameters by central second differences of the model's own
     * log-likelihood, independent of the fit's machinery.
     */
    private static double[][] numericInformation(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
        int n = theta.length;
        double h = 1e-3;
        double[][] info = new double[n][n];
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            phi[i] = Math.log(theta[i]);
        }
        ToDoubleFunction<double[]> f = p -> {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.exp(p[i]);
            }
            return -logLikelihood.applyAsDouble(t);
        };
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] pp = phi.clone();
                double[] pm = phi.clone();
                double[] mp = phi.clone();
                double[] mm = phi.clone();
                pp[i] += h;
                pp[j] += h;
                pm[i] += h;
                pm[j] -= h;
                mp[i] -= h;
                mp[j] += h;
                mm[i] -= h;
                mm[j] -= h;
                info[i][j] = (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm))
                        / (4 * h * h);
            }
        }
        return info;
    }

    private static void assertInverseOf(ParameterCovariance covariance, double[][] information) {
        double[][] inverse = Derivatives.inverseOfPositiveDefinite(information).orElseThrow();
        for (int i = 0; i < inverse.length; i++) {
            for (int j = 0; j < inverse.length; j++) {
                double scale = Math.sqrt(inverse[i][i] * inverse[j][j]);
                assertThat(covariance.get(i, j))
                        .as("Sigma[%d][%d]", i, j)
                        .isCloseTo(inverse[i][j], within(1e-3 * scale));
            }
        }
    }

    @Nested
    class Definitions {
        @Test
        void theBgNbdCovarianceIsTheInverseOfTheNumericHessianOfTheLogLikelihoodInLogParameters() {
            ParameterCovariance c = bgNbd.fit().orElseThrow().covariance().orElseThrow();
            assertThat(c.names()).containsExactly("r", "alpha", "a", "b");
            double[] theta = {bgNbd.r(), bgNbd.alpha(), bgNbd.a(), bgNbd.b()};
            assertInverseOf(
                    c,
                    numericInformation(
                            t -> BgNbdModel.of(t[0], t[1], t[2], t[3], TimeScale.WEEKS)
                                    .logLikelihood(cdnow),
                            theta));
        }

        @Test
        void theParetoNbdCovarianceIsTheInverseOfTheNumericHessianToo() {
            ParetoNbdModel m = ParetoNbdModel.fit(cdnow);
            double[] theta = {m.r(), m.alpha(), m.s(), m.beta()};
            assertInverseOf(
                    m.fit().orElseThrow().covariance().orElseThrow(),
                    numericInformation(
                            t -> ParetoNbdModel.of(t[0], t[1], t[2], t[3], TimeScale.WEEKS)
                                    .logLikelihood(cdnow),
                            theta));
        }

        @Test
        void theGammaGammaCovarianceIsTheInverseOfTheNumericHessianToo() {
            double[] theta = {gammaGamma.p(), gammaGamma.q(), gammaGamma.gamma()};
            assertInverseOf(
                    gammaGamma.fit().orElseThrow().covariance().orElseThrow(),
                    numericInformation(
                            t -> {
                                GammaGammaModel g = GammaGammaModel.of(t[0], t[1], t[2]);
                                double ll = 0;
                                for (int i = 0; i < cdnow.size(); i++) {
                                    if (cdnow.frequency(i) > 0) {
                                        ll += g.logLikelihood(cdnow.frequency(i), cdnow.monetaryValue(i));
                                    }
                                }
                                return ll;
                            },
                            theta));
        }

        @Test
        void standardErrorsAreTheDeltaMethodOfTheLogScaleVariances() {
            ModelFit fit = bgNbd.fit().orElseThrow();
            ParameterCovariance c = fit.covariance().orElseThrow();
            for (int i = 0; i < 4; i++) {
                Parameter p = fit.parameters().get(i);
                assertThat(p.standardError().orElseThrow())
                        .isCloseTo(p.value() * Math.sqrt(c.get(i, i)), within(1e-12 * p.value()));
            }
        }

        @Test
        void aLogScaleIntervalIsTheExponentialOfTheWaldIntervalOfTheLogarithm() {
            ModelFit fit = bgNbd.fit().orElseThrow();
            ParameterInterval r = fit.intervals(0.95).get(0);
            double se = Math.sqrt(fit.covariance().orElseThrow().get(0, 0));
            assertThat(r.name()).isEqualTo("r");
            assertThat(r.logScale()).isTrue();
            assertThat(r.low()).isCloseTo(bgNbd.r() * Math.exp(-1.959963984540054 * se), within(1e-12));
            assertThat(r.high()).isCloseTo(bgNbd.r() * Math.exp(1.959963984540054 * se), within(1e-12));
        }
    }

    @Nested
    class Invariants {
        @Test
        void theCovarianceIsSymmetricWithPositiveVariances() {
            ParameterCovariance c = bgNbd.fit().orElseThrow().covariance().orElseThrow();
            for (int i = 0; i < c.size(); i++) {
                assertThat(c.get(i, i)).isPositive();
                for (int j = 0; j < c.size(); j++) {
                    assertThat(c.get(i, j)).isCloseTo(c.get(j, i), within(1e-12 * Math.abs(c.get(i, j)) + 1e-300));
                    assertThat(Math.abs(c.correlation(i, j))).isLessThanOrEqualTo(1 + 1e-12);
                }
            }
        }

        @Test
        void logScaleIntervalsAreGeometricallySymmetricAroundTheEstimate() {
            for (ParameterInterval i : bgNbd.fit().orElseThrow().intervals(0.9)) {
                assertThat(i.low() * i.high()).isCloseTo(i.estimate() * i.estimate(), within(1e-9 * i.high()));
                assertThat(i.low()).isPositive();
            }
        }

        @Test
        void aHigherLevelGivesWiderIntervals() {
            List<ParameterInterval> narrow = bgNbd.fit().orElseThrow().intervals(0.8);
            List<ParameterInterval> wide = bgNbd.fit().orElseThrow().intervals(0.99);
            for (int i = 0; i < narrow.size(); i++) {
                assertThat(wide.get(i).low()).isLessThan(narrow.get(i).low());
                assertThat(wide.get(i).high()).isGreaterThan(narrow.get(i).high());
            }
        }

        @Test
        void aModelGivenByItsParametersHasNoIntervalsAndCannotDrawPredictions() {
            BgNbdModel given = BgNbdModel.of(0.24, 4.4, 0.79, 2.4, TimeScale.WEEKS);
            assertThatThrownBy(() -> ClvCalculator.predictIntervals(
                            given,
                            Optional.empty(),
                            cdnow,
                            new ClvOptions(39, TimeScale.WEEKS, 1, 0),
                            IntervalOptions.of(0.9)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not fitted");
        }

        @Test
        void badLevelsAreRejectedNamingTheValue() {
            assertThatThrownBy(() -> bgNbd.fit().orElseThrow().intervals(1.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1.5");
            assertThatThrownBy(() -> new IntervalOptions(0.9, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("draws");
        }
    }

    @Nested
    class ModelBased {
        @Test
        void ninetyPercentIntervalsCoverTheTrueParametersOfSimulatedDataAboutNinetyPercentOfTheTime() {
            // 120 data sets of 1,000 BG/NBD customers (seeds 1..120); each parameter's 90% interval covers the truth
            // in 80% to 97% of them (a binomial(120, 0.9) count lies in that range with probability above 0.99).
            double[] truth = {0.5, 6, 0.8, 2.5};
            BgNbdModel model = BgNbdModel.of(truth[0], truth[1], truth[2], truth[3], TimeScale.WEEKS);
            int sets = 120;
            int[] covered = new int[4];
            for (int seed = 1; seed <= sets; seed++) {
                ModelFit fit = BgNbdModel.fit(CustomerSimulator.simulate(model, 1000, 40, 52, seed))
                        .fit()
                        .orElseThrow();
                List<ParameterInterval> intervals = fit.intervals(0.9);
                for (int i = 0; i < 4; i++) {
                    covered[i] += intervals.get(i).contains(truth[i]) ? 1 : 0;
                }
            }
            for (int i = 0; i < 4; i++) {
                assertThat(covered[i] / (double) sets)
                        .as("coverage of parameter %d", i)
                        .isBetween(0.80, 0.97);
            }
        }

        @Test
        void predictionIntervalsHoldThePointPredictionsOfTheFittedParameters() {
            ClvOptions options = new ClvOptions(52, TimeScale.WEEKS, 0.3, 0.01);
            PredictionIntervals pi = ClvCalculator.predictIntervals(
                    bgNbd, Optional.of(gammaGamma), cdnow, options, new IntervalOptions(0.9, 200, 7));
            List<CustomerPrediction> point = ClvCalculator.predict(bgNbd, Optional.of(gammaGamma), cdnow, options);
            assertThat(pi.customers()).hasSize(cdnow.size());
            int inside = 0;
            double totalPurchases = 0;
            double totalClv = 0;
            for (int i = 0; i < cdnow.size(); i++) {
                CustomerPredictionInterval c = pi.customers().get(i);
                assertThat(c.customer()).isEqualTo(point.get(i).customer());
                inside += c.expectedPurchases().contains(point.get(i).expectedPurchases()) ? 1 : 0;
                totalPurchases += point.get(i).expectedPurchases();
                totalClv += point.get(i).clv().orElseThrow();
            }
            assertThat(inside).isGreaterThan(cdnow.size() * 95 / 100);
            assertThat(pi.totalExpectedPurchases().contains(totalPurchases)).isTrue();
            assertThat(pi.totalClv().orElseThrow().contains(totalClv)).isTrue();
        }
    }

    @Nested
    class Metamorphic {
        @Test
        void theSameSeedGivesTheSameIntervalsAndAWiderLevelContainsTheNarrowerOne() {
            ClvOptions options = new ClvOptions(26, TimeScale.WEEKS, 1, 0);
            PredictionIntervals a = ClvCalculator.predictIntervals(
                    bgNbd, Optional.empty(), cdnow, options, new IntervalOptions(0.8, 60, 3));
            PredictionIntervals b = ClvCalculator.predictIntervals(
                    bgNbd, Optional.empty(), cdnow, options, new IntervalOptions(0.8, 60, 3));
            PredictionIntervals wide = ClvCalculator.predictIntervals(
                    bgNbd, Optional.empty(), cdnow, options, new IntervalOptions(0.95, 60, 3));
            assertThat(a).isEqualTo(b);
            for (int i = 0; i < cdnow.size(); i += 97) {
                PredictionRange n = a.customers().get(i).expectedPurchases();
                PredictionRange w = wide.customers().get(i).expectedPurchases();
                assertThat(w.low()).isLessThanOrEqualTo(n.low());
                assertThat(w.high()).isGreaterThanOrEqualTo(n.high());
            }
        }
    }
}
