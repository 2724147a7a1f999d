package org.loyaltykpi.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.loyaltykpi.survey.AttributeScore;
import org.loyaltykpi.survey.ConfidenceInterval;
import org.loyaltykpi.survey.CsiResult;
import org.loyaltykpi.survey.NpsResult;
import org.loyaltykpi.survey.ScoreSummary;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveySummary;

/**
 * Text and JSON renderings of survey metrics, shared by {@code survey} and {@code report}. JSON: NPS in points
 * (-100..100), shares as fractions 0..1, means on their scale, undefined values {@code null}.
 */
final class SurveyOutput {
    private SurveyOutput() {}

    // ---- JSON

    static void json(Json json, SurveySummary s, double level) {
        json.field("responses", s.responses());
        json.beginObject("nps");
        nps(json, s.nps(), level);
        json.endObject();
        json.beginObject("csat");
        scores(json, s.csat(), level, "satisfied", true);
        json.endObject();
        json.beginObject("ces");
        scores(json, s.ces(), level, "easy", false);
        json.endObject();
        json.beginObject("csi");
        csi(json, s.csi(), level);
        json.endObject();
        json.beginObject("otherQuestions")
                .field("responses", s.otherResponses())
                .beginArray("questions");
        s.otherQuestions().forEach(json::value);
        json.endArray().endObject();
    }

    static void jsonGroups(Json json, String by, List<SurveyGroup> groups, double level) {
        json.beginObject("breakdown").field("by", by).beginArray("groups");
        for (SurveyGroup g : groups) {
            json.beginElement().field("label", g.label());
            g.segment().ifPresent(segment -> json.field("segment", segment));
            g.period().ifPresent(period -> json.field("period", period.toString()));
            json(json, g.summary(), level);
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static void nps(Json json, NpsResult n, double level) {
        json.field("responses", n.responses())
                .field("promoters", n.promoters())
                .field("passives", n.passives())
                .field("detractors", n.detractors())
                .field("score", n.score());
        interval(json, "confidenceInterval", n.confidenceInterval(level));
        json.field("marginOfError", n.marginOfError(level));
        json.beginObject("shares")
                .field("promoters", n.promoterShare().value())
                .field("passives", n.passiveShare().value())
                .field("detractors", n.detractorShare().value())
                .endObject();
        json.beginObject("weighted")
                .field("score", n.weightedScore())
                .field("totalWeight", n.totalWeight())
                .field("effectiveResponses", n.effectiveResponses());
        interval(json, "confidenceInterval", n.weightedConfidenceInterval(level));
        json.endObject();
    }

    /** CSAT's headline is the top-box share, CES's the mean; both carry the other too. */
    private static void scores(Json json, ScoreSummary s, double level, String topName, boolean shareFirst) {
        json.field("responses", s.responses())
                .field("scale", s.scale().toString())
                .field(topName, s.topBoxCount())
                .field(topName + "From", s.topBoxesFrom());
        if (shareFirst) {
            json.field("score", s.topBoxShare().value());
            interval(json, "confidenceInterval", s.topBoxInterval(level));
            json.field("mean", s.mean());
            interval(json, "meanConfidenceInterval", s.meanInterval(level));
        } else {
            json.field("score", s.mean());
            interval(json, "confidenceInterval", s.meanInterval(level));
            json.field(topName + "Share", s.topBoxShare().value());
            interval(json, topName + "ConfidenceInterval", s.topBoxInterval(level));
        }
        json.field("standardDeviation", s.standardDeviation());
    }

    private static void csi(Json json, CsiResult c, double level) {
        json.field("method", c.method().label())
                .field(
                        "responses",
                        c.attributes().stream()
                                .mapToLong(AttributeScore::responses)
                                .sum())
                .field("index", c.index());
        json.beginArray("attributes");
        for (AttributeScore a : c.attributes()) {
            json.beginElement()
                    .field("attribute", a.attribute())
                    .field("importance", a.importance())
                    .field("responses", a.responses())
                    .field("score", a.score());
            interval(json, "confidenceInterval", a.confidenceInterval(level));
            json.field("drag", c.drag(a)).endObject();
        }
        json.endArray().beginArray("pullingDown");
        c.pullingDown().forEach(a -> json.value(a.attribute()));
        json.endArray();
    }

    private static void interval(Json json, String name, Optional<ConfidenceInterval> ci) {
        if (ci.isEmpty()) {
            json.nullField(name);
            return;
        }
        json.beginObject(name)
                .field("level", ci.get().level())
                .field("low", ci.get().low())
                .field("high", ci.get().high())
                .field("method", ci.get().method().label())
                .endObject();
    }

    // ---- text

    static String text(SurveySummary s, double level) {
        String pct = levelPercent(level);
        TextTable t = TextTable.aligned("lrll", "", "", "", "");
        NpsResult n = s.nps();
        t.row(
                "NPS",
                points(n.score()),
                ci(n.confidenceInterval(level), SurveyOutput::points1) + " +/-" + points(n.marginOfError(level)),
                n.responses() == 0
                        ? "no answers"
                        : count(n.responses()) + " answers: " + BehaviourOutput.percent(n.promoterShare())
                                + " promoters, " + BehaviourOutput.percent(n.passiveShare()) + " passives, "
                                + BehaviourOutput.percent(n.detractorShare()) + " detractors");
        if (n.responses() > 0 && (n.totalWeight() != n.responses() || n.squaredWeight() != n.responses())) {
            t.row(
                    "NPS weighted",
                    points(n.weightedScore()),
                    ci(n.weightedConfidenceInterval(level), SurveyOutput::points1),
                    "effective answers " + decimal(n.effectiveResponses()));
        }
        ScoreSummary csat = s.csat();
        t.row(
                "CSAT",
                BehaviourOutput.percent(csat.topBoxShare()),
                ci(csat.topBoxInterval(level), SurveyOutput::share),
                count(csat.responses()) + " answers on " + csat.scale() + ", satisfied = " + csat.topBoxesFrom()
                        + ".." + csat.scale().max() + "; mean " + decimal(csat.mean()) + " "
                        + ci(csat.meanInterval(level), SurveyOutput::decimal2));
        ScoreSummary ces = s.ces();
        t.row(
                "CES",
                decimal(ces.mean()),
                ci(ces.meanInterval(level), SurveyOutput::decimal2),
                count(ces.responses()) + " answers on " + ces.scale() + "; easy (" + ces.topBoxesFrom() + ".."
                        + ces.scale().max() + ") " + BehaviourOutput.percent(ces.topBoxShare()) + " "
                        + ci(ces.topBoxInterval(level), SurveyOutput::share));
        CsiResult c = s.csi();
        t.row(
                "CSI",
                points(c.index()),
                "",
                c.attributes().isEmpty()
                        ? "no attributes"
                        : c.attributes().size() + " attributes, "
                                + (c.method().label().equals("nps") ? "NPS-style" : "mean on 0..100")
                                + "; pulling down: "
                                + (c.pullingDown().isEmpty()
                                        ? "none"
                                        : c.pullingDown().stream()
                                                .map(AttributeScore::attribute)
                                                .collect(Collectors.joining(", "))));
        String head = t.render("  ");
        StringBuilder out = new StringBuilder(head.substring(head.indexOf('\n') + 1));
        out.append("  (").append(pct).append(" intervals: NPS adjusted Wald, CSAT Wilson, means Student t)\n");
        if (!c.attributes().isEmpty()) {
            TextTable a = new TextTable("CSI attribute", "importance", "answers", "score", pct + " interval", "drag");
            for (AttributeScore attr : c.attributes()) {
                a.row(
                        attr.attribute(),
                        decimal(OptionalDouble.of(attr.importance())),
                        count(attr.responses()),
                        points(attr.score()),
                        ci(attr.confidenceInterval(level), SurveyOutput::points1),
                        points(c.drag(attr)));
            }
            out.append('\n').append(a.render("  "));
        }
        if (s.otherResponses() > 0) {
            out.append("\n  ")
                    .append(count(s.otherResponses()))
                    .append(" answers to questions of no known kind, in no metric: ")
                    .append(String.join(", ", s.otherQuestions()))
                    .append('\n');
        }
        return out.toString();
    }

    static String textGroups(String by, List<SurveyGroup> groups, double level) {
        TextTable t = new TextTable(
                by, "NPS n", "NPS", levelPercent(level) + " interval", "CSAT n", "CSAT", "CES n", "CES mean", "CSI");
        for (SurveyGroup g : groups) {
            SurveySummary s = g.summary();
            t.row(
                    g.label(),
                    count(s.nps().responses()),
                    points(s.nps().score()),
                    ci(s.nps().confidenceInterval(level), SurveyOutput::points1),
                    count(s.csat().responses()),
                    BehaviourOutput.percent(s.csat().topBoxShare()),
                    count(s.ces().responses()),
                    decimal(s.ces().mean()),
                    points(s.csi().index()));
        }
        return t.render("  ");
    }

    private static String ci(Optional<ConfidenceInterval> ci, java.util.function.DoubleFunction<String> format) {
        return ci.map(c -> format.apply(c.low()) + ".." + format.apply(c.high()))
                .orElse("n/a");
    }

    private static String levelPercent(double level) {
        return new java.math.BigDecimal(Double.toString(100 * level))
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    private static String points(OptionalDouble value) {
        return value.isPresent() ? points1(value.getAsDouble()) : "n/a";
    }

    private static String points1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String decimal2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String decimal(OptionalDouble value) {
        return BehaviourOutput.decimal(value);
    }

    private static String count(long value) {
        return BehaviourOutput.count(value);
    }
}
