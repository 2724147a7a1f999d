package org.loyaltykpi.cli;

import java.util.Locale;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.domain.Ratio;

/** Text and JSON renderings of a cohort matrix, shared by {@code cohort} and {@code report}. */
final class CohortOutput {
    private CohortOutput() {}

    static String text(CohortMatrix matrix, CohortMetric metric, RetentionDefinition definition, int maxOffsets) {
        if (matrix.cohortCount() == 0) {
            return "  No purchases: no cohorts.\n";
        }
        String note = matrix.offsetCount() > maxOffsets
                ? "(offsets +" + maxOffsets + " to +" + (matrix.offsetCount() - 1)
                        + " not shown: --max-offsets, --format csv or json show them)\n"
                : "";
        return matrix.render(metric, definition, maxOffsets) + note + bracketsText(matrix);
    }

    /** Writes the fields of the cohort JSON (README) into the current object. */
    static void json(Json json, CohortMatrix matrix, CohortMetric metric, RetentionDefinition definition) {
        json.field("granularity", matrix.granularity().name())
                .field("metric", metric.name().toLowerCase(Locale.ROOT));
        if (metric == CohortMetric.RETENTION) {
            json.field("definition", definition.name().toLowerCase(Locale.ROOT));
        }
        json.field("lastPeriod", matrix.lastPeriod().map(p -> p.label()).orElse(""));
        json.beginArray("cohorts");
        for (int c = 0; c < matrix.cohortCount(); c++) {
            json.beginObject()
                    .field("cohort", matrix.cohort(c).label())
                    .field("period", matrix.cohort(c).toString())
                    .field("size", matrix.size(c));
            json.beginArray("values");
            for (int k = 0; k < matrix.observedOffsets(c); k++) {
                switch (metric) {
                    case CUSTOMERS:
                        json.value(matrix.activeCustomers(c, k));
                        break;
                    case PURCHASES:
                        json.value(matrix.purchases(c, k));
                        break;
                    case REVENUE:
                        json.value(matrix.revenue(c, k));
                        break;
                    default:
                        json.value(matrix.value(metric, definition, c, k));
                        break;
                }
            }
            json.endArray();
            if (!matrix.brackets().isEmpty()) {
                json.beginObject("brackets");
                for (int b = 0; b < matrix.brackets().size(); b++) {
                    json.field(matrix.brackets().get(b).toString(), bracketValue(matrix, c, b));
                }
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
        if (metric == CohortMetric.RETENTION) {
            json.beginArray("average");
            for (Ratio r : matrix.averageRetention(definition)) {
                json.value(r.value().orElseThrow());
            }
            json.endArray();
        }
    }

    /** Renders bracketed retention below a matrix. */
    private static String bracketsText(CohortMatrix matrix) {
        if (matrix.brackets().isEmpty() || matrix.cohortCount() == 0) {
            return "";
        }
        String[] header = new String[matrix.brackets().size() + 1];
        header[0] = "cohort";
        for (int b = 0; b < matrix.brackets().size(); b++) {
            header[b + 1] = "+" + matrix.brackets().get(b);
        }
        TextTable table = new TextTable(header);
        for (int c = 0; c < matrix.cohortCount(); c++) {
            String[] row = new String[header.length];
            row[0] = matrix.cohort(c).label();
            for (int b = 0; b < matrix.brackets().size(); b++) {
                row[b + 1] = matrix.bracketedRetention(c, b)
                        .map(BehaviourOutput::percent)
                        .orElse("");
            }
            table.row(row);
        }
        return "\nBracketed retention (active in at least one period of the range / cohort size):\n" + table.render("");
    }

    /** JSON of a bracketed retention value. */
    private static java.util.OptionalDouble bracketValue(CohortMatrix matrix, int cohort, int bracket) {
        return matrix.bracketedRetention(cohort, bracket).map(Ratio::value).orElse(java.util.OptionalDouble.empty());
    }
}
