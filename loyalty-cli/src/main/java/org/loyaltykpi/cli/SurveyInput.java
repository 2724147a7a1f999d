package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.SurveyCsv;
import org.loyaltykpi.io.SurveyCsvOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The survey-answers input options of {@code loyalty survey} (the CLI contract in the README). */
final class SurveyInput {

    /** The command this input belongs to, for warnings about skipped rows. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--responses",
            paramLabel = "FILE",
            description = "Survey answers CSV: respondent_id,date,question,score[,segment][,weight]."
                    + " Without it, the built-in sample shop's answers are used.")
    private Optional<Path> responses = Optional.empty();

    @Mixin
    private CsvLayout layout;

    @Option(
            names = "--respondent-col",
            paramLabel = "COL",
            description = "Respondent id column: header name or 1-based number. Default: respondent_id.")
    private String respondentColumn = SurveyCsvOptions.RESPONDENT;

    @Option(names = "--date-col", paramLabel = "COL", description = "Date column. Default: date.")
    private String dateColumn = SurveyCsvOptions.DATE;

    @Option(names = "--question-col", paramLabel = "COL", description = "Question column. Default: question.")
    private String questionColumn = SurveyCsvOptions.QUESTION;

    @Option(names = "--score-col", paramLabel = "COL", description = "Score column. Default: score.")
    private String scoreColumn = SurveyCsvOptions.SCORE;

    @Option(
            names = "--segment-col",
            paramLabel = "COL",
            description = "Segment column. Default: 'segment' if the header has it, else none.")
    private Optional<String> segmentColumn = Optional.empty();

    @Option(
            names = "--weight-col",
            paramLabel = "COL",
            description = "Weight column (weighted NPS). Default: 'weight' if the header has it, else 1.")
    private Optional<String> weightColumn = Optional.empty();

    @Option(
            names = "--scale",
            paramLabel = "QUESTION=MIN..MAX",
            description = "The scale of a question, repeatable (e.g. --scale csat=1..7). Default by name: nps* 0..10,"
                    + " csat* 1..5, ces* 1..7, csi:ATTRIBUTE 0..10.")
    private Map<String, String> scales = Map.of();

    @Option(
            names = "--default-scale",
            paramLabel = "MIN..MAX",
            description = "The scale of questions of no known kind. Default: none (such rows are errors).")
    private Optional<String> defaultScale = Optional.empty();

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            converter = Converters.ZoneConverter.class,
            description = "Date-times with an offset or zone (2024-03-05T14:22:10Z) become their calendar date in ZONE"
                    + " (Europe/Berlin, UTC, +01:00). Default: the date as written.")
    private Optional<java.time.ZoneId> timeZone = Optional.empty();

    SurveyCsvOptions csvOptions() {
        SurveyCsvOptions options = SurveyCsvOptions.defaults()
                .withDelimiter(layout.delimiter)
                .withHeader(!layout.noHeader)
                .withColumns(
                        ColumnRef.parse(respondentColumn),
                        ColumnRef.parse(dateColumn),
                        ColumnRef.parse(questionColumn),
                        ColumnRef.parse(scoreColumn))
                .withDatePattern(layout.datePattern());
        if (segmentColumn.isPresent()) {
            options = options.withSegmentColumn(ColumnRef.parse(segmentColumn.get()));
        }
        if (weightColumn.isPresent()) {
            options = options.withWeightColumn(ColumnRef.parse(weightColumn.get()));
        }
        for (Map.Entry<String, String> e : scales.entrySet()) {
            options = options.withScale(e.getKey(), Scale.parse(e.getValue()));
        }
        if (defaultScale.isPresent()) {
            options = options.withDefaultScale(Scale.parse(defaultScale.get()));
        }
        if (timeZone.isPresent()) {
            options = options.withTimeZone(timeZone.get());
        }
        return options;
    }

    Loaded<List<SurveyResponse>> load() {
        SurveyCsvOptions options = csvOptions();
        if (responses.isEmpty()) {
            return sampleShop();
        }
        Path file = responses.get();
        CsvRead<List<SurveyResponse>> read =
                SurveyCsv.readSkippingBadRows(CsvLayout.existing(file), options, layout.maxBadRows);
        return Loaded.of(
                layout.accept(
                        read, command.qualifiedName(), command.commandLine().getErr()),
                CsvLayout.source(file, read));
    }

    static Loaded<List<SurveyResponse>> sampleShop() {
        return sampleShop(SampleShop.standard().purchases());
    }

    /** The sample shop's answers, from its purchases generated already. */
    static Loaded<List<SurveyResponse>> sampleShop(PurchaseTable table) {
        SampleShop shop = SampleShop.standard();
        return Loaded.of(
                shop.surveyResponses(table),
                "built-in sample shop's survey (seed " + shop.seed() + ", " + shop.customers() + " customers; 'loyalty"
                        + " sample --responses-out FILE' writes it as CSV)");
    }

    /**
     * The answers of a command that takes a plain {@code --responses FILE} (default layout): the file if given, else
     * the sample shop's when the purchases are the sample shop's, else none.
     */
    static Optional<Loaded<List<SurveyResponse>>> fileOrSampleShop(
            Optional<Path> file, PurchaseInput purchases, PurchaseTable table) {
        OtherInputs others = purchases.otherInputs();
        return CsvLayout.fileOrSampleShop(
                file,
                purchases.isSampleShop(),
                f -> {
                    CsvRead<List<SurveyResponse>> read =
                            SurveyCsv.readSkippingBadRows(f, others.survey(), others.maxBadRows());
                    return Loaded.of(others.accept(read), OtherInputs.source(f, read));
                },
                () -> sampleShop(table));
    }

    static Loaded<List<SurveyResponse>> read(Path file, SurveyCsvOptions options) {
        return Loaded.of(SurveyCsv.read(CsvLayout.existing(file), options), file.toString());
    }
}
