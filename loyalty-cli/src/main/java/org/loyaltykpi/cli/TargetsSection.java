package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import org.loyaltykpi.target.TargetEvaluation;

/** The KPI targets section: the seed's targets per report period. */
final class TargetsSection implements ReportSection {

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
                data.purchases(), data.survey().map(ReportData.Survey::responses), data.granularity());
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        out.print(TargetsOutput.text(evaluate(data)));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        TargetsOutput.json(json, evaluate(data));
        json.endObject();
    }
}
