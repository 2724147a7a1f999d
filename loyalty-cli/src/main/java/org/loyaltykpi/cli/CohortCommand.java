package org.loyaltykpi.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.report.CohortDocuments;
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
            "  loyalty cohort --metric ltv --format html --out cohorts.html",
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
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON, Format.CSV, Format.HTML)
            .withNote("csv: one row per cohort, columns cohort,period,size,values.0,values.1,...;"
                    + " html: a page with the cohort heatmap");

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    @Override
    public Integer call() {
        if (maxOffsets < 1) {
            throw new IllegalArgumentException("--max-offsets must be >= 1: " + maxOffsets);
        }
        Format format = formatOption.get("cohort");
        Granularity granularity = granularityOption.get("cohort");
        Loaded<PurchaseTable> loaded = input.load();
        CohortMatrix matrix = CohortCalculator.matrix(loaded.value(), granularity, brackets);
        Document document = CommandOutput.document(
                CohortDocuments.title(matrix, metric, definition),
                loaded,
                List.of(),
                CohortDocuments.sections(
                        matrix, metric, definition, format == Format.TEXT ? maxOffsets : Integer.MAX_VALUE));
        CommandOutput.write(spec, format, lang, out, document, () -> CohortDocuments.table(matrix, metric, definition));
        return 0;
    }
}
