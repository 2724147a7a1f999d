package org.loyaltykpi.feedback;

import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Sentiment;

/**
 * How many reviews were positive, neutral and negative: the additive state behind the positive share.
 *
 * <p>{@code positiveShare = positive / (positive + neutral + negative)}, a {@link Ratio} that is undefined (empty
 * value, never {@code NaN}) when there are no reviews. Counts of disjoint sets of reviews add up with {@link
 * #plus(SentimentCounts)}.
 *
 * <pre>{@code
 * SentimentCounts c = new SentimentCounts(6, 3, 1);
 * c.reviews();         // 10
 * c.positiveShare();   // 60.0% (6/10)
 * SentimentCounts.EMPTY.positiveShare().value();   // OptionalDouble.empty
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param positive positive reviews, {@code >= 0}
 * @param neutral neutral reviews, {@code >= 0}
 * @param negative negative reviews, {@code >= 0}
 */
public record SentimentCounts(long positive, long neutral, long negative) {

    /** No reviews. */
    public static final SentimentCounts EMPTY = new SentimentCounts(0, 0, 0);

    /** Validates that every count is {@code >= 0}. */
    public SentimentCounts {
        if (positive < 0 || neutral < 0 || negative < 0) {
            throw new IllegalArgumentException("review counts must be >= 0: positive " + positive + ", neutral "
                    + neutral + ", negative " + negative);
        }
    }

    /**
     * The count of one sentiment.
     *
     * @param sentiment the sentiment
     * @return its reviews
     */
    public long count(Sentiment sentiment) {
        switch (sentiment) {
            case POSITIVE:
                return positive;
            case NEUTRAL:
                return neutral;
            default:
                return negative;
        }
    }

    /**
     * All reviews.
     *
     * @return positive + neutral + negative
     */
    public long reviews() {
        return Math.addExact(Math.addExact(positive, neutral), negative);
    }

    /**
     * The positive share.
     *
     * @return positive / reviews; undefined with no reviews
     */
    public Ratio positiveShare() {
        return Ratio.of(positive, reviews());
    }

    /**
     * The negative share.
     *
     * @return negative / reviews; undefined with no reviews
     */
    public Ratio negativeShare() {
        return Ratio.of(negative, reviews());
    }

    /**
     * These counts with one more review.
     *
     * @param sentiment the review's sentiment
     * @return a copy with that count one higher
     */
    public SentimentCounts plus(Sentiment sentiment) {
        return new SentimentCounts(
                positive + (sentiment == Sentiment.POSITIVE ? 1 : 0),
                neutral + (sentiment == Sentiment.NEUTRAL ? 1 : 0),
                negative + (sentiment == Sentiment.NEGATIVE ? 1 : 0));
    }

    /**
     * The counts of two disjoint sets of reviews.
     *
     * @param other the other counts
     * @return the sums
     */
    public SentimentCounts plus(SentimentCounts other) {
        return new SentimentCounts(
                Math.addExact(positive, other.positive),
                Math.addExact(neutral, other.neutral),
                Math.addExact(negative, other.negative));
    }

    /** For example {@code 10 reviews: 6 positive, 3 neutral, 1 negative}. */
    @Override
    public String toString() {
        return reviews() + " reviews: " + positive + " positive, " + neutral + " neutral, " + negative + " negative";
    }
}
