package org.loyaltykpi.segment;

/**
 * Where a customer stands in its relationship with the shop as of a day {@code D} (data before {@code D}), by the
 * thresholds of {@link LifecycleOptions}. The first stage that applies, in this order of precedence:
 *
 * <ol>
 *   <li>{@link #PROSPECT}: answered a survey or wrote a review, but has no purchase;
 *   <li>{@link #LAPSED}: the last purchase is more than {@code lapsedDays} days ago ({@code D - last day});
 *   <li>{@link #AT_RISK}: the last purchase is more than {@code atRiskDays} days ago;
 *   <li>{@link #LOYAL}: bought in at least {@code loyalPeriods} of the last {@code lookbackPeriods} windows of
 *       {@code periodDays} days before {@code D};
 *   <li>{@link #REPEAT}: bought on two or more distinct days;
 *   <li>{@link #FIRST_PURCHASE}: bought on one day only.
 * </ol>
 *
 * <p>Recency comes first: a customer who stopped buying is at risk or lapsed whatever its history, because that is
 * what a retention campaign acts on. Every customer is in exactly one stage.
 *
 * <pre>{@code
 * SegmentCalculator.lifecycle(table, answers, reviews, asOf, LifecycleOptions.defaults())
 *         .distribution().count(LifecycleStage.AT_RISK);
 * }</pre>
 */
public enum LifecycleStage {
    /** In contact (survey answer or review), no purchase yet. */
    PROSPECT,
    /** One purchase day, recently. */
    FIRST_PURCHASE,
    /** Two or more purchase days, recently. */
    REPEAT,
    /** Repeat purchases over several recent periods. */
    LOYAL,
    /** No purchase for longer than the at-risk threshold, not yet lapsed. */
    AT_RISK,
    /** No purchase for longer than the lapse threshold. */
    LAPSED
}
