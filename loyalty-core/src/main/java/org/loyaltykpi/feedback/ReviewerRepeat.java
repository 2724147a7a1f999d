package org.loyaltykpi.feedback;

import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Ratio;

/**
 * Whether customers who review buy again more often than those who do not: the repeat purchase rate of reviewers
 * against that of non-reviewers in one window.
 *
 * <p>Definitions, over a window {@code W} of days: a customer is <b>active</b> if it purchased in {@code W}, a
 * <b>reviewer</b> if it wrote at least one review dated in {@code W}, and <b>repeat</b> if it purchased on two or
 * more different days in {@code W} (the repeat purchase rate of {@link
 * org.loyaltykpi.retention.PurchaseBehaviour#repeatPurchaseRate()}, computed by it). Then
 *
 * <ul>
 *   <li>{@link #reviewers()} = repeat active reviewers / active reviewers;
 *   <li>{@link #nonReviewers()} = repeat active non-reviewers / active non-reviewers;
 *   <li>{@link #differencePoints()} = {@code 100 (reviewers - nonReviewers)}, percentage points.
 * </ul>
 *
 * <p>Reviewers without a purchase in the window are counted in {@link #reviewersWithoutPurchase()} and are in
 * neither rate. A rate is undefined (empty value) when its group has no active customer. This is an association, not
 * an effect: customers who come back are also the ones with more occasions to review.
 *
 * <pre>{@code
 * ReviewerRepeat r = FeedbackCalculator.reviewerRepeat(table, reviews, table.dateRange().orElseThrow());
 * r.reviewers();          // 68.2% (270/396)
 * r.nonReviewers();       // 41.0% (658/1604)
 * r.differencePoints();   // OptionalDouble[27.2]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the days over which purchases and reviews count
 * @param reviewers the repeat purchase rate of active reviewers
 * @param nonReviewers the repeat purchase rate of active customers without a review in the window
 * @param reviewersWithoutPurchase reviewers with no purchase in the window
 */
public record ReviewerRepeat(DateRange window, Ratio reviewers, Ratio nonReviewers, long reviewersWithoutPurchase) {

    /** Validates the parts. */
    public ReviewerRepeat {
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(reviewers, "reviewers must not be null");
        Objects.requireNonNull(nonReviewers, "nonReviewers must not be null");
        if (reviewersWithoutPurchase < 0) {
            throw new IllegalArgumentException("reviewersWithoutPurchase must be >= 0: " + reviewersWithoutPurchase);
        }
    }

    /**
     * The reviewers' repeat rate minus the non-reviewers', in percentage points.
     *
     * @return {@code 100 (reviewers - nonReviewers)}; empty if either rate is undefined
     */
    public OptionalDouble differencePoints() {
        return ShareTrend.points(reviewers, nonReviewers);
    }
}
