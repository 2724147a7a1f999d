package org.loyaltykpi.segment;

import java.math.BigDecimal;
import java.util.Objects;
import org.loyaltykpi.domain.CustomerId;

/**
 * One customer's RFM values and scores as of a day {@code D} (purchases before {@code D}).
 *
 * <p>Values: recency = {@code D - last purchase day} in days (1 for a purchase the day before); frequency = distinct
 * purchase days (several purchases on one day are one visit, as in the rest of the library); monetary = total spend before {@code D}
 * net of the customer's refunds dated before {@code D}, at least 0 (100.00 bought and 40.00 refunded: 60.00).
 * Refunds are no purchases: recency and frequency do not change.
 *
 * <p>Scores 1..5 by quintiles over the scored customers, ties kept together (see {@link
 * SegmentCalculator#rfmScores}): a customer's score is {@code 1 + floor(5 * b / n)}, where {@code n} is the number of
 * customers and {@code b} the number of customers with a strictly worse value (a larger recency, a smaller frequency
 * or spend). So recent customers get a high recency score, equal values always get the same score, and without ties
 * the five scores split the customers into groups whose sizes differ by at most one.
 *
 * <pre>{@code
 * RfmScore s = scores.customers().get(0);
 * s.recencyScore();   // 5
 * s.code();           // "542"
 * s.segment();        // POTENTIAL_LOYALIST
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer
 * @param recencyDays days since the last purchase, {@code >= 1}
 * @param frequency distinct purchase days, {@code >= 1}
 * @param monetary total spend net of refunds, {@code >= 0}
 * @param recencyScore 1..5, 5 most recent
 * @param frequencyScore 1..5, 5 most frequent
 * @param monetaryScore 1..5, 5 highest spend
 */
public record RfmScore(
        CustomerId customer,
        int recencyDays,
        int frequency,
        BigDecimal monetary,
        int recencyScore,
        int frequencyScore,
        int monetaryScore) {

    /** Validates the record. */
    public RfmScore {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(monetary, "monetary must not be null");
        if (recencyDays < 1) {
            throw new IllegalArgumentException("recencyDays must be >= 1: " + recencyDays);
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be >= 1: " + frequency);
        }
        if (monetary.signum() < 0) {
            throw new IllegalArgumentException("monetary must be >= 0: " + monetary);
        }
        checkScore("recencyScore", recencyScore);
        checkScore("frequencyScore", frequencyScore);
        checkScore("monetaryScore", monetaryScore);
    }

    static void checkScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " must be 1..5: " + score);
        }
    }

    /**
     * The frequency-monetary score: the mean of the two rounded half up.
     *
     * @return {@code (F + M + 1) / 2}, 1..5
     */
    public int frequencyMonetaryScore() {
        return frequencyMonetaryScore(frequencyScore, monetaryScore);
    }

    /** The mean of an F and an M score rounded half up. */
    static int frequencyMonetaryScore(int frequencyScore, int monetaryScore) {
        return (frequencyScore + monetaryScore + 1) / 2;
    }

    /**
     * The named segment of {@code (R, FM)}.
     *
     * @return {@link RfmSegment#of(int, int)}
     */
    public RfmSegment segment() {
        return RfmSegment.of(recencyScore, frequencyMonetaryScore());
    }

    /**
     * The three scores as the usual cell code.
     *
     * @return for example {@code "542"}
     */
    public String code() {
        return "" + recencyScore + frequencyScore + monetaryScore;
    }
}
