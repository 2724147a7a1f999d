/**
 * Review feedback: the positive share of reviews per period with its trend against the previous period and a
 * baseline, and the repeat rate of reviewers against non-reviewers.
 *
 * <p>Start with {@link org.loyaltykpi.feedback.FeedbackCalculator}; the series is
 * {@link org.loyaltykpi.feedback.ReviewSeries}, additive per period.
 *
 * <pre>{@code
 * ReviewSeries monthly = FeedbackCalculator.series(reviews, Granularity.MONTH);
 * }</pre>
 */
package org.loyaltykpi.feedback;
