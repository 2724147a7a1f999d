package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LoyaltyLevels;
import org.loyaltykpi.segment.SegmentCalculator;

/**
 * The loyalty-levels section: Dick and Basu's matrix as of the day after the last purchase, with the default
 * thresholds, the attitude from the report's survey answers and reviews (every customer unknown without them).
 */
final class LoyaltyLevelsSection implements ReportSection {

    @Override
    public String title() {
        return "Loyalty levels (attitude x behaviour)";
    }

    @Override
    public String jsonName() {
        return "loyaltyLevels";
    }

    static List<SurveyResponse> answers(ReportData data) {
        return data.survey().map(SurveyInput.Loaded::responses).orElse(List.of());
    }

    static List<Review> reviews(ReportData data) {
        return data.reviews().map(ReviewInput.Loaded::reviews).orElse(List.of());
    }

    private static Optional<LoyaltyLevels> compute(ReportData data) {
        if (data.purchases().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SegmentCalculator.loyaltyLevels(
                data.purchases(),
                answers(data),
                reviews(data),
                SegmentsOutput.dayAfterLastPurchase(data.purchases()),
                LevelOptions.defaults()));
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        Optional<LoyaltyLevels> levels = compute(data);
        if (levels.isEmpty()) {
            out.println("  Not available: no purchases");
            return;
        }
        if (data.survey().isEmpty() && data.reviews().isEmpty()) {
            out.println("  No survey answers (--responses) nor reviews (--reviews): every attitude is unknown.");
        }
        SegmentsOutput.levelsText(out, levels.get());
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        Optional<LoyaltyLevels> levels = compute(data);
        if (levels.isEmpty()) {
            json.beginObject().field("unavailable", "no purchases").endObject();
            return;
        }
        SegmentsOutput.levelsJson(json, levels.get());
    }
}
