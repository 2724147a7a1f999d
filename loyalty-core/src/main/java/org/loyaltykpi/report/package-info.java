/**
 * The whole loyalty report computed once: {@link org.loyaltykpi.report.LoyaltyReport#compute(ReportInputs,
 * ReportOptions)} takes the inputs (purchases, and optionally survey answers, reviews, marketing spend and program
 * events) and returns one immutable value with every section's typed results.
 *
 * <p>Sections that scan the same data share the scan (the purchase-behaviour series feeds the KPI targets, the survey
 * groups per period feed the NPS and satisfaction targets, the cohort matrix and behaviour series feed the value
 * section), independent sections run in parallel, and a section that cannot be computed (a model fit that does not
 * converge, data a calculator rejects) is an {@link org.loyaltykpi.report.Outcome} with a note instead of failing the
 * whole report.
 *
 * <pre>{@code
 * LoyaltyReport report = LoyaltyReport.compute(ReportInputs.of(table), ReportOptions.defaults());
 * report.behaviour().total();           // the whole range
 * report.clv().value().map(ClvResults::expectedPurchases);
 * }</pre>
 */
package org.loyaltykpi.report;
