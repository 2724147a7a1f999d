package org.loyaltykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Period;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty report}: the whole loyalty report; with no input, on the built-in sample shop. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "The loyalty report: purchase behaviour over the whole range and per period.",
            "Without --transactions it runs on the built-in sample shop."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Option(
            names = "--granularity",
            paramLabel = "GRANULARITY",
            converter = Converters.GranularityConverter.class,
            description = "Period length of the breakdown: day, week, month, quarter or year. Default: month.")
    private Granularity granularity = Granularity.MONTH;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: text.")
    private OutputFormat format = OutputFormat.text;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to a file instead of stdout.")
    private Optional<Path> outFile = Optional.empty();

    @Override
    public Integer call() {
        PurchaseInput.Loaded loaded = input.load();
        PurchaseTable table = loaded.table();
        Optional<Period> range = table.dateRange();
        Optional<PurchaseBehaviour> total = range.map(r -> RetentionCalculator.behaviour(table, r));
        List<PurchaseBehaviour> series = range.map(r -> RetentionCalculator.series(table, r, granularity))
                .orElse(List.of());
        if (outFile.isPresent()) {
            try (Writer file = Files.newBufferedWriter(outFile.get(), StandardCharsets.UTF_8);
                    PrintWriter out = new PrintWriter(file)) {
                write(out, loaded, total, series);
            } catch (IOException e) {
                throw new UncheckedIOException(outFile.get() + ": cannot write: " + e.getMessage(), e);
            }
        } else {
            write(spec.commandLine().getOut(), loaded, total, series);
        }
        return 0;
    }

    private void write(
            PrintWriter out,
            PurchaseInput.Loaded loaded,
            Optional<PurchaseBehaviour> total,
            List<PurchaseBehaviour> series) {
        PurchaseTable table = loaded.table();
        if (format == OutputFormat.json) {
            try (Json json = new Json(out)) {
                json.beginObject().field("source", loaded.source());
                json.beginObject("data")
                        .field("purchases", table.size())
                        .field("customers", table.customerCount())
                        .field(
                                "dateRange",
                                table.dateRange().map(Period::toString).orElse(""))
                        .endObject();
                json.beginObject("purchaseBehaviour");
                if (total.isPresent()) {
                    json.beginObject("total");
                    BehaviourOutput.json(json, total.get());
                    json.endObject();
                }
                BehaviourOutput.jsonSeries(json, "byPeriod", granularity, series);
                json.endObject().endObject();
            }
        } else {
            out.println("LOYALTY REPORT");
            out.println("source:  " + loaded.source());
            out.println("data:    " + BehaviourOutput.count(table.size()) + " purchases, "
                    + BehaviourOutput.count(table.customerCount()) + " customers, "
                    + table.dateRange().map(Period::toString).orElse("no purchases"));
            out.println();
            out.println("1. Purchase behaviour");
            out.println();
            if (total.isEmpty()) {
                out.println("  No purchases: every count is 0 and every rate is undefined.");
            } else {
                out.println("Whole range " + total.get().period() + ":");
                out.print(BehaviourOutput.text(total.get()));
                out.println();
                out.println("By " + granularity.name().toLowerCase(Locale.ROOT)
                        + " (retention and churn against the "
                        + granularity.name().toLowerCase(Locale.ROOT)
                        + " before):");
                out.print(BehaviourOutput.textSeries(series));
            }
        }
        out.flush();
    }
}
