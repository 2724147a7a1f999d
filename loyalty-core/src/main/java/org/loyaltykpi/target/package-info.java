/**
 * KPI targets: a level to hold, a whole-year step, or compounded relative growth, evaluated against any metric series
 * as MET, ON_TRACK (below the required level but on the pro-rata path to it), MISSED or NO_DATA, each with its gap.
 *
 * <p>Start with {@link org.loyaltykpi.target.KpiTarget} and {@link org.loyaltykpi.target.KpiTargets#seedDefaults()}
 * (satisfaction 80%, retention 95% +2 points a year, NPS 70 +5 a year, positive reviews +10% a year).
 *
 * <p>This family evaluates series that other families computed; it has nothing to accumulate.
 */
package org.loyaltykpi.target;
