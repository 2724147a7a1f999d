package org.loyaltykpi.document.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.loyaltykpi.clv.AliveDistribution;
import org.loyaltykpi.clv.ClvOverview;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.FrequencyRecencyMatrix;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.ModelValidation;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ValuableCustomer;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.Chart;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.feedback.ReviewSeries;
import org.loyaltykpi.feedback.ReviewerRepeat;
import org.loyaltykpi.feedback.SentimentCounts;
import org.loyaltykpi.feedback.ShareTrend;
import org.loyaltykpi.program.ProgramLift;
import org.loyaltykpi.program.ProgramOverview;
import org.loyaltykpi.program.ProgramPeriod;
import org.loyaltykpi.report.BehaviourResults;
import org.loyaltykpi.report.ClvValidation;
import org.loyaltykpi.report.FeedbackResults;
import org.loyaltykpi.report.LifecycleResults;
import org.loyaltykpi.report.LoyaltyReport;
import org.loyaltykpi.report.Outcome;
import org.loyaltykpi.report.RepeatTracking;
import org.loyaltykpi.report.SurveyResults;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.segment.ChurnReason;
import org.loyaltykpi.segment.ChurnRisk;
import org.loyaltykpi.segment.ChurnRiskSummary;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStage;
import org.loyaltykpi.segment.SegmentDistribution;
import org.loyaltykpi.segment.StageTransitions;
import org.loyaltykpi.survey.AttributeScore;
import org.loyaltykpi.survey.ConfidenceInterval;
import org.loyaltykpi.survey.CsiResult;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveySummary;
import org.loyaltykpi.target.TargetEvaluation;
import org.loyaltykpi.target.TargetPeriod;
import org.loyaltykpi.value.AcquisitionCost;
import org.loyaltykpi.value.CohortPayback;
import org.loyaltykpi.value.PeriodCac;
import org.loyaltykpi.value.ValueSummary;

/**
 * Builds the loyalty report's {@link Document} from core's {@link LoyaltyReport}: twelve sections with stable ids
 * (purchaseBehaviour, cohorts, survey, customerLifetimeValue, loyaltyLevels, lifecycle, rfmSegments, churnRisk,
 * reviews, value, program, targets), their key figures (latest period against the one before, with the table column
 * of its history), typed tables and charts.
 *
 * <pre>{@code
 * LoyaltyReport report = LoyaltyReport.compute(ReportInputs.of(table), ReportOptions.defaults());
 * Document doc = ReportDocument.of(report, ReportSources.of("purchases.csv", "0.1.0"));
 * TextRenderer.render(doc, Messages.english(), System.out);
 * }</pre>
 */
public final class ReportDocument {
    /** The survey's confidence level. */
    static final double LEVEL = 0.95;

    private ReportDocument() {}

    /**
     * The report as a document.
     *
     * @param report the computed report
     * @param sources where its inputs came from
     * @return the document
     */
    public static Document of(LoyaltyReport report, ReportSources sources) {
        List<KeyFigure> about = new ArrayList<>();
        about.add(KeyFigure.of("source", Message.of("about.source"), Cell.text(sources.purchases())));
        about.add(KeyFigure.of("purchases", Message.of("about.purchases"), Cell.count(report.purchases())));
        about.add(KeyFigure.of("customers", Message.of("about.customers"), Cell.count(report.customers())));
        about.add(KeyFigure.of(
                "dateRange",
                Message.of("about.date-range"),
                report.dateRange().<Cell>map(r -> Cell.text(r.toString())).orElseGet(Cell::missing)));
        Granularity g = report.options().granularity();
        about.add(KeyFigure.of("granularity", Message.of("about.granularity"), Cell.label("unit", g)));
        about.add(KeyFigure.of("version", Message.of("about.version"), Cell.text(sources.version())));
        List<Section> sections = List.of(
                behaviour(report.behaviour(), g),
                cohorts(report.cohorts()),
                survey(report.survey(), sources.answers(), g),
                clv(
                        report.clv(),
                        report.clvTracking(),
                        report.clvValidation(),
                        g,
                        report.options().clvHorizonWeeks()),
                levels(report),
                lifecycle(report.lifecycle()),
                rfm(report),
                churn(report.churnRisk(), report.options().listed()),
                feedback(report.feedback(), sources.reviews(), g),
                value(report.value(), sources.spend()),
                program(report.program(), sources.events()),
                targets(report.targets()));
        return new Document(Message.of("report.title"), about, sections);
    }

    // ---------------------------------------------------------------- helpers

    static Message unit(Granularity g) {
        return Message.of("unit." + Cell.code(g));
    }

    private static Section unavailable(String id, Message title, Outcome<?> outcome, Optional<Message> hint) {
        Section.Builder b = Section.builder(id, title)
                .note(Message.of("note.unavailable", outcome.note().orElse("")));
        hint.ifPresent(b::note);
        return b.build();
    }

    /** A section that could not be computed (a bound of the library was hit): its note says why. */
    private static Section degraded(String id, Message title, Outcome<?> outcome) {
        return Section.degraded(
                id, title, Message.of("note.degraded", outcome.note().orElseThrow()));
    }

    /** A confidence interval as a figure's unit: {@code 95% interval 28.7 to 40.5}. */
    private static Message interval(ConfidenceInterval ci) {
        return Message.of("unit.interval", Math.round(100 * LEVEL), ci.low(), ci.high());
    }

    private static Cell points1(OptionalDouble v) {
        return Cell.decimal(v, 1);
    }

    private static Cell low(Optional<ConfidenceInterval> ci, boolean percent) {
        return ci.<Cell>map(c -> percent ? new Cell.Share(c.low()) : Cell.decimal(c.low(), 1))
                .orElseGet(Cell::missing);
    }

    private static Cell high(Optional<ConfidenceInterval> ci, boolean percent) {
        return ci.<Cell>map(c -> percent ? new Cell.Share(c.high()) : Cell.decimal(c.high(), 1))
                .orElseGet(Cell::missing);
    }

    private static <T> Optional<T> previous(List<T> list) {
        return list.size() >= 2 ? Optional.of(list.get(list.size() - 2)) : Optional.empty();
    }

    private static <T> KeyFigure latest(
            String id, List<T> series, Function<T, Cell> value, String table, String column) {
        T last = series.get(series.size() - 1);
        KeyFigure f = KeyFigure.of(id, Message.of("figure." + kebab(id)), value.apply(last))
                .withTrend(table, column);
        Optional<T> before = previous(series);
        return before.isPresent() ? f.withPrevious(value.apply(before.get())) : f;
    }

    static String capitalized(String id) {
        return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('-').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- purchase behaviour

    private static Section behaviour(Outcome<BehaviourResults> outcome, Granularity g) {
        Message title = Message.of("section.purchase-behaviour");
        if (!outcome.isAvailable() && !outcome.note().orElseThrow().equals("no purchases")) {
            return degraded("purchaseBehaviour", title, outcome);
        }
        if (!outcome.isAvailable()) {
            return Section.builder("purchaseBehaviour", title)
                    .note(Message.of("note.no-purchases"))
                    .build();
        }
        BehaviourResults r = outcome.get();
        List<PurchaseBehaviour> series = r.byPeriod();
        Section.Builder s = Section.builder("purchaseBehaviour", title);
        if (!series.isEmpty()) {
            String t = "behaviourByPeriod";
            s.figure(latest("activeCustomers", series, b -> Cell.count(b.activeCustomers()), t, "active"))
                    .figure(latest("retention", series, b -> Cell.ratio(b.retention()), t, "retentionRate"))
                    .figure(latest(
                            "repeatPurchaseRate",
                            series,
                            b -> Cell.ratio(b.repeatPurchaseRate()),
                            t,
                            "repeatPurchaseRate"))
                    .figure(latest("revenue", series, b -> Cell.money(b.revenue()), t, "revenue"))
                    .figure(latest(
                            "averageOrderValue",
                            series,
                            b -> Cell.money(b.averageOrderValue()),
                            t,
                            "averageOrderValue"));
        }
        s.table(behaviourTable(
                "behaviourTotal",
                Message.of("table.behaviour.total", r.total().period().toString()),
                List.of(r.total())));
        s.table(behaviourTable("behaviourByPeriod", Message.of("table.behaviour.by-period", unit(g)), series));
        s.chart(new Chart.TimeSeries(
                "activeCustomersChart",
                Message.of("chart.active-customers"),
                "behaviourByPeriod",
                "period",
                List.of(Chart.Series.bar("new"), Chart.Series.bar("returning")),
                true));
        s.chart(new Chart.TimeSeries(
                "revenueChart",
                Message.of("chart.revenue"),
                "behaviourByPeriod",
                "period",
                List.of(Chart.Series.bar("revenue")),
                false));
        s.chart(new Chart.TimeSeries(
                "retentionChart",
                Message.of("chart.retention"),
                "behaviourByPeriod",
                "period",
                List.of(
                        Chart.Series.line("retentionRate"),
                        Chart.Series.line("churnRate"),
                        Chart.Series.line("repeatPurchaseRate")),
                false));
        return s.build();
    }

    /**
     * Purchase behaviour, one row per period: the table of {@code loyalty retention} and of the report.
     *
     * @param id the table id
     * @param title the title
     * @param rows the periods
     * @return the table
     */
    public static Table behaviourTable(String id, Message title, List<PurchaseBehaviour> rows) {
        return behaviourTable(
                id,
                title,
                "period",
                rows.stream().<Cell>map(b -> Cell.text(b.period().label())).toList(),
                rows);
    }

    /**
     * Purchase behaviour of groups of one period (members and non-members, say): the first column names the group.
     *
     * @param id the table id
     * @param title the title
     * @param first the id of the first column (its label is {@code column.<id>})
     * @param labels the first column's cell of each row, one per row
     * @param rows the behaviour of each group
     * @return the table
     */
    static Table behaviourTable(
            String id, Message title, String first, List<Cell> labels, List<PurchaseBehaviour> rows) {
        if (labels.size() != rows.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + rows.size() + " rows");
        }
        Table.Builder t = Table.builder(id, title)
                .column(first, ColumnType.TEXT)
                .column("atStart", ColumnType.COUNT)
                .column("active", ColumnType.COUNT)
                .column("new", ColumnType.COUNT)
                .column("returning", ColumnType.COUNT)
                .column("retained", ColumnType.COUNT)
                .column("reactivated", ColumnType.COUNT)
                .column("lost", ColumnType.COUNT)
                .column("retentionRate", ColumnType.RATIO)
                .column("churnRate", ColumnType.RATIO)
                .column("repeatPurchaseRate", ColumnType.RATIO)
                .column("crossCategoryRate", ColumnType.RATIO)
                .column("purchases", ColumnType.COUNT)
                .column("purchaseFrequency", ColumnType.DECIMAL)
                .column("revenue", ColumnType.MONEY)
                .column("averageOrderValue", ColumnType.MONEY)
                .column("averageOrderValueNew", ColumnType.MONEY)
                .column("averageOrderValueReturning", ColumnType.MONEY)
                .column("returningRevenueShare", ColumnType.SHARE);
        for (int i = 0; i < rows.size(); i++) {
            PurchaseBehaviour b = rows.get(i);
            t.row(
                    labels.get(i),
                    Cell.count(b.customersAtStart()),
                    Cell.count(b.activeCustomers()),
                    Cell.count(b.newCustomers()),
                    Cell.count(b.returningCustomers()),
                    Cell.count(b.retainedCustomers()),
                    Cell.count(b.reactivatedCustomers()),
                    Cell.count(b.lostCustomers()),
                    Cell.ratio(b.retention()),
                    Cell.ratio(b.churn()),
                    Cell.ratio(b.repeatPurchaseRate()),
                    Cell.ratio(b.crossCategoryRate()),
                    Cell.count(b.purchases()),
                    Cell.decimal(b.purchaseFrequency()),
                    Cell.money(b.revenue()),
                    Cell.money(b.averageOrderValue()),
                    Cell.money(b.averageOrderValueOfNew()),
                    Cell.money(b.averageOrderValueOfReturning()),
                    Cell.share(b.returningRevenueShare()));
        }
        return t.build();
    }

    // ---------------------------------------------------------------- cohorts

    private static Section cohorts(Outcome<CohortMatrix> outcome) {
        if (!outcome.isAvailable()) {
            return degraded("cohorts", Message.of("section.cohorts"), outcome);
        }
        Section.Builder s = Section.builder("cohorts", Message.of("section.cohorts"));
        CohortMatrix m = outcome.get();
        if (m.cohortCount() == 0) {
            return s.note(Message.of("note.no-cohorts")).build();
        }
        Message unit = unit(m.granularity());
        s.table(cohortTable(m, "cohortRetention", Message.of("table.cohort.retention", unit), CohortValue.RETENTION));
        s.table(cohortTable(
                m, "cohortRetentionUnbounded", Message.of("table.cohort.unbounded", unit), CohortValue.UNBOUNDED));
        s.table(cohortTable(m, "cohortRevenue", Message.of("table.cohort.revenue", unit), CohortValue.REVENUE));
        s.table(cohortTable(m, "cohortLtv", Message.of("table.cohort.ltv"), CohortValue.LTV));
        Table.Builder avg = Table.builder("cohortAverageRetention", Message.of("table.cohort.average"))
                .column("offset", Message.of("column.offset", "+k"), ColumnType.COUNT)
                .column("retentionRate", ColumnType.RATIO);
        List<Ratio> average = m.averageRetention(RetentionDefinition.CLASSIC);
        for (int k = 0; k < average.size(); k++) {
            avg.row(Cell.count(k), Cell.ratio(average.get(k)));
        }
        s.table(avg.build());
        List<String> offsets = new ArrayList<>();
        for (int k = 0; k < m.offsetCount(); k++) {
            offsets.add("offset" + k);
        }
        s.chart(new Chart.Heatmap(
                "cohortHeatmap",
                Message.of("chart.cohort-heatmap"),
                List.of("cohortRetention", "cohortRetentionUnbounded", "cohortRevenue", "cohortLtv"),
                "cohort",
                offsets));
        s.chart(new Chart.TimeSeries(
                "cohortAverageChart",
                Message.of("chart.cohort-average"),
                "cohortAverageRetention",
                "offset",
                List.of(Chart.Series.line("retentionRate")),
                false));
        return s.build();
    }

    /** What a cohort table holds. */
    enum CohortValue {
        RETENTION,
        UNBOUNDED,
        REVENUE,
        LTV
    }

    /**
     * A cohort matrix as a table: one row per cohort (its label and size), one column per offset ({@code offset0},
     * {@code offset1}, ...), missing where the cohort has not reached the offset.
     *
     * @param m the matrix
     * @param id the table id
     * @param title the title
     * @param what the value
     * @return the table
     */
    static Table cohortTable(CohortMatrix m, String id, Message title, CohortValue what) {
        Table.Builder t =
                Table.builder(id, title).column("cohort", ColumnType.TEXT).column("size", ColumnType.COUNT);
        ColumnType type =
                what == CohortValue.RETENTION || what == CohortValue.UNBOUNDED ? ColumnType.RATIO : ColumnType.MONEY;
        for (int k = 0; k < m.offsetCount(); k++) {
            t.column("offset" + k, Message.of("column.offset", "+" + k), type);
        }
        for (int c = 0; c < m.cohortCount(); c++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(m.cohort(c).label()));
            row.add(Cell.count(m.size(c)));
            for (int k = 0; k < m.offsetCount(); k++) {
                if (k >= m.observedOffsets(c)) {
                    row.add(Cell.missing());
                    continue;
                }
                row.add(
                        switch (what) {
                            case RETENTION -> Cell.ratio(m.retention(c, k, RetentionDefinition.CLASSIC));
                            case UNBOUNDED -> Cell.ratio(m.retention(c, k, RetentionDefinition.UNBOUNDED));
                            case REVENUE -> Cell.money(m.revenue(c, k));
                            case LTV -> Cell.money(OptionalDouble.of(m.cumulativeRevenuePerCustomer(c, k)));
                        });
            }
            t.row(row);
        }
        return t.build();
    }

    /**
     * The fitted purchase model's frequency/recency matrices (lifetimes' plots, computed in {@link ClvOverview#matrix()}):
     * the expected purchases over the horizon and P(alive) of a customer as old as the oldest one, by repeat purchases
     * (rows) and weeks from the first to the last purchase (columns); cells that no customer can have are missing.
     */
    private static void frequencyRecency(Section.Builder s, FrequencyRecencyMatrix m) {
        long age = Math.round(m.age());
        Table.Builder expected = Table.builder(
                        "clvExpectedMatrix", Message.of("table.clv.expected-matrix", Math.round(m.horizon()), age))
                .column("frequency", ColumnType.COUNT);
        Table.Builder alive = Table.builder("clvAliveMatrix", Message.of("table.clv.alive-matrix", age))
                .column("frequency", ColumnType.COUNT);
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < m.columns(); c++) {
            Message label = Message.of("column.recency-weeks", Math.round(m.recency(c)));
            expected.column("recency" + c, label, ColumnType.DECIMAL);
            alive.column("recency" + c, label, ColumnType.SHARE);
            columns.add("recency" + c);
        }
        for (int x = 0; x <= m.maxFrequency(); x++) {
            List<Cell> e = new ArrayList<>();
            List<Cell> a = new ArrayList<>();
            e.add(Cell.count(x));
            a.add(Cell.count(x));
            for (int c = 0; c < m.columns(); c++) {
                double purchases = m.possible(x, c) ? m.expectedPurchases(x, c) : Double.NaN;
                double p = m.possible(x, c) ? m.probabilityAlive(x, c) : Double.NaN;
                e.add(Double.isFinite(purchases) ? Cell.decimal(purchases, 2) : Cell.missing());
                a.add(Double.isFinite(p) ? Cell.share(OptionalDouble.of(p)) : Cell.missing());
            }
            expected.row(e);
            alive.row(a);
        }
        s.table(expected.build());
        s.table(alive.build());
        s.chart(new Chart.Heatmap(
                "clvFrequencyRecency",
                Message.of("chart.clv-frequency-recency"),
                List.of("clvExpectedMatrix", "clvAliveMatrix"),
                "frequency",
                columns));
    }

    // ---------------------------------------------------------------- survey

    private static Section survey(Outcome<SurveyResults> outcome, Optional<String> source, Granularity g) {
        Message title = Message.of("section.survey");
        if (!outcome.isAvailable() && !outcome.note().orElseThrow().equals("no survey answers")) {
            return degraded("survey", title, outcome);
        }
        if (!outcome.isAvailable()) {
            return Section.builder("survey", title)
                    .note(Message.of("note.no-survey"))
                    .build();
        }
        SurveyResults r = outcome.get();
        Section.Builder s = Section.builder("survey", title);
        source.ifPresent(src -> s.note(Message.of("note.source", src)));
        SurveySummary total = r.total();
        KeyFigure nps = KeyFigure.of(
                "nps", Message.of("figure.nps"), points1(total.nps().score()));
        KeyFigure csat = KeyFigure.of(
                "csat", Message.of("figure.csat"), Cell.ratio(total.csat().topBoxShare()));
        if (!r.byPeriod().isEmpty()) {
            nps = nps.withTrend("surveyByPeriod", "nps");
            csat = csat.withTrend("surveyByPeriod", "csat");
            Optional<SurveyGroup> before = previous(r.byPeriod());
            SurveyGroup last = r.byPeriod().get(r.byPeriod().size() - 1);
            nps = KeyFigure.of(
                            "nps",
                            Message.of("figure.nps-latest", last.label()),
                            points1(last.summary().nps().score()))
                    .withTrend("surveyByPeriod", "nps");
            csat = KeyFigure.of(
                            "csat",
                            Message.of("figure.csat-latest", last.label()),
                            Cell.ratio(last.summary().csat().topBoxShare()))
                    .withTrend("surveyByPeriod", "csat");
            if (before.isPresent()) {
                nps = nps.withPrevious(points1(before.get().summary().nps().score()))
                        .asScore();
                csat = csat.withPrevious(
                        Cell.ratio(before.get().summary().csat().topBoxShare()));
            }
        }
        SurveySummary latestSummary = r.byPeriod().isEmpty()
                ? total
                : r.byPeriod().get(r.byPeriod().size() - 1).summary();
        Optional<ConfidenceInterval> npsInterval = latestSummary.nps().confidenceInterval(LEVEL);
        if (npsInterval.isPresent()) {
            nps = nps.withUnit(interval(npsInterval.get()));
        }
        Optional<ConfidenceInterval> csatInterval = latestSummary.csat().topBoxInterval(LEVEL);
        if (csatInterval.isPresent()) {
            csat = csat.withUnit(Message.of(
                    "unit.interval-percent",
                    Math.round(100 * LEVEL),
                    100 * csatInterval.get().low(),
                    100 * csatInterval.get().high()));
        }
        s.figure(nps).figure(csat);
        s.table(surveyTable(
                "surveyTotal",
                Message.of("table.survey.total"),
                List.of(new SurveyGroup("all", Optional.empty(), Optional.empty(), total)),
                LEVEL));
        s.note(Message.of("note.survey-intervals"));
        CsiResult csi = total.csi();
        if (!csi.attributes().isEmpty()) {
            Table.Builder a = Table.builder("csiAttributes", Message.of("table.survey.csi"))
                    .column("attribute", ColumnType.TEXT)
                    .column("importance", ColumnType.DECIMAL)
                    .column("responses", ColumnType.COUNT)
                    .column("score", ColumnType.DECIMAL)
                    .column("low", ColumnType.DECIMAL)
                    .column("high", ColumnType.DECIMAL)
                    .column("drag", ColumnType.DECIMAL);
            for (AttributeScore attr : csi.attributes()) {
                Optional<ConfidenceInterval> ci = attr.confidenceInterval(LEVEL);
                a.row(
                        Cell.text(attr.attribute()),
                        Cell.decimal(attr.importance(), 2),
                        Cell.count(attr.responses()),
                        points1(attr.score()),
                        low(ci, false),
                        high(ci, false),
                        points1(csi.drag(attr)));
            }
            s.table(a.build());
            s.chart(new Chart.Bars(
                    "csiDragChart",
                    Message.of("chart.csi-drag"),
                    "csiAttributes",
                    "attribute",
                    List.of(Chart.Series.bar("drag")),
                    false,
                    true));
        }
        if (!r.bySegment().isEmpty()) {
            s.table(surveyTable("surveyBySegment", Message.of("table.survey.by-segment"), r.bySegment(), LEVEL));
            s.chart(new Chart.Bars(
                    "surveySegmentChart",
                    Message.of("chart.survey-segments"),
                    "surveyBySegment",
                    "group",
                    List.of(Chart.Series.bar("nps")),
                    false,
                    false));
        }
        if (!r.byPeriod().isEmpty()) {
            s.table(surveyTable("surveyByPeriod", Message.of("table.survey.by-period", unit(g)), r.byPeriod(), LEVEL));
            s.chart(new Chart.TimeSeries(
                    "npsChart",
                    Message.of("chart.nps"),
                    "surveyByPeriod",
                    "group",
                    List.of(Chart.Series.banded("nps", "npsLow", "npsHigh")),
                    false));
            s.chart(new Chart.TimeSeries(
                    "npsSharesChart",
                    Message.of("chart.nps-shares"),
                    "surveyByPeriod",
                    "group",
                    List.of(
                            Chart.Series.bar("promoterShare"),
                            Chart.Series.bar("passiveShare"),
                            Chart.Series.bar("detractorShare")),
                    true));
            s.chart(new Chart.TimeSeries(
                    "csatChart",
                    Message.of("chart.csat-ces"),
                    "surveyByPeriod",
                    "group",
                    List.of(Chart.Series.banded("csat", "csatLow", "csatHigh"), Chart.Series.line("cesMean")),
                    false));
        }
        return s.build();
    }

    /**
     * NPS, CSAT, CES and CSI per group, one row per group: the table of {@code loyalty survey} and of the report.
     *
     * @param id the table id
     * @param title the title
     * @param groups the groups
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the table
     */
    public static Table surveyTable(String id, Message title, List<SurveyGroup> groups, double level) {
        Table.Builder t = Table.builder(id, title)
                .column("group", ColumnType.TEXT)
                .column("npsResponses", ColumnType.COUNT)
                .column("nps", ColumnType.DECIMAL)
                .column("npsLow", ColumnType.DECIMAL)
                .column("npsHigh", ColumnType.DECIMAL)
                .column("promoterShare", ColumnType.RATIO)
                .column("passiveShare", ColumnType.RATIO)
                .column("detractorShare", ColumnType.RATIO)
                .column("csatResponses", ColumnType.COUNT)
                .column("csat", ColumnType.RATIO)
                .column("csatLow", ColumnType.SHARE)
                .column("csatHigh", ColumnType.SHARE)
                .column("cesResponses", ColumnType.COUNT)
                .column("cesMean", ColumnType.DECIMAL)
                .column("cesLow", ColumnType.DECIMAL)
                .column("cesHigh", ColumnType.DECIMAL)
                .column("csi", ColumnType.DECIMAL);
        for (SurveyGroup g : groups) {
            SurveySummary s = g.summary();
            Optional<ConfidenceInterval> npsCi = s.nps().confidenceInterval(level);
            Optional<ConfidenceInterval> csatCi = s.csat().topBoxInterval(level);
            Optional<ConfidenceInterval> cesCi = s.ces().meanInterval(level);
            t.row(
                    Cell.text(g.label()),
                    Cell.count(s.nps().responses()),
                    points1(s.nps().score()),
                    low(npsCi, false),
                    high(npsCi, false),
                    Cell.ratio(s.nps().promoterShare()),
                    Cell.ratio(s.nps().passiveShare()),
                    Cell.ratio(s.nps().detractorShare()),
                    Cell.count(s.csat().responses()),
                    Cell.ratio(s.csat().topBoxShare()),
                    low(csatCi, true),
                    high(csatCi, true),
                    Cell.count(s.ces().responses()),
                    Cell.decimal(s.ces().mean()),
                    cesCi.<Cell>map(c -> Cell.decimal(c.low(), 2)).orElseGet(Cell::missing),
                    cesCi.<Cell>map(c -> Cell.decimal(c.high(), 2)).orElseGet(Cell::missing),
                    points1(s.csi().index()));
        }
        return t.build();
    }

    // ---------------------------------------------------------------- CLV

    /** The model's expected repeat purchases against the actual ones, per period and cumulated. */
    private static void tracking(Section.Builder s, RepeatTracking tracking, Granularity g) {
        if (tracking.points().isEmpty()) {
            return;
        }
        Table.Builder t = Table.builder("clvTracking", Message.of("table.clv.tracking-by-period", unit(g)))
                .column("period", ColumnType.TEXT)
                .column("actual", ColumnType.COUNT)
                .column("expected", ColumnType.DECIMAL)
                .column("actualCumulative", ColumnType.COUNT)
                .column("expectedCumulative", ColumnType.DECIMAL);
        for (RepeatTracking.Point p : tracking.points()) {
            t.row(
                    Cell.text(p.period().label()),
                    Cell.count(p.actual()),
                    Cell.decimal(p.expected(), 1),
                    Cell.count(p.actualCumulative()),
                    Cell.decimal(p.expectedCumulative(), 1));
        }
        s.table(t.build());
        s.chart(new Chart.TimeSeries(
                "clvTrackingChart",
                Message.of("chart.clv-tracking"),
                "clvTracking",
                "period",
                List.of(Chart.Series.bar("actual"), Chart.Series.line("expected")),
                false));
        s.chart(new Chart.TimeSeries(
                "clvCumulativeChart",
                Message.of("chart.clv-cumulative"),
                "clvTracking",
                "period",
                List.of(Chart.Series.line("actualCumulative"), Chart.Series.line("expectedCumulative")),
                false));
    }

    /** The model fitted on a calibration period against the holdout: by calibration frequency, and the tracking. */
    private static void validation(Section.Builder s, ClvValidation v) {
        s.note(Message.of("note.clv-validation", v.calibrationEnd(), v.holdoutEnd()));
        Table.Builder byFrequency = Table.builder(
                        "clvHoldoutByFrequency", Message.of("table.clv.holdout-by-frequency", v.calibrationEnd()))
                .column("frequency", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("actualMean", ColumnType.DECIMAL)
                .column("expectedMean", ColumnType.DECIMAL);
        for (ModelValidation.FrequencyComparison f : v.byFrequency()) {
            byFrequency.row(
                    Cell.text(f.frequency() + (f.andAbove() ? "+" : "")),
                    Cell.count(f.customers()),
                    Cell.decimal(f.actualMean(), 3),
                    Cell.decimal(f.expectedMean(), 3));
        }
        s.table(byFrequency.build());
        s.chart(new Chart.Bars(
                "clvHoldoutByFrequencyChart",
                Message.of("chart.clv-holdout-by-frequency"),
                "clvHoldoutByFrequency",
                "frequency",
                List.of(Chart.Series.bar("actualMean"), Chart.Series.bar("expectedMean")),
                false,
                false));
        Table.Builder tracking = Table.builder(
                        "clvHoldoutTracking", Message.of("table.clv.holdout-tracking", v.calibrationEnd()))
                .column("date", ColumnType.DATE)
                .column("actualCumulative", ColumnType.COUNT)
                .column("expectedCumulative", ColumnType.DECIMAL);
        for (ModelValidation.TrackingPoint p : v.tracking()) {
            tracking.row(Cell.day(p.date()), Cell.count(Math.round(p.actual())), Cell.decimal(p.expected(), 1));
        }
        s.table(tracking.build());
        s.chart(new Chart.TimeSeries(
                "clvHoldoutTrackingChart",
                Message.of("chart.clv-holdout-tracking", v.calibrationEnd()),
                "clvHoldoutTracking",
                "date",
                List.of(Chart.Series.line("actualCumulative"), Chart.Series.line("expectedCumulative")),
                false));
    }

    private static Section clv(
            Outcome<ClvOverview> outcome,
            Outcome<RepeatTracking> tracking,
            Outcome<ClvValidation> validation,
            Granularity g,
            double horizonWeeks) {
        Message title = Message.of("section.clv", Math.round(horizonWeeks));
        if (!outcome.isAvailable()) {
            return Section.degraded(
                    "customerLifetimeValue",
                    title,
                    Message.of("note.unavailable", outcome.note().orElseThrow()));
        }
        ClvOverview r = outcome.get();
        Section.Builder s =
                Section.builder("customerLifetimeValue", title).note(Message.of("note.clv-fit", r.calibrationEnd()));
        s.note(Message.of("note.clv-choice", r.purchases().name(), r.modelChoice()));
        // A forecast from a fit that did not converge or carries warnings is shown, but never as if it were sound.
        if (!r.trustworthy()) {
            s.note(Message.of("note.clv-untrustworthy"));
        }
        r.purchases()
                .fit()
                .ifPresent(f -> f.warnings()
                        .forEach(w -> s.note(
                                Message.of("note.clv.warning", r.purchases().name(), w))));
        r.spend()
                .fit()
                .ifPresent(f ->
                        f.warnings().forEach(w -> s.note(Message.of("note.clv.warning", GammaGammaModel.NAME, w))));
        s.figure(KeyFigure.of(
                        "expectedPurchases",
                        Message.of("figure.expected-purchases"),
                        Cell.decimal(r.expectedPurchases(), 1))
                .withUnit(Message.of(
                        r.trustworthy() ? "unit.per-customer" : "unit.per-customer-untrustworthy",
                        String.format(
                                java.util.Locale.ROOT,
                                "%.2f",
                                r.customers() == 0 ? 0 : r.expectedPurchases() / r.customers())))
                .asHeadline());
        KeyFigure value =
                KeyFigure.of("expectedValue", Message.of("figure.expected-value"), Cell.money(r.expectedValue()));
        s.figure((r.trustworthy() ? value : value.withUnit(Message.of("unit.untrustworthy"))).asHeadline());
        Table.Builder models = Table.builder("clvModels", Message.of("table.clv.models"))
                .column("model", ColumnType.TEXT)
                .column("parameter", ColumnType.TEXT)
                .column("value", ColumnType.DECIMAL)
                .column("standardError", ColumnType.DECIMAL);
        for (Parameter p : r.purchases().parameters()) {
            models.row(
                    Cell.text(r.purchases().name()),
                    Cell.text(p.name()),
                    Cell.decimal(p.value(), 4),
                    Cell.decimal(p.standardError(), 4));
        }
        for (Parameter p : r.spend().parameters()) {
            models.row(
                    Cell.text("gamma-gamma"),
                    Cell.text(p.name()),
                    Cell.decimal(p.value(), 4),
                    Cell.decimal(p.standardError(), 4));
        }
        s.table(models.build());
        AliveDistribution d = r.alive();
        Table.Builder alive = Table.builder("clvAlive", Message.of("table.clv.alive"))
                .column("from", ColumnType.DECIMAL)
                .column("to", ColumnType.DECIMAL)
                .column("customers", ColumnType.COUNT)
                .column("share", ColumnType.RATIO);
        for (int b = 0; b < d.counts().size(); b++) {
            alive.row(
                    Cell.decimal(d.edges().get(b), 1),
                    Cell.decimal(d.edges().get(b + 1), 1),
                    Cell.count(d.counts().get(b)),
                    Cell.ratio(d.counts().get(b), d.customers()));
        }
        s.table(alive.build());
        s.chart(new Chart.Histogram(
                "clvAliveChart", Message.of("chart.clv-alive"), "clvAlive", "from", "to", "customers"));
        r.matrix().ifPresent(m -> frequencyRecency(s, m));
        tracking.value().ifPresent(t -> tracking(s, t, g));
        validation.value().ifPresent(v -> validation(s, v));
        if (!validation.isAvailable() && !validation.note().orElse("").equals("no holdout asked")) {
            s.note(Message.of(
                    "note.clv-validation-unavailable", validation.note().orElse("")));
        }
        Table.Builder top = Table.builder("clvTop", Message.of("table.clv.top"))
                .column("customer", ColumnType.TEXT)
                .column("probabilityAlive", ColumnType.DECIMAL)
                .column("expectedPurchases", ColumnType.DECIMAL)
                .column("expectedSpend", ColumnType.MONEY)
                .column("clv", ColumnType.MONEY);
        for (CustomerPrediction p : r.top()) {
            top.row(
                    Cell.text(p.customer().value()),
                    Cell.decimal(p.probabilityAlive(), 3),
                    Cell.decimal(p.expectedPurchases(), 2),
                    Cell.money(p.expectedSpend()),
                    Cell.money(p.clv()));
        }
        s.table(top.build());
        Table.Builder risk = Table.builder("clvAtRisk", Message.of("table.clv.at-risk"))
                .column("customer", ColumnType.TEXT)
                .column("pastRevenue", ColumnType.MONEY)
                .column("probabilityAlive", ColumnType.DECIMAL)
                .column("clv", ColumnType.MONEY);
        for (ValuableCustomer v : r.atRisk()) {
            risk.row(
                    Cell.text(v.prediction().customer().value()),
                    Cell.money(v.pastRevenue()),
                    Cell.decimal(v.prediction().probabilityAlive(), 3),
                    Cell.money(v.prediction().clv()));
        }
        if (r.atRisk().isEmpty()) {
            risk.note(Message.of("note.none"));
        }
        s.table(risk.build());
        return s.build();
    }

    // ---------------------------------------------------------------- segments

    private static <E extends Enum<E>> Table distribution(
            String id, Message title, SegmentDistribution<E> d, String prefix, E[] values) {
        Table.Builder t = Table.builder(id, title)
                .column("segment", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("share", ColumnType.RATIO)
                .column("revenue", ColumnType.MONEY)
                .column("revenueShare", ColumnType.RATIO);
        for (E e : values) {
            t.row(
                    Cell.label(prefix, e),
                    Cell.count(d.count(e)),
                    Cell.ratio(d.share(e)),
                    Cell.money(d.revenue(e)),
                    Cell.ratio(d.revenueShare(e)));
        }
        return t.build();
    }

    private static Section levels(LoyaltyReport report) {
        Message title = Message.of("section.loyalty-levels");
        if (!report.loyaltyLevels().isAvailable()) {
            return unavailable("loyaltyLevels", title, report.loyaltyLevels(), Optional.empty());
        }
        Section.Builder s = Section.builder("loyaltyLevels", title);
        if (!report.attitudeKnown()) {
            s.note(Message.of("note.attitude-unknown"));
        }
        s.note(Message.of("note.as-of", report.segmentsAsOf().orElseThrow()));
        s.table(distribution(
                "loyaltyLevelDistribution",
                Message.of("table.loyalty-levels"),
                report.loyaltyLevels().get(),
                "level",
                org.loyaltykpi.segment.LoyaltyLevel.values()));
        s.chart(new Chart.Bars(
                "loyaltyLevelChart",
                Message.of("chart.loyalty-levels"),
                "loyaltyLevelDistribution",
                "segment",
                List.of(Chart.Series.bar("customers")),
                false,
                false));
        return s.build();
    }

    private static Section lifecycle(Outcome<LifecycleResults> outcome) {
        Message title = Message.of("section.lifecycle");
        if (!outcome.isAvailable()) {
            return unavailable("lifecycle", title, outcome, Optional.empty());
        }
        LifecycleResults r = outcome.get();
        Section.Builder s = Section.builder("lifecycle", title).note(Message.of("note.as-of", r.asOf()));
        s.table(distribution(
                "lifecycleStages", Message.of("table.lifecycle.stages"), r.stages(), "stage", LifecycleStage.values()));
        LifecycleSeries series = r.series();
        Table.Builder t = Table.builder(
                        "lifecycleByPeriod", Message.of("table.lifecycle.by-period", unit(series.granularity())))
                .column("period", ColumnType.TEXT);
        for (LifecycleStage stage : LifecycleStage.values()) {
            t.column(camel(Cell.code(stage)), Message.of("stage." + Cell.code(stage)), ColumnType.COUNT);
        }
        for (int p = 0; p < series.periods().size(); p++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(series.periods().get(p).label()));
            for (LifecycleStage stage : LifecycleStage.values()) {
                row.add(Cell.count(series.stages().get(p).count(stage)));
            }
            t.row(row);
        }
        s.table(t.build());
        List<Chart.Series> stages = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            stages.add(Chart.Series.bar(camel(Cell.code(stage))));
        }
        s.chart(new Chart.TimeSeries(
                "lifecycleChart", Message.of("chart.lifecycle"), "lifecycleByPeriod", "period", stages, true));
        if (!series.transitions().isEmpty()) {
            StageTransitions last =
                    series.transitions().get(series.transitions().size() - 1);
            Table.Builder flow = Table.builder(
                            "lifecycleFlow",
                            Message.of("table.lifecycle.flow", last.period().label()))
                    .column("from", ColumnType.TEXT)
                    .column("to", ColumnType.TEXT)
                    .column("customers", ColumnType.COUNT);
            for (LifecycleStage to : LifecycleStage.values()) {
                long newcomers = last.newcomers(to);
                if (newcomers > 0) {
                    flow.row(
                            new Cell.Label("newcomer", Message.of("stage.newcomer")),
                            Cell.label("stage", to),
                            Cell.count(newcomers));
                }
            }
            for (LifecycleStage from : LifecycleStage.values()) {
                for (LifecycleStage to : LifecycleStage.values()) {
                    long n = last.count(from, to);
                    if (n > 0 && from != to) {
                        flow.row(Cell.label("stage", from), Cell.label("stage", to), Cell.count(n));
                    }
                }
            }
            s.table(flow.build());
            s.chart(new Chart.Flow(
                    "lifecycleFlowChart",
                    Message.of("chart.lifecycle-flow"),
                    "lifecycleFlow",
                    "from",
                    "to",
                    "customers"));
        }
        return s.build();
    }

    static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    private static Section rfm(LoyaltyReport report) {
        Message title = Message.of("section.rfm-segments");
        if (!report.rfm().isAvailable()) {
            return unavailable("rfmSegments", title, report.rfm(), Optional.empty());
        }
        Section.Builder s = Section.builder("rfmSegments", title)
                .note(Message.of("note.as-of", report.segmentsAsOf().orElseThrow()));
        s.table(distribution(
                "rfmSegmentDistribution",
                Message.of("table.rfm"),
                report.rfm().get(),
                "rfm",
                org.loyaltykpi.segment.RfmSegment.values()));
        s.chart(new Chart.Bars(
                "rfmChart",
                Message.of("chart.rfm"),
                "rfmSegmentDistribution",
                "segment",
                List.of(Chart.Series.bar("customers")),
                false,
                true));
        return s.build();
    }

    private static Section churn(Outcome<ChurnRiskSummary> outcome, int listed) {
        Message title = Message.of("section.churn-risk");
        if (!outcome.isAvailable()) {
            return unavailable("churnRisk", title, outcome, Optional.empty());
        }
        ChurnRiskSummary r = outcome.get();
        Section.Builder s = Section.builder("churnRisk", title)
                .note(Message.of("note.as-of", r.asOf()))
                .figure(KeyFigure.of("flagged", Message.of("figure.flagged"), Cell.ratio(r.flaggedShare())));
        Table.Builder reasons = Table.builder("churnReasons", Message.of("table.churn.reasons"))
                .column("reason", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("share", ColumnType.RATIO);
        for (ChurnReason reason : ChurnReason.values()) {
            reasons.row(
                    Cell.label("reason", reason),
                    Cell.count(r.count(reason)),
                    Cell.ratio(r.count(reason), r.customers()));
        }
        s.table(reasons.build());
        s.chart(new Chart.Bars(
                "churnReasonChart",
                Message.of("chart.churn-reasons"),
                "churnReasons",
                "reason",
                List.of(Chart.Series.bar("customers")),
                false,
                true));
        Table.Builder flagged = Table.builder("churnFlagged", Message.of("table.churn.flagged", listed))
                .column("customer", ColumnType.TEXT)
                .column("signals", ColumnType.COUNT);
        for (ChurnReason reason : ChurnReason.values()) {
            String code = Cell.code(reason);
            flagged.column(camel(code), Message.of("column.signal", Message.of("reason." + code)), ColumnType.DECIMAL);
        }
        for (ChurnRisk risk : r.firstFlagged()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(risk.customer().value()));
            row.add(Cell.count(risk.signals().size()));
            for (ChurnReason reason : ChurnReason.values()) {
                row.add(risk.signals().stream()
                        .filter(signal -> signal.reason() == reason)
                        .findFirst()
                        .<Cell>map(signal -> Cell.decimal(signal.value(), 2))
                        .orElseGet(Cell::missing));
            }
            flagged.row(row);
        }
        flagged.note(Message.of("note.churn-signals"));
        s.table(flagged.build());
        return s.build();
    }

    // ---------------------------------------------------------------- reviews

    private static Section feedback(Outcome<FeedbackResults> outcome, Optional<String> source, Granularity g) {
        Message title = Message.of("section.feedback");
        if (!outcome.isAvailable() && !outcome.note().orElseThrow().equals("no reviews")) {
            return degraded("reviews", title, outcome);
        }
        if (!outcome.isAvailable()) {
            return Section.builder("reviews", title)
                    .note(Message.of("note.no-reviews"))
                    .build();
        }
        FeedbackResults r = outcome.get();
        ReviewSeries series = r.series();
        SentimentCounts total = series.total();
        Section.Builder s = Section.builder("reviews", title);
        source.ifPresent(src -> s.note(Message.of("note.source", src)));
        s.figure(KeyFigure.of("positiveShare", Message.of("figure.positive-share"), Cell.ratio(total.positiveShare())));
        s.figure(KeyFigure.of("reviewCount", Message.of("figure.reviews"), Cell.count(total.reviews())));
        s.figure(KeyFigure.of(
                "reviewsOutsideRange", Message.of("figure.reviews-outside-range"), Cell.count(r.outsideRange())));
        if (r.outsideRange() > 0) {
            s.note(Message.of("note.reviews-outside-range", r.outsideRange()));
        }
        if (r.repeat().isPresent()) {
            ReviewerRepeat repeat = r.repeat().get();
            s.table(Table.builder(
                            "reviewerRepeat",
                            Message.of("table.reviews.repeat", repeat.window().label()))
                    .column("reviewers", ColumnType.RATIO)
                    .column("nonReviewers", ColumnType.RATIO)
                    .column("differencePoints", ColumnType.DECIMAL)
                    .column("reviewersWithoutPurchase", ColumnType.COUNT)
                    .row(
                            Cell.ratio(repeat.reviewers()),
                            Cell.ratio(repeat.nonReviewers()),
                            points1(repeat.differencePoints()),
                            Cell.count(repeat.reviewersWithoutPurchase()))
                    .build());
        }
        Table.Builder t = Table.builder("reviewsByPeriod", Message.of("table.reviews.by-period", unit(g)))
                .column("period", ColumnType.TEXT)
                .column("reviews", ColumnType.COUNT)
                .column("positive", ColumnType.COUNT)
                .column("neutral", ColumnType.COUNT)
                .column("negative", ColumnType.COUNT)
                .column("positiveShare", ColumnType.RATIO)
                .column("pointsVsPrevious", ColumnType.DECIMAL)
                .column("relativeVsPrevious", ColumnType.SHARE)
                .column("pointsVsBaseline", ColumnType.DECIMAL)
                .column("relativeVsBaseline", ColumnType.SHARE);
        List<ShareTrend> trend = series.trend();
        for (int i = 0; i < trend.size(); i++) {
            ShareTrend st = trend.get(i);
            SentimentCounts c = series.periods().get(i).counts();
            t.row(
                    Cell.text(st.period().label()),
                    Cell.count(c.reviews()),
                    Cell.count(c.positive()),
                    Cell.count(c.neutral()),
                    Cell.count(c.negative()),
                    Cell.ratio(st.share()),
                    points1(st.pointsVsPrevious()),
                    Cell.share(st.relativeVsPrevious()),
                    points1(st.pointsVsBaseline()),
                    Cell.share(st.relativeVsBaseline()));
        }
        s.table(t.build());
        s.chart(new Chart.TimeSeries(
                "reviewsChart",
                Message.of("chart.reviews"),
                "reviewsByPeriod",
                "period",
                List.of(Chart.Series.line("positiveShare")),
                false));
        return s.build();
    }

    // ---------------------------------------------------------------- value

    private static Section value(Outcome<ValueSummary> outcome, Optional<String> source) {
        Message title = Message.of("section.value");
        if (!outcome.isAvailable()) {
            return unavailable("value", title, outcome, Optional.empty());
        }
        ValueSummary v = outcome.get();
        Section.Builder s = Section.builder("value", title)
                .note(source.map(src -> Message.of("note.spend", src)).orElseGet(() -> Message.of("note.no-spend")));
        AcquisitionCost cac = v.acquisitionCost();
        s.figure(KeyFigure.of("cac", Message.of("figure.cac"), Cell.money(cac.overall())));
        s.figure(KeyFigure.of(
                "simpleLtv",
                Message.of("figure.simple-ltv"),
                Cell.money(v.simpleLtv().value())));
        s.figure(KeyFigure.of(
                "marginLtv",
                Message.of("figure.margin-ltv"),
                Cell.money(v.marginLtv().value())));
        s.figure(KeyFigure.of(
                "simpleLtvToCac", Message.of("figure.simple-ltv-to-cac"), Cell.decimal(v.simpleLtvToCac())));
        s.figure(KeyFigure.of(
                "marginLtvToCac", Message.of("figure.margin-ltv-to-cac"), Cell.decimal(v.marginLtvToCac())));
        s.figure(KeyFigure.of(
                "averageOrderValueUplift",
                Message.of("figure.aov-uplift"),
                Cell.share(v.repeatRevenue().averageOrderValueUplift())));
        s.figure(KeyFigure.of(
                "repeatRevenueShare",
                Message.of("figure.repeat-revenue-share"),
                Cell.share(v.repeatRevenue().returningRevenueShare())));
        Table.Builder periods = Table.builder("cacByPeriod", Message.of("table.value.cac"))
                .column("period", ColumnType.TEXT)
                .column("acquisitionSpend", ColumnType.MONEY)
                .column("newCustomers", ColumnType.COUNT)
                .column("cac", ColumnType.MONEY);
        for (PeriodCac p : cac.periods()) {
            periods.row(
                    Cell.text(p.period().label()),
                    Cell.money(p.acquisitionSpend()),
                    Cell.count(p.newCustomers()),
                    Cell.money(p.cac()));
        }
        s.table(periods.build());
        if (!cac.periods().isEmpty()) {
            s.chart(new Chart.TimeSeries(
                    "cacChart",
                    Message.of("chart.cac"),
                    "cacByPeriod",
                    "period",
                    List.of(Chart.Series.bar("cac")),
                    false));
        }
        Table.Builder payback = Table.builder("payback", Message.of("table.value.payback"))
                .column("cohort", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("acquisitionSpend", ColumnType.MONEY)
                .column("cac", ColumnType.MONEY)
                .column("marginPerCustomer", ColumnType.MONEY)
                .column("paybackPeriods", ColumnType.COUNT)
                .column("observedPeriods", ColumnType.COUNT);
        for (CohortPayback p : v.payback()) {
            payback.row(
                    Cell.text(p.cohort().label()),
                    Cell.count(p.customers()),
                    Cell.money(p.acquisitionSpend()),
                    Cell.money(p.cac()),
                    Cell.money(p.marginPerCustomer()),
                    p.periods().isPresent() ? Cell.count(p.periods().getAsInt()) : Cell.missing(),
                    Cell.count(p.observedPeriods()));
        }
        s.table(payback.build());
        if (!v.payback().isEmpty()) {
            s.chart(new Chart.Bars(
                    "paybackChart",
                    Message.of("chart.payback"),
                    "payback",
                    "cohort",
                    List.of(Chart.Series.bar("cac"), Chart.Series.line("marginPerCustomer")),
                    false,
                    false));
        }
        return s.build();
    }

    // ---------------------------------------------------------------- program

    private static Section program(Outcome<ProgramOverview> outcome, Optional<String> source) {
        Message title = Message.of("section.program");
        if (!outcome.isAvailable()) {
            return Section.builder("program", title)
                    .note(Message.of("note.no-events"))
                    .build();
        }
        ProgramOverview o = outcome.get();
        Section.Builder s = Section.builder("program", title);
        source.ifPresent(src -> s.note(Message.of("note.source", src)));
        String t = "programByPeriod";
        s.figure(latest(
                "participationRate", o.periods(), p -> Cell.ratio(p.participationRate()), t, "participationRate"));
        s.figure(latest(
                "redemptionRate", o.periods(), p -> Cell.share(p.points().redemptionRate()), t, "redemptionRate"));
        s.figure(latest(
                "outstandingPoints",
                o.periods(),
                p -> Cell.count(Math.max(0, p.balance().outstanding())),
                t,
                "outstandingPoints"));
        Table.Builder periods = Table.builder(t, Message.of("table.program.by-period"))
                .column("period", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("members", ColumnType.COUNT)
                .column("newMembers", ColumnType.COUNT)
                .column("activeMembers", ColumnType.COUNT)
                .column("participationRate", ColumnType.RATIO)
                .column("activeMemberRate", ColumnType.RATIO)
                .column("referralRate", ColumnType.RATIO)
                .column("pointsEarned", ColumnType.COUNT)
                .column("pointsRedeemed", ColumnType.COUNT)
                .column("redemptionRate", ColumnType.SHARE)
                .column("outstandingPoints", ColumnType.COUNT);
        for (ProgramPeriod p : o.periods()) {
            periods.row(
                    Cell.text(p.period().label()),
                    Cell.count(p.customers()),
                    Cell.count(p.members()),
                    Cell.count(p.newMembers()),
                    Cell.count(p.activeMembers()),
                    Cell.ratio(p.participationRate()),
                    Cell.ratio(p.activeMemberRate()),
                    Cell.ratio(p.referralRate()),
                    Cell.count(p.points().earned()),
                    Cell.count(p.points().redeemed()),
                    Cell.share(p.points().redemptionRate()),
                    Cell.count(Math.max(0, p.balance().outstanding())));
        }
        s.table(periods.build());
        s.chart(new Chart.TimeSeries(
                "programChart",
                Message.of("chart.program"),
                t,
                "period",
                List.of(
                        Chart.Series.line("participationRate"),
                        Chart.Series.line("activeMemberRate"),
                        Chart.Series.line("redemptionRate")),
                false));
        s.chart(new Chart.TimeSeries(
                "pointsChart",
                Message.of("chart.points"),
                t,
                "period",
                List.of(
                        Chart.Series.bar("pointsEarned"),
                        Chart.Series.bar("pointsRedeemed"),
                        Chart.Series.line("outstandingPoints")),
                false));
        Table.Builder tiers = Table.builder(
                        "programTiers",
                        Message.of("table.program.tiers", o.tiers().asOf()))
                .column("tier", ColumnType.TEXT)
                .column("members", ColumnType.COUNT);
        tiers.row(
                new Cell.Label("none", Message.of("tier.none")),
                Cell.count(o.tiers().untiered()));
        for (Tier tier : Tier.values()) {
            tiers.row(Cell.label("tier", tier), Cell.count(o.tiers().counts().getOrDefault(tier, 0L)));
        }
        s.table(tiers.build());
        s.chart(new Chart.Bars(
                "tiersChart",
                Message.of("chart.tiers"),
                "programTiers",
                "tier",
                List.of(Chart.Series.bar("members")),
                false,
                false));
        Table.Builder tiersByPeriod = Table.builder("programTiersByPeriod", Message.of("table.program.tiers-by-period"))
                .column("period", ColumnType.TEXT)
                .column("none", Message.of("tier.none"), ColumnType.COUNT);
        for (Tier tier : Tier.values()) {
            tiersByPeriod.column(Cell.code(tier), Message.of("tier." + Cell.code(tier)), ColumnType.COUNT);
        }
        for (int i = 0; i < o.periods().size(); i++) {
            org.loyaltykpi.program.TierDistribution d = o.tiersByPeriod().get(i);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(o.periods().get(i).period().label()));
            row.add(Cell.count(d.untiered()));
            for (Tier tier : Tier.values()) {
                row.add(Cell.count(d.counts().getOrDefault(tier, 0L)));
            }
            tiersByPeriod.row(row);
        }
        s.table(tiersByPeriod.build());
        List<Chart.Series> tierSeries = new ArrayList<>();
        tierSeries.add(Chart.Series.bar("none"));
        for (Tier tier : Tier.values()) {
            tierSeries.add(Chart.Series.bar(Cell.code(tier)));
        }
        s.chart(new Chart.TimeSeries(
                "tiersByPeriodChart",
                Message.of("chart.tiers-by-period"),
                "programTiersByPeriod",
                "period",
                tierSeries,
                true));
        ProgramLift lift = o.lift();
        s.table(behaviourTable(
                "programLift",
                Message.of("table.program.lift", lift.window().label()),
                "group",
                List.of(
                        new Cell.Label("members", Message.of("group.members")),
                        new Cell.Label("non-members", Message.of("group.non-members"))),
                List.of(lift.members(), lift.nonMembers())));
        return s.build();
    }

    // ---------------------------------------------------------------- targets

    private static Section targets(Outcome<List<TargetEvaluation>> outcome) {
        if (!outcome.isAvailable()) {
            return degraded("targets", Message.of("section.targets"), outcome);
        }
        Section.Builder s = Section.builder("targets", Message.of("section.targets"));
        List<TargetEvaluation> evaluations = outcome.get();
        List<Table> pathTables = new ArrayList<>();
        List<Chart> pathCharts = new ArrayList<>();
        Table.Builder latest = Table.builder("targetsLatest", Message.of("table.targets.latest"))
                .column("metric", ColumnType.TEXT)
                .column("unit", ColumnType.TEXT)
                .column("period", ColumnType.TEXT)
                .column("status", ColumnType.TEXT)
                .column("value", ColumnType.DECIMAL)
                .column("required", ColumnType.DECIMAL)
                .column("met", ColumnType.COUNT)
                .column("missed", ColumnType.COUNT);
        for (TargetEvaluation e : evaluations) {
            Optional<TargetPeriod> last = e.latest();
            latest.row(
                    Cell.text(e.target().metric()),
                    Cell.text(e.unit()),
                    last.<Cell>map(p -> Cell.text(p.period().label())).orElseGet(Cell::missing),
                    last.map(p -> Cell.label("status", p.status()))
                            .orElseGet(() -> Cell.label("status", org.loyaltykpi.target.TargetStatus.NO_DATA)),
                    last.map(p -> points1(p.value())).orElseGet(Cell::missing),
                    last.map(p -> points1(p.required())).orElseGet(Cell::missing),
                    Cell.count(e.count(org.loyaltykpi.target.TargetStatus.MET)),
                    Cell.count(e.count(org.loyaltykpi.target.TargetStatus.MISSED)));
        }
        s.table(latest.build());
        s.table(CommandDocuments.targetPeriods("targetPeriods", evaluations));
        for (TargetEvaluation e : evaluations) {
            if (e.periods().stream().noneMatch(p -> p.value().isPresent())) {
                continue; // no data for this metric (no survey answers, say): no path to draw
            }
            String id = "targetPath" + capitalized(camel(e.target().metric()));
            Message title = e.unit().isEmpty()
                    ? Message.of("table.targets.path-no-unit", e.target().metric())
                    : Message.of("table.targets.path", e.target().metric(), e.unit());
            Table.Builder path = Table.builder(id, title)
                    .column("period", ColumnType.TEXT)
                    .column("status", ColumnType.TEXT)
                    .column("value", ColumnType.DECIMAL)
                    .column("path", ColumnType.DECIMAL)
                    .column("required", ColumnType.DECIMAL);
            for (TargetPeriod p : e.periods()) {
                path.row(
                        Cell.text(p.period().label()),
                        Cell.label("status", p.status()),
                        points1(p.value()),
                        points1(p.path()),
                        points1(p.required()));
            }
            pathTables.add(path.build());
            pathCharts.add(new Chart.TimeSeries(
                    id + "Chart",
                    Message.of("chart.target-path", e.target().metric()),
                    id,
                    "period",
                    List.of(Chart.Series.line("value"), Chart.Series.line("path"), Chart.Series.line("required")),
                    false));
        }
        s.chart(new Chart.Bars(
                "targetsChart",
                Message.of("chart.targets"),
                "targetsLatest",
                "metric",
                List.of(Chart.Series.bar("value"), Chart.Series.line("required")),
                false,
                true));
        pathTables.forEach(s::table);
        pathCharts.forEach(s::chart);
        return s.build();
    }
}
