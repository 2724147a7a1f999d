package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty cohort}: the acquisition-cohort matrix of one metric. */
@Command(
        name = "cohort",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty cohort --granularity month --metric retention",
            "  loyalty cohort --transactions orders.csv --metric ltv --format csv",
            "  loyalty cohort --definition unbounded --brackets 1-3,4-6,7-12 --format json",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Acquisition cohorts (customers by the period of their first purchase) and their activity in each period"
                    + " after acquisition: active customers, retention, purchases, revenue or cumulative revenue per"
                    + " customer (ltv)."
        })
final class CohortCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private GranularityOption granularityOption = GranularityOption.of("Cohort and offset period", Granularity.MONTH);

    @Option(
            names = "--metric",
            paramLabel = "METRIC",
            description = "customers, retention, purchases, revenue or ltv. Default: retention.")
    private CohortMetric metric = CohortMetric.RETENTION;

    @Option(
            names = "--definition",
            paramLabel = "DEFINITION",
            description = "Retention: classic (active in period k) or unbounded (active in k or later)."
                    + " Default: classic.")
    private RetentionDefinition definition = RetentionDefinition.CLASSIC;

    @Option(
            names = "--brackets",
            paramLabel = "FROM-TO",
            split = ",",
            description = "Also bracketed retention over offset ranges, e.g. 1-3,4-6,7-12.")
    private List<OffsetBracket> brackets = List.of();

    @Option(
            names = "--max-offsets",
            paramLabel = "N",
            description = "Text only: show at most N offset columns, so the table fits the terminal. Default: 12.")
    private int maxOffsets = 12;

    @Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.CSV, Format.JSON);

    @Override
    public Integer call() {
        if (maxOffsets < 1) {
            throw new IllegalArgumentException("--max-offsets must be >= 1: " + maxOffsets);
        }
        Format format = formatOption.get("cohort");
        Granularity granularity = granularityOption.get("cohort");
        Loaded<PurchaseTable> loaded = input.load();
        CohortMatrix matrix = CohortCalculator.matrix(loaded.value(), granularity, brackets);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON:
                try (Json json = new Json(out)) {
                    json.beginObject();
                    CohortOutput.json(json, matrix, metric, definition);
                    json.endObject();
                }
                break;
            case CSV:
                out.print(matrix.toCsv(metric, definition));
                break;
            default:
                out.println("Cohorts by " + granularity.name().toLowerCase(Locale.ROOT) + ": " + describe());
                out.println("source: " + loaded.sourceText());
                out.println();
                out.print(CohortOutput.text(matrix, metric, definition, maxOffsets));
                break;
        }
        out.flush();
        return 0;
    }

    private String describe() {
        switch (metric) {
            case CUSTOMERS:
                return "active customers in each period after acquisition";
            case RETENTION:
                return definition == RetentionDefinition.CLASSIC
                        ? "retention, active in period k / cohort size"
                        : "unbounded retention, active in period k or later / cohort size";
            case PURCHASES:
                return "purchases in each period after acquisition";
            case REVENUE:
                return "revenue in each period after acquisition";
            default:
                return "cumulative revenue per cohort customer (LTV curve)";
        }
    }
}
