package org.loyaltykpi.cli;

import java.io.PrintWriter;
import org.loyaltykpi.segment.RfmScores;
import org.loyaltykpi.segment.SegmentCalculator;

/** The RFM-segments section: quintile scores and named segments as of the day after the last purchase. */
final class RfmSegmentsSection implements ReportSection {

    @Override
    public String title() {
        return "RFM segments";
    }

    @Override
    public String jsonName() {
        return "rfmSegments";
    }

    private static RfmScores compute(ReportData data) {
        return SegmentCalculator.rfmScores(data.purchases(), SegmentsOutput.dayAfterLastPurchase(data.purchases()));
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.purchases().isEmpty()) {
            out.println("  Not available: no purchases");
            return;
        }
        SegmentsOutput.rfmText(out, compute(data));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        if (data.purchases().isEmpty()) {
            json.beginObject().field("unavailable", "no purchases").endObject();
            return;
        }
        SegmentsOutput.rfmJson(json, compute(data));
    }
}
