package org.loyaltykpi.cli;

import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The inputs of a report, loaded once and shared by its sections.
 *
 * @param purchases the purchases
 * @param source where the purchases came from
 * @param granularity the period length of per-period breakdowns
 */
record ReportData(PurchaseTable purchases, String source, Granularity granularity) {}
