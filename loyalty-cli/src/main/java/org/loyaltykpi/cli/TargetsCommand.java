package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.CommandDocuments;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.target.KpiSeries;
import org.loyaltykpi.target.KpiTargets;
import org.loyaltykpi.target.TargetEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty targets}: the seed's KPI targets judged per period (met, on track, missed, no data). */
@Command(
        name = "targets",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty targets",
            "  loyalty targets --transactions orders.csv --responses answers.csv --granularity year --format csv",
        },
        mixinStandardHelpOptions = true,
        description = {
            "The seed's KPI targets per period: satisfaction (CSAT top-two-box share) at least 80%%, retention"
                    + " (behavioural, %%) 95 rising 2 points a year, NPS 70 rising 5 points a year, positive reviews"
                    + " growing 10%% a year. Status: MET, ON_TRACK (below the level but on the pro-rata path to this"
                    + " year's step), MISSED, NO_DATA (no value: never guessed). Targets start with the first period.",
            "Without --transactions it runs on the built-in sample shop (and its survey answers)."
        })
final class TargetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private ReviewInput reviewInput;

    @Option(
            names = "--responses",
            paramLabel = "FILE",
            description = "Survey answers CSV (respondent_id,date,question,score[,segment][,weight]) for the NPS and"
                    + " satisfaction series. Default: the sample shop's answers on the sample shop, else none.")
    private Optional<Path> responses = Optional.empty();

    @picocli.CommandLine.Mixin
    private GranularityOption granularityOption = GranularityOption.of("Period length", Granularity.QUARTER);

    @picocli.CommandLine.Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.CSV, Format.JSON);

    @picocli.CommandLine.Mixin
    private LanguageOption lang;

    @picocli.CommandLine.Mixin
    private OutOption out;

    @Override
    public Integer call() {
        Format format = formatOption.get("targets");
        Granularity granularity = granularityOption.get("targets");
        Loaded<PurchaseTable> loaded = input.load();
        Optional<List<SurveyResponse>> survey =
                SurveyInput.fileOrSampleShop(responses, input, loaded.value()).map(Loaded::value);
        Optional<List<Review>> reviews = reviewInput.load(input, loaded.value()).map(Loaded::value);
        PurchaseTable table = loaded.value();
        List<TargetEvaluation> evaluations = KpiTargets.seedDefaults()
                .evaluate(
                        KpiSeries.of(
                                table.dateRange()
                                        .map(r -> RetentionCalculator.series(table, r, granularity))
                                        .orElse(List.of()),
                                survey.map(a -> SurveyCalculator.byPeriod(a, granularity, SurveyOptions.defaults())),
                                reviews.map(r -> FeedbackCalculator.series(r, granularity))),
                        table.dateRange().map(granularity::periodsCovering).orElse(List.of()));
        Section section = CommandDocuments.targets(granularity, evaluations);
        Document document = CommandOutput.document(
                Message.of("title.targets", GranularityOption.code(granularity)), loaded, List.of(), List.of(section));
        CommandOutput.write(
                spec, format, lang, out, document, () -> section.tables().get(1));
        return 0;
    }
}
