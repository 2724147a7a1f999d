package org.loyaltykpi.feedback;

import java.util.Objects;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Ratio;

/**
 * The reviews of one period, by sentiment: one entry of a {@link ReviewSeries}.
 *
 * <p>A review belongs to the period that contains its date. A period without reviews has {@link
 * SentimentCounts#EMPTY} counts and an undefined positive share.
 *
 * <pre>{@code
 * PeriodFeedback march = new PeriodFeedback(DateRange.month(2025, 3), new SentimentCounts(6, 3, 1));
 * march.positiveShare();   // 60.0% (6/10)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param counts its reviews by sentiment
 */
public record PeriodFeedback(DateRange period, SentimentCounts counts) {

    /** Validates that both parts are given. */
    public PeriodFeedback {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
    }

    /**
     * The positive share of the period.
     *
     * @return positive reviews / reviews; undefined with no reviews
     */
    public Ratio positiveShare() {
        return counts.positiveShare();
    }
}
