package org.loyaltykpi.report;

import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.feedback.ReviewSeries;
import org.loyaltykpi.feedback.ReviewerRepeat;

/**
 * Review feedback: the sentiment per period (over the purchases' range, or the reviews' own without purchases) and the
 * repeat purchase rate of reviewers against non-reviewers.
 *
 * @param series the sentiment counts per period
 * @param repeat reviewers against non-reviewers over the purchases' range; empty without purchases
 * @param outsideRange reviews left out of the series because they are dated outside the periods of the purchases'
 *     range ({@link org.loyaltykpi.feedback.FeedbackCalculator#outside}); 0 without purchases
 */
public record FeedbackResults(ReviewSeries series, Optional<ReviewerRepeat> repeat, long outsideRange) {
    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if {@code outsideRange} is negative
     */
    public FeedbackResults {
        Objects.requireNonNull(series, "series must not be null");
        Objects.requireNonNull(repeat, "repeat must not be null");
        if (outsideRange < 0) {
            throw new IllegalArgumentException("outsideRange must be at least 0: " + outsideRange);
        }
    }
}
