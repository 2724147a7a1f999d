package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.RetentionDefinition;

/** The cohort section: retention and the LTV curve of acquisition cohorts at the report's granularity. */
final class CohortSection implements ReportSection {
    private static final int TEXT_OFFSETS = 12;

    @Override
    public String title() {
        return "Acquisition cohorts";
    }

    @Override
    public String jsonName() {
        return "cohorts";
    }

    private static CohortMatrix matrix(ReportData data) {
        return CohortCalculator.matrix(data.purchases(), data.granularity());
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        CohortMatrix matrix = matrix(data);
        String unit = data.granularity().name().toLowerCase(Locale.ROOT);
        out.println("Retention by " + unit + " of acquisition (active in the k-th " + unit + " after / cohort size):");
        out.print(CohortOutput.text(matrix, CohortMetric.RETENTION, RetentionDefinition.CLASSIC, TEXT_OFFSETS));
        if (matrix.cohortCount() > 0) {
            out.println();
            out.println("Cumulative revenue per cohort customer (LTV curve):");
            out.print(CohortOutput.text(matrix, CohortMetric.LTV, RetentionDefinition.CLASSIC, TEXT_OFFSETS));
        }
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        CohortMatrix matrix = matrix(data);
        json.beginObject();
        json.beginObject("retention");
        CohortOutput.json(json, matrix, CohortMetric.RETENTION, RetentionDefinition.CLASSIC);
        json.endObject();
        json.beginObject("ltv");
        CohortOutput.json(json, matrix, CohortMetric.LTV, RetentionDefinition.CLASSIC);
        json.endObject();
        json.endObject();
    }
}
