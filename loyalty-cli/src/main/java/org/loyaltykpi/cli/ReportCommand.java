package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
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

    /** The sections, in report order. */
    private static final List<ReportSection> SECTIONS = List.of(
            new BehaviourSection(),
            new CohortSection(),
            new SurveySection(),
            new ClvSection(),
            new LoyaltyLevelsSection(),
            new LifecycleSection(),
            new RfmSegmentsSection(),
            new ChurnRiskSection(),
            new FeedbackSection(),
            new ValueSection(),
            new ProgramSection(),
            new TargetsSection());

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
        ReportData data = new ReportData(
                loaded.table(),
                loaded.source(),
                granularity,
                SurveyInput.fileOrSampleShop(responses, input, loaded.table()),
                reviewInput.load(input.isSampleShop(), loaded.table()),
                spendInput.load(input.isSampleShop(), loaded.table()),
                ProgramInput.load(events, loaded.table(), input.isSampleShop()));
        if (outFile.isPresent()) {
            OutputFiles.write(outFile.get(), out -> write(out, data));
        } else {
            write(spec.commandLine().getOut(), data);
        }
        return 0;
    }

    private void write(PrintWriter out, ReportData data) {
        switch (format) {
            case json -> writeJson(out, data);
            case html -> writeHtml(out, data);
            case text -> writeText(out, data);
        }
        out.flush();
    }

    private static String dataLine(PurchaseTable table) {
        return BehaviourOutput.count(table.size()) + " purchases, " + BehaviourOutput.count(table.customerCount())
                + " customers, " + table.dateRange().map(DateRange::toString).orElse("no purchases");
    }

    private static void writeText(PrintWriter out, ReportData data) {
        out.println("LOYALTY REPORT");
        out.println("source:  " + data.source());
        out.println("data:    " + dataLine(data.purchases()));
        for (int i = 0; i < SECTIONS.size(); i++) {
            out.println();
            out.println((i + 1) + ". " + SECTIONS.get(i).title());
            out.println();
            SECTIONS.get(i).writeText(data, out);
        }
    }

    private static void writeJson(PrintWriter out, ReportData data) {
        PurchaseTable table = data.purchases();
        try (Json json = new Json(out)) {
            json.beginObject().field("source", data.source());
            json.beginObject("data")
                    .field("purchases", table.size())
                    .field("customers", table.customerCount())
                    .field(
                            "dateRange",
                            table.dateRange().map(DateRange::toString).orElse(""))
                    .endObject();
            for (ReportSection section : SECTIONS) {
                json.name(section.jsonName());
                section.writeJson(data, json);
            }
            json.endObject();
        }
    }

    /** One standalone page: no scripts, no external resources, so it can be mailed or archived as it is. */
    private static void writeHtml(PrintWriter out, ReportData data) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\">");
        out.println("<head>");
        out.println("<meta charset=\"utf-8\">");
        out.println("<title>Loyalty report: " + Html.escape(data.source()) + "</title>");
        out.println("<style>");
        out.println("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}");
        out.println("h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}");
        out.println("pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:.85em;line-height:1.35}");
        out.println("nav ol{columns:2}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}");
        out.println("dd{margin:0}");
        out.println("</style>");
        out.println("</head>");
        out.println("<body>");
        out.println("<h1>Loyalty report</h1>");
        out.println("<dl><dt>source</dt><dd>" + Html.escape(data.source()) + "</dd><dt>data</dt><dd>"
                + Html.escape(dataLine(data.purchases())) + "</dd></dl>");
        out.println("<nav><ol>");
        for (ReportSection section : SECTIONS) {
            out.println("<li><a href=\"#" + section.jsonName() + "\">" + Html.escape(section.title()) + "</a></li>");
        }
        out.println("</ol></nav>");
        for (int i = 0; i < SECTIONS.size(); i++) {
            ReportSection section = SECTIONS.get(i);
            out.println("<section id=\"" + section.jsonName() + "\">");
            out.println("<h2>" + (i + 1) + ". " + Html.escape(section.title()) + "</h2>");
            section.writeHtml(data, out);
            out.println("</section>");
        }
        out.println("</body>");
        out.println("</html>");
    }
}
