package org.loyaltykpi.cli;

import static org.loyaltykpi.cli.BehaviourOutput.count;
import static org.loyaltykpi.cli.BehaviourOutput.percent;
import static org.loyaltykpi.cli.BehaviourOutput.ratio;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.feedback.ReviewSeries;
import org.loyaltykpi.feedback.ReviewerRepeat;
import org.loyaltykpi.feedback.SentimentCounts;
import org.loyaltykpi.feedback.ShareTrend;

/**
 * The review-feedback section: positive share per period of the report's granularity with its trend (against the
 * period before and against the first period), and the repeat purchase rate of reviewers against non-reviewers over
 * the purchases' whole date range.
 */
final class FeedbackSection implements ReportSection {

    @Override
    public String title() {
        return "Review feedback";
    }

    @Override
    public String jsonName() {
        return "reviews";
    }

    /** The review series over the purchases' range, or over the reviews' own when there are no purchases. */
    private static ReviewSeries series(ReportData data, ReviewInput.Loaded reviews) {
        Optional<DateRange> range = data.purchases().dateRange();
        return range.isPresent()
                ? FeedbackCalculator.series(reviews.reviews(), range.get(), data.granularity())
                : FeedbackCalculator.series(reviews.reviews(), data.granularity());
    }

    /** The reviews the series leaves out: dated outside the purchases' periods. */
    private static long outside(ReportData data, ReviewInput.Loaded reviews) {
        return data.purchases()
                .dateRange()
                .map(range -> FeedbackCalculator.outside(reviews.reviews(), range, data.granularity()))
                .orElse(0L);
    }

    private static Optional<ReviewerRepeat> repeat(ReportData data, ReviewInput.Loaded reviews) {
        return data.purchases()
                .dateRange()
                .map(range -> FeedbackCalculator.reviewerRepeat(data.purchases(), reviews.reviews(), range));
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.reviews().isEmpty()) {
            out.println("  No reviews: give them with --reviews FILE (customer_id,date[,rating][,sentiment]).");
            return;
        }
        ReviewInput.Loaded reviews = data.reviews().get();
        ReviewSeries series = series(data, reviews);
        SentimentCounts total = series.total();
        out.println("source: " + reviews.source());
        out.println();
        out.println("  positive share " + percent(total.positiveShare()) + " " + ratio(total.positiveShare())
                + " of the reviews in the purchases' range (" + count(total.neutral()) + " neutral, "
                + count(total.negative()) + " negative)");
        long outside = outside(data, reviews);
        if (outside > 0) {
            out.println("  " + count(outside) + " review" + (outside == 1 ? "" : "s")
                    + " dated outside the purchases' periods left out");
        }
        repeat(data, reviews)
                .ifPresent(r -> out.println("  repeat purchase rate of reviewers "
                        + percent(r.reviewers()) + " " + ratio(r.reviewers()) + " vs non-reviewers "
                        + percent(r.nonReviewers()) + " " + ratio(r.nonReviewers()) + ", over "
                        + r.window().label()));
        out.println();
        String unit = data.granularity().name().toLowerCase(Locale.ROOT);
        out.println("By " + unit + " (change in points and relative, against the " + unit
                + " before and against the first " + unit + "):");
        TextTable t = new TextTable(
                "period", "reviews", "positive", "share", "vs prev (pt)", "vs prev", "vs first (pt)", "vs first");
        List<ShareTrend> trend = series.trend();
        for (int i = 0; i < trend.size(); i++) {
            ShareTrend s = trend.get(i);
            SentimentCounts c = series.periods().get(i).counts();
            t.row(
                    s.period().label(),
                    count(c.reviews()),
                    count(c.positive()),
                    percent(s.share()),
                    points(s.pointsVsPrevious()),
                    ValueOutput.signedPercent(s.relativeVsPrevious()),
                    points(s.pointsVsBaseline()),
                    ValueOutput.signedPercent(s.relativeVsBaseline()));
        }
        out.print(t.render("  "));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        if (data.reviews().isEmpty()) {
            json.field("reviews", 0).endObject();
            return;
        }
        ReviewInput.Loaded reviews = data.reviews().get();
        ReviewSeries series = series(data, reviews);
        SentimentCounts total = series.total();
        json.field("source", reviews.source())
                .field("reviews", total.reviews())
                .field("reviewsOutsidePurchasePeriods", outside(data, reviews))
                .field("positive", total.positive())
                .field("neutral", total.neutral())
                .field("negative", total.negative())
                .field("positiveShare", total.positiveShare().value());
        Optional<ReviewerRepeat> repeat = repeat(data, reviews);
        if (repeat.isPresent()) {
            json.beginObject("repeatPurchaseRate")
                    .field("window", repeat.get().window().toString())
                    .field("reviewers", repeat.get().reviewers().value())
                    .field("nonReviewers", repeat.get().nonReviewers().value())
                    .field("reviewersWithoutPurchase", repeat.get().reviewersWithoutPurchase())
                    .endObject();
        }
        json.field("granularity", data.granularity().name());
        json.beginArray("byPeriod");
        List<ShareTrend> trend = series.trend();
        for (int i = 0; i < trend.size(); i++) {
            ShareTrend s = trend.get(i);
            json.beginElement()
                    .field("period", s.period().label())
                    .field("reviews", series.periods().get(i).counts().reviews())
                    .field("positiveShare", s.share().value())
                    .field("pointsVsPrevious", s.pointsVsPrevious())
                    .field("relativeVsPrevious", s.relativeVsPrevious())
                    .field("pointsVsBaseline", s.pointsVsBaseline())
                    .field("relativeVsBaseline", s.relativeVsBaseline())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static String points(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%+.1f", value.getAsDouble()) : "n/a";
    }
}
