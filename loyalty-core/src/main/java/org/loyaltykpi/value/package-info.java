/**
 * Acquisition and value: customer acquisition cost per period and overall (acquisition spend / new customers),
 * simple LTV (annual spend x expected years) and the margin/churn form, LTV:CAC, payback per cohort, and first-time vs
 * repeat revenue.
 *
 * <p>Start with {@link org.loyaltykpi.value.ValueCalculator#summarize}, which gives a
 * {@link org.loyaltykpi.value.ValueSummary}; options in {@link org.loyaltykpi.value.ValueOptions}.
 *
 * <pre>{@code
 * ValueSummary value = ValueCalculator.summarize(table, spend, ValueOptions.defaults());
 * value.acquisitionCost().overall();   // OptionalDouble: spend / new customers over the whole range
 * }</pre>
 */
package org.loyaltykpi.value;
