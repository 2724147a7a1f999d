package org.loyaltykpi.feedback;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;

/**
 * Review feedback: the positive share per period and its trend ({@link ReviewSeries}), the repeat purchase rate of
 * reviewers against non-reviewers ({@link ReviewerRepeat}) and each customer's latest review sentiment.
 *
 * <p>Positive share = positive reviews / reviews, where a review's sentiment is its label, else its rating's (4..5
 * positive, 3 neutral, 1..2 negative; {@link Review#sentiment()}). The counts per period are additive: {@link
 * ReviewSeriesAccumulator} and {@link #toReviewSeries(Granularity)} build them in any order and merge.
 *
 * <pre>{@code
 * List<Review> reviews = SampleShop.standard().reviews();
 * ReviewSeries monthly = FeedbackCalculator.series(reviews, Granularity.MONTH);
 * monthly.trend();                                                     // against the first month
 * FeedbackCalculator.reviewerRepeat(table, reviews, table.dateRange().orElseThrow());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class FeedbackCalculator {

    private FeedbackCalculator() {}

    /**
     * The reviews by sentiment per period, from the first period with a review to the last.
     *
     * @param reviews the reviews, in any order
     * @param granularity the period length
     * @return the series; empty for no reviews
     */
    public static ReviewSeries series(Collection<Review> reviews, Granularity granularity) {
        return new ReviewSeriesAccumulator(granularity).addAll(reviews).snapshot();
    }

    /**
     * The reviews by sentiment per whole period of a granularity overlapping a range, for example the range of the
     * purchases so the series lines up with the purchase metrics; reviews outside those periods are left out.
     *
     * @param reviews the reviews
     * @param range the range; its periods are whole (a range from 15 January starts with all of January)
     * @param granularity the period length
     * @return one entry per period, with or without reviews
     */
    public static ReviewSeries series(Collection<Review> reviews, DateRange range, Granularity granularity) {
        Objects.requireNonNull(range, "range must not be null");
        ReviewSeriesAccumulator acc = new ReviewSeriesAccumulator(granularity).addAll(reviews);
        return acc.over(
                granularity.ordinal(range.start()),
                granularity.ordinal(range.endExclusive().minusDays(1)));
    }

    /**
     * A collector of reviews into the series of their periods; works on parallel streams.
     *
     * @param granularity the period length
     * @return the collector, as {@link #series(Collection, Granularity)}
     */
    public static Collector<Review, ?, ReviewSeries> toReviewSeries(Granularity granularity) {
        return Collector.of(
                () -> new ReviewSeriesAccumulator(granularity),
                ReviewSeriesAccumulator::add,
                ReviewSeriesAccumulator::merge,
                ReviewSeriesAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The repeat purchase rate of reviewers against non-reviewers in a window (see {@link ReviewerRepeat}).
     *
     * @param table the purchases
     * @param reviews the reviews; only those dated in the window make a reviewer
     * @param window the days over which purchases and reviews count, for example the purchases' date range
     * @return the two rates
     */
    public static ReviewerRepeat reviewerRepeat(PurchaseTable table, Collection<Review> reviews, DateRange window) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Set<CustomerId> reviewers = new HashSet<>();
        for (Review r : reviews) {
            if (window.contains(r.date())) {
                reviewers.add(r.customer());
            }
        }
        // The retention scan counts repeat customers among the reviewers and among the others: one definition of
        // "repeat" for the whole library, and no copy of the table.
        PurchaseBehaviour ofReviewers = RetentionCalculator.behaviour(table, window, reviewers::contains);
        PurchaseBehaviour ofOthers = RetentionCalculator.behaviour(table, window, id -> !reviewers.contains(id));
        return new ReviewerRepeat(
                window,
                ofReviewers.repeatPurchaseRate(),
                ofOthers.repeatPurchaseRate(),
                reviewers.size() - ofReviewers.activeCustomers());
    }

    /**
     * Each customer's latest review sentiment on or before a day: the attitude signal of a review, for example for
     * loyalty levels. When a customer's latest day has several reviews, the least favourable sentiment wins
     * (negative over neutral over positive), so the result does not depend on the order of the reviews.
     *
     * @param reviews the reviews
     * @param asOf the last day that counts
     * @return the sentiment per customer who reviewed on or before {@code asOf}; unmodifiable
     */
    public static Map<CustomerId, Sentiment> latestSentiment(Collection<Review> reviews, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Map<CustomerId, Review> latest = new HashMap<>();
        for (Review r : reviews) {
            if (!r.date().isAfter(asOf)) {
                latest.merge(r.customer(), r, Review::latest);
            }
        }
        Map<CustomerId, Sentiment> out = new HashMap<>();
        latest.forEach((id, r) -> out.put(id, r.sentiment()));
        return Map.copyOf(out);
    }
}
