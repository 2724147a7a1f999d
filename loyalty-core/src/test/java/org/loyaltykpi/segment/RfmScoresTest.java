package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltykpi.segment.Shops.buy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/** RFM values, quintile scores with ties and the segment map on hand-made shops. */
class RfmScoresTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

    @Test
    void valuesAreDaysSinceTheLastPurchasePurchaseDaysAndTotalSpend() {
        List<Purchase> purchases = List.of(
                buy("A", "2024-06-01", "10.00"),
                buy("A", "2024-06-01", "5.00"), // same day: one visit
                buy("A", "2024-06-20", "7.50"),
                buy("A", "2024-07-01", "99.00")); // on the day: not yet
        RfmScore a = SegmentCalculator.rfmScores(PurchaseTable.of(purchases), AS_OF)
                .customers()
                .get(0);
        assertThat(a.recencyDays()).isEqualTo(11);
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.monetary()).isEqualByComparingTo("22.50");
    }

    @Test
    void tenDistinctValuesSplitIntoFiveQuintilesOfTwoWithRecentCustomersScoringHigh() {
        // Customer Ck bought on k + 1 days ending 2024-06-(20 - k), spending 10 * (k + 1) a day.
        List<Purchase> purchases = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            for (int d = 0; d <= k; d++) {
                purchases.add(
                        buy("C" + k, LocalDate.of(2024, 6, 20 - k).minusDays(d).toString(), "10.00"));
            }
        }
        List<RfmScore> scores =
                SegmentCalculator.rfmScores(PurchaseTable.of(purchases), AS_OF).customers();
        assertThat(scores).extracting(RfmScore::frequencyScore).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores).extracting(RfmScore::monetaryScore).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        // C0 bought last most recently.
        assertThat(scores).extracting(RfmScore::recencyScore).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
        assertThat(scores.get(0).code()).isEqualTo("511");
        assertThat(scores.get(0).segment()).isEqualTo(RfmSegment.NEW);
        assertThat(scores.get(9).segment()).isEqualTo(RfmSegment.CANT_LOSE);
        assertThat(scores.get(4).segment()).isEqualTo(RfmSegment.NEED_ATTENTION);
    }

    @Test
    void tiedValuesShareTheScoreOfThePositionWhereTheirGroupStarts() {
        // Frequencies 1, 1, 1, 2, 3: the ones have 0 below (score 1), the two 3 below (1 + 15/5 = 4), the three 4 (5).
        List<Purchase> purchases = new ArrayList<>();
        int[] days = {1, 1, 1, 2, 3};
        for (int c = 0; c < days.length; c++) {
            for (int d = 0; d < days[c]; d++) {
                purchases.add(buy("C" + c, LocalDate.of(2024, 6, 1 + d).toString(), "10.00"));
            }
        }
        List<RfmScore> scores =
                SegmentCalculator.rfmScores(PurchaseTable.of(purchases), AS_OF).customers();
        assertThat(scores).extracting(RfmScore::frequencyScore).containsExactly(1, 1, 1, 4, 5);
        // Everyone spent 10.00 a day, so the monetary ties follow the frequencies.
        assertThat(scores).extracting(RfmScore::monetaryScore).containsExactly(1, 1, 1, 4, 5);
        // The three one-time buyers bought last on 06-01, the others later.
        assertThat(scores).extracting(RfmScore::recencyScore).containsExactly(1, 1, 1, 4, 5);
    }

    @Test
    void theScoreFormulaIsOnePlusFiveTimesTheCustomersBelowOverAll() {
        assertThat(RfmScan.score(0, 1)).isEqualTo(1);
        assertThat(RfmScan.score(0, 7)).isEqualTo(1);
        assertThat(RfmScan.score(2, 7)).isEqualTo(2);
        assertThat(RfmScan.score(6, 7)).isEqualTo(5);
        assertThat(RfmScan.score(3, 4)).isEqualTo(4);
    }

    @Test
    void theSegmentMapCoversEveryScorePairWithEveryNamedSegment() {
        Set<RfmSegment> used = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                used.add(RfmSegment.of(r, fm));
            }
        }
        assertThat(used).containsExactlyInAnyOrder(RfmSegment.values());
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPION);
        assertThat(RfmSegment.of(4, 4)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(5, 2)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegment.of(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmSegment.of(3, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(RfmSegment.of(2, 4)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANT_LOSE);
        assertThat(RfmSegment.of(2, 1)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(1, 2)).isEqualTo(RfmSegment.LOST);
        assertThatThrownBy(() -> RfmSegment.of(0, 3)).hasMessageContaining("recency must be 1..5: 0");
        assertThatThrownBy(() -> RfmSegment.of(3, 6)).hasMessageContaining("frequencyMonetary must be 1..5: 6");
    }

    @Test
    void theFrequencyMonetaryScoreIsTheMeanRoundedHalfUp() {
        RfmScore s = new RfmScore(org.loyaltykpi.domain.CustomerId.of("X"), 3, 2, java.math.BigDecimal.TEN, 4, 2, 3);
        assertThat(s.frequencyMonetaryScore()).isEqualTo(3);
        assertThat(s.code()).isEqualTo("423");
        assertThatThrownBy(() ->
                        new RfmScore(org.loyaltykpi.domain.CustomerId.of("X"), 3, 2, java.math.BigDecimal.TEN, 6, 2, 3))
                .hasMessageContaining("recencyScore must be 1..5: 6");
    }

    @Test
    void theDistributionCreditsEachSegmentWithItsCustomersSpend() {
        List<Purchase> purchases = List.of(buy("A", "2024-06-30", "30.00"), buy("B", "2024-01-01", "10.00"));
        RfmScores s = SegmentCalculator.rfmScores(PurchaseTable.of(purchases), AS_OF);
        // A: R 3 (1 of 2 below: 1 + 5 / 2), F 1 (a tie), M 3: FM (1 + 3 + 1) / 2 = 2, about to sleep; B: 111, lost.
        assertThat(s.customers())
                .extracting(RfmScore::segment)
                .containsExactly(RfmSegment.ABOUT_TO_SLEEP, RfmSegment.LOST);
        assertThat(s.distribution().revenue(RfmSegment.ABOUT_TO_SLEEP)).isEqualByComparingTo("30.00");
        assertThat(s.distribution().revenueShare(RfmSegment.LOST).value()).hasValue(0.25);
    }

    @Test
    void anEmptyTableHasNoScores() {
        RfmScores s = SegmentCalculator.rfmScores(PurchaseTable.empty(), AS_OF);
        assertThat(s.customers()).isEmpty();
        assertThat(s.distribution().customers()).isZero();
    }
}
