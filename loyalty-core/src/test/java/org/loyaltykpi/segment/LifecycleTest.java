package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltykpi.segment.Shops.buy;
import static org.loyaltykpi.segment.Shops.byId;
import static org.loyaltykpi.segment.Shops.ces;
import static org.loyaltykpi.segment.Shops.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;

/** Lifecycle stages on a hand-made shop, with the default options (at risk after 90 days, lapsed after 180). */
class LifecycleTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

    static Map<String, CustomerStage> stages(List<Purchase> purchases, LifecycleOptions options) {
        return byId(
                SegmentCalculator.lifecycle(
                                PurchaseTable.of(purchases),
                                List.of(ces("P", "2024-02-01", 6)),
                                List.of(review("Q", "2024-06-01", Sentiment.POSITIVE)),
                                AS_OF,
                                options)
                        .customers(),
                CustomerStage::customer);
    }

    static final List<Purchase> SHOP = List.of(
            buy("F", "2024-06-20", "10.00"), // first purchase, 11 days ago
            buy("R", "2024-06-01", "10.00"),
            buy("R", "2024-06-20", "10.00"), // two days, both in the last quarter: repeat
            buy("L", "2023-10-15", "10.00"),
            buy("L", "2024-01-15", "10.00"),
            buy("L", "2024-06-15", "10.00"), // windows [04-02,07-01) [01-03,04-02) [10-05,01-03): loyal
            buy("A", "2024-03-01", "10.00"), // 122 days ago: at risk
            buy("Z", "2023-12-01", "10.00"), // 213 days ago: lapsed
            buy("Q", "2024-07-01", "10.00")); // on the day: not yet a purchase, Q is a prospect

    @Test
    void everyStageOnItsDefiningCase() {
        var s = stages(SHOP, LifecycleOptions.defaults());
        assertThat(s.get("F").stage()).isEqualTo(LifecycleStage.FIRST_PURCHASE);
        assertThat(s.get("F").daysSinceLastPurchase()).isEqualTo(OptionalInt.of(11));
        assertThat(s.get("R").stage()).isEqualTo(LifecycleStage.REPEAT);
        assertThat(s.get("L").stage()).isEqualTo(LifecycleStage.LOYAL);
        assertThat(s.get("A").stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(s.get("Z").stage()).isEqualTo(LifecycleStage.LAPSED);
        assertThat(s.get("P").stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(s.get("Q").stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(s.get("Q").purchaseDays()).isZero();
        assertThat(s).hasSize(7);
    }

    @Test
    void anAnswerIsOnlyAContactSoAnNpsQuestionOnAnotherScaleIsNoErrorHere() {
        // Lifecycle reads no attitude (loyalty levels do, and refuse an NPS answer off 0..10).
        SurveyResponse offScale =
                SurveyResponse.of(CustomerId.of("P"), LocalDate.parse("2024-02-01"), "nps", 4, Scale.of(1, 5));
        LifecycleStages s = SegmentCalculator.lifecycle(
                PurchaseTable.of(SHOP), List.of(offScale), List.of(), AS_OF, LifecycleOptions.defaults());
        assertThat(byId(s.customers(), CustomerStage::customer).get("P").stage())
                .isEqualTo(LifecycleStage.PROSPECT);
    }

    @Test
    void recencyTakesPrecedenceOverLoyalty() {
        // L's history stays loyal-looking, but with at risk after 10 days its 16 quiet days win.
        var s = stages(SHOP, new LifecycleOptions(10, 20, 90, 3, 4));
        assertThat(s.get("L").stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(s.get("F").stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(s.get("R").stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(s.get("A").stage()).isEqualTo(LifecycleStage.LAPSED);
    }

    @Test
    void loyaltyNeedsPurchasesInEnoughOfTheRecentWindows() {
        assertThat(stages(SHOP, LifecycleOptions.defaults().withLoyalty(90, 4, 4))
                        .get("L")
                        .stage())
                .isEqualTo(LifecycleStage.REPEAT);
        assertThat(stages(SHOP, LifecycleOptions.defaults().withLoyalty(30, 2, 2))
                        .get("R")
                        .stage())
                .isEqualTo(LifecycleStage.REPEAT);
        assertThat(stages(SHOP, LifecycleOptions.defaults().withLoyalty(15, 2, 2))
                        .get("R")
                        .stage())
                .isEqualTo(LifecycleStage.LOYAL);
    }

    @Test
    void theDistributionCreditsEachStageWithItsCustomersSpendSoFar() {
        var result = SegmentCalculator.lifecycle(
                PurchaseTable.of(SHOP), List.of(), List.of(), AS_OF, LifecycleOptions.defaults());
        assertThat(result.distribution().customers()).isEqualTo(5); // Q's purchase is on the day
        assertThat(result.distribution().revenue(LifecycleStage.LOYAL)).isEqualByComparingTo("30.00");
        assertThat(result.distribution().count(LifecycleStage.PROSPECT)).isZero();
    }

    @Test
    void theSeriesCountsStagesAtEachPeriodEndAndTheFlowWithinEachPeriod() {
        // C1 buys in January and March; C2 is surveyed in February and buys in March; C3 buys once in January.
        List<Purchase> purchases = List.of(
                buy("C1", "2024-01-10", "10.00"),
                buy("C1", "2024-03-10", "10.00"),
                buy("C2", "2024-03-05", "10.00"),
                buy("C3", "2024-01-20", "10.00"));
        var options = new LifecycleOptions(30, 50, 30, 2, 3);
        LifecycleSeries s = SegmentCalculator.lifecycleSeries(
                PurchaseTable.of(purchases),
                List.of(ces("C2", "2024-02-01", 5)),
                List.of(),
                DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1)),
                Granularity.MONTH,
                options);
        assertThat(s.periods())
                .containsExactly(DateRange.month(2024, 1), DateRange.month(2024, 2), DateRange.month(2024, 3));
        assertThat(s.atStart().customers()).isZero();
        // End of January: C1 and C3 first purchases.
        assertThat(s.stages().get(0).count(LifecycleStage.FIRST_PURCHASE)).isEqualTo(2);
        assertThat(s.transitions().get(0).newcomers(LifecycleStage.FIRST_PURCHASE))
                .isEqualTo(2);
        // End of February (03-01): C1 quiet 51 days (lapsed), C3 41 days (at risk), C2 a prospect.
        var february = s.transitions().get(1);
        assertThat(february.count(LifecycleStage.FIRST_PURCHASE, LifecycleStage.LAPSED))
                .isEqualTo(1);
        assertThat(february.count(LifecycleStage.FIRST_PURCHASE, LifecycleStage.AT_RISK))
                .isEqualTo(1);
        assertThat(february.newcomers(LifecycleStage.PROSPECT)).isEqualTo(1);
        // End of March (04-01): C1 bought in 2 of the 3 windows [03-02,04-01) [02-01,03-02) [01-02,02-01): loyal;
        // C2 first purchase; C3 lapsed (72 days).
        var march = s.transitions().get(2);
        assertThat(march.count(LifecycleStage.LAPSED, LifecycleStage.LOYAL)).isEqualTo(1);
        assertThat(march.count(LifecycleStage.PROSPECT, LifecycleStage.FIRST_PURCHASE))
                .isEqualTo(1);
        assertThat(march.count(LifecycleStage.AT_RISK, LifecycleStage.LAPSED)).isEqualTo(1);
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(march.atStart(stage)).isEqualTo(s.stages().get(1).count(stage));
            assertThat(march.atEnd(stage)).isEqualTo(s.stages().get(2).count(stage));
        }
    }

    @Test
    void optionsRejectValuesOutsideTheirRangeNamingThem() {
        assertThatThrownBy(() -> LifecycleOptions.defaults().withAtRiskDays(0)).hasMessageContaining("atRiskDays");
        assertThatThrownBy(() -> LifecycleOptions.defaults().withLapsedDays(90))
                .hasMessageContaining("lapsedDays must be greater than atRiskDays 90: 90");
        assertThatThrownBy(() -> LifecycleOptions.defaults().withLoyalty(30, 1, 4))
                .hasMessageContaining("loyalPeriods");
        assertThatThrownBy(() -> LifecycleOptions.defaults().withLoyalty(30, 5, 4))
                .hasMessageContaining("loyalPeriods");
        assertThatThrownBy(() -> LifecycleOptions.defaults().withLoyalty(0, 2, 4))
                .hasMessageContaining("periodDays");
    }

    @Test
    void transitionMatricesNeedSevenRowsOfSixNonNegativeCounts() {
        assertThatThrownBy(() -> StageTransitions.of(DateRange.month(2024, 1), new long[6][6]))
                .hasMessageContaining("7 rows");
        long[][] negative = new long[7][6];
        negative[2][3] = -1;
        assertThatThrownBy(() -> StageTransitions.of(DateRange.month(2024, 1), negative))
                .hasMessageContaining("-1");
    }
}
