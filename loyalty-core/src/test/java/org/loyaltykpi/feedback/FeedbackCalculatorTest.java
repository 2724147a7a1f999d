package org.loyaltykpi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;

class FeedbackCalculatorTest {

    static Review rating(String customer, String date, int stars) {
        return Review.ofRating(CustomerId.of(customer), LocalDate.parse(date), stars);
    }

    static Review label(String customer, String date, Sentiment s) {
        return Review.ofSentiment(CustomerId.of(customer), LocalDate.parse(date), s);
    }

    /** January: 2 of 4 positive; February: none; March: 3 of 4 positive. */
    static final List<Review> REVIEWS = List.of(
            rating("a", "2025-01-03", 5),
            rating("b", "2025-01-10", 4),
            rating("c", "2025-01-20", 3),
            label("d", "2025-01-31", Sentiment.NEGATIVE),
            rating("a", "2025-03-01", 5),
            label("b", "2025-03-02", Sentiment.POSITIVE),
            rating("c", "2025-03-03", 4),
            rating("d", "2025-03-31", 1));

    @Test
    void thePositiveShareIsPositiveReviewsOverReviewsPerPeriodWithEmptyPeriodsIncluded() {
        ReviewSeries s = FeedbackCalculator.series(REVIEWS, Granularity.MONTH);
        assertThat(s.periods())
                .extracting(PeriodFeedback::period)
                .containsExactly(DateRange.month(2025, 1), DateRange.month(2025, 2), DateRange.month(2025, 3));
        assertThat(s.periods().get(0).counts()).isEqualTo(new SentimentCounts(2, 1, 1));
        assertThat(s.periods().get(0).positiveShare()).isEqualTo(Ratio.of(2, 4));
        assertThat(s.periods().get(1).positiveShare().value()).isEmpty();
        assertThat(s.periods().get(2).positiveShare()).isEqualTo(Ratio.of(3, 4));
        assertThat(s.total()).isEqualTo(new SentimentCounts(5, 1, 2));
    }

    @Test
    void theTrendComparesWithThePreviousPeriodAndTheBaselineInPointsAndRelatively() {
        List<ShareTrend> quarterly = FeedbackCalculator.series(
                        REVIEWS, DateRange.parse("2024-10-01/2025-07-01"), Granularity.MONTH)
                .trend(DateRange.month(2025, 1));
        // Oct..Jun: 9 months; January is the 4th, March the 6th.
        assertThat(quarterly).hasSize(9);
        ShareTrend january = quarterly.get(3);
        assertThat(january.pointsVsPrevious()).isEmpty();
        assertThat(january.pointsVsBaseline()).hasValue(0.0);
        assertThat(january.relativeVsBaseline()).hasValue(0.0);
        ShareTrend february = quarterly.get(4);
        assertThat(february.pointsVsPrevious()).isEmpty();
        ShareTrend march = quarterly.get(5);
        assertThat(march.previous().value()).isEmpty();
        assertThat(march.pointsVsBaseline().getAsDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(march.relativeVsBaseline().getAsDouble()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aRelativeChangeFromAZeroShareIsUndefinedButThePointsAreNot() {
        ShareTrend t = new ShareTrend(
                DateRange.month(2025, 2), Ratio.of(1, 2), Ratio.of(0, 3), DateRange.month(2025, 1), Ratio.of(0, 3));
        assertThat(t.pointsVsPrevious().getAsDouble()).isCloseTo(50.0, within(1e-12));
        assertThat(t.relativeVsPrevious()).isEmpty();
        assertThat(t.relativeVsBaseline()).isEmpty();
    }

    @Test
    void theSeedsTenPercentMoreRelativeChangeIsTheRatioOfSharesMinusOne() {
        // 55% after 50%: +5 points, +10% relative (the seed's "positive reviews +10%" target reads the latter).
        ShareTrend t = new ShareTrend(
                DateRange.year(2025), Ratio.of(55, 100), Ratio.of(50, 100), DateRange.year(2024), Ratio.of(50, 100));
        assertThat(t.pointsVsPrevious().getAsDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(t.relativeVsPrevious().getAsDouble()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void aBaselineOutsideTheSeriesIsAnErrorNamingIt() {
        ReviewSeries s = FeedbackCalculator.series(REVIEWS, Granularity.MONTH);
        assertThatThrownBy(() -> s.trend(DateRange.month(2024, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-06-01/2024-07-01")
                .hasMessageContaining("2025-01..2025-03");
    }

    @Test
    void noReviewsGiveAnEmptySeriesWithAnEmptyTrend() {
        ReviewSeries s = FeedbackCalculator.series(List.of(), Granularity.WEEK);
        assertThat(s.periods()).isEmpty();
        assertThat(s.trend()).isEmpty();
        assertThat(s.total().positiveShare().value()).isEmpty();
    }

    @Test
    void reviewersRepeatRateIsTheRepeatPurchaseRateOfActiveReviewersAgainstTheOthers() {
        // a, b review in January; a bought on two days, b on one; c, d, e never review: c repeats, d, e do not.
        // f reviews but never buys in the window.
        PurchaseTable table = PurchaseTable.of(
                buy("a", "2025-01-02"),
                buy("a", "2025-01-20"),
                buy("b", "2025-01-05"),
                buy("b", "2025-01-05"),
                buy("c", "2025-01-02"),
                buy("c", "2025-01-03"),
                buy("d", "2025-01-09"),
                buy("e", "2025-01-09"),
                buy("e", "2025-02-09"));
        List<Review> reviews = List.of(
                rating("a", "2025-01-21", 5),
                rating("b", "2025-01-06", 2),
                rating("f", "2025-01-06", 4),
                rating("d", "2025-03-06", 4));
        ReviewerRepeat r = FeedbackCalculator.reviewerRepeat(table, reviews, DateRange.month(2025, 1));
        assertThat(r.reviewers()).isEqualTo(Ratio.of(1, 2));
        assertThat(r.nonReviewers()).isEqualTo(Ratio.of(1, 3));
        assertThat(r.reviewersWithoutPurchase()).isEqualTo(1);
        assertThat(r.differencePoints().getAsDouble()).isCloseTo(50.0 - 100.0 / 3, within(1e-9));
    }

    @Test
    void withoutReviewsTheReviewersRateIsUndefined() {
        PurchaseTable table = PurchaseTable.of(buy("a", "2025-01-02"));
        ReviewerRepeat r = FeedbackCalculator.reviewerRepeat(table, List.of(), DateRange.month(2025, 1));
        assertThat(r.reviewers().value()).isEmpty();
        assertThat(r.nonReviewers()).isEqualTo(Ratio.of(0, 1));
        assertThat(r.differencePoints()).isEmpty();
    }

    @Test
    void theLatestSentimentIsTheLastReviewOnOrBeforeTheDayAndTheLeastFavourableOnATie() {
        List<Review> reviews = List.of(
                rating("a", "2025-01-01", 1),
                rating("a", "2025-02-01", 5),
                rating("a", "2025-04-01", 2),
                rating("b", "2025-02-01", 5),
                label("b", "2025-02-01", Sentiment.NEUTRAL),
                rating("c", "2025-05-01", 5));
        Map<CustomerId, Sentiment> latest = FeedbackCalculator.latestSentiment(reviews, LocalDate.of(2025, 3, 1));
        assertThat(latest)
                .containsOnly(
                        Map.entry(CustomerId.of("a"), Sentiment.POSITIVE),
                        Map.entry(CustomerId.of("b"), Sentiment.NEUTRAL));
        List<Review> reversed = new ArrayList<>(reviews);
        Collections.reverse(reversed);
        assertThat(FeedbackCalculator.latestSentiment(reversed, LocalDate.of(2025, 3, 1)))
                .isEqualTo(latest);
    }

    private static Purchase buy(String customer, String date) {
        return Purchase.of(CustomerId.of(customer), LocalDate.parse(date), new BigDecimal("10.00"));
    }
}
