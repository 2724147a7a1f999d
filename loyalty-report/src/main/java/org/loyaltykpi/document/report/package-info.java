/**
 * The loyalty report as a document: {@link org.loyaltykpi.document.report.ReportDocument#of(
 * org.loyaltykpi.report.LoyaltyReport, ReportSources)} turns core's computed report into a
 * {@link org.loyaltykpi.document.Document} of twelve sections, with stable ids of sections, tables and charts.
 */
package org.loyaltykpi.document.report;
