package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.internal.Derivatives;

class TransactionModelTest {
    private static BtydSummary cdnow;
    private static BgNbdModel bg;
    private static MbgNbdModel mbg;
    private static ParetoNbdModel pareto;

    @BeforeAll
    static void fitOnce() {
        cdnow = Cdnow.summary();
        bg = BgNbdModel.fit(cdnow);
        mbg = MbgNbdModel.fit(cdnow);
        pareto = ParetoNbdModel.fit(cdnow);
    }

    private static List<TransactionModel> models() {
        return List.of(bg, mbg, pareto);
    }

    @Test
    void bgNbdReproducesThePublishedCdnowEstimates() {
        // Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), section 4:
        // r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4 on the 2,357-customer sample in weeks.
        ModelFit fit = bg.fit().orElseThrow();
        assertThat(fit.converged()).isTrue();
        assertThat(bg.r()).isCloseTo(0.243, within(0.0005));
        assertThat(bg.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(bg.a()).isCloseTo(0.793, within(0.0005));
        assertThat(bg.b()).isCloseTo(2.426, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.timeUnit()).contains(TimeScale.WEEKS);
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void bgNbdStandardErrorsMatchTheInverseObservedInformation() {
        // The BTYD libraries (lifetimes, BTYD) report SE r 0.0126, alpha 0.378, a 0.186, b 0.706 on these data.
        ModelFit fit = bg.fit().orElseThrow();
        assertThat(fit.standardError("r").getAsDouble()).isCloseTo(0.0126, within(0.0005));
        assertThat(fit.standardError("alpha").getAsDouble()).isCloseTo(0.378, within(0.005));
        assertThat(fit.standardError("a").getAsDouble()).isCloseTo(0.186, within(0.005));
        assertThat(fit.standardError("b").getAsDouble()).isCloseTo(0.706, within(0.01));
    }

    @Test
    void paretoNbdReproducesThePublishedCdnowEstimates() {
        // Fader, Hardie and Lee (2005), "Counting your customers the easy way", section 4: the Pareto/NBD on the
        // same data gives r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.
        ModelFit fit = pareto.fit().orElseThrow();
        assertThat(fit.converged()).isTrue();
        assertThat(pareto.r()).isCloseTo(0.553, within(0.0005));
        assertThat(pareto.alpha()).isCloseTo(10.578, within(0.0005));
        assertThat(pareto.s()).isCloseTo(0.606, within(0.0005));
        assertThat(pareto.beta()).isCloseTo(11.669, within(0.0015));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
    }

    @Test
    void mbgNbdFitsAtLeastAsWellAsBgNbdOnCdnowWithItsExtraDropoutOpportunity() {
        // Batislam, Denizel and Filiztekin (2007): MBG/NBD nests no BG/NBD, but on CDNOW both fit about equally.
        ModelFit fit = mbg.fit().orElseThrow();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.logLikelihood()).isCloseTo(-9582.1, within(0.05));
        assertThat(mbg.r()).isCloseTo(0.525, within(0.001));
        assertThat(mbg.alpha()).isCloseTo(6.183, within(0.001));
        assertThat(mbg.a()).isCloseTo(0.891, within(0.001));
        assertThat(mbg.b()).isCloseTo(1.614, within(0.001));
    }

    @Test
    void bgNbdGivesExactlyOneToCustomersWithoutRepeatPurchaseAndMbgNbdDoesNot() {
        assertThat(bg.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
        assertThat(mbg.probabilityAlive(0, 0, 38.86)).isLessThan(1.0);
        assertThat(mbg.probabilityAlive(0, 0, 38.86)).isLessThan(mbg.probabilityAlive(0, 0, 10));
    }

    @Test
    void probabilityAliveIsAProbabilityForEveryModelAndCustomer() {
        qt().withFixedSeed(611L)
                .forAll(
                        integers().between(0, 300),
                        doubles().between(0, 1),
                        doubles().between(0, 200))
                .checkAssert((x, share, age) -> {
                    double recency = x == 0 ? 0 : share * age;
                    for (TransactionModel m : models()) {
                        assertThat(m.probabilityAlive(x, recency, age)).isBetween(0.0, 1.0);
                    }
                });
    }

    @Test
    void probabilityAliveFallsTheLongerACustomerHasBeenSilent() {
        for (TransactionModel m : models()) {
            assertThat(m.probabilityAlive(3, 10, 38)).isLessThan(m.probabilityAlive(3, 30, 38));
        }
    }

    @Test
    void expectedPurchasesAreNonDecreasingInTheHorizon() {
        qt().withFixedSeed(612L)
                .forAll(
                        integers().between(0, 60),
                        doubles().between(0, 1),
                        doubles().between(0.5, 80))
                .checkAssert((x, share, t) -> {
                    double age = 38.86;
                    double recency = x == 0 ? 0 : share * age;
                    for (TransactionModel m : models()) {
                        double now = m.expectedPurchases(t, x, recency, age);
                        assertThat(now).isGreaterThanOrEqualTo(0);
                        assertThat(m.expectedPurchases(t * 1.5, x, recency, age))
                                .isGreaterThanOrEqualTo(now);
                        assertThat(m.expectedPurchasesOfNewCustomer(t * 1.5))
                                .isGreaterThanOrEqualTo(m.expectedPurchasesOfNewCustomer(t));
                    }
                });
    }

    @Test
    void aCustomerJustAcquiredIsExpectedToBuyLikeANewCustomer() {
        for (TransactionModel m : models()) {
            for (double t : new double[] {1, 13, 39, 78}) {
                assertThat(m.expectedPurchases(t, 0, 0, 0))
                        .as(m.name())
                        .isCloseTo(m.expectedPurchasesOfNewCustomer(t), within(1e-12));
            }
        }
    }

    @Test
    void theDistributionOfPurchasesSumsToOneAndItsMeanIsTheExpectedPurchases() {
        for (TransactionModel m : models()) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n <= 400; n++) {
                double p = m.probabilityOfPurchases(n, 39);
                assertThat(p).isBetween(0.0, 1.0);
                total += p;
                mean += n * p;
            }
            assertThat(total).as(m.name()).isCloseTo(1, within(1e-7));
            assertThat(mean).as(m.name()).isCloseTo(m.expectedPurchasesOfNewCustomer(39), within(1e-4));
        }
    }

    @Test
    void bgNbdExpectsAboutTheRepeatPurchasesTheCohortMadeInTheCalibrationPeriod() {
        // Fader, Hardie and Lee (2005), section 4: 2,457 repeat transactions in the 39-week calibration period, which
        // the fitted model tracks; here the sum over customers of E[X(T_i)].
        double expected = 0;
        int actual = 0;
        for (int i = 0; i < cdnow.size(); i++) {
            expected += bg.expectedPurchasesOfNewCustomer(cdnow.age(i));
            actual += cdnow.frequency(i);
        }
        assertThat(actual).isEqualTo(2457);
        assertThat(expected).isCloseTo(actual, within(0.02 * actual));
    }

    @Test
    void conditionalExpectationsAgreeWithTheFuturePurchasesOfSimulatedCustomers() {
        // Model-based check of the conditional expectation (BG/NBD eq. 10): simulate 39 calibration and 39 holdout
        // weeks from known parameters; the sum of E[Y(39) | x, t_x, 39] must match the simulated holdout purchases.
        org.loyaltykpi.internal.SeededRandom random = new org.loyaltykpi.internal.SeededRandom(3);
        double predicted = 0;
        long actual = 0;
        for (int i = 0; i < 100_000; i++) {
            double lambda = random.nextGamma(bg.r(), 1 / bg.alpha());
            double p = random.nextBeta(bg.a(), bg.b());
            int x = 0;
            double last = 0;
            double t = 0;
            while (true) {
                t += random.nextExponential(lambda);
                if (t > 78) {
                    break;
                }
                if (t <= 39) {
                    x++;
                    last = t;
                } else {
                    actual++;
                }
                if (random.nextDouble() < p) {
                    break;
                }
            }
            predicted += bg.expectedPurchases(39, x, last, 39);
        }
        assertThat(predicted).isCloseTo(actual, within(0.015 * actual));
    }

    @Test
    void collapsedWeightedLikelihoodEqualsThePerCustomerLikelihood() {
        CollapsedSummary collapsed = cdnow.collapsed();
        CollapsedSummary perCustomer = cdnow.uncollapsed();
        assertThat(collapsed.size).isLessThan(perCustomer.size);
        double[] bgTheta = {0.243, 4.414, 0.793, 2.426};
        assertThat(BetaGeometricNbd.logLikelihood(bgTheta, collapsed, 0, null))
                .isCloseTo(BetaGeometricNbd.logLikelihood(bgTheta, perCustomer, 0, null), within(1e-8));
        assertThat(BetaGeometricNbd.logLikelihood(bgTheta, collapsed, 1, null))
                .isCloseTo(BetaGeometricNbd.logLikelihood(bgTheta, perCustomer, 1, null), within(1e-8));
        double[] paretoTheta = {0.553, 10.578, 0.606, 11.669};
        assertThat(ParetoNbdModel.logLikelihood(paretoTheta, collapsed))
                .isCloseTo(ParetoNbdModel.logLikelihood(paretoTheta, perCustomer), within(1e-8));
        // And the per-customer sum by the public one-customer method.
        double sum = 0;
        for (int i = 0; i < cdnow.size(); i++) {
            sum += bg.logLikelihood(cdnow.frequency(i), cdnow.recency(i), cdnow.age(i));
        }
        assertThat(bg.logLikelihood(cdnow)).isCloseTo(sum, within(1e-8));
    }

    @Test
    void analyticGradientsAgreeWithCentralDifferences() {
        CollapsedSummary rows = cdnow.collapsed();
        double[] theta = {0.3, 5.0, 0.7, 2.0};
        for (int m = 0; m <= 1; m++) {
            double[] gradient = new double[4];
            BetaGeometricNbd.logLikelihood(theta, rows, m, gradient);
            for (int i = 0; i < 4; i++) {
                double h = 1e-6 * theta[i];
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (BetaGeometricNbd.logLikelihood(up, rows, m, null)
                                - BetaGeometricNbd.logLikelihood(down, rows, m, null))
                        / (2 * h);
                assertThat(gradient[i]).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void paretoNbdAnalyticGradientAgreesWithCentralDifferencesOnBothSidesOfAlphaEqualsBeta() {
        CollapsedSummary rows = cdnow.collapsed();
        ParetoNbdModel.Pairs pairs = ParetoNbdModel.Pairs.of(rows);
        // alpha > beta and alpha < beta take different hypergeometric forms; r < 1 makes x = 0 skip Euler's transform.
        double[][] thetas = {{0.553, 10.578, 0.606, 11.669}, {0.4, 12.0, 0.9, 6.0}, {1.7, 3.0, 0.3, 25.0}};
        for (double[] theta : thetas) {
            double[] gradient = new double[4];
            double value = ParetoNbdModel.logLikelihood(theta, rows, pairs, gradient);
            assertThat(value).isCloseTo(ParetoNbdModel.logLikelihood(theta, rows), within(1e-8));
            double[] numeric = new double[4];
            Derivatives.gradient(t -> ParetoNbdModel.logLikelihood(t, rows), theta.clone(), numeric);
            for (int i = 0; i < 4; i++) {
                assertThat(gradient[i])
                        .as("d/d theta[%d] at %s", i, java.util.Arrays.toString(theta))
                        .isCloseTo(numeric[i], within(1e-4 * Math.max(1, Math.abs(numeric[i]))));
            }
        }
    }

    @Test
    void fitsRecoverTheParametersOfDataSimulatedFromThem() {
        // 6,000 simulated customers per model; every estimate lands within 3 standard errors of the truth.
        assertRecovered(
                BgNbdModel.fit(
                        CustomerSimulator.simulate(BgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS), 6000, 40, 52, 7L)),
                0.5,
                6,
                0.8,
                2.5);
        assertRecovered(
                MbgNbdModel.fit(CustomerSimulator.simulate(
                        MbgNbdModel.of(0.5, 6, 0.8, 2.5, TimeScale.WEEKS), 6000, 40, 52, 8L)),
                0.5,
                6,
                0.8,
                2.5);
        assertRecovered(
                ParetoNbdModel.fit(CustomerSimulator.simulate(
                        ParetoNbdModel.of(0.6, 10, 0.8, 12, TimeScale.WEEKS), 6000, 40, 52, 9L)),
                0.6,
                10,
                0.8,
                12);
    }

    private static void assertRecovered(TransactionModel m, double... truth) {
        ModelFit fit = m.fit().orElseThrow();
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (int i = 0; i < truth.length; i++) {
            Parameter p = fit.parameters().get(i);
            assertThat(p.value())
                    .as("%s %s", m.name(), p.name())
                    .isCloseTo(truth[i], within(3 * p.standardError().orElseThrow()));
        }
    }

    @Test
    void aPenalizerShrinksTheParameters() {
        BgNbdModel penalized = BgNbdModel.fit(cdnow, FitOptions.defaults().withPenalizer(0.1));
        double plain = bg.r() * bg.r() + bg.alpha() * bg.alpha() + bg.a() * bg.a() + bg.b() * bg.b();
        double shrunk = penalized.r() * penalized.r()
                + penalized.alpha() * penalized.alpha()
                + penalized.a() * penalized.a()
                + penalized.b() * penalized.b();
        assertThat(shrunk).isLessThan(plain);
        assertThat(penalized.fit().orElseThrow().logLikelihood())
                .isLessThan(bg.fit().orElseThrow().logLikelihood());
        assertThat(penalized.fit().orElseThrow().penalizer()).isEqualTo(0.1);
    }

    /** The CDNOW summary with every time multiplied by {@code factor}, in {@code unit}. */
    private static BtydSummary rescaled(double factor, TimeScale unit) {
        BtydSummary.Builder builder = BtydSummary.builder(unit);
        for (int i = 0; i < cdnow.size(); i++) {
            builder.add(
                    cdnow.customer(i).value(), cdnow.frequency(i), cdnow.recency(i) * factor, cdnow.age(i) * factor, 0);
        }
        return builder.build();
    }

    @Test
    void theMaxAgeOnePenaltyIsLifetimesFitOnTimeRescaledToAMaximumAgeOfOne() {
        // lifetimes (0.11) divides recency and T by max T, fits with the plain penalty, and scales alpha (and
        // Pareto/NBD's beta) back: the MAX_AGE_ONE convention must give exactly that.
        FitOptions lifetimes =
                FitOptions.defaults().withPenalizer(0.1).withPenaltyScale(FitOptions.PenaltyScale.MAX_AGE_ONE);
        double maxAge = 0;
        for (int i = 0; i < cdnow.size(); i++) {
            maxAge = Math.max(maxAge, cdnow.age(i));
        }
        BtydSummary unitAge = rescaled(1 / maxAge, TimeScale.WEEKS);
        BgNbdModel ours = BgNbdModel.fit(cdnow, lifetimes);
        BgNbdModel theirs = BgNbdModel.fit(unitAge, FitOptions.defaults().withPenalizer(0.1));
        assertThat(ours.r()).isCloseTo(theirs.r(), within(1e-6));
        assertThat(ours.alpha()).isCloseTo(theirs.alpha() * maxAge, within(1e-4));
        assertThat(ours.a()).isCloseTo(theirs.a(), within(1e-5));
        assertThat(ours.b()).isCloseTo(theirs.b(), within(1e-4));
        ParetoNbdModel oursP = ParetoNbdModel.fit(cdnow, lifetimes);
        ParetoNbdModel theirsP =
                ParetoNbdModel.fit(unitAge, FitOptions.defaults().withPenalizer(0.1));
        assertThat(oursP.r()).isCloseTo(theirsP.r(), within(1e-6));
        assertThat(oursP.alpha()).isCloseTo(theirsP.alpha() * maxAge, within(1e-4));
        assertThat(oursP.s()).isCloseTo(theirsP.s(), within(1e-5));
        assertThat(oursP.beta()).isCloseTo(theirsP.beta() * maxAge, within(1e-3));
    }

    @Test
    void withTheMaxAgeOnePenaltyTheEstimatesDoNotDependOnTheTimeUnitAndWithTheTimeUnitPenaltyTheyDo() {
        FitOptions penalized = FitOptions.defaults().withPenalizer(0.1);
        BtydSummary days = rescaled(7, TimeScale.DAYS);
        FitOptions lifetimes = penalized.withPenaltyScale(FitOptions.PenaltyScale.MAX_AGE_ONE);
        BgNbdModel weeks = BgNbdModel.fit(cdnow, lifetimes);
        BgNbdModel inDays = BgNbdModel.fit(days, lifetimes);
        assertThat(inDays.r()).isCloseTo(weeks.r(), within(1e-6));
        assertThat(inDays.alpha()).isCloseTo(7 * weeks.alpha(), within(1e-4));
        assertThat(inDays.a()).isCloseTo(weeks.a(), within(1e-5));
        BgNbdModel plainWeeks = BgNbdModel.fit(cdnow, penalized);
        BgNbdModel plainDays = BgNbdModel.fit(days, penalized);
        assertThat(Math.abs(plainDays.r() - plainWeeks.r())).isGreaterThan(0.01);
        // The rescaled penalty hardly touches alpha, so r stays nearer its maximum-likelihood value.
        assertThat(Math.abs(weeks.r() - bg.r())).isLessThan(Math.abs(plainWeeks.r() - bg.r()));
        // lifetimes 0.11.3 gives r = 0.231 at penalizer_coef 0.1 on this summary (measured beside it, issue 14).
        assertThat(weeks.r()).isCloseTo(0.231, within(0.0005));
        assertThat(plainWeeks.r()).isCloseTo(0.115, within(0.0005));
    }

    @Test
    void initialParametersMustMatchTheModelAndLeadToTheSameOptimum() {
        BgNbdModel started =
                BgNbdModel.fit(cdnow, FitOptions.defaults().withInitialParameters(List.of(0.2, 4.0, 0.8, 2.4)));
        assertThat(started.r()).isCloseTo(bg.r(), within(1e-5));
        assertThat(started.b()).isCloseTo(bg.b(), within(1e-3));
        assertThatThrownBy(() -> BgNbdModel.fit(cdnow, FitOptions.defaults().withInitialParameters(List.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 parameters [r, alpha, a, b] but 1 initial values");
        assertThatThrownBy(() -> FitOptions.defaults().withInitialParameters(List.of(-1.0)))
                .hasMessageContaining("positive");
    }

    @Test
    void aSummaryWithoutRepeatPurchasesCannotBeFittedAndTheErrorSaysWhatToTry() {
        BtydSummary none = BtydSummary.builder(TimeScale.WEEKS)
                .add("c1", 0, 0, 10, 0)
                .add("c2", 0, 0, 20, 0)
                .build();
        assertThatThrownBy(() -> BgNbdModel.fit(none))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("no customer")
                .hasMessageContaining("longer calibration period");
        assertThatThrownBy(() ->
                        ParetoNbdModel.fit(BtydSummary.builder(TimeScale.WEEKS).build()))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("no customers");
    }

    @Test
    void aStoppedFitSaysItDidNotConverge() {
        BgNbdModel stopped = BgNbdModel.fit(cdnow, FitOptions.defaults().withMaxIterations(2));
        ModelFit fit = stopped.fit().orElseThrow();
        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(2);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("did not converge"));
    }

    @Test
    void aModelRefusesASummaryInAnotherTimeUnit() {
        BtydSummary days =
                BtydSummary.builder(TimeScale.DAYS).add("c1", 1, 3, 9, 5).build();
        assertThatThrownBy(() -> bg.logLikelihood(days))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WEEKS")
                .hasMessageContaining("DAYS");
    }
}
