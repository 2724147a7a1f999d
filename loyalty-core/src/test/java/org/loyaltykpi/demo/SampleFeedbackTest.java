package org.loyaltykpi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SpendKind;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.feedback.ReviewerRepeat;

class SampleFeedbackTest {
    private static final SampleShop SHOP = SampleShop.standard();
    private static final PurchaseTable TABLE = SHOP.purchases();
    private static final List<Review> REVIEWS = SHOP.reviews(TABLE);

    @Test
    void aboutOneCustomerInFiveReviewsAndSomeReviewsHaveOnlyALabel() {
        long reviewers = REVIEWS.stream().map(Review::customer).distinct().count();
        assertThat((double) reviewers / TABLE.customerCount()).isBetween(0.15, 0.25);
        assertThat(REVIEWS.stream().filter(r -> r.rating().isEmpty()).count()).isPositive();
        assertThat(REVIEWS.stream().filter(r -> r.label().isEmpty()).count()).isPositive();
    }

    @Test
    void reviewsFollowAPurchaseAndFallInsideTheShopsPeriod() {
        for (Review r : REVIEWS) {
            assertThat(SHOP.period().contains(r.date())).as(r.toString()).isTrue();
            int c = TABLE.indexOf(r.customer()).orElseThrow();
            assertThat(r.date()).isAfter(TABLE.date(TABLE.firstRow(c)));
        }
    }

    @Test
    void frequentCustomersRateHigherThanOneTimeBuyersAndReviewersRepeatMore() {
        Map<Boolean, double[]> byFrequent = new HashMap<>();
        for (Review r : REVIEWS.stream().filter(r -> r.rating().isPresent()).toList()) {
            int c = TABLE.indexOf(r.customer()).orElseThrow();
            boolean frequent = TABLE.endRow(c) - TABLE.firstRow(c) >= 10;
            double[] sum = byFrequent.computeIfAbsent(frequent, k -> new double[2]);
            sum[0] += r.rating().getAsInt();
            sum[1]++;
        }
        double frequentMean = byFrequent.get(true)[0] / byFrequent.get(true)[1];
        double otherMean = byFrequent.get(false)[0] / byFrequent.get(false)[1];
        assertThat(frequentMean).isGreaterThan(otherMean + 0.3);
        ReviewerRepeat repeat = FeedbackCalculator.reviewerRepeat(
                TABLE, REVIEWS, TABLE.dateRange().orElseThrow());
        assertThat(repeat.differencePoints().getAsDouble()).isPositive();
    }

    @Test
    void theSameParametersGiveTheSameReviewsAndSpendAndThePurchasesStayUnchanged() {
        assertThat(SHOP.reviews()).isEqualTo(REVIEWS);
        assertThat(SHOP.marketingSpend()).isEqualTo(SHOP.marketingSpend(TABLE));
        assertThat(SHOP.purchases()).isEqualTo(TABLE);
        assertThat(SHOP.withSeed(7).reviews()).isNotEqualTo(REVIEWS);
        // A fingerprint of the streams: the same on every JDK, since every draw is SeededRandom's.
        assertThat(REVIEWS).hasSize(473);
        assertThat(SHOP.marketingSpend(TABLE).get(0))
                .isEqualTo(MarketingSpend.acquisition(
                        org.loyaltykpi.domain.DateRange.month(2023, 1), new BigDecimal("1923.75")));
    }

    @Test
    void acquisitionSpendIsMonthlyAndOnlyInMonthsWithNewCustomersAndRetentionSpendIsSmaller() {
        List<MarketingSpend> spend = SHOP.marketingSpend(TABLE);
        BigDecimal acquisition = BigDecimal.ZERO;
        BigDecimal retention = BigDecimal.ZERO;
        for (MarketingSpend s : spend) {
            assertThat(s.period().label()).matches("\\d{4}-\\d{2}");
            if (s.kind() == SpendKind.ACQUISITION) {
                acquisition = acquisition.add(s.amount());
            } else {
                retention = retention.add(s.amount());
            }
        }
        assertThat(retention).isLessThan(acquisition);
        assertThat(spend.stream().map(MarketingSpend::period).distinct()).hasSize(36);
    }
}
