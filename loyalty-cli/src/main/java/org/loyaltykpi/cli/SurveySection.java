package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyGroup;
import org.loyaltykpi.survey.SurveyOptions;

/** The survey section: NPS, CSAT, CES and CSI over all answers, then by segment and by the report's period. */
final class SurveySection implements ReportSection {
    private static final double LEVEL = 0.95;

    @Override
    public String title() {
        return "Customer survey";
    }

    @Override
    public String jsonName() {
        return "survey";
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.survey().isEmpty()) {
            out.println("  No survey answers: give them with --responses FILE"
                    + " (respondent_id,date,question,score[,segment][,weight]).");
            return;
        }
        SurveyInput.Loaded survey = data.survey().get();
        SurveyOptions options = SurveyOptions.defaults();
        out.println("source: " + survey.source());
        out.println();
        out.print(SurveyOutput.text(SurveyCalculator.summarize(survey.responses(), options), LEVEL));
        List<SurveyGroup> segments = SurveyCalculator.bySegment(survey.responses(), options);
        if (!segments.isEmpty()) {
            out.println();
            out.println("By segment:");
            out.print(SurveyOutput.textGroups("segment", segments, LEVEL));
        }
        String unit = data.granularity().name().toLowerCase(Locale.ROOT);
        List<SurveyGroup> periods = SurveyCalculator.byPeriod(survey.responses(), data.granularity(), options);
        if (!periods.isEmpty()) {
            out.println();
            out.println("By " + unit + ":");
            out.print(SurveyOutput.textGroups(unit, periods, LEVEL));
        }
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        if (data.survey().isEmpty()) {
            json.beginObject().field("responses", 0).endObject();
            return;
        }
        SurveyInput.Loaded survey = data.survey().get();
        SurveyOptions options = SurveyOptions.defaults();
        json.beginObject().field("source", survey.source());
        SurveyOutput.json(json, SurveyCalculator.summarize(survey.responses(), options), LEVEL);
        json.name("bySegment");
        json.beginObject();
        SurveyOutput.jsonGroups(json, "segment", SurveyCalculator.bySegment(survey.responses(), options), LEVEL);
        json.endObject();
        json.name("byPeriod");
        json.beginObject();
        SurveyOutput.jsonGroups(
                json,
                data.granularity().name().toLowerCase(Locale.ROOT),
                SurveyCalculator.byPeriod(survey.responses(), data.granularity(), options),
                LEVEL);
        json.endObject();
        json.endObject();
    }
}
