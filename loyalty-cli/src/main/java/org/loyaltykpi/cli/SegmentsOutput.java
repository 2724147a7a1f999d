package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.segment.ChurnReason;
import org.loyaltykpi.segment.ChurnRisk;
import org.loyaltykpi.segment.ChurnRiskReport;
import org.loyaltykpi.segment.ChurnSignal;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStage;
import org.loyaltykpi.segment.LifecycleStages;
import org.loyaltykpi.segment.LoyaltyLevels;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.SegmentDistribution;
import org.loyaltykpi.segment.StageTransitions;

/** Text and JSON of the segment results, shared by {@code loyalty segments} and the report sections. */
final class SegmentsOutput {
    /** Text shows the stage counts of at most this many periods, the latest. */
    static final int TEXT_PERIODS = 12;

    private SegmentsOutput() {}

    /** The output name of an enum constant: lower case, words joined by '-' ({@code AT_RISK} is {@code at-risk}). */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The day after the last purchase: the as-of day that counts every purchase. */
    static java.time.LocalDate dayAfterLastPurchase(PurchaseTable table) {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("no purchases: give --as-of DATE");
        }
        return java.time.LocalDate.ofEpochDay(table.maxEpochDay() + 1L);
    }

    static <E extends Enum<E>> String distributionText(SegmentDistribution<E> d, String what, String revenue) {
        TextTable table = new TextTable(what, "customers", "share", revenue, "revenue share");
        for (E e : d.type().getEnumConstants()) {
            table.row(
                    name(e),
                    BehaviourOutput.count(d.count(e)),
                    BehaviourOutput.percent(d.share(e)),
                    BehaviourOutput.money(d.revenue(e)),
                    BehaviourOutput.percent(d.revenueShare(e)));
        }
        table.row(
                "total",
                BehaviourOutput.count(d.customers()),
                d.customers() == 0 ? "n/a" : "100.0%",
                BehaviourOutput.money(d.totalRevenue()),
                d.totalRevenue().signum() == 0 ? "n/a" : "100.0%");
        return table.render("  ");
    }

    static <E extends Enum<E>> void distributionJson(Json json, String name, SegmentDistribution<E> d) {
        json.field("customers", d.customers()).field("revenue", d.totalRevenue());
        json.beginArray(name);
        for (E e : d.type().getEnumConstants()) {
            json.beginObject()
                    .field("name", name(e))
                    .field("customers", d.count(e))
                    .field("share", d.share(e).value())
                    .field("revenue", d.revenue(e))
                    .field("revenueShare", d.revenueShare(e).value())
                    .endObject();
        }
        json.endArray();
    }

    static void levelsText(PrintWriter out, LoyaltyLevels l) {
        out.println("Loyalty levels (Dick & Basu) as of " + l.asOf() + ": attitude from the latest NPS / CSAT answer"
                + " or review; high repeat = " + l.options().minPurchaseDays() + "+ purchase days in the last "
                + l.options().behaviourWindowDays() + " days; negative = detractor or negative reviewer without a"
                + " purchase in the last " + l.options().churnWindowDays() + " days.");
        out.print(distributionText(l.distribution(), "level", "window revenue"));
    }

    static void levelsJson(Json json, LoyaltyLevels l) {
        json.beginObject()
                .field("asOf", l.asOf().toString())
                .field("behaviourWindowDays", l.options().behaviourWindowDays())
                .field("minPurchaseDays", l.options().minPurchaseDays())
                .field("churnWindowDays", l.options().churnWindowDays())
                .field("passiveAttitude", name(l.options().passiveAttitude()));
        distributionJson(json, "levels", l.distribution());
        json.endObject();
    }

    static void lifecycleText(PrintWriter out, LifecycleStages s, LifecycleSeries series) {
        var o = s.options();
        out.println("Lifecycle stages as of " + s.asOf() + ": at risk after " + o.atRiskDays() + " days without a"
                + " purchase, lapsed after " + o.lapsedDays() + "; loyal = purchases in " + o.loyalPeriods() + " of"
                + " the last " + o.lookbackPeriods() + " windows of " + o.periodDays() + " days.");
        out.print(distributionText(s.distribution(), "stage", "revenue to date"));
        if (series.periods().isEmpty()) {
            return;
        }
        out.println();
        int from = Math.max(0, series.periods().size() - TEXT_PERIODS);
        out.println("Customers per stage at the end of each " + name(series.granularity()) + " (latest "
                + (series.periods().size() - from) + "):");
        String[] header = new String[LifecycleStage.values().length + 1];
        header[0] = "period";
        for (LifecycleStage stage : LifecycleStage.values()) {
            header[stage.ordinal() + 1] = name(stage);
        }
        TextTable counts = new TextTable(header);
        for (int k = from; k < series.periods().size(); k++) {
            String[] row = new String[header.length];
            row[0] = series.periods().get(k).label();
            for (LifecycleStage stage : LifecycleStage.values()) {
                row[stage.ordinal() + 1] =
                        BehaviourOutput.count(series.stages().get(k).count(stage));
            }
            counts.row(row);
        }
        out.print(counts.render("  "));
        StageTransitions last = series.transitions().get(series.periods().size() - 1);
        out.println();
        out.println("Flow between stages in " + last.period().label() + " (rows: stage at the start, columns: at"
                + " the end):");
        String[] flowHeader = header.clone();
        flowHeader[0] = "start \\ end";
        TextTable flow = new TextTable(flowHeader);
        for (int r = 0; r <= LifecycleStage.values().length; r++) {
            String[] row = new String[header.length];
            boolean newcomers = r == LifecycleStage.values().length;
            row[0] = newcomers ? "new" : name(LifecycleStage.values()[r]);
            for (LifecycleStage to : LifecycleStage.values()) {
                row[to.ordinal() + 1] = BehaviourOutput.count(
                        newcomers ? last.newcomers(to) : last.count(LifecycleStage.values()[r], to));
            }
            flow.row(row);
        }
        out.print(flow.render("  "));
    }

    static void lifecycleJson(Json json, LifecycleStages s, LifecycleSeries series) {
        var o = s.options();
        json.beginObject()
                .field("asOf", s.asOf().toString())
                .field("atRiskDays", o.atRiskDays())
                .field("lapsedDays", o.lapsedDays())
                .field("periodDays", o.periodDays())
                .field("loyalPeriods", o.loyalPeriods())
                .field("lookbackPeriods", o.lookbackPeriods());
        distributionJson(json, "stages", s.distribution());
        json.field("granularity", series.granularity().name());
        json.beginArray("periods");
        for (int k = 0; k < series.periods().size(); k++) {
            DateRange period = series.periods().get(k);
            StageTransitions t = series.transitions().get(k);
            json.beginObject().field("period", period.toString());
            json.beginObject("stages");
            for (LifecycleStage stage : LifecycleStage.values()) {
                json.field(name(stage), series.stages().get(k).count(stage));
            }
            json.endObject();
            json.beginArray("transitions");
            for (int r = 0; r <= LifecycleStage.values().length; r++) {
                boolean newcomers = r == LifecycleStage.values().length;
                for (LifecycleStage to : LifecycleStage.values()) {
                    long n = newcomers ? t.newcomers(to) : t.count(LifecycleStage.values()[r], to);
                    if (n > 0) {
                        json.beginObject()
                                .field("from", newcomers ? "new" : name(LifecycleStage.values()[r]))
                                .field("to", name(to))
                                .field("customers", n)
                                .endObject();
                    }
                }
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    static void rfmText(PrintWriter out, RfmScores r) {
        out.println("RFM segments as of " + r.asOf() + ": R = days since the last purchase, F = purchase days,"
                + " M = total spend, scored 1..5 by quintiles (ties share a score); segment from R and FM = (F + M)"
                + " / 2 rounded up.");
        out.print(distributionText(r.distribution(), "segment", "spend to date"));
    }

    static void rfmJson(Json json, RfmScores r) {
        json.beginObject().field("asOf", r.asOf().toString());
        distributionJson(json, "segments", r.distribution());
        json.endObject();
    }

    static String reasons(ChurnRisk risk) {
        return risk.signals().stream().map(s -> name(s.reason())).collect(Collectors.joining(";"));
    }

    static void churnText(PrintWriter out, ChurnRiskReport c, int listed) {
        var o = c.options();
        out.println("Churn risk as of " + c.asOf() + ": "
                + BehaviourOutput.count(c.flagged().size()) + " of "
                + BehaviourOutput.count(c.customers()) + " customers flagged ("
                + BehaviourOutput.percent(c.flaggedShare()) + ").");
        TextTable table = TextTable.aligned("lrl", "reason", "customers", "rule");
        table.row(
                name(ChurnReason.DECLINING_ACTIVITY),
                BehaviourOutput.count(c.count(ChurnReason.DECLINING_ACTIVITY)),
                "purchase days in the last " + o.recentWindowDays() + " days below " + o.decliningRatio()
                        + " x own earlier rate");
        table.row(
                name(ChurnReason.NO_REPEAT),
                BehaviourOutput.count(c.count(ChurnReason.NO_REPEAT)),
                "one purchase day, first more than " + o.noRepeatDays() + " days ago");
        table.row(
                name(ChurnReason.LOW_P_ALIVE),
                c.model().isPresent() ? BehaviourOutput.count(c.count(ChurnReason.LOW_P_ALIVE)) : "n/a",
                c.model()
                        .map(m -> "P(alive) below " + o.pAliveThreshold() + " (" + m + ")")
                        .orElse("no model given (--model)"));
        out.print(table.render("  "));
        if (listed > 0 && !c.flagged().isEmpty()) {
            List<ChurnRisk> most = c.flagged().stream()
                    .sorted(java.util.Comparator.comparingInt(
                            (ChurnRisk r) -> -r.signals().size()))
                    .limit(listed)
                    .toList();
            out.println("Flagged customers, most reasons first (first " + most.size() + "):");
            TextTable rows = TextTable.aligned("ll", "customer", "reasons");
            most.forEach(r -> rows.row(r.customer().value(), reasons(r)));
            out.print(rows.render("  "));
        }
    }

    static void churnJson(Json json, ChurnRiskReport c, boolean customers) {
        var o = c.options();
        json.beginObject()
                .field("asOf", c.asOf().toString())
                .field("recentWindowDays", o.recentWindowDays())
                .field("decliningRatio", o.decliningRatio())
                .field("noRepeatDays", o.noRepeatDays())
                .field("pAliveThreshold", o.pAliveThreshold());
        if (c.model().isPresent()) {
            json.field("model", c.model().get());
        } else {
            json.nullField("model");
        }
        json.field("customers", c.customers())
                .field("flagged", c.flagged().size())
                .field("flaggedShare", c.flaggedShare().value());
        json.beginObject("reasons");
        for (ChurnReason reason : ChurnReason.values()) {
            if (reason == ChurnReason.LOW_P_ALIVE && c.model().isEmpty()) {
                json.nullField(name(reason));
            } else {
                json.field(name(reason), c.count(reason));
            }
        }
        json.endObject();
        if (customers) {
            json.beginArray("flaggedCustomers");
            for (ChurnRisk r : c.flagged()) {
                json.beginObject().field("customer", r.customer().value());
                json.beginArray("signals");
                for (ChurnSignal s : r.signals()) {
                    json.beginObject()
                            .field("reason", name(s.reason()))
                            .field("value", s.value())
                            .field("threshold", s.threshold())
                            .endObject();
                }
                json.endArray().endObject();
            }
            json.endArray();
        }
        json.endObject();
    }
}
