package org.loyaltykpi.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltykpi.segment.SegmentPropertyTest.AS_OF;
import static org.loyaltykpi.segment.SegmentPropertyTest.SHOPS;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The overview of every segment family from one pass ({@link SegmentCalculator#overview}) against each family's own
 * calculator.
 */
class SegmentOverviewTest {

    /** What each family's own calculator gives, in the overview's shape. */
    static SegmentOverview separately(
            PurchaseTable table,
            List<SurveyResponse> answers,
            List<Review> reviews,
            LocalDate asOf,
            DateRange range,
            Granularity granularity,
            int listed) {
        return new SegmentOverview(
                asOf,
                SegmentCalculator.loyaltyLevels(table, answers, reviews, asOf, LevelOptions.defaults())
                        .distribution(),
                SegmentCalculator.lifecycle(table, answers, reviews, asOf, LifecycleOptions.defaults())
                        .distribution(),
                SegmentCalculator.lifecycleSeries(
                        table, answers, reviews, range, granularity, LifecycleOptions.defaults()),
                SegmentCalculator.rfmScores(table, asOf).distribution(),
                ChurnRiskSummary.of(
                        SegmentCalculator.churnRisk(table, asOf, ChurnRiskOptions.defaults(), Optional.empty()),
                        listed));
    }

    @Nested
    class ModelBased {
        @Test
        void theOverviewOfRandomShopsEqualsEachFamilysOwnCalculator() {
            Granularity[] granularities = {Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER};
            qt().withFixedSeed(741L)
                    .forAll(SHOPS, AS_OF, integers().between(0, 2), integers().between(0, 4))
                    .checkAssert((shop, asOf, g, listed) -> {
                        PurchaseTable table = shop.table();
                        DateRange range = DateRange.of(asOf.minusDays(100), asOf);
                        assertThat(SegmentCalculator.overview(
                                        table, shop.answers(), shop.reviews(), asOf, range, granularities[g], listed))
                                .isEqualTo(separately(
                                        table, shop.answers(), shop.reviews(), asOf, range, granularities[g], listed));
                    });
        }

        @Test
        void theOverviewOfAShopScannedInParallelRangesEqualsEachFamilysOwnCalculator() {
            SampleShop shop = SampleShop.withPurchasesAbout(200_000);
            PurchaseTable table = shop.purchases();
            assertThat(table.customerCount()).isGreaterThan(4 * 4096);
            List<SurveyResponse> answers = shop.surveyResponses(table);
            List<Review> reviews = shop.reviews(table);
            LocalDate asOf = LocalDate.ofEpochDay(table.maxEpochDay()).minusDays(40);
            DateRange range = DateRange.of(LocalDate.ofEpochDay(table.minEpochDay()), asOf);
            SegmentOverview overview =
                    SegmentCalculator.overview(table, answers, reviews, asOf, range, Granularity.MONTH, 10);
            assertThat(overview).isEqualTo(separately(table, answers, reviews, asOf, range, Granularity.MONTH, 10));
            assertThat(overview.churn().firstFlagged()).hasSize(10);
            assertThat(ParallelScans.threads()).isPositive();
        }
    }

    @Nested
    class Definitions {
        @Test
        void theChurnSummaryKeepsTheFirstFlaggedCustomersInIdOrderAndCountsEveryReason() {
            PurchaseTable table = PurchaseTable.of(
                    Shops.buy("a", "2024-01-01", "5.00"),
                    Shops.buy("b", "2024-01-02", "5.00"),
                    Shops.buy("c", "2025-12-20", "5.00"));
            LocalDate asOf = LocalDate.of(2026, 1, 1);
            ChurnRiskSummary churn = SegmentCalculator.overview(
                            table,
                            List.of(),
                            List.of(Shops.review("d", "2025-06-01", Sentiment.POSITIVE)),
                            asOf,
                            DateRange.of(LocalDate.of(2025, 1, 1), asOf),
                            Granularity.QUARTER,
                            1)
                    .churn();
            assertThat(churn.customers()).isEqualTo(3);
            assertThat(churn.flagged()).isEqualTo(2);
            assertThat(churn.count(ChurnReason.NO_REPEAT)).isEqualTo(2);
            assertThat(churn.count(ChurnReason.LOW_P_ALIVE)).isZero();
            assertThat(churn.firstFlagged())
                    .extracting(r -> r.customer().value())
                    .containsExactly("a");
            assertThat(churn.flaggedShare().numerator()).isEqualTo(2);
        }

        @Test
        void aNegativeNumberOfListedCustomersIsRejectedNamingTheValue() {
            PurchaseTable table = PurchaseTable.of(Shops.buy("a", "2024-01-01", "5.00"));
            LocalDate asOf = LocalDate.of(2024, 2, 1);
            assertThatThrownBy(() -> SegmentCalculator.overview(
                            table,
                            List.of(),
                            List.of(),
                            asOf,
                            DateRange.of(asOf.minusDays(1), asOf),
                            Granularity.MONTH,
                            -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("listed must be >= 0: -1");
        }
    }
}
