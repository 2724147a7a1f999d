package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.loyaltykpi.segment.ChurnRiskOptions;
import org.loyaltykpi.segment.ChurnRiskReport;
import org.loyaltykpi.segment.SegmentCalculator;

/**
 * The churn-risk section: declining activity and no-repeat flags as of the day after the last purchase, with the
 * default thresholds. No BTYD model here: the CLV section reports P(alive) itself.
 */
final class ChurnRiskSection implements ReportSection {
    private static final int LISTED = 10;

    @Override
    public String title() {
        return "Churn risk";
    }

    @Override
    public String jsonName() {
        return "churnRisk";
    }

    private static ChurnRiskReport compute(ReportData data) {
        return SegmentCalculator.churnRisk(
                data.purchases(),
                SegmentsOutput.dayAfterLastPurchase(data.purchases()),
                ChurnRiskOptions.defaults(),
                Optional.empty());
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.purchases().isEmpty()) {
            out.println("  Not available: no purchases");
            return;
        }
        SegmentsOutput.churnText(out, compute(data), LISTED);
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        if (data.purchases().isEmpty()) {
            json.beginObject().field("unavailable", "no purchases").endObject();
            return;
        }
        SegmentsOutput.churnJson(json, compute(data), false);
    }
}
