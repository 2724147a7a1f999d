package org.loyaltykpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.ClvOverview;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.value.ValueCalculator;
import org.loyaltykpi.value.ValueOptions;

class LoyaltyReportTest {
    private static final SampleShop SHOP = SampleShop.standard();
    private static final PurchaseTable TABLE = SHOP.purchases();
    private static final LoyaltyReport REPORT = LoyaltyReport.compute(
            ReportInputs.of(TABLE)
                    .withAnswers(SHOP.surveyResponses(TABLE))
                    .withReviews(SHOP.reviews(TABLE))
                    .withSpend(SHOP.marketingSpend(TABLE))
                    .withEvents(SHOP.programEvents(TABLE)),
            ReportOptions.defaults());

    @Nested
    class Definitions {
        @Test
        void everySectionOfTheSampleShopIsAvailable() {
            assertThat(List.of(
                            REPORT.behaviour(),
                            REPORT.survey(),
                            REPORT.clv(),
                            REPORT.loyaltyLevels(),
                            REPORT.lifecycle(),
                            REPORT.rfm(),
                            REPORT.churnRisk(),
                            REPORT.feedback(),
                            REPORT.value(),
                            REPORT.program()))
                    .allSatisfy(
                            o -> assertThat(o.isAvailable()).as(o.toString()).isTrue());
            assertThat(REPORT.targets().get()).isNotEmpty();
            assertThat(REPORT.toString()).startsWith("LoyaltyReport[" + TABLE.size() + " purchases");
        }

        @Test
        void theProgramHasOneTierDistributionPerPeriodAndTheLastIsTheTiersOfTheOverview() {
            org.loyaltykpi.program.ProgramOverview program = REPORT.program().get();
            assertThat(program.tiersByPeriod()).hasSameSizeAs(program.periods());
            assertThat(program.tiersByPeriod().get(program.tiersByPeriod().size() - 1))
                    .isEqualTo(program.tiers());
        }

        @Test
        void theClvTrackingHasOnePointPerPeriodOfTheBehaviourSeries() {
            assertThat(REPORT.clvTracking().get().points())
                    .hasSameSizeAs(REPORT.behaviour().get().byPeriod());
        }

        @Test
        void aHoldoutValidatesThePurchaseModelByCalibrationFrequencyAndWeekByWeek() {
            assertThat(REPORT.clvValidation().note()).contains("no holdout asked");
            LoyaltyReport validated = LoyaltyReport.compute(
                    ReportInputs.of(TABLE), ReportOptions.defaults().withClvHoldoutWeeks(26));
            ClvValidation v = validated.clvValidation().get();
            LocalDate last = LocalDate.ofEpochDay(TABLE.maxEpochDay());
            assertThat(v.holdoutEnd()).isEqualTo(last);
            assertThat(v.calibrationEnd()).isEqualTo(last.minusWeeks(26));
            assertThat(v.byFrequency()).isNotEmpty();
            assertThat(v.byFrequency().get(v.byFrequency().size() - 1).andAbove())
                    .isTrue();
            assertThat(v.tracking().get(v.tracking().size() - 1).date()).isEqualTo(last);
            // the holdout validation fits a model of its own: the CLV section is the same with or without it
            assertThat(validated.clv().get().expectedPurchases())
                    .isEqualTo(LoyaltyReport.compute(ReportInputs.of(TABLE), ReportOptions.defaults())
                            .clv()
                            .get()
                            .expectedPurchases());
        }

        @Test
        void aHoldoutLongerThanThePurchasesLeavesTheValidationUnavailableWithANote() {
            LoyaltyReport tooLong = LoyaltyReport.compute(
                    ReportInputs.of(TABLE), ReportOptions.defaults().withClvHoldoutWeeks(1000));
            assertThat(tooLong.clvValidation().note().orElseThrow()).contains("leaves no calibration period");
            assertThat(tooLong.clv().isAvailable()).isTrue();
        }

        @Test
        void anAbsentInputLeavesItsSectionUnavailableWithANote() {
            LoyaltyReport bare = LoyaltyReport.compute(ReportInputs.of(TABLE), ReportOptions.defaults());
            assertThat(bare.survey().note()).contains("no survey answers");
            assertThat(bare.feedback().note()).contains("no reviews");
            assertThat(bare.program().note()).contains("no program events");
            assertThat(bare.attitudeKnown()).isFalse();
        }

        @Test
        void noPurchasesDegradeThePurchaseSectionsInsteadOfFailing() {
            PurchaseTable empty = PurchaseTable.empty();
            LoyaltyReport r = LoyaltyReport.compute(ReportInputs.of(empty), ReportOptions.defaults());
            assertThat(r.behaviour().note()).contains("no purchases");
            assertThat(r.clv().note()).contains("no purchases");
            assertThat(r.cohorts().get().cohortCount()).isZero();
        }

        @Test
        void purchasesTenThousandYearsApartDegradeTheBoundedSectionsNamingTheBoundAndTheRowsAndKeepTheOthers() {
            PurchaseTable far = PurchaseTable.of(
                    Purchase.of("a", "0001-01-01", "1.00"),
                    Purchase.of("b", "2024-01-01", "2.00"),
                    Purchase.of("b", "2024-02-01", "2.00"),
                    Purchase.of("c", "9999-12-31", "3.00"));
            LoyaltyReport r = LoyaltyReport.compute(ReportInputs.of(far), ReportOptions.defaults());
            for (Outcome<?> degraded : List.of(r.behaviour(), r.cohorts(), r.value(), r.targets())) {
                assertThat(degraded.note())
                        .as(degraded.toString())
                        .hasValueSatisfying(note -> assertThat(note)
                                .contains("periods of month", "has at most")
                                .contains("customer a on 0001-01-01", "customer c on 9999-12-31"));
            }
            assertThat(r.rfm().isAvailable()).isTrue();
            assertThat(r.churnRisk().isAvailable()).isTrue();
            assertThat(r.purchases()).isEqualTo(4);
            assertThat(r.toString()).contains("cohorts: unavailable: ");
        }

        @Test
        void reviewsDatedOutsideThePurchasesPeriodsAreCountedNotSilentlyLeftOut() {
            PurchaseTable shop =
                    PurchaseTable.of(Purchase.of("a", "2024-01-01", "5.00"), Purchase.of("a", "2024-03-01", "5.00"));
            List<Review> reviews = List.of(
                    new Review(CustomerId.of("a"), LocalDate.of(2024, 1, 15), OptionalInt.of(5), Optional.empty()),
                    new Review(CustomerId.of("b"), LocalDate.of(2019, 1, 1), OptionalInt.of(1), Optional.empty()),
                    new Review(CustomerId.of("b"), LocalDate.of(2030, 1, 1), OptionalInt.of(2), Optional.empty()));
            LoyaltyReport r =
                    LoyaltyReport.compute(ReportInputs.of(shop).withReviews(reviews), ReportOptions.defaults());
            FeedbackResults feedback = r.feedback().get();
            assertThat(feedback.outsideRange()).isEqualTo(2);
            assertThat(feedback.series().total().reviews()).isEqualTo(1);
        }
    }

    @Nested
    class ModelBased {
        @Test
        void theBehaviourSectionIsTheRetentionCalculatorsSeries() {
            assertThat(REPORT.behaviour().get().byPeriod())
                    .isEqualTo(
                            RetentionCalculator.series(TABLE, TABLE.dateRange().orElseThrow(), Granularity.MONTH));
        }

        @Test
        void theValueSectionFromSharedScansEqualsTheValueCalculatorsSummary() {
            ValueOptions options = ValueOptions.defaults().withSpendWithoutNewCustomersAllowed(true);
            assertThat(REPORT.value().get())
                    .isEqualTo(ValueCalculator.summarize(TABLE, SHOP.marketingSpend(TABLE), options));
        }

        @Test
        void theClvSectionUsesThePurchaseModelThatTheComparisonNamesBestAndSaysWhy() {
            ClvOverview clv = REPORT.clv().get();
            org.loyaltykpi.clv.ModelComparison comparison = org.loyaltykpi.clv.ModelComparison.compare(
                    BtydSummary.of(TABLE, clv.calibrationEnd(), TimeScale.WEEKS),
                    org.loyaltykpi.clv.FitOptions.defaults());
            // the report compares BG/NBD and MBG/NBD only: the better of the two by BIC
            org.loyaltykpi.clv.ModelComparison.Candidate better = java.util.stream.Stream.of("bg-nbd", "mbg-nbd")
                    .map(n -> comparison.candidate(n).orElseThrow())
                    .min(Comparator.comparingDouble(c -> c.bic().getAsDouble()))
                    .orElseThrow();
            assertThat(clv.purchases().name()).isEqualTo(better.name());
            assertThat(clv.modelChoice()).startsWith("lowest BIC (no holdout period): " + better.name());
            assertThat(clv.modelChoice()).doesNotContain("pareto-nbd");
            assertThat(clv.purchases().parameters())
                    .isEqualTo(better.model().orElseThrow().parameters());
        }

        @Test
        void theClvListsAreThoseOfEveryCustomersPrediction() {
            ClvOverview clv = REPORT.clv().get();
            BtydSummary summary = BtydSummary.of(TABLE, clv.calibrationEnd(), TimeScale.WEEKS);
            List<CustomerPrediction> all = ClvCalculator.predict(
                    clv.purchases(), Optional.of(clv.spend()), summary, new ClvOptions(52, TimeScale.WEEKS, 1, 0));
            assertThat(clv.customers()).isEqualTo(all.size());
            assertThat(clv.expectedPurchases())
                    .isCloseTo(
                            all.stream()
                                    .mapToDouble(CustomerPrediction::expectedPurchases)
                                    .sum(),
                            within(1e-6));
            List<String> top = all.stream()
                    .sorted(Comparator.comparingDouble(
                                    (CustomerPrediction p) -> p.clv().getAsDouble())
                            .reversed())
                    .limit(10)
                    .map(p -> p.customer().value())
                    .toList();
            assertThat(clv.top()).extracting(p -> p.customer().value()).isEqualTo(top);
            CustomerPrediction best = all.stream()
                    .filter(p -> p.customer().equals(clv.top().get(0).customer()))
                    .findFirst()
                    .orElseThrow();
            assertThat(clv.top().get(0).clv().getAsDouble())
                    .isCloseTo(
                            best.clv().getAsDouble(), within(1e-9 * best.clv().getAsDouble()));
            // valuable at risk: the top quarter by past repeat revenue (stable order), P(alive) < 0.5, at most 10
            List<Integer> byRevenue = new java.util.ArrayList<>();
            for (int i = 0; i < summary.size(); i++) {
                byRevenue.add(i);
            }
            byRevenue.sort(Comparator.comparingDouble((Integer i) -> -summary.frequency(i) * summary.monetaryValue(i)));
            List<String> atRisk = byRevenue.subList(0, (summary.size() + 3) / 4).stream()
                    .filter(i -> summary.frequency(i) * summary.monetaryValue(i) > 0
                            && all.get(i).probabilityAlive() < 0.5)
                    .limit(10)
                    .map(i -> summary.customer(i).value())
                    .toList();
            assertThat(clv.atRisk())
                    .extracting(v -> v.prediction().customer().value())
                    .isEqualTo(atRisk);
            assertThat(clv.alive().customers()).isEqualTo(all.size());
            assertThat(clv.calibrationEnd()).isEqualTo(LocalDate.ofEpochDay(TABLE.maxEpochDay()));
        }
    }
}
