package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStages;
import org.loyaltykpi.segment.SegmentCalculator;

/**
 * The lifecycle section: stages as of the day after the last purchase with the default thresholds, stage counts at
 * the end of each period of the report's granularity and the flow between stages in the latest period.
 */
final class LifecycleSection implements ReportSection {

    @Override
    public String title() {
        return "Lifecycle stages";
    }

    @Override
    public String jsonName() {
        return "lifecycle";
    }

    private record Result(LifecycleStages stages, LifecycleSeries series) {}

    private static Result compute(ReportData data) {
        LocalDate day = SegmentsOutput.dayAfterLastPurchase(data.purchases());
        var answers = LoyaltyLevelsSection.answers(data);
        var reviews = LoyaltyLevelsSection.reviews(data);
        LifecycleOptions options = LifecycleOptions.defaults();
        return new Result(
                SegmentCalculator.lifecycle(data.purchases(), answers, reviews, day, options),
                SegmentsCommand.series(data.purchases(), answers, reviews, day, data.granularity(), options));
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.purchases().isEmpty()) {
            out.println("  Not available: no purchases");
            return;
        }
        Result r = compute(data);
        SegmentsOutput.lifecycleText(out, r.stages(), r.series());
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        if (data.purchases().isEmpty()) {
            json.beginObject().field("unavailable", "no purchases").endObject();
            return;
        }
        Result r = compute(data);
        SegmentsOutput.lifecycleJson(json, r.stages(), r.series());
    }
}
