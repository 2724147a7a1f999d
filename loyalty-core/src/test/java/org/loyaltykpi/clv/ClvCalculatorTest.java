package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;

class ClvCalculatorTest {
    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final BtydCustomer CUSTOMER = new BtydCustomer(new CustomerId("1"), 2, 30.43, 38.86, 22.35);

    @Test
    void withoutDiscountingClvIsMarginTimesSpendTimesExpectedPurchases() {
        double clv = ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(52, TimeScale.WEEKS, 0.3, 0));
        double expected = 0.3 * GG.expectedAverageSpend(2, 22.35) * BG.expectedPurchases(52, 2, 30.43, 38.86);
        assertThat(clv).isCloseTo(expected, within(1e-9));
    }

    @Test
    void horizonsInOtherUnitsConvertExactly() {
        double months = ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(12, TimeScale.MONTHS, 1, 0));
        double weeks = ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(365.25 / 7, TimeScale.WEEKS, 1, 0));
        assertThat(months).isCloseTo(weeks, within(1e-9));
    }

    @Test
    void discountingLowersTheValueAndAZeroHorizonIsWorthNothing() {
        double plain = ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(12, TimeScale.MONTHS, 1, 0));
        double discounted =
                ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(12, TimeScale.MONTHS, 1, 0.01));
        assertThat(discounted).isLessThan(plain).isGreaterThan(plain / 1.01 / 1.01 / 1.12);
        assertThat(ClvCalculator.customerValue(BG, GG, CUSTOMER, new ClvOptions(0, TimeScale.MONTHS, 1, 0.01)))
                .isZero();
    }

    @Test
    void optionsAreValidatedNamingTheField() {
        assertThatThrownBy(() -> new ClvOptions(12, TimeScale.MONTHS, 1.5, 0)).hasMessageContaining("margin");
        assertThatThrownBy(() -> new ClvOptions(-1, TimeScale.MONTHS, 1, 0)).hasMessageContaining("horizon");
    }

    @Test
    void predictionsCoverEveryCustomerWithSpendOnlyWhenASpendModelIsGiven() {
        BtydSummary summary = Cdnow.summaryWithSpend();
        List<CustomerPrediction> withSpend =
                ClvCalculator.predict(BG, Optional.of(GG), summary, new ClvOptions(39, TimeScale.WEEKS, 1, 0));
        assertThat(withSpend).hasSize(2357);
        assertThat(withSpend.get(0).customer()).isEqualTo(new CustomerId("1"));
        assertThat(withSpend.get(0).clv().getAsDouble())
                .isCloseTo(
                        withSpend.get(0).expectedPurchases()
                                * withSpend.get(0).expectedSpend().getAsDouble(),
                        within(1e-9));
        List<CustomerPrediction> without =
                ClvCalculator.predict(BG, Optional.empty(), summary, new ClvOptions(39, TimeScale.WEEKS, 1, 0));
        assertThat(without.get(0).clv()).isEmpty();
    }

    @Test
    void holdoutValidationComparesActualAndExpectedPurchasesByCalibrationFrequency() {
        // Fader, Hardie and Lee (2005): weeks 40-78 (1997-10-01 .. 1998-06-30) hold 1,882 repeat purchases of the
        // sample. The BG/NBD fitted on weeks 1-39 expects somewhat more (about 2,110: it overpredicts the heaviest
        // buyers); the formula itself is checked against simulation in TransactionModelTest.
        BtydSummary s =
                BtydSummary.of(Cdnow.sample(), Cdnow.CALIBRATION_END, LocalDate.parse("1998-06-30"), TimeScale.WEEKS);
        BgNbdModel bg = BgNbdModel.fit(s);
        List<ModelValidation.FrequencyComparison> rows = ModelValidation.byCalibrationFrequency(bg, s, 7);
        assertThat(rows).hasSize(8);
        assertThat(rows.get(7).andAbove()).isTrue();
        double actual = 0;
        double expected = 0;
        for (ModelValidation.FrequencyComparison row : rows) {
            actual += row.actualMean() * row.customers();
            expected += row.expectedMean() * row.customers();
        }
        assertThat(actual).isEqualTo(1882.0);
        assertThat(expected).isCloseTo(1882, within(0.15 * 1882));
        assertThat(rows.get(0).expectedMean()).isLessThan(rows.get(7).expectedMean());
    }

    @Test
    void trackingEndsWithAllRepeatPurchasesAndTheModelFollowsThem() {
        List<ModelValidation.TrackingPoint> points =
                ModelValidation.tracking(BG, Cdnow.sample(), Cdnow.CALIBRATION_END, LocalDate.parse("1998-06-30"));
        ModelValidation.TrackingPoint end = points.get(points.size() - 1);
        assertThat(end.date()).isEqualTo(LocalDate.parse("1998-06-30"));
        assertThat(end.actual()).isEqualTo(2457.0 + 1882.0);
        assertThat(end.expected()).isCloseTo(end.actual(), within(0.05 * end.actual()));
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).actual())
                    .isGreaterThanOrEqualTo(points.get(i - 1).actual());
            assertThat(points.get(i).expected())
                    .isGreaterThanOrEqualTo(points.get(i - 1).expected());
        }
    }

    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS);

    /** The definition, period by period, with no shortcut. */
    private static double naiveDiscounted(TransactionModel m, BtydCustomer c, int periods, double d) {
        double previous = 0;
        double total = 0;
        for (int k = 1; k <= periods; k++) {
            double cumulative = m.expectedPurchases(k, c.frequency(), c.recency(), c.age());
            total += (cumulative - previous) / Math.pow(1 + d, k);
            previous = cumulative;
        }
        return total;
    }

    @Test
    void theDiscountedSumStopsEarlyOnlyWhereTheRestCannotChangeIt() {
        for (TransactionModel m : List.of(BG, PARETO)) {
            double full = naiveDiscounted(m, CUSTOMER, 3000, 0.01);
            double ours =
                    ClvCalculator.discountedPurchases(m, CUSTOMER, new ClvOptions(3000, TimeScale.WEEKS, 1, 0.01));
            assertThat(ours).as(m.name()).isCloseTo(full, within(1e-12 * full));
        }
    }

    @Test
    void withoutDiscountingAnyHorizonCostsOneEvaluationAndAMillionWeeksIsFinite() {
        // Issue 15: a horizon of 1e6 used to need a 2F1 with z = 1 - 4e-6 per period (and failed).
        for (TransactionModel m : List.of(BG, PARETO, MbgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS))) {
            double million = ClvCalculator.discountedPurchases(m, CUSTOMER, new ClvOptions(1e6, TimeScale.WEEKS, 1, 0));
            assertThat(million)
                    .as(m.name())
                    .isFinite()
                    .isEqualTo(m.expectedPurchases(1e6, 2, 30.43, 38.86))
                    .isGreaterThan(m.expectedPurchases(52, 2, 30.43, 38.86));
            double discounted =
                    ClvCalculator.discountedPurchases(m, CUSTOMER, new ClvOptions(1e6, TimeScale.WEEKS, 1, 0.001));
            assertThat(discounted).isFinite().isPositive().isLessThan(million);
        }
    }

    @Test
    void aSpendModelWithQAtMostOneLeavesTheSpendOfCustomersWithoutRepeatsEmptyInsteadOfFailing() {
        BtydSummary summary = Cdnow.summaryWithSpend();
        GammaGammaModel heavyTailed = GammaGammaModel.of(6.25, 0.8, 15.4);
        List<CustomerPrediction> all =
                ClvCalculator.predict(BG, Optional.of(heavyTailed), summary, new ClvOptions(39, TimeScale.WEEKS, 1, 0));
        assertThat(all).hasSize(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            CustomerPrediction p = all.get(i);
            assertThat(p.expectedSpend().isPresent()).isEqualTo(summary.frequency(i) > 0);
            assertThat(p.clv().isPresent()).isEqualTo(summary.frequency(i) > 0);
            if (p.clv().isPresent()) {
                assertThat(p.clv().getAsDouble()).isFinite().isNotNegative();
            }
        }
    }

    @Test
    void predictionsOfCustomersWithTheSameHistoryAreComputedOnceAndEqualThePerCustomerFormulas() {
        BtydSummary summary = Cdnow.summaryWithSpend();
        ClvOptions options = new ClvOptions(52, TimeScale.WEEKS, 0.3, 0.01);
        for (TransactionModel m : List.of(BG, PARETO)) {
            List<CustomerPrediction> all = ClvCalculator.predict(m, Optional.of(GG), summary, options);
            for (int i = 0; i < summary.size(); i += 97) {
                BtydCustomer c = summary.row(i);
                CustomerPrediction p = all.get(i);
                assertThat(p.customer()).isEqualTo(c.customer());
                assertThat(p.probabilityAlive()).isEqualTo(m.probabilityAlive(c.frequency(), c.recency(), c.age()));
                assertThat(p.expectedPurchases())
                        .isCloseTo(m.expectedPurchases(52, c.frequency(), c.recency(), c.age()), within(1e-12));
                assertThat(p.clv().getAsDouble())
                        .isCloseTo(ClvCalculator.customerValue(m, GG, c, options), within(1e-9));
            }
        }
    }
}
