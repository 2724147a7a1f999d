package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import org.loyaltykpi.target.TargetEvaluation;

/** The KPI targets section: the seed's targets per report period, the latest twelve periods in the text. */
final class TargetsSection implements ReportSection {
    private static final int LATEST = 12;

    @Override
    public String title() {
        return "KPI targets";
    }

    @Override
    public String jsonName() {
        return "targets";
    }

    private static List<TargetEvaluation> evaluate(ReportData data) {
        return TargetSeries.evaluate(
                data.purchases(),
                data.survey().map(SurveyInput.Loaded::responses),
                data.reviews().map(ReviewInput.Loaded::reviews),
                data.granularity());
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        List<TargetEvaluation> evaluations = evaluate(data);
        out.print(TargetsOutput.text(evaluations, LATEST));
        if (evaluations.stream().anyMatch(e -> e.periods().size() > LATEST)) {
            out.println();
            out.println(
                    "  (latest " + LATEST + " periods of each target; 'loyalty targets' or --format json lists all)");
        }
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        TargetsOutput.json(json, evaluate(data));
        json.endObject();
    }
}
