package org.loyaltykpi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.CommandDocuments;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty retention --period START/END}: the purchase-behaviour metrics of one period. */
@Command(
        name = "retention",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty retention --period 2025-03-01/2025-04-01",
            "  loyalty retention --transactions orders.csv --period 2025 --granularity quarter --format csv",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Retention, churn, repeat purchase rate, cross-category (upsell) rate, purchase frequency and average"
                    + " order value of new and returning customers for a period.",
            "Retention compares the period with the period before it of the same length (or --previous)."
        })
final class RetentionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "START/END",
            description = "The period, ISO dates, end exclusive: 2024-01-01/2024-04-01.")
    private DateRange period;

    @Option(
            names = "--previous",
            paramLabel = "START/END",
            description = "The period to compare with. Default: the one just before --period, of the same length.")
    private Optional<DateRange> previous = Optional.empty();

    @Mixin
    private GranularityOption granularity =
            GranularityOption.breakdown("Also break the period down (--by is its old name)");

    @Option(names = "--by", paramLabel = "GRANULARITY", hidden = true, description = "The old name of --granularity.")
    private void by(Granularity value) {
        granularity.set(value);
    }

    @Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON, Format.CSV)
            .withNote("csv: one row for the period, then one per --granularity period");

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    @Override
    public Integer call() {
        Format format = formatOption.get("retention");
        Optional<Granularity> by = granularity.chosen("retention");
        Loaded<PurchaseTable> loaded = input.load();
        PurchaseBehaviour behaviour =
                RetentionCalculator.behaviour(loaded.value(), previous.orElse(period.previous()), period);
        Optional<List<PurchaseBehaviour>> series =
                by.map(granularity -> RetentionCalculator.series(loaded.value(), period, granularity));
        List<Section> sections = new ArrayList<>();
        sections.add(CommandDocuments.behaviour(behaviour));
        series.ifPresent(s -> sections.add(CommandDocuments.behaviourByPeriod(by.orElseThrow(), s)));
        Document document = CommandOutput.document(
                Message.of(
                        "title.retention",
                        period.toString(),
                        behaviour.previousPeriod().toString()),
                loaded,
                List.of(),
                sections);
        CommandOutput.write(spec, format, lang, out, document, () -> {
            List<PurchaseBehaviour> rows = new ArrayList<>();
            rows.add(behaviour);
            series.ifPresent(rows::addAll);
            return CommandDocuments.behaviourTable(rows);
        });
        return 0;
    }
}
