package org.loyaltykpi.cli;

import java.util.Optional;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * The inputs of a report, loaded once (each with a description of where it came from) and shared by its sections.
 *
 * @param purchases the purchases
 * @param source where the purchases came from
 * @param input what the load did to the purchase file; empty for the sample shop
 * @param granularity the period length of per-period breakdowns
 * @param survey the survey answers, if the report has any
 * @param reviews the reviews, if the report has any
 * @param spend the marketing spend, if the report has any
 * @param program the loyalty-program events, if the report has any
 */
record ReportData(
        PurchaseTable purchases,
        String source,
        Optional<org.loyaltykpi.io.LoadSummary> input,
        Granularity granularity,
        Optional<SurveyInput.Loaded> survey,
        Optional<ReviewInput.Loaded> reviews,
        Optional<SpendInput.Loaded> spend,
        Optional<ProgramInput.Loaded> program) {}
