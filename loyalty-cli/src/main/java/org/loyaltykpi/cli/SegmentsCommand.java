package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loyaltykpi.cli.FormatOption.Format;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.report.SegmentDocuments;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.segment.Attitude;
import org.loyaltykpi.segment.ChurnRiskOptions;
import org.loyaltykpi.segment.ChurnRiskReport;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.LifecycleStages;
import org.loyaltykpi.segment.LoyaltyLevels;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.SegmentCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loyalty segments}: loyalty levels, lifecycle stages, RFM segments and churn risk as of a day. */
@Command(
        name = "segments",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loyalty segments",
            "  loyalty segments --view levels --as-of 2025-01-01 --format csv",
            "  loyalty segments --view churn --model bg-nbd --p-alive-below 0.3 --format json",
        },
        mixinStandardHelpOptions = true,
        description = {
            "Customer segments as of a day (data before it): Dick & Basu loyalty levels (attitude from survey answers"
                    + " and reviews"
                    + " x repeat purchasing), lifecycle stages with their flow per period, RFM scores and named"
                    + " segments, churn-risk flags with reasons.",
            "Without --transactions it runs on the built-in sample shop, its survey answers and reviews. --format csv prints"
                    + " one row per customer; json has every period's flows and every flagged customer."
        })
final class SegmentsCommand implements Callable<Integer> {

    /** The views of the command. */
    enum View {
        levels,
        lifecycle,
        rfm,
        churn,
        all
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private PurchaseInput input;

    @Mixin
    private ReviewInput reviewInput;

    @Option(
            names = "--responses",
            paramLabel = "FILE",
            description = "Survey answers CSV (respondent_id,date,question,score[,segment][,weight]); NPS and CSAT"
                    + " answers give the attitude of loyalty levels, any answer makes a prospect. Default: the"
                    + " sample shop's answers on the sample shop, else none (every attitude unknown).")
    private Optional<Path> responses = Optional.empty();

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "The day of the segments (exclusive: data before it). Default: the day after the last"
                    + " purchase.")
    private Optional<LocalDate> asOf = Optional.empty();

    @Option(names = "--view", paramLabel = "VIEW", description = "levels, lifecycle, rfm, churn or all. Default: all.")
    private View view = View.all;

    @picocli.CommandLine.Mixin
    private FormatOption formatOption =
            FormatOption.of(Format.TEXT, Format.CSV, Format.JSON).withNote("csv: one row per customer");

    @Option(
            names = "--behaviour-window-days",
            paramLabel = "DAYS",
            description = "Levels: the window of repeat purchasing. Default: 365.")
    private int behaviourWindowDays = LevelOptions.defaults().behaviourWindowDays();

    @Option(
            names = "--min-purchase-days",
            paramLabel = "N",
            description = "Levels: purchase days in the window for high repeat purchasing, >= 2. Default: 4.")
    private int minPurchaseDays = LevelOptions.defaults().minPurchaseDays();

    @Option(
            names = "--churn-window-days",
            paramLabel = "DAYS",
            description = "Levels: a detractor or negative reviewer without a purchase for this long is negative."
                    + " Default: 180.")
    private int churnWindowDays = LevelOptions.defaults().churnWindowDays();

    @Option(
            names = "--passive",
            paramLabel = "ATTITUDE",
            description = "Levels: the attitude of NPS passives (7-8), low or high. Default: low.")
    private String passive = "low";

    @Option(
            names = "--at-risk-days",
            paramLabel = "DAYS",
            description = "Lifecycle: at risk after this many days without a purchase. Default: 90.")
    private int atRiskDays = LifecycleOptions.defaults().atRiskDays();

    @Option(
            names = "--lapsed-days",
            paramLabel = "DAYS",
            description = "Lifecycle: lapsed after this many days without a purchase. Default: 180.")
    private int lapsedDays = LifecycleOptions.defaults().lapsedDays();

    @Option(
            names = "--loyal",
            paramLabel = "N/M/DAYS",
            description = "Lifecycle: loyal = purchases in N of the last M windows of DAYS days. Default: 3/4/90.")
    private String loyal = "3/4/90";

    @picocli.CommandLine.Mixin
    private GranularityOption granularityOption =
            GranularityOption.of("Lifecycle: the periods of the stage counts and flows", Granularity.MONTH);

    @Option(
            names = "--recent-window-days",
            paramLabel = "DAYS",
            description = "Churn: the recent window compared with the customer's earlier rate. Default: 90.")
    private int recentWindowDays = ChurnRiskOptions.defaults().recentWindowDays();

    @Option(
            names = "--declining-ratio",
            paramLabel = "RATIO",
            description = "Churn: recent over expected activity below this is declining, in (0, 1]. Default: 0.5.")
    private double decliningRatio = ChurnRiskOptions.defaults().decliningRatio();

    @Option(
            names = "--no-repeat-days",
            paramLabel = "DAYS",
            description = "Churn: a one-time buyer is flagged this many days after its purchase. Default: 90.")
    private int noRepeatDays = ChurnRiskOptions.defaults().noRepeatDays();

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Churn: fit bg-nbd, mbg-nbd or pareto-nbd on the purchases before the day and flag"
                    + " P(alive) below --p-alive-below. Default: none.")
    private Optional<ClvModels.Model> model = Optional.empty();

    @Option(
            names = "--time-unit",
            paramLabel = "UNIT",
            description = "Churn: the time unit of the --model fit. Default: weeks.")
    private TimeScale timeUnit = TimeScale.WEEKS;

    @Option(
            names = "--p-alive-below",
            paramLabel = "P",
            description = "Churn: the P(alive) threshold, in (0, 1]. Default: 0.5.")
    private double pAliveBelow = ChurnRiskOptions.defaults().pAliveThreshold();

    @Option(
            names = "--list",
            paramLabel = "N",
            description =
                    "Text: list at most N flagged customers, the first in id order (JSON lists all). Default: 10.")
    private int listed = 10;

    @Option(
            names = "--transition-periods",
            paramLabel = "N",
            description = "Text: show the flow between lifecycle stages of the latest N periods (JSON shows every"
                    + " period). Default: 1.")
    private int transitionPeriods = 1;

    @Mixin
    private LanguageOption lang;

    @Mixin
    private OutOption out;

    LevelOptions levelOptions() {
        String p = passive.strip().toLowerCase(Locale.ROOT);
        if (!p.equals("low") && !p.equals("high")) {
            throw new IllegalArgumentException("--passive must be low or high: '" + passive + "'");
        }
        return new LevelOptions(
                behaviourWindowDays, minPurchaseDays, churnWindowDays, p.equals("low") ? Attitude.LOW : Attitude.HIGH);
    }

    LifecycleOptions lifecycleOptions() {
        String[] parts = loyal.strip().split("/");
        try {
            if (parts.length == 3) {
                return new LifecycleOptions(
                        atRiskDays,
                        lapsedDays,
                        Integer.parseInt(parts[2].strip()),
                        Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--loyal must be N/M/DAYS with whole numbers, e.g. 3/4/90: '" + loyal + "'");
    }

    ChurnRiskOptions churnOptions() {
        return new ChurnRiskOptions(recentWindowDays, decliningRatio, noRepeatDays, pAliveBelow);
    }

    private boolean shows(View v) {
        return view == View.all || view == v;
    }

    @Override
    public Integer call() {
        if (listed < 0) {
            throw new IllegalArgumentException("--list must be >= 0: " + listed);
        }
        if (transitionPeriods < 0) {
            throw new IllegalArgumentException("--transition-periods must be >= 0: " + transitionPeriods);
        }
        Format format = formatOption.get("segments");
        Granularity granularity = granularityOption.get("segments");
        LevelOptions levelOptions = levelOptions();
        LifecycleOptions lifecycleOptions = lifecycleOptions();
        ChurnRiskOptions churnOptions = churnOptions();
        Loaded<PurchaseTable> loaded = input.load();
        PurchaseTable table = loaded.value();
        LocalDate day = asOf.orElseGet(() -> {
            if (table.isEmpty()) {
                throw new IllegalArgumentException("no purchases: give --as-of DATE");
            }
            return LocalDate.ofEpochDay(table.maxEpochDay() + 1L);
        });
        List<SurveyResponse> answers = SurveyInput.fileOrSampleShop(responses, input, table)
                .map(Loaded::value)
                .orElse(List.of());
        List<Review> reviews = reviewInput.load(input, table).map(Loaded::value).orElse(List.of());
        Optional<TransactionModel> churnModel = Optional.empty();
        if (shows(View.churn) && model.isPresent()) {
            BtydSummary summary = BtydSummary.of(table, day.minusDays(1), timeUnit);
            TransactionModel m = ClvModels.fitPurchases(model.get(), summary, FitOptions.defaults());
            ClvModels.warn(
                    spec.commandLine().getErr(), spec.qualifiedName(), m.fit().orElseThrow());
            churnModel = Optional.of(m);
        }
        Optional<LoyaltyLevels> levels = shows(View.levels)
                ? Optional.of(SegmentCalculator.loyaltyLevels(table, answers, reviews, day, levelOptions))
                : Optional.empty();
        Optional<LifecycleStages> stages = shows(View.lifecycle)
                ? Optional.of(SegmentCalculator.lifecycle(table, answers, reviews, day, lifecycleOptions))
                : Optional.empty();
        Optional<RfmScores> rfm =
                shows(View.rfm) ? Optional.of(SegmentCalculator.rfmScores(table, day)) : Optional.empty();
        Optional<ChurnRiskReport> churn = shows(View.churn)
                ? Optional.of(SegmentCalculator.churnRisk(table, day, churnOptions, churnModel))
                : Optional.empty();
        List<Section> sections = new ArrayList<>();
        if (format != Format.CSV) {
            boolean all = format == Format.JSON;
            levels.ifPresent(l -> sections.add(SegmentDocuments.levels(l)));
            stages.ifPresent(s -> sections.add(SegmentDocuments.lifecycle(
                    s,
                    SegmentCalculator.lifecycleSeries(table, answers, reviews, day, granularity, lifecycleOptions),
                    all ? Integer.MAX_VALUE : transitionPeriods)));
            rfm.ifPresent(r -> sections.add(SegmentDocuments.rfm(r)));
            churn.ifPresent(c -> sections.add(SegmentDocuments.churn(c, all ? Integer.MAX_VALUE : listed)));
        }
        Document document = CommandOutput.document(
                Message.of("title.segments", day),
                loaded,
                List.of(KeyFigure.of("asOf", Message.of("field.segments.as-of"), Cell.day(day))),
                sections);
        CommandOutput.write(
                spec, format, lang, out, document, () -> SegmentDocuments.customers(levels, stages, rfm, churn));
        return 0;
    }
}
