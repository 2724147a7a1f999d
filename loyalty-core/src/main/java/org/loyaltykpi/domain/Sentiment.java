package org.loyaltykpi.domain;

import org.loyaltykpi.internal.EnumNames;

/**
 * The tone of a review: positive, neutral or negative.
 *
 * <p>A review carries either an explicit label or a star rating from which the label follows ({@link #ofRating}):
 * 4 or 5 stars are positive, 3 neutral, 1 or 2 negative. This is the usual mapping of review platforms; an explicit
 * label on a review wins over its rating.
 *
 * <pre>{@code
 * Sentiment.ofRating(4);       // POSITIVE
 * Sentiment.parse("negative"); // NEGATIVE
 * }</pre>
 */
public enum Sentiment {
    /** A favourable review (4 or 5 stars). */
    POSITIVE,
    /** Neither favourable nor unfavourable (3 stars). */
    NEUTRAL,
    /** An unfavourable review (1 or 2 stars). */
    NEGATIVE;

    /**
     * The sentiment a star rating stands for.
     *
     * @param rating stars, 1..5
     * @return {@code POSITIVE} for 4..5, {@code NEUTRAL} for 3, {@code NEGATIVE} for 1..2
     * @throws IllegalArgumentException naming the rating if it is outside 1..5
     */
    public static Sentiment ofRating(int rating) {
        Review.checkRating(rating);
        if (rating >= 4) {
            return POSITIVE;
        }
        return rating == 3 ? NEUTRAL : NEGATIVE;
    }

    /**
     * Reads a label, ignoring case and surrounding white space: {@code positive}, {@code neutral}, {@code negative}.
     *
     * @param label the label
     * @return the sentiment
     * @throws IllegalArgumentException naming the label if it is none of the three
     */
    public static Sentiment parse(String label) {
        return EnumNames.parse(Sentiment.class, label, "sentiment must be positive, neutral or negative");
    }

    /** The label in lower case, as CSV files and JSON write it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
