package org.loyaltykpi.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.report.ReportDocument;
import org.loyaltykpi.document.report.SurveyDocuments;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.survey.CsiMethod;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.survey.SurveySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty survey}: NPS, CSAT, CES and CSI with confidence intervals, overall and broken down. */
@Command(
        name = "survey",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty survey",
            "  loyalty survey --responses answers.csv --by segment --format json",
            "  loyalty survey --responses answers.csv --by quarter --format csv",
        },
        mixinStandardHelpOptions = true,
        description = {
            "NPS (adjusted-Wald interval), CSAT (top-two-box share, Wilson interval), CES (mean effort, Student-t"
                    + " interval) and the CSI (importance-weighted attribute scores) of survey answers.",
            "A question's name says what it measures: nps, csat, ces, csi:ATTRIBUTE (e.g. csi:delivery).",
            "Without --responses it runs on the built-in sample shop's answers."
        })
final class SurveyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private QuietOption quiet;

    @Mixin
    private SurveyInput input;

    @Option(
            names = "--by",
            paramLabel = "BY",
            description = "Also break down by segment, or by period: day, week, month, quarter or year.")
    private Optional<String> by = Optional.empty();

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "Confidence level of every interval, in (0, 1). Default: 0.95.")
    private double level = 0.95;

    @Option(
            names = "--csi-method",
            paramLabel = "METHOD",
            description = "CSI attribute score: nps (NPS-style, -100..100; answers on 0..10) or mean (mean rescaled"
                    + " to 0..100). Default: nps.")
    private CsiMethod csiMethod = CsiMethod.NPS;

    @Option(
            names = "--importance",
            paramLabel = "ATTRIBUTE=WEIGHT",
            description = "Importance of a CSI attribute, repeatable (e.g. --importance price=2). Default: equal.")
    private Map<String, Double> importance = Map.of();

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    @Mixin
    private FormatOption formatOption = FormatOption.of(Format.TEXT, Format.JSON, Format.CSV)
            .withNote("csv: one row for all answers, then one per --by group");

    private static Granularity granularity(String text) {
        try {
            return Granularity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--by must be segment, day, week, month, quarter or year: '" + text + "'", e);
        }
    }

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level must be in (0, 1), e.g. 0.95: " + level);
        }
        Format format = formatOption.get("survey");
        Optional<Granularity> period =
                by.filter(b -> !b.strip().equalsIgnoreCase("segment")).map(SurveyCommand::granularity);
        SurveyOptions options =
                SurveyOptions.defaults().withCsiMethod(csiMethod).withCsiImportance(importance);
        Progress progress = Progress.of(spec);
        progress.step("reading the survey answers");
        Loaded<List<SurveyResponse>> loaded = input.load();
        progress.step(String.format(
                Locale.ROOT, "computing on %,d answers", loaded.value().size()));
        SurveySummary summary = SurveyCalculator.summarize(loaded.value(), options);
        Optional<List<SurveyGroup>> groups = by.map(b -> period.isPresent()
                ? SurveyCalculator.byPeriod(loaded.value(), period.get(), options)
                : SurveyCalculator.bySegment(loaded.value(), options));
        String byName = period.map(g -> g.name().toLowerCase(Locale.ROOT)).orElse("segment");
        Document document = CommandOutput.document(
                SurveyDocuments.title(summary),
                loaded,
                List.of(),
                SurveyDocuments.sections(summary, by.map(b -> byName), groups.orElse(List.of()), level));
        CommandOutput.write(spec, format, lang, out, document, () -> {
            List<SurveyGroup> rows = new java.util.ArrayList<>();
            rows.add(new SurveyGroup("all", Optional.empty(), Optional.empty(), summary));
            groups.ifPresent(rows::addAll);
            return ReportDocument.surveyTable("survey", Message.of("section.survey"), rows, level);
        });
        return 0;
    }
}
