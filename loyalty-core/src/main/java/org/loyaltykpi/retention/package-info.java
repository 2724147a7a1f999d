/**
 * Retention, churn, repeat purchase, cross-category (upsell) rate, purchase frequency and average order value of new
 * and returning customers, for one period against the one before or as a series.
 *
 * <p>The family as every family has it: the result {@link org.loyaltykpi.retention.PurchaseBehaviour}, its mergeable
 * accumulator {@link org.loyaltykpi.retention.PurchaseBehaviourAccumulator}, a {@link java.util.stream.Collector}
 * and the stateless {@link org.loyaltykpi.retention.RetentionCalculator} (start there), which runs a
 * package-private parallel scan over a {@link org.loyaltykpi.domain.PurchaseTable}. The CRM formula
 * CRR = (CE - CN) / CS is {@link org.loyaltykpi.retention.CustomerRetentionRate}.
 *
 * <pre>{@code
 * PurchaseBehaviour march = RetentionCalculator.behaviour(table, DateRange.month(2025, 3));
 * march.retention();   // customers active in February and March / active in February, with its counts
 * }</pre>
 */
package org.loyaltykpi.retention;
