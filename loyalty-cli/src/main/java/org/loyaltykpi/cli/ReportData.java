package org.loyaltykpi.cli;

import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.program.ProgramEvent;
import org.loyaltykpi.survey.SurveyResponse;

/**
 * The inputs of a report, loaded once and shared by its sections.
 *
 * @param purchases the purchases
 * @param source where the purchases came from
 * @param granularity the period length of per-period breakdowns
 * @param survey the survey answers, if the report has any
 * @param reviews the reviews, if the report has any
 * @param spend the marketing spend, if the report has any
 * @param program the loyalty-program events, if the report has any
 */
record ReportData(
        PurchaseTable purchases,
        String source,
        Granularity granularity,
        Optional<Survey> survey,
        Optional<ReviewInput.Loaded> reviews,
        Optional<SpendInput.Loaded> spend,
        Optional<Program> program) {

    /**
     * Survey answers and where they came from.
     *
     * @param responses the answers
     * @param source where they came from
     */
    record Survey(List<SurveyResponse> responses, String source) {}

    /**
     * Loyalty-program events and where they came from.
     *
     * @param events the events
     * @param source where they came from
     */
    record Program(List<ProgramEvent> events, String source) {}
}
