package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltykpi.segment.Shops.buy;
import static org.loyaltykpi.segment.Shops.byId;
import static org.loyaltykpi.segment.Shops.ces;
import static org.loyaltykpi.segment.Shops.csat;
import static org.loyaltykpi.segment.Shops.nps;
import static org.loyaltykpi.segment.Shops.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;

/** Dick and Basu's loyalty levels on a hand-made shop, as of 2024-07-01 with the default options. */
class LoyaltyLevelsTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

    static List<Purchase> fourDays(String customer) {
        return List.of(
                buy(customer, "2024-01-10", "10.00"),
                buy(customer, "2024-02-10", "10.00"),
                buy(customer, "2024-03-10", "10.00"),
                buy(customer, "2024-06-10", "10.00"));
    }

    static Map<String, CustomerLevel> levels(
            List<Purchase> purchases, List<SurveyResponse> answers, LevelOptions options) {
        return byId(
                SegmentCalculator.loyaltyLevels(PurchaseTable.of(purchases), answers, List.of(), AS_OF, options)
                        .customers(),
                CustomerLevel::customer);
    }

    @Test
    void highAttitudeWithHighRepeatIsTrueAndWithLowRepeatIsLatent() {
        var purchases = new java.util.ArrayList<>(fourDays("A"));
        purchases.add(buy("B", "2024-05-01", "20.00"));
        var l = levels(
                purchases, List.of(nps("A", "2024-06-01", 9), nps("B", "2024-06-01", 10)), LevelOptions.defaults());
        assertThat(l.get("A").level()).isEqualTo(LoyaltyLevel.TRUE);
        assertThat(l.get("A").purchaseDays()).isEqualTo(4);
        assertThat(l.get("B").level()).isEqualTo(LoyaltyLevel.LATENT);
    }

    @Test
    void lowAttitudeWithHighRepeatIsSpuriousAndWithLowRepeatIsAbsent() {
        var purchases = new java.util.ArrayList<>(fourDays("C"));
        purchases.add(buy("D", "2024-05-01", "20.00"));
        var l = levels(
                purchases, List.of(csat("C", "2024-06-01", 3), nps("D", "2024-06-01", 7)), LevelOptions.defaults());
        assertThat(l.get("C").level()).isEqualTo(LoyaltyLevel.SPURIOUS);
        assertThat(l.get("C").attitude()).contains(Attitude.LOW);
        assertThat(l.get("D").level()).isEqualTo(LoyaltyLevel.ABSENT);
    }

    @Test
    void highBehaviourNeedsTheMinimumPurchaseDaysInsideTheWindow() {
        // Three purchase days in the window and one 400 days before the day: below the default 4.
        List<Purchase> purchases = List.of(
                buy("A", "2023-05-28", "10.00"),
                buy("A", "2024-02-10", "10.00"),
                buy("A", "2024-03-10", "10.00"),
                buy("A", "2024-03-10", "10.00"),
                buy("A", "2024-06-10", "10.00"));
        var answers = List.of(nps("A", "2024-06-01", 9));
        assertThat(levels(purchases, answers, LevelOptions.defaults()).get("A").level())
                .isEqualTo(LoyaltyLevel.LATENT);
        assertThat(levels(purchases, answers, LevelOptions.defaults().withMinPurchaseDays(3))
                        .get("A")
                        .level())
                .isEqualTo(LoyaltyLevel.TRUE);
        assertThat(levels(purchases, answers, LevelOptions.defaults().withBehaviourWindowDays(500))
                        .get("A")
                        .level())
                .isEqualTo(LoyaltyLevel.TRUE);
    }

    @Test
    void passivesAreLowByDefaultAndHighWhenTheOptionSaysSo() {
        var purchases = List.of(buy("D", "2024-05-01", "20.00"));
        var answers = List.of(nps("D", "2024-06-01", 8));
        assertThat(levels(purchases, answers, LevelOptions.defaults()).get("D").level())
                .isEqualTo(LoyaltyLevel.ABSENT);
        assertThat(levels(purchases, answers, LevelOptions.defaults().withPassiveAttitude(Attitude.HIGH))
                        .get("D")
                        .level())
                .isEqualTo(LoyaltyLevel.LATENT);
    }

    @Test
    void aDetractorWithoutAPurchaseInTheChurnWindowIsNegativeButOneWhoStillBuysStaysInTheMatrix() {
        // E last bought 213 days before the day (churn window 180), F 61 days before.
        var purchases = List.of(buy("E", "2023-12-01", "20.00"), buy("F", "2024-05-01", "20.00"));
        var answers = List.of(nps("E", "2024-06-01", 3), nps("F", "2024-06-01", 0));
        var l = levels(purchases, answers, LevelOptions.defaults());
        assertThat(l.get("E").level()).isEqualTo(LoyaltyLevel.NEGATIVE);
        assertThat(l.get("F").level()).isEqualTo(LoyaltyLevel.ABSENT);
        assertThat(l.get("F").attitude()).contains(Attitude.NEGATIVE);
        assertThat(levels(purchases, answers, LevelOptions.defaults().withChurnWindowDays(250))
                        .get("E")
                        .level())
                .isEqualTo(LoyaltyLevel.ABSENT);
    }

    @Test
    void aNegativeReviewerWhoNeverBoughtIsNegative() {
        var result = SegmentCalculator.loyaltyLevels(
                PurchaseTable.empty(),
                List.of(),
                List.of(review("H", "2024-03-01", Sentiment.NEGATIVE)),
                AS_OF,
                LevelOptions.defaults());
        assertThat(result.customers())
                .singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(LoyaltyLevel.NEGATIVE));
    }

    @Test
    void customersWithoutAttitudeAreUnknownAndCounted() {
        var l = levels(fourDays("G"), List.of(), LevelOptions.defaults());
        assertThat(l.get("G").level()).isEqualTo(LoyaltyLevel.UNKNOWN);
        assertThat(l.get("G").attitude()).isEmpty();
    }

    @Test
    void customersAreThePurchasersAndTheHoldersOfAnAttitudeSignalBeforeTheDay() {
        var answers = List.of(
                ces("I", "2024-03-01", 7), // no attitude, no purchase: not a customer
                nps("J", "2024-07-01", 9), // on the day itself: not before it
                nps("K", "2024-06-30", 9)); // a prospect with an attitude: a customer, latent
        var purchases = List.of(buy("L", "2024-07-01", "5.00"), buy("M", "2024-06-30", "5.00"));
        var l = levels(purchases, answers, LevelOptions.defaults());
        assertThat(l).containsOnlyKeys("K", "M");
        assertThat(l.get("K").level()).isEqualTo(LoyaltyLevel.LATENT);
        assertThat(l.get("K").purchaseDays()).isZero();
    }

    @Test
    void theLatestSignalWinsAndOnOneDayNpsBeatsCsatBeatsAReview() {
        var purchases =
                List.of(buy("K", "2024-06-01", "5.00"), buy("N", "2024-06-01", "5.00"), buy("P", "2024-06-01", "5.00"));
        var answers = List.of(
                nps("K", "2024-05-01", 9),
                csat("K", "2024-05-01", 2), // same day: NPS wins, high
                csat("N", "2024-05-01", 5),
                nps("N", "2024-06-01", 2), // later: detractor, still buying, so low
                csat("P", "2024-05-01", 4));
        var reviews = List.of(
                review("P", "2024-05-01", Sentiment.NEGATIVE), // same day as a top-box CSAT: CSAT wins
                review("N", "2024-04-01", Sentiment.POSITIVE));
        var l = byId(
                SegmentCalculator.loyaltyLevels(
                                PurchaseTable.of(purchases), answers, reviews, AS_OF, LevelOptions.defaults())
                        .customers(),
                CustomerLevel::customer);
        assertThat(l.get("K").attitude()).contains(Attitude.HIGH);
        assertThat(l.get("N").attitude()).contains(Attitude.NEGATIVE);
        assertThat(l.get("P").attitude()).contains(Attitude.HIGH);
    }

    @Test
    void amongAnswersOfOneKindOnOneDayTheLowestAttitudeWinsWhateverTheirOrder() {
        var purchases = List.of(buy("K", "2024-06-01", "5.00"));
        var a = nps("K", "2024-05-01", 10);
        var b = nps("K", "2024-05-01", 6);
        assertThat(levels(purchases, List.of(a, b), LevelOptions.defaults())
                        .get("K")
                        .attitude())
                .contains(Attitude.NEGATIVE);
        assertThat(levels(purchases, List.of(b, a), LevelOptions.defaults())
                        .get("K")
                        .attitude())
                .contains(Attitude.NEGATIVE);
    }

    @Test
    void theDistributionCountsEveryCustomerOnceAndCreditsTheWindowRevenue() {
        var purchases = new java.util.ArrayList<>(fourDays("A")); // 40.00 in the window, TRUE
        purchases.add(buy("A", "2023-01-01", "1000.00")); // outside the window
        purchases.add(buy("B", "2024-05-01", "60.00")); // LATENT
        purchases.add(buy("G", "2024-05-01", "100.00")); // UNKNOWN
        var result = SegmentCalculator.loyaltyLevels(
                PurchaseTable.of(purchases),
                List.of(nps("A", "2024-06-01", 9), nps("B", "2024-06-01", 9)),
                List.of(),
                AS_OF,
                LevelOptions.defaults());
        SegmentDistribution<LoyaltyLevel> d = result.distribution();
        assertThat(d.customers()).isEqualTo(3);
        assertThat(d.share(LoyaltyLevel.TRUE)).isEqualTo(Ratio.of(1, 3));
        assertThat(d.share(LoyaltyLevel.SPURIOUS)).isEqualTo(Ratio.of(0, 3));
        assertThat(d.revenue(LoyaltyLevel.TRUE)).isEqualByComparingTo("40.00");
        assertThat(d.totalRevenue()).isEqualByComparingTo("200.00");
        assertThat(d.revenueShare(LoyaltyLevel.UNKNOWN)).isEqualTo(Ratio.of(10_000, 20_000));
        assertThat(result.customers().get(0).revenue()).isEqualTo(new BigDecimal("40.00"));
        assertThat(result.customers()).extracting(c -> c.customer().value()).containsExactly("A", "B", "G");
    }

    @Test
    void nothingBeforeTheDayGivesNoCustomersAndUndefinedShares() {
        var result = SegmentCalculator.loyaltyLevels(
                PurchaseTable.of(fourDays("A")),
                List.of(),
                List.of(),
                LocalDate.of(2020, 1, 1),
                LevelOptions.defaults());
        assertThat(result.customers()).isEmpty();
        assertThat(result.distribution().share(LoyaltyLevel.TRUE).value()).isEmpty();
        assertThat(result.distribution().revenueShare(LoyaltyLevel.TRUE).value())
                .isEmpty();
    }

    @Test
    void attitudesFollowTheDocumentedMapping() {
        CustomerId id = CustomerId.of("X");
        LocalDate day = LocalDate.of(2024, 1, 1);
        assertThat(Attitude.of(SurveyResponse.of(id, day, "nps", 9, Scale.NPS), Attitude.LOW))
                .contains(Attitude.HIGH);
        assertThat(Attitude.of(SurveyResponse.of(id, day, "nps", 6, Scale.NPS), Attitude.LOW))
                .contains(Attitude.NEGATIVE);
        assertThat(Attitude.of(SurveyResponse.of(id, day, "csat", 4, Scale.CSAT), Attitude.LOW))
                .contains(Attitude.HIGH);
        assertThat(Attitude.of(SurveyResponse.of(id, day, "csat", 1, Scale.CSAT), Attitude.LOW))
                .contains(Attitude.LOW);
        // top two boxes of a 1..7 CSAT scale are 6 and 7
        assertThat(Attitude.of(SurveyResponse.of(id, day, "csat", 5, Scale.of(1, 7)), Attitude.LOW))
                .contains(Attitude.LOW);
        assertThat(Attitude.of(SurveyResponse.of(id, day, "csi:price", 10, Scale.NPS), Attitude.LOW))
                .isEmpty();
        assertThat(Attitude.of(review("X", "2024-01-01", Sentiment.NEUTRAL))).isEqualTo(Attitude.LOW);
        assertThat(Attitude.of(org.loyaltykpi.domain.Review.ofRating(id, day, 5)))
                .isEqualTo(Attitude.HIGH);
    }

    @Test
    void anNpsAnswerOffTheZeroToTenScaleIsRejectedNamingTheQuestion() {
        var answer = SurveyResponse.of(CustomerId.of("X"), LocalDate.of(2024, 1, 1), "nps_2024", 5, Scale.of(1, 5));
        assertThatThrownBy(() -> Attitude.of(answer, Attitude.LOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nps_2024")
                .hasMessageContaining("1..5");
    }

    @Test
    void optionsRejectValuesOutsideTheirRangeNamingThem() {
        assertThatThrownBy(() -> LevelOptions.defaults().withMinPurchaseDays(1))
                .hasMessageContaining("minPurchaseDays")
                .hasMessageContaining("1");
        assertThatThrownBy(() -> LevelOptions.defaults().withBehaviourWindowDays(0))
                .hasMessageContaining("behaviourWindowDays");
        assertThatThrownBy(() -> LevelOptions.defaults().withChurnWindowDays(0))
                .hasMessageContaining("churnWindowDays");
        assertThatThrownBy(() -> LevelOptions.defaults().withPassiveAttitude(Attitude.NEGATIVE))
                .hasMessageContaining("passiveAttitude");
        assertThat(LevelOptions.defaults()).isEqualTo(new LevelOptions(365, 4, 180, Attitude.LOW));
    }
}
