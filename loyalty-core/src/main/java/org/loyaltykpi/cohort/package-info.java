/**
 * Acquisition-cohort matrices: customers grouped by the period of their first purchase, and per later period offset
 * the active customers, purchases, revenue, retention (classic or unbounded, optionally in offset brackets) and
 * cumulative value per customer.
 *
 * <p>Start with {@link org.loyaltykpi.cohort.CohortCalculator#matrix}; the result is
 * {@link org.loyaltykpi.cohort.CohortMatrix}, built by a package-private single-pass scan of a
 * {@link org.loyaltykpi.domain.PurchaseTable} into a mergeable {@link org.loyaltykpi.cohort.CohortAccumulator}.
 *
 * <pre>{@code
 * CohortMatrix cohorts = CohortCalculator.matrix(table, Granularity.MONTH);
 * cohorts.retention(0, 1);   // the first cohort's customers active one month later / its size
 * }</pre>
 */
package org.loyaltykpi.cohort;
