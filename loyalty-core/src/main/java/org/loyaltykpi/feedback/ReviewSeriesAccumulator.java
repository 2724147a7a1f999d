package org.loyaltykpi.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Review;

/**
 * Builds a {@link ReviewSeries} from reviews one at a time, in any order, and merges with other accumulators: split
 * the reviews anywhere, merge, and the series is the same as from one accumulator over all of them.
 *
 * <p>State: the counts by sentiment per period, exported as plain values by {@link #snapshot()} (a {@link
 * ReviewSeries} of {@link SentimentCounts}) and taken back by {@link #add(ReviewSeries)}. Memory grows with the
 * periods that have reviews, not with the reviews. Not thread-safe; use one per thread and {@link
 * #merge(ReviewSeriesAccumulator)}, or {@link FeedbackCalculator#toReviewSeries(Granularity)} on a parallel stream.
 *
 * <pre>{@code
 * ReviewSeriesAccumulator acc = new ReviewSeriesAccumulator(Granularity.MONTH);
 * acc.addAll(januaryReviews).addAll(februaryReviews);
 * acc.snapshot().total().positiveShare();
 * }</pre>
 */
public final class ReviewSeriesAccumulator {
    private final Granularity granularity;
    private final TreeMap<Long, SentimentCounts> byPeriod = new TreeMap<>();

    /**
     * An empty accumulator.
     *
     * @param granularity the period length of the series
     */
    public ReviewSeriesAccumulator(Granularity granularity) {
        this.granularity = Objects.requireNonNull(granularity, "granularity must not be null");
    }

    /**
     * Adds a review to the period of its date.
     *
     * @param review the review
     * @return this accumulator
     */
    public ReviewSeriesAccumulator add(Review review) {
        byPeriod.merge(
                granularity.ordinal(review.date()),
                SentimentCounts.EMPTY.plus(review.sentiment()),
                (a, b) -> a.plus(b));
        return this;
    }

    /**
     * Adds reviews.
     *
     * @param reviews the reviews
     * @return this accumulator
     */
    public ReviewSeriesAccumulator addAll(Iterable<Review> reviews) {
        reviews.forEach(this::add);
        return this;
    }

    /**
     * Adds a series' counts, for example a state stored earlier.
     *
     * @param series a series of the same granularity
     * @return this accumulator
     * @throws IllegalArgumentException if the granularity differs
     */
    public ReviewSeriesAccumulator add(ReviewSeries series) {
        requireGranularity(series.granularity());
        for (PeriodFeedback p : series.periods()) {
            if (p.counts().reviews() > 0) {
                byPeriod.merge(granularity.ordinal(p.period().start()), p.counts(), SentimentCounts::plus);
            }
        }
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other an accumulator of the same granularity; unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the granularity differs
     */
    public ReviewSeriesAccumulator merge(ReviewSeriesAccumulator other) {
        // Straight from the other's counts: its snapshot would build every empty period between its reviews.
        requireGranularity(other.granularity);
        other.byPeriod.forEach((ordinal, counts) -> byPeriod.merge(ordinal, counts, SentimentCounts::plus));
        return this;
    }

    private void requireGranularity(Granularity other) {
        if (other != granularity) {
            throw new IllegalArgumentException(
                    "cannot add a " + other + " series to a " + granularity + " accumulator");
        }
    }

    /**
     * The series of everything added so far, from the first period with a review to the last, periods without
     * reviews included; the accumulator stays usable.
     *
     * @return the series; empty when nothing was added
     */
    public ReviewSeries snapshot() {
        if (byPeriod.isEmpty()) {
            return ReviewSeries.empty(granularity);
        }
        return over(byPeriod.firstKey(), byPeriod.lastKey());
    }

    /** The series over the ordinals {@code first..last}, whatever was added outside them left out. */
    ReviewSeries over(long first, long last) {
        granularity.checkPeriods(
                first, last, org.loyaltykpi.domain.LimitExceededException.MAX_PERIODS, "a breakdown", "the reviews");
        List<PeriodFeedback> periods = new ArrayList<>();
        for (long o = first; o <= last; o++) {
            periods.add(new PeriodFeedback(granularity.period(o), byPeriod.getOrDefault(o, SentimentCounts.EMPTY)));
        }
        return new ReviewSeries(granularity, periods);
    }
}
