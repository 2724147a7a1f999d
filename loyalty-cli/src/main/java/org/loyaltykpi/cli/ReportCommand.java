package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Messages;
import org.loyaltykpi.document.render.HtmlRenderer;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.document.render.TextRenderer;
import org.loyaltykpi.document.report.ReportDocument;
import org.loyaltykpi.document.report.ReportSources;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
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
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty report",
            "  loyalty report --transactions orders.csv --granularity quarter --format json --out report.json",
            "  loyalty report --transactions orders.csv --responses answers.csv --reviews reviews.csv --spend spend.csv --events events.csv",
            "  loyalty report --format html --out report.html",
            "  loyalty report --format html --lang ru --out report-ru.html",
            "  loyalty report --transactions orders.csv --clv-holdout 26 --format html --out report.html",
        },
        mixinStandardHelpOptions = true,
        description = {
            "The loyalty report (text, JSON or an HTML dashboard with charts that works offline), computed once: purchase behaviour, acquisition"
                    + " cohorts, the customer survey, customer lifetime value, loyalty levels, lifecycle stages, RFM"
                    + " segments, churn risk, review feedback, acquisition value, the loyalty program and KPI targets.",
            "Without --transactions it runs on the built-in sample shop."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private GranularityOption granularityOption =
            GranularityOption.of("Period length of the breakdowns", Granularity.MONTH);

    @Option(
            names = "--clv-holdout",
            paramLabel = "WEEKS",
            description = "Also validate the CLV section's purchase model: fit it again on all but the last WEEKS weeks"
                    + " and compare its expectation with the purchases in them (by calibration frequency, and as a"
                    + " cumulative tracking curve). Default: 0 (no validation).")
    private int clvHoldoutWeeks;

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

    @Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON, Format.HTML)
            .withNote("html: the dashboard, one standalone page with charts that works offline, best with --out");

    @Mixin
    private OutOption out;

    @Mixin
    private LanguageOption lang;

    @Override
    public Integer call() {
        if (clvHoldoutWeeks < 0) {
            throw new IllegalArgumentException("--clv-holdout must be >= 0 weeks: " + clvHoldoutWeeks);
        }
        Format format = formatOption.get("report");
        Granularity granularity = granularityOption.get("report");
        Progress progress = Progress.of(spec);
        Loaded<PurchaseTable> loaded = input.load();
        PurchaseTable table = loaded.value();
        progress.step("loading the other inputs");
        Optional<Loaded<List<SurveyResponse>>> survey = SurveyInput.fileOrSampleShop(responses, input, table);
        Optional<Loaded<List<Review>>> reviews = reviewInput.load(input, table);
        Optional<Loaded<List<MarketingSpend>>> spend = spendInput.load(input, table);
        Optional<Loaded<List<ProgramEvent>>> program = ProgramInput.load(events, table, input);
        ReportInputs inputs = new ReportInputs(
                table,
                survey.map(Loaded::value),
                reviews.map(Loaded::value),
                spend.map(Loaded::value),
                program.map(Loaded::value));
        progress.step(String.format(Locale.ROOT, "computing the report on %,d purchases", table.size()));
        LoyaltyReport report = LoyaltyReport.compute(
                inputs, ReportOptions.defaults().withGranularity(granularity).withClvHoldoutWeeks(clvHoldoutWeeks));
        Document document = ReportDocument.of(
                report,
                new ReportSources(
                        loaded.sourceText(),
                        survey.map(Loaded::source),
                        reviews.map(Loaded::source),
                        spend.map(Loaded::source),
                        program.map(Loaded::source),
                        new LoyaltyCli.Version().getVersion()[0]));
        if (loaded.summary().isPresent()) {
            document = document.withInput(loaded.summary().get());
        }
        progress.step("rendering");
        Document rendered = document;
        out.write(spec, w -> {
            switch (format) {
                case JSON -> JsonRenderer.render(rendered, Messages.english(), w);
                case HTML -> HtmlRenderer.render(rendered, lang.messages(), w);
                default -> TextRenderer.render(rendered, lang.messages(), w);
            }
        });
        return 0;
    }
}
