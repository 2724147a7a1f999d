/**
 * Probabilistic customer lifetime value ("buy till you die" models): the per-customer summary
 * ({@link org.loyaltykpi.clv.BtydSummary}: frequency, recency, age T and mean repeat value, in an explicit
 * {@link org.loyaltykpi.clv.TimeScale}), the purchase models BG/NBD, MBG/NBD and Pareto/NBD, the Gamma-Gamma spend
 * model, the shifted-beta-geometric contractual model, and CLV over a horizon with margin and discounting
 * ({@link org.loyaltykpi.clv.ClvCalculator}).
 *
 * <p>Fits are maximum likelihood on log-parameters with analytic or careful numerical gradients; a
 * {@link org.loyaltykpi.clv.ModelFit} says whether it converged and carries standard errors from the Hessian.
 *
 * <pre>{@code
 * BtydSummary summary = BtydSummary.of(table, LocalDate.parse("1997-09-30"), TimeScale.WEEKS);
 * BgNbdModel bg = BgNbdModel.fit(summary);
 * bg.probabilityAlive(summary.frequency(0), summary.recency(0), summary.age(0));
 * }</pre>
 *
 * <p>Also: the discrete-time BG/BB model ({@link org.loyaltykpi.clv.BgBbModel}, its summary {@link
 * org.loyaltykpi.clv.BgBbSummary}); summary files of other tools ({@link org.loyaltykpi.clv.SummaryCsv}); fitted models
 * saved and read back ({@link org.loyaltykpi.clv.SavedModel}); the purchase models compared ({@link
 * org.loyaltykpi.clv.ModelComparison}) and checked against a holdout ({@link org.loyaltykpi.clv.ModelValidation}).
 *
 * <p>This family is fitted rather than accumulated: the summary is per customer, and the models are fitted to it.
 */
package org.loyaltykpi.clv;
