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
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.document.report.ReportDocument;
import org.loyaltykpi.document.report.ReportSources;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.report.LoyaltyReport;
import org.loyaltykpi.report.ReportInputs;
import org.loyaltykpi.report.ReportOptions;
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
            "The loyalty report (text, JSON or a standalone HTML page): purchase behaviour over the whole range and per period, acquisition cohorts,"
                    + " the customer survey.",
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
            description = "DateRange length of the breakdowns: day, week, month, quarter or year. Default: month.")
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

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Loyalty-program events CSV (customer_id,date,event,points,tier,referred_customer_id)."
                    + " Without it: the sample shop's events when the report runs on the sample shop, else no"
                    + " program section.")
    private Optional<Path> events = Optional.empty();

    /** The report's output formats: the commands' text and JSON, and a standalone HTML page. */
    enum Format {
        text,
        json,
        html
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text, json or html (one standalone page, best with --out). Default: text.")
    private Format format = Format.text;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to a file instead of stdout.")
    private Optional<Path> outFile = Optional.empty();

    @Override
    public Integer call() {
        PurchaseInput.Loaded loaded = input.load();
        PurchaseTable table = loaded.table();
        Optional<SurveyInput.Loaded> survey = SurveyInput.fileOrSampleShop(responses, input, table);
        Optional<ReviewInput.Loaded> reviews = reviewInput.load(input.isSampleShop(), table);
        Optional<SpendInput.Loaded> spend = spendInput.load(input.isSampleShop(), table);
        Optional<ProgramInput.Loaded> program = ProgramInput.load(events, table, input.isSampleShop());
        ReportInputs inputs = new ReportInputs(
                table,
                survey.map(SurveyInput.Loaded::responses),
                reviews.map(ReviewInput.Loaded::reviews),
                spend.map(SpendInput.Loaded::spends),
                program.map(ProgramInput.Loaded::events));
        LoyaltyReport report =
                LoyaltyReport.compute(inputs, ReportOptions.defaults().withGranularity(granularity));
        Document document = ReportDocument.of(
                report,
                new ReportSources(
                        loaded.source(),
                        survey.map(SurveyInput.Loaded::source),
                        reviews.map(ReviewInput.Loaded::source),
                        spend.map(SpendInput.Loaded::source),
                        program.map(ProgramInput.Loaded::source),
                        new LoyaltyCli.Version().getVersion()[0]));
        if (outFile.isPresent()) {
            try (Writer file = Files.newBufferedWriter(outFile.get(), StandardCharsets.UTF_8);
                    PrintWriter out = new PrintWriter(file)) {
                write(out, document);
            } catch (IOException e) {
                throw new UncheckedIOException(outFile.get() + ": cannot write: " + e.getMessage(), e);
            }
        } else {
            write(spec.commandLine().getOut(), document);
        }
        return 0;
    }

    private void write(PrintWriter out, Document document) {
        Messages messages = Messages.english();
        switch (format) {
            case json -> JsonRenderer.render(document, messages, out);
            case html -> writeHtml(out, document, messages);
            case text -> TextRenderer.render(document, messages, out);
        }
        out.flush();
    }

    /** One standalone page: no scripts, no external resources, so it can be mailed or archived as it is. */
    private static void writeHtml(PrintWriter out, Document document, Messages messages) {
        String title = messages.text(document.title());
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\">");
        out.println("<head>");
        out.println("<meta charset=\"utf-8\">");
        out.println("<title>" + Html.escape(title) + "</title>");
        out.println("<style>");
        out.println("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}");
        out.println("h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}");
        out.println("pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:.85em;line-height:1.35}");
        out.println("nav ol{columns:2}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}");
        out.println("dd{margin:0}");
        out.println("</style>");
        out.println("</head>");
        out.println("<body>");
        out.println("<h1>" + Html.escape(title) + "</h1>");
        out.println("<dl>");
        document.about()
                .forEach(f -> out.println("<dt>" + Html.escape(messages.text(f.label())) + "</dt><dd>"
                        + Html.escape(messages.format(f.value())) + "</dd>"));
        out.println("</dl>");
        out.println("<nav><ol>");
        for (Section section : document.sections()) {
            out.println("<li><a href=\"#" + section.id() + "\">" + Html.escape(messages.text(section.title()))
                    + "</a></li>");
        }
        out.println("</ol></nav>");
        List<Section> sections = document.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            out.println("<section id=\"" + section.id() + "\">");
            out.println("<h2>" + (i + 1) + ". " + Html.escape(messages.text(section.title())) + "</h2>");
            out.print("<pre>");
            out.print(Html.escape(TextRenderer.section(section, messages)));
            out.println("</pre>");
            out.println("</section>");
        }
        out.println("</body>");
        out.println("</html>");
    }
}
