package org.loyaltykpi.cohort;

import org.loyaltykpi.internal.EnumNames;

/**
 * The value shown in each cell of a {@link CohortMatrix} rendering.
 *
 * <table>
 *   <caption>Cell values at cohort c, offset k</caption>
 *   <tr><th>metric</th><th>cell</th><th>unit</th></tr>
 *   <tr><td>{@link #CUSTOMERS}</td><td>customers of c active at k</td><td>customers</td></tr>
 *   <tr><td>{@link #RETENTION}</td><td>retained at k / cohort size (classic or unbounded)</td><td>share</td></tr>
 *   <tr><td>{@link #PURCHASES}</td><td>purchases of c's customers at k</td><td>purchases</td></tr>
 *   <tr><td>{@link #REVENUE}</td><td>revenue of c's customers at k</td><td>money</td></tr>
 *   <tr><td>{@link #LTV}</td><td>revenue of c's customers at offsets 0..k / cohort size</td><td>money per customer</td></tr>
 * </table>
 */
public enum CohortMetric {
    /** Active customers. */
    CUSTOMERS,
    /** Retention rate, a share of the cohort. */
    RETENTION,
    /** Purchases. */
    PURCHASES,
    /** Revenue. */
    REVENUE,
    /** Cumulative revenue per cohort customer (the LTV curve). */
    LTV;

    /**
     * Reads a metric by name, ignoring case.
     *
     * @param name for example {@code retention}
     * @return the metric
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static CohortMetric parse(String name) {
        return EnumNames.parse(
                CohortMetric.class, name, "cohort metric must be one of customers, retention, purchases, revenue, ltv");
    }
}
