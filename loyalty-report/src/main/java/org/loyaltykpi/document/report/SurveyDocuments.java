package org.loyaltykpi.document.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.document.render.JsonRenderer;
import org.loyaltykpi.survey.AttributeScore;
import org.loyaltykpi.survey.ConfidenceInterval;
import org.loyaltykpi.survey.CsiResult;
import org.loyaltykpi.survey.NpsResult;
import org.loyaltykpi.survey.ScoreSummary;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveySummary;

/**
 * NPS, CSAT, CES and CSI with their intervals as the sections of {@code loyalty survey}: every field a key figure or
 * a table with the dotted id of its JSON ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}), so text
 * and JSON are renderings of one document. The JSON:
 *
 * <pre>{@code
 * {"source": "answers.csv", "responses": 1200,
 *  "nps": {"responses", "promoters", "passives", "detractors", "score" (points), "confidenceInterval": {"level",
 *          "low", "high", "method": "adjusted-wald"} or null, "marginOfError", "shares": {"promoters", "passives",
 *          "detractors"}, "weighted": {"score", "totalWeight", "effectiveResponses", "confidenceInterval"}},
 *  "csat": {"responses", "scale": "1..5", "satisfied", "satisfiedFrom", "score" (share), "confidenceInterval",
 *           "mean", "meanConfidenceInterval", "standardDeviation"},
 *  "ces": {"responses", "scale", "easy", "easyFrom", "score" (mean), "confidenceInterval", "easyShare",
 *          "easyConfidenceInterval", "standardDeviation"},
 *  "csi": {"method": "nps", "responses", "index", "attributes": [{"attribute", "importance", "responses", "score",
 *          "confidenceInterval", "drag"}], "pullingDown": ["price"]},
 *  "otherQuestions": {"responses", "questions": []},
 *  "breakdown": {"by": "segment", "groups": [{"label", "segment" or "period", "responses", "nps": {...}, ...}]}}
 * }</pre>
 *
 * <p>NPS and CSI scores in points (-100..100), shares as fractions, means on their scale, undefined values
 * {@code null}. A group of the breakdown has the fields of the whole; its lists ({@code csi.attributes},
 * {@code csi.pullingDown}, {@code otherQuestions.questions}) are left out when empty.
 */
public final class SurveyDocuments {
    private SurveyDocuments() {}

    /**
     * The title of {@code loyalty survey}: {@code Survey: 1,200 answers}.
     *
     * @param total the summary of every answer
     * @return the title
     */
    public static Message title(SurveySummary total) {
        return Message.of("title.survey", total.responses());
    }

    /**
     * The sections of {@code loyalty survey}: {@code survey} (the figures of every answer and the tables
     * {@code csi.attributes}, {@code csi.pullingDown}, {@code otherQuestions.questions}), and with a breakdown
     * {@code breakdown} (the figure {@code breakdown.by}) and one section per group ({@code group0}, ...: the figures
     * {@code breakdown.groups.<i>.*}).
     *
     * @param total the summary of every answer
     * @param by what the breakdown is by ({@code "segment"}, {@code "month"}, ...), when there is one
     * @param groups the groups of the breakdown (empty without one)
     * @param level the confidence level of every interval, in (0, 1)
     * @return the sections
     */
    public static List<Section> sections(
            SurveySummary total, Optional<String> by, List<SurveyGroup> groups, double level) {
        List<Section> sections = new ArrayList<>();
        Section.Builder s = Section.builder("survey", Message.of("section.survey.all"));
        summary(s, "", total, level);
        CsiResult csi = total.csi();
        Table.Builder attributes = Table.builder("csi.attributes", Message.of("table.survey.attributes"))
                .column("attribute", Message.of("column.survey.attribute"), ColumnType.TEXT)
                .column("importance", Message.of("column.survey.importance"), ColumnType.DECIMAL)
                .column("responses", Message.of("column.survey.responses"), ColumnType.COUNT)
                .column("score", Message.of("column.survey.score"), ColumnType.DECIMAL)
                .column("confidenceInterval.level", Message.of("column.survey.level"), ColumnType.SHARE)
                .column("confidenceInterval.low", Message.of("column.survey.low"), ColumnType.DECIMAL)
                .column("confidenceInterval.high", Message.of("column.survey.high"), ColumnType.DECIMAL)
                .column("confidenceInterval.method", Message.of("column.survey.method"), ColumnType.TEXT)
                .column("drag", Message.of("column.survey.drag"), ColumnType.DECIMAL);
        for (AttributeScore a : csi.attributes()) {
            Optional<ConfidenceInterval> ci = a.confidenceInterval(level);
            attributes.row(
                    Cell.text(a.attribute()),
                    Cell.decimal(a.importance(), 2),
                    Cell.count(a.responses()),
                    Cell.decimal(a.score()),
                    ci.<Cell>map(c -> Cell.share(OptionalDouble.of(c.level()))).orElseGet(Cell::missing),
                    ci.<Cell>map(c -> Cell.decimal(c.low(), 2)).orElseGet(Cell::missing),
                    ci.<Cell>map(c -> Cell.decimal(c.high(), 2)).orElseGet(Cell::missing),
                    ci.<Cell>map(c -> Cell.text(c.method().label())).orElseGet(Cell::missing),
                    Cell.decimal(csi.drag(a)));
        }
        s.table(attributes.build());
        s.table(list(
                "csi.pullingDown",
                Message.of("table.survey.pulling-down"),
                Message.of("column.survey.attribute"),
                csi.pullingDown().stream().map(AttributeScore::attribute).toList()));
        s.table(list(
                "otherQuestions.questions",
                Message.of("table.survey.other-questions"),
                Message.of("column.survey.item"),
                total.otherQuestions()));
        sections.add(s.build());
        if (by.isPresent()) {
            Message byLabel = byLabel(by.get());
            sections.add(Section.builder("breakdown", Message.of("section.survey.breakdown", byLabel))
                    .figure(KeyFigure.of("breakdown.by", Message.of("field.survey.by"), Cell.text(by.get())))
                    .build());
            for (int i = 0; i < groups.size(); i++) {
                SurveyGroup g = groups.get(i);
                String prefix = "breakdown.groups." + i + ".";
                Section.Builder gs =
                        Section.builder("group" + i, Message.of("section.survey.group", byLabel, g.label()));
                gs.figure(KeyFigure.of(prefix + "label", Message.of("field.survey.label"), Cell.text(g.label())));
                g.segment()
                        .ifPresent(seg -> gs.figure(
                                KeyFigure.of(prefix + "segment", Message.of("field.survey.segment"), Cell.text(seg))));
                g.period()
                        .ifPresent(p -> gs.figure(KeyFigure.of(
                                prefix + "period", Message.of("field.survey.period"), Cell.text(p.toString()))));
                summary(gs, prefix, g.summary(), level);
                sections.add(gs.build());
            }
        }
        return sections;
    }

    private static Message byLabel(String by) {
        return by.equals("segment") ? Message.of("column.survey.segment") : Message.of("unit." + by);
    }

    /** A list of texts: a table of one column {@link JsonRenderer#LIST_ITEM}, an array in JSON; "none" when empty. */
    private static Table list(String id, Message title, Message column, List<String> items) {
        Table.Builder t = Table.builder(id, title).column(JsonRenderer.LIST_ITEM, column, ColumnType.TEXT);
        items.forEach(item -> t.row(Cell.text(item)));
        if (items.isEmpty()) {
            t.note(Message.of("note.survey.none"));
        }
        return t.build();
    }

    /** Figures at a path. */
    private record Figures(Section.Builder section, String prefix) {
        void add(String id, Message label, Cell value) {
            section.figure(KeyFigure.of(prefix + id, label, value));
        }

        void add(String id, Cell value) {
            add(id, Message.of("field.survey." + ReportDocument.kebab(id)), value);
        }

        /** An interval's level, low, high and method, or {@code null} without one. */
        void interval(String id, Message of, Optional<ConfidenceInterval> ci) {
            interval(id, of, ci, false);
        }

        /** An interval of a share (bounds shown in percent) or of a score. */
        void interval(String id, Message of, Optional<ConfidenceInterval> ci, boolean share) {
            if (ci.isEmpty()) {
                add(id, Message.of("field.survey.interval", of), Cell.missing());
                return;
            }
            ConfidenceInterval c = ci.get();
            add(id + ".level", Message.of("field.survey.interval.level", of), Cell.share(OptionalDouble.of(c.level())));
            add(id + ".low", Message.of("field.survey.interval.low", of), bound(c.low(), share));
            add(id + ".high", Message.of("field.survey.interval.high", of), bound(c.high(), share));
            add(
                    id + ".method",
                    Message.of("field.survey.interval.method", of),
                    Cell.text(c.method().label()));
        }
    }

    private static Cell bound(double value, boolean share) {
        return share ? Cell.share(OptionalDouble.of(value)) : Cell.decimal(value, 2);
    }

    private static Message label(String id) {
        return Message.of("field.survey." + ReportDocument.kebab(id));
    }

    /** The fields of one summary (every answer or a group), at a path. */
    private static void summary(Section.Builder section, String prefix, SurveySummary s, double level) {
        Figures f = new Figures(section, prefix);
        f.add("responses", Cell.count(s.responses()));
        NpsResult n = s.nps();
        f.add("nps.responses", Cell.count(n.responses()));
        f.add("nps.promoters", Cell.count(n.promoters()));
        f.add("nps.passives", Cell.count(n.passives()));
        f.add("nps.detractors", Cell.count(n.detractors()));
        f.add("nps.score", Cell.decimal(n.score()));
        f.interval("nps.confidenceInterval", label("nps.score"), n.confidenceInterval(level));
        f.add("nps.marginOfError", Cell.decimal(n.marginOfError(level)));
        f.add("nps.shares.promoters", Cell.ratio(n.promoterShare()));
        f.add("nps.shares.passives", Cell.ratio(n.passiveShare()));
        f.add("nps.shares.detractors", Cell.ratio(n.detractorShare()));
        f.add("nps.weighted.score", Cell.decimal(n.weightedScore()));
        f.add("nps.weighted.totalWeight", Cell.decimal(n.totalWeight(), 2));
        f.add("nps.weighted.effectiveResponses", Cell.decimal(n.effectiveResponses()));
        f.interval("nps.weighted.confidenceInterval", label("nps.weighted.score"), n.weightedConfidenceInterval(level));
        scores(f, "csat", s.csat(), level, "satisfied", true);
        scores(f, "ces", s.ces(), level, "easy", false);
        CsiResult c = s.csi();
        f.add("csi.method", Cell.text(c.method().label()));
        f.add(
                "csi.responses",
                Cell.count(c.attributes().stream()
                        .mapToLong(AttributeScore::responses)
                        .sum()));
        f.add("csi.index", Cell.decimal(c.index()));
        if (!prefix.isEmpty()) {
            for (int i = 0; i < c.attributes().size(); i++) {
                AttributeScore a = c.attributes().get(i);
                String at = "csi.attributes." + i + ".";
                f.add(at + "attribute", Message.of("field.survey.attribute.name", i + 1), Cell.text(a.attribute()));
                f.add(
                        at + "importance",
                        Message.of("field.survey.attribute.importance", a.attribute()),
                        Cell.decimal(a.importance(), 2));
                f.add(
                        at + "responses",
                        Message.of("field.survey.attribute.responses", a.attribute()),
                        Cell.count(a.responses()));
                Message score = Message.of("field.survey.attribute.score", a.attribute());
                f.add(at + "score", score, Cell.decimal(a.score()));
                f.interval(at + "confidenceInterval", score, a.confidenceInterval(level));
                f.add(at + "drag", Message.of("field.survey.attribute.drag", a.attribute()), Cell.decimal(c.drag(a)));
            }
            List<AttributeScore> down = c.pullingDown();
            for (int i = 0; i < down.size(); i++) {
                f.add(
                        "csi.pullingDown." + i,
                        Message.of("field.survey.pulling-down", i + 1),
                        Cell.text(down.get(i).attribute()));
            }
        }
        f.add("otherQuestions.responses", Cell.count(s.otherResponses()));
        if (!prefix.isEmpty()) {
            for (int i = 0; i < s.otherQuestions().size(); i++) {
                f.add(
                        "otherQuestions.questions." + i,
                        Message.of("field.survey.other-question", i + 1),
                        Cell.text(s.otherQuestions().get(i)));
            }
        }
    }

    /** CSAT's headline is the top-box share, CES's the mean; both carry the other too. */
    private static void scores(Figures f, String name, ScoreSummary s, double level, String top, boolean shareFirst) {
        f.add(name + ".responses", Cell.count(s.responses()));
        f.add(name + ".scale", Cell.text(s.scale().toString()));
        f.add(name + "." + top, Cell.count(s.topBoxCount()));
        f.add(name + "." + top + "From", Cell.count(s.topBoxesFrom()));
        if (shareFirst) {
            f.add(name + ".score", Cell.ratio(s.topBoxShare()));
            f.interval(name + ".confidenceInterval", label(name + ".score"), s.topBoxInterval(level), true);
            f.add(name + ".mean", Cell.decimal(s.mean()));
            f.interval(name + ".meanConfidenceInterval", label(name + ".mean"), s.meanInterval(level));
        } else {
            f.add(name + ".score", Cell.decimal(s.mean()));
            f.interval(name + ".confidenceInterval", label(name + ".score"), s.meanInterval(level));
            f.add(name + "." + top + "Share", Cell.ratio(s.topBoxShare()));
            f.interval(
                    name + "." + top + "ConfidenceInterval",
                    label(name + "." + top + "Share"),
                    s.topBoxInterval(level));
        }
        f.add(name + ".standardDeviation", Cell.decimal(s.standardDeviation()));
    }
}
