package org.loyaltykpi.document.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.segment.ChurnReason;
import org.loyaltykpi.segment.ChurnRisk;
import org.loyaltykpi.segment.ChurnRiskOptions;
import org.loyaltykpi.segment.ChurnRiskReport;
import org.loyaltykpi.segment.CustomerLevel;
import org.loyaltykpi.segment.CustomerStage;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStage;
import org.loyaltykpi.segment.LifecycleStages;
import org.loyaltykpi.segment.LoyaltyLevels;
import org.loyaltykpi.segment.RfmScore;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.SegmentDistribution;
import org.loyaltykpi.segment.StageTransitions;

/**
 * The sections of {@code loyalty segments}: loyalty levels, lifecycle stages, RFM segments and churn risk as of a day,
 * each a section whose figures and tables have the dotted ids of the command's JSON
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}), and the one-row-per-customer table of its CSV.
 * Enum values are lower-kebab codes in JSON and CSV ({@code "at-risk"}), translated labels in text.
 *
 * <pre>{@code
 * LoyaltyLevels levels = SegmentCalculator.loyaltyLevels(table, answers, reviews, asOf, LevelOptions.defaults());
 * Section s = SegmentDocuments.levels(levels);
 * // figures loyaltyLevels.asOf, loyaltyLevels.behaviourWindowDays, ..., table loyaltyLevels.levels
 * }</pre>
 */
public final class SegmentDocuments {
    private SegmentDocuments() {}

    private static void figure(Section.Builder s, String id, Message label, Cell value) {
        s.figure(KeyFigure.of(id, label, value));
    }

    private static void count(Section.Builder s, String id, String key, long value) {
        figure(s, id, Message.of(key), Cell.count(value));
    }

    /**
     * A distribution: the figures {@code <id>.customers} and {@code <id>.revenue}, and the table {@code <id>.<name>}
     * with one row per segment: {@code name} (lower-kebab), {@code customers}, {@code share}, {@code revenue},
     * {@code revenueShare}.
     */
    private static <E extends Enum<E>> void distribution(
            Section.Builder s,
            String id,
            String name,
            Message title,
            String prefix,
            Message revenue,
            SegmentDistribution<E> d) {
        count(s, id + ".customers", "field.segments.customers", d.customers());
        figure(s, id + ".revenue", Message.of("field.segments.revenue", revenue), Cell.money(d.totalRevenue()));
        Table.Builder t = Table.builder(id + "." + name, title)
                .column("name", Message.of("column.segment"), ColumnType.TEXT)
                .column("customers", Message.of("column.customers"), ColumnType.COUNT)
                .column("share", Message.of("column.share"), ColumnType.RATIO)
                .column("revenue", revenue, ColumnType.MONEY)
                .column("revenueShare", Message.of("column.revenue-share"), ColumnType.RATIO);
        for (E e : d.type().getEnumConstants()) {
            t.row(
                    Cell.label(prefix, e),
                    Cell.count(d.count(e)),
                    Cell.ratio(d.share(e)),
                    Cell.money(d.revenue(e)),
                    Cell.ratio(d.revenueShare(e)));
        }
        s.table(t.build());
    }

    /**
     * Dick and Basu's loyalty levels as the section {@code loyaltyLevels}: the figures {@code asOf},
     * {@code behaviourWindowDays}, {@code minPurchaseDays}, {@code churnWindowDays}, {@code passiveAttitude}
     * ({@code "low"} or {@code "high"}), {@code customers}, {@code revenue} (in the behaviour window), and the table
     * {@code levels} ({@code name}, {@code customers}, {@code share}, {@code revenue}, {@code revenueShare}), all under
     * {@code loyaltyLevels.}.
     *
     * @param l the levels
     * @return the section
     */
    public static Section levels(LoyaltyLevels l) {
        LevelOptions o = l.options();
        Section.Builder s = Section.builder("loyaltyLevels", Message.of("section.segments.levels", l.asOf()));
        figure(s, "loyaltyLevels.asOf", Message.of("field.segments.as-of"), Cell.day(l.asOf()));
        count(s, "loyaltyLevels.behaviourWindowDays", "field.segments.behaviour-window-days", o.behaviourWindowDays());
        count(s, "loyaltyLevels.minPurchaseDays", "field.segments.min-purchase-days", o.minPurchaseDays());
        count(s, "loyaltyLevels.churnWindowDays", "field.segments.churn-window-days", o.churnWindowDays());
        figure(
                s,
                "loyaltyLevels.passiveAttitude",
                Message.of("field.segments.passive-attitude"),
                Cell.label("attitude", o.passiveAttitude()));
        distribution(
                s,
                "loyaltyLevels",
                "levels",
                Message.of("table.segments.levels", o.minPurchaseDays(), o.behaviourWindowDays(), o.churnWindowDays()),
                "level",
                Message.of("column.window-revenue"),
                l.distribution());
        return s.build();
    }

    /**
     * Lifecycle stages as the section {@code lifecycle}: the figures {@code asOf}, {@code atRiskDays},
     * {@code lapsedDays}, {@code periodDays}, {@code loyalPeriods}, {@code lookbackPeriods}, {@code customers},
     * {@code revenue} (to date), {@code granularity} ({@code "month"}); the tables {@code stages} (the distribution),
     * {@code periods} (per period of the series: {@code period} and {@code stages.<stage>}, the customers in each
     * stage at its end) and {@code transitions} (per period, the customers that moved {@code from} a stage at its
     * start, or {@code "new"}, {@code to} a stage at its end, {@code customers}; only moves of at least one customer),
     * all under {@code lifecycle.}.
     *
     * @param stages the stages as of the day
     * @param series the series up to the day
     * @param transitionPeriods the latest periods whose transitions the table holds (text shows the latest, JSON every
     *     period: {@code Integer.MAX_VALUE})
     * @return the section
     */
    public static Section lifecycle(LifecycleStages stages, LifecycleSeries series, int transitionPeriods) {
        LifecycleOptions o = stages.options();
        Section.Builder s = Section.builder("lifecycle", Message.of("section.segments.lifecycle", stages.asOf()));
        figure(s, "lifecycle.asOf", Message.of("field.segments.as-of"), Cell.day(stages.asOf()));
        count(s, "lifecycle.atRiskDays", "field.segments.at-risk-days", o.atRiskDays());
        count(s, "lifecycle.lapsedDays", "field.segments.lapsed-days", o.lapsedDays());
        count(s, "lifecycle.periodDays", "field.segments.period-days", o.periodDays());
        count(s, "lifecycle.loyalPeriods", "field.segments.loyal-periods", o.loyalPeriods());
        count(s, "lifecycle.lookbackPeriods", "field.segments.lookback-periods", o.lookbackPeriods());
        distribution(
                s,
                "lifecycle",
                "stages",
                Message.of(
                        "table.segments.stages",
                        o.atRiskDays(),
                        o.lapsedDays(),
                        o.loyalPeriods(),
                        o.lookbackPeriods(),
                        o.periodDays()),
                "stage",
                Message.of("column.revenue-to-date"),
                stages.distribution());
        figure(s, "lifecycle.granularity", Message.of("field.granularity"), Cell.label("unit", series.granularity()));
        Table.Builder periods = Table.builder(
                        "lifecycle.periods",
                        Message.of("table.segments.periods", ReportDocument.unit(series.granularity())))
                .column("period", Message.of("column.period"), ColumnType.TEXT);
        for (LifecycleStage stage : LifecycleStage.values()) {
            periods.column("stages." + Cell.code(stage), Message.of("stage." + Cell.code(stage)), ColumnType.COUNT);
        }
        for (int k = 0; k < series.periods().size(); k++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(series.periods().get(k).toString()));
            for (LifecycleStage stage : LifecycleStage.values()) {
                row.add(Cell.count(series.stages().get(k).count(stage)));
            }
            periods.row(row);
        }
        s.table(periods.build());
        int from = Math.max(0, series.periods().size() - Math.max(0, transitionPeriods));
        Table.Builder flows = Table.builder(
                        "lifecycle.transitions",
                        Message.of(
                                "table.segments.transitions", series.periods().size() - from))
                .column("period", Message.of("column.period"), ColumnType.TEXT)
                .column("from", Message.of("column.stage-from"), ColumnType.TEXT)
                .column("to", Message.of("column.stage-to"), ColumnType.TEXT)
                .column("customers", Message.of("column.customers"), ColumnType.COUNT);
        Cell newcomer = new Cell.Label("new", Message.of("stage.newcomer"));
        for (int k = from; k < series.periods().size(); k++) {
            Cell period = Cell.text(series.periods().get(k).toString());
            StageTransitions t = series.transitions().get(k);
            for (LifecycleStage start : LifecycleStage.values()) {
                for (LifecycleStage end : LifecycleStage.values()) {
                    long n = t.count(start, end);
                    if (n > 0) {
                        flows.row(period, Cell.label("stage", start), Cell.label("stage", end), Cell.count(n));
                    }
                }
            }
            for (LifecycleStage end : LifecycleStage.values()) {
                long n = t.newcomers(end);
                if (n > 0) {
                    flows.row(period, newcomer, Cell.label("stage", end), Cell.count(n));
                }
            }
        }
        s.table(flows.build());
        return s.build();
    }

    /**
     * RFM segments as the section {@code rfmSegments}: the figures {@code asOf}, {@code customers}, {@code revenue}
     * (spend to date) and the table {@code segments}, all under {@code rfmSegments.}.
     *
     * @param r the scores
     * @return the section
     */
    public static Section rfm(RfmScores r) {
        Section.Builder s = Section.builder("rfmSegments", Message.of("section.segments.rfm", r.asOf()));
        figure(s, "rfmSegments.asOf", Message.of("field.segments.as-of"), Cell.day(r.asOf()));
        distribution(
                s,
                "rfmSegments",
                "segments",
                Message.of("table.segments.rfm"),
                "rfm",
                Message.of("column.spend-to-date"),
                r.distribution());
        return s.build();
    }

    /** The reasons of a flagged customer, {@code ;}-separated lower-kebab codes: {@code declining-activity;no-repeat}. */
    private static String reasons(ChurnRisk risk) {
        return risk.signals().stream().map(s -> Cell.code(s.reason())).collect(Collectors.joining(";"));
    }

    /**
     * Churn risk as the section {@code churnRisk}: the figures {@code asOf}, {@code recentWindowDays},
     * {@code decliningRatio}, {@code noRepeatDays}, {@code pAliveThreshold}, {@code model} ({@code null} without one),
     * {@code customers}, {@code flagged}, {@code flaggedShare}, {@code reasons.<reason>} (flagged customers per
     * reason; {@code low-p-alive} is {@code null} without a model), and the table {@code flaggedCustomers} (in id
     * order: {@code customer}, {@code reasons} and {@code signals.<reason>}, the value that triggered each reason or
     * {@code null}), all under {@code churnRisk.}.
     *
     * @param c the churn risk
     * @param listed how many flagged customers the table lists, the first in id order (text lists a few, JSON all:
     *     {@code Integer.MAX_VALUE})
     * @return the section
     */
    public static Section churn(ChurnRiskReport c, int listed) {
        ChurnRiskOptions o = c.options();
        Section.Builder s = Section.builder("churnRisk", Message.of("section.segments.churn", c.asOf()));
        figure(s, "churnRisk.asOf", Message.of("field.segments.as-of"), Cell.day(c.asOf()));
        count(s, "churnRisk.recentWindowDays", "field.segments.recent-window-days", o.recentWindowDays());
        figure(
                s,
                "churnRisk.decliningRatio",
                Message.of("field.segments.declining-ratio"),
                Cell.decimal(o.decliningRatio(), 2));
        count(s, "churnRisk.noRepeatDays", "field.segments.no-repeat-days", o.noRepeatDays());
        figure(
                s,
                "churnRisk.pAliveThreshold",
                Message.of("field.segments.p-alive-threshold"),
                Cell.decimal(o.pAliveThreshold(), 2));
        figure(
                s,
                "churnRisk.model",
                Message.of("field.segments.model"),
                c.model().<Cell>map(Cell::text).orElseGet(Cell::missing));
        count(s, "churnRisk.customers", "field.segments.customers", c.customers());
        count(s, "churnRisk.flagged", "field.segments.flagged", c.flagged().size());
        figure(s, "churnRisk.flaggedShare", Message.of("field.segments.flagged-share"), Cell.ratio(c.flaggedShare()));
        Map<ChurnReason, Message> rules = new LinkedHashMap<>();
        rules.put(
                ChurnReason.DECLINING_ACTIVITY,
                Message.of("field.segments.reason.declining-activity", o.recentWindowDays(), o.decliningRatio()));
        rules.put(ChurnReason.NO_REPEAT, Message.of("field.segments.reason.no-repeat", o.noRepeatDays()));
        rules.put(
                ChurnReason.LOW_P_ALIVE,
                c.model().isPresent()
                        ? Message.of(
                                "field.segments.reason.low-p-alive",
                                o.pAliveThreshold(),
                                c.model().get())
                        : Message.of("field.segments.reason.no-model"));
        for (Map.Entry<ChurnReason, Message> rule : rules.entrySet()) {
            ChurnReason reason = rule.getKey();
            boolean defined = reason != ChurnReason.LOW_P_ALIVE || c.model().isPresent();
            figure(
                    s,
                    "churnRisk.reasons." + Cell.code(reason),
                    rule.getValue(),
                    defined ? Cell.count(c.count(reason)) : Cell.missing());
        }
        List<ChurnRisk> shown = c.flagged().stream()
                .sorted(java.util.Comparator.comparing(r -> r.customer().value()))
                .limit(Math.max(0, listed))
                .toList();
        Table.Builder t = Table.builder(
                        "churnRisk.flaggedCustomers",
                        Message.of(
                                "table.segments.flagged",
                                shown.size(),
                                c.flagged().size()))
                .column("customer", Message.of("column.customer"), ColumnType.TEXT)
                .column("reasons", Message.of("column.reasons"), ColumnType.TEXT);
        for (ChurnReason reason : ChurnReason.values()) {
            String code = Cell.code(reason);
            t.column("signals." + code, Message.of("column.signal", Message.of("reason." + code)), ColumnType.DECIMAL);
        }
        for (ChurnRisk r : shown) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(r.customer().value()));
            row.add(Cell.text(reasons(r)));
            for (ChurnReason reason : ChurnReason.values()) {
                row.add(r.signals().stream()
                        .filter(signal -> signal.reason() == reason)
                        .findFirst()
                        .<Cell>map(signal -> Cell.decimal(signal.value(), 2))
                        .orElseGet(Cell::missing));
            }
            t.row(row);
        }
        s.table(t.build());
        return s.build();
    }

    /**
     * The CSV of {@code loyalty segments}: one row per customer (in id order) with the columns of the views given,
     * empty where a customer is not in a view: {@code customer_id}; levels {@code level, attitude,
     * window_purchase_days, window_revenue}; lifecycle {@code stage, purchase_days, days_since_last_purchase,
     * revenue}; RFM {@code recency_days, frequency, monetary, r, f, m, rfm, rfm_segment}; churn {@code churn_reasons}
     * ({@code ;}-separated, flagged customers only).
     *
     * @param levels the levels, if shown
     * @param stages the lifecycle stages, if shown
     * @param rfm the RFM scores, if shown
     * @param churn the churn risk, if shown
     * @return the table {@code segments}
     */
    public static Table customers(
            Optional<LoyaltyLevels> levels,
            Optional<LifecycleStages> stages,
            Optional<RfmScores> rfm,
            Optional<ChurnRiskReport> churn) {
        Table.Builder t = Table.builder("segments", Message.of("table.segments.customers"))
                .column("customer_id", Message.of("column.customer"), ColumnType.TEXT);
        List<CustomerColumn> columns = new ArrayList<>(); // the views' columns, in order: header and row cells
        Map<String, Map<String, Cell>> rows = new TreeMap<>();
        levels.ifPresent(l -> {
            columns.addAll(List.of(
                    new CustomerColumn("level", "column.level", ColumnType.TEXT),
                    new CustomerColumn("attitude", "column.attitude", ColumnType.TEXT),
                    new CustomerColumn("window_purchase_days", "column.window-purchase-days", ColumnType.COUNT),
                    new CustomerColumn("window_revenue", "column.window-revenue", ColumnType.MONEY)));
            for (CustomerLevel c : l.customers()) {
                Map<String, Cell> row = rows.computeIfAbsent(c.customer().value(), k -> new TreeMap<>());
                row.put("level", Cell.label("level", c.level()));
                row.put(
                        "attitude",
                        c.attitude().map(a -> Cell.label("attitude", a)).orElseGet(Cell::missing));
                row.put("window_purchase_days", Cell.count(c.purchaseDays()));
                row.put("window_revenue", Cell.money(c.revenue()));
            }
        });
        stages.ifPresent(s -> {
            columns.addAll(List.of(
                    new CustomerColumn("stage", "column.stage", ColumnType.TEXT),
                    new CustomerColumn("purchase_days", "column.purchase-days", ColumnType.COUNT),
                    new CustomerColumn("days_since_last_purchase", "column.days-since-last-purchase", ColumnType.COUNT),
                    new CustomerColumn("revenue", "column.revenue-to-date", ColumnType.MONEY)));
            for (CustomerStage c : s.customers()) {
                Map<String, Cell> row = rows.computeIfAbsent(c.customer().value(), k -> new TreeMap<>());
                row.put("stage", Cell.label("stage", c.stage()));
                row.put("purchase_days", Cell.count(c.purchaseDays()));
                row.put(
                        "days_since_last_purchase",
                        c.daysSinceLastPurchase().isPresent()
                                ? Cell.count(c.daysSinceLastPurchase().getAsInt())
                                : Cell.missing());
                row.put("revenue", Cell.money(c.revenue()));
            }
        });
        rfm.ifPresent(r -> {
            columns.addAll(List.of(
                    new CustomerColumn("recency_days", "column.recency-days", ColumnType.COUNT),
                    new CustomerColumn("frequency", "column.purchase-days", ColumnType.COUNT),
                    new CustomerColumn("monetary", "column.spend-to-date", ColumnType.MONEY),
                    new CustomerColumn("r", "column.rfm-r", ColumnType.COUNT),
                    new CustomerColumn("f", "column.rfm-f", ColumnType.COUNT),
                    new CustomerColumn("m", "column.rfm-m", ColumnType.COUNT),
                    new CustomerColumn("rfm", "column.rfm-code", ColumnType.TEXT),
                    new CustomerColumn("rfm_segment", "column.segment", ColumnType.TEXT)));
            for (RfmScore c : r.customers()) {
                Map<String, Cell> row = rows.computeIfAbsent(c.customer().value(), k -> new TreeMap<>());
                row.put("recency_days", Cell.count(c.recencyDays()));
                row.put("frequency", Cell.count(c.frequency()));
                row.put("monetary", Cell.money(c.monetary()));
                row.put("r", Cell.count(c.recencyScore()));
                row.put("f", Cell.count(c.frequencyScore()));
                row.put("m", Cell.count(c.monetaryScore()));
                row.put("rfm", Cell.text(c.code()));
                row.put("rfm_segment", Cell.label("rfm", c.segment()));
            }
        });
        churn.ifPresent(c -> {
            columns.add(new CustomerColumn("churn_reasons", "column.reasons", ColumnType.TEXT));
            for (ChurnRisk risk : c.flagged()) {
                rows.computeIfAbsent(risk.customer().value(), k -> new TreeMap<>())
                        .put("churn_reasons", Cell.text(reasons(risk)));
            }
        });
        columns.forEach(c -> t.column(c.id(), Message.of(c.label()), c.type()));
        rows.forEach((id, row) -> {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(id));
            for (CustomerColumn column : columns) {
                cells.add(row.getOrDefault(column.id(), Cell.missing()));
            }
            t.row(cells);
        });
        return t.build();
    }

    /** A column of the per-customer table: its id (the CSV header), the key of its label and its type. */
    private record CustomerColumn(String id, String label, ColumnType type) {}
}
