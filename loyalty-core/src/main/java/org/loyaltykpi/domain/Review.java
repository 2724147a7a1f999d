package org.loyaltykpi.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One review a customer left: a star rating 1..5, a positive / neutral / negative label, or both.
 *
 * <p>{@link #sentiment()} is the label when the review has one, otherwise the rating's ({@link Sentiment#ofRating}:
 * 4..5 positive, 3 neutral, 1..2 negative). A review with neither is rejected, because it says nothing. No text is
 * kept: text mining is out of scope.
 *
 * <pre>{@code
 * Review r = Review.ofRating(CustomerId.of("C00042"), LocalDate.of(2025, 3, 4), 5);
 * r.sentiment();                                            // POSITIVE
 * Review.ofRating(id, day, 6);                              // IllegalArgumentException: rating must be 1..5: 6
 * Review.ofSentiment(id, day, Sentiment.NEGATIVE).rating(); // OptionalInt.empty
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer who wrote the review
 * @param date when
 * @param rating stars 1..5, or empty
 * @param label the reviewer's or the platform's sentiment label, or empty
 */
public record Review(CustomerId customer, LocalDate date, OptionalInt rating, Optional<Sentiment> label) {

    /** The lowest star rating. */
    public static final int MIN_RATING = 1;

    /** The highest star rating. */
    public static final int MAX_RATING = 5;

    /** Validates the review. */
    public Review {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(rating, "rating must not be null (use OptionalInt.empty())");
        Objects.requireNonNull(label, "label must not be null (use Optional.empty())");
        if (rating.isPresent()) {
            checkRating(rating.getAsInt());
        } else if (label.isEmpty()) {
            throw new IllegalArgumentException(
                    "a review needs a rating or a sentiment label (customer " + customer + ", " + date + ")");
        }
    }

    /**
     * A review with a star rating only.
     *
     * @param customer who wrote it
     * @param date when
     * @param rating stars, 1..5
     * @return the review
     * @throws IllegalArgumentException naming the rating if it is outside 1..5
     */
    public static Review ofRating(CustomerId customer, LocalDate date, int rating) {
        return new Review(customer, date, OptionalInt.of(rating), Optional.empty());
    }

    /**
     * A review with a sentiment label only.
     *
     * @param customer who wrote it
     * @param date when
     * @param sentiment the label
     * @return the review
     */
    public static Review ofSentiment(CustomerId customer, LocalDate date, Sentiment sentiment) {
        return new Review(customer, date, OptionalInt.empty(), Optional.of(sentiment));
    }

    /**
     * The review's tone: the label if present, else the rating's sentiment.
     *
     * @return the sentiment
     */
    public Sentiment sentiment() {
        return label.orElseGet(() -> Sentiment.ofRating(rating.getAsInt()));
    }

    /**
     * The later of two reviews; of two on the same day, the less favourable (negative over neutral over positive), so
     * that "a customer's latest review" does not depend on the order of the reviews.
     *
     * <pre>{@code
     * Review.latest(positiveOnMay2, negativeOnMay2);   // negativeOnMay2
     * Review.latest(negativeOnMay1, positiveOnMay2);   // positiveOnMay2
     * }</pre>
     *
     * @param a a review
     * @param b another review
     * @return the later one, or on the same day the less favourable one ({@code a} if they tie)
     */
    public static Review latest(Review a, Review b) {
        int byDate = a.date().compareTo(b.date());
        if (byDate != 0) {
            return byDate > 0 ? a : b;
        }
        // Same day: the less favourable one (the enum's later constant).
        return a.sentiment().compareTo(b.sentiment()) >= 0 ? a : b;
    }

    static void checkRating(int rating) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new IllegalArgumentException("rating must be " + MIN_RATING + ".." + MAX_RATING + ": " + rating);
        }
    }
}
