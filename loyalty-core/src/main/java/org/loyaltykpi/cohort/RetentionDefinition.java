package org.loyaltykpi.cohort;

import org.loyaltykpi.internal.EnumNames;

/**
 * Which customers of a cohort count as retained at period offset {@code k}.
 *
 * <ul>
 *   <li>{@link #CLASSIC}: active in period {@code k} (the "N-day" or "N-month" retention of product analytics); can rise
 *       again after a dip when customers come back.
 *   <li>{@link #UNBOUNDED}: active in period {@code k} or any later period (also called "rolling" retention); never
 *       rises with {@code k}, because a customer seen later has not yet gone.
 * </ul>
 *
 * <p>Bracketed retention (active in at least one of a range of offsets) is computed for {@link OffsetBracket}s given
 * to {@link CohortCalculator#matrix(org.loyaltykpi.domain.PurchaseTable, org.loyaltykpi.domain.Granularity,
 * java.util.List)}.
 */
public enum RetentionDefinition {
    /** Active in period k. */
    CLASSIC,
    /** Active in period k or later. */
    UNBOUNDED;

    /**
     * Reads a definition by name, ignoring case.
     *
     * @param name {@code classic} or {@code unbounded}
     * @return the definition
     * @throws IllegalArgumentException naming the value
     */
    public static RetentionDefinition parse(String name) {
        return EnumNames.parse(RetentionDefinition.class, name, "retention definition must be classic or unbounded");
    }
}
