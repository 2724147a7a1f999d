package org.loyaltykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Period;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.SurveyCsvOptions;
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
            "The loyalty report: purchase behaviour over the whole range and per period, acquisition cohorts,"
                    + " the customer survey.",
            "Without --transactions it runs on the built-in sample shop."
        })
final class ReportCommand implements Callable<Integer> {

    /** The sections, in report order. */
    private static final List<ReportSection> SECTIONS = List.of(
            new BehaviourSection(),
            new CohortSection(),
            new SurveySection(),
            new ClvSection(),
            new FeedbackSection(),
            new ValueSection());

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Option(
            names = "--granularity",
            paramLabel = "GRANULARITY",
            converter = Converters.GranularityConverter.class,
            description = "Period length of the breakdowns: day, week, month, quarter or year. Default: month.")
    private Granularity granularity = Granularity.MONTH;

    @Option(
            names = "--responses",
            paramLabel = "FILE",
            description = "Survey answers CSV (respondent_id,date,question,score[,segment][,weight]; default layout,"
                    + " see 'loyalty survey' for others). Without it: the sample shop's answers when the report runs"
                    + " on the sample shop, else no survey section.")
    private Optional<Path> responses = Optional.empty();

    @Mixin
    private ReviewInput reviewInput;

    @Mixin
    private SpendInput spendInput;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: text.")
    private OutputFormat format = OutputFormat.text;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to a file instead of stdout.")
    private Optional<Path> outFile = Optional.empty();

    @Override
    public Integer call() {
        PurchaseInput.Loaded loaded = input.load();
        Optional<SurveyInput.Loaded> survey = responses.isPresent()
                ? Optional.of(SurveyInput.read(responses.get(), SurveyCsvOptions.defaults()))
                : input.isSampleShop() ? Optional.of(SurveyInput.sampleShop()) : Optional.empty();
        ReportData data = new ReportData(
                loaded.table(),
                loaded.source(),
                granularity,
                survey.map(s -> new ReportData.Survey(s.responses(), s.source())),
                reviewInput.load(input.isSampleShop(), loaded.table()),
                spendInput.load(input.isSampleShop(), loaded.table()));
        if (outFile.isPresent()) {
            try (Writer file = Files.newBufferedWriter(outFile.get(), StandardCharsets.UTF_8);
                    PrintWriter out = new PrintWriter(file)) {
                write(out, data);
            } catch (IOException e) {
                throw new UncheckedIOException(outFile.get() + ": cannot write: " + e.getMessage(), e);
            }
        } else {
            write(spec.commandLine().getOut(), data);
        }
        return 0;
    }

    private void write(PrintWriter out, ReportData data) {
        PurchaseTable table = data.purchases();
        if (format == OutputFormat.json) {
            try (Json json = new Json(out)) {
                json.beginObject().field("source", data.source());
                json.beginObject("data")
                        .field("purchases", table.size())
                        .field("customers", table.customerCount())
                        .field(
                                "dateRange",
                                table.dateRange().map(Period::toString).orElse(""))
                        .endObject();
                for (ReportSection section : SECTIONS) {
                    json.name(section.jsonName());
                    section.writeJson(data, json);
                }
                json.endObject();
            }
        } else {
            out.println("LOYALTY REPORT");
            out.println("source:  " + data.source());
            out.println("data:    " + BehaviourOutput.count(table.size()) + " purchases, "
                    + BehaviourOutput.count(table.customerCount()) + " customers, "
                    + table.dateRange().map(Period::toString).orElse("no purchases"));
            for (int i = 0; i < SECTIONS.size(); i++) {
                out.println();
                out.println((i + 1) + ". " + SECTIONS.get(i).title());
                out.println();
                SECTIONS.get(i).writeText(data, out);
            }
        }
        out.flush();
    }
}
