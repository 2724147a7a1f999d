package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;

/** The purchase-behaviour section: the whole date range, then period by period. */
final class BehaviourSection implements ReportSection {

    @Override
    public String title() {
        return "Purchase behaviour";
    }

    @Override
    public String jsonName() {
        return "purchaseBehaviour";
    }

    private static Optional<PurchaseBehaviour> total(ReportData data) {
        return data.purchases().dateRange().map(range -> RetentionCalculator.behaviour(data.purchases(), range));
    }

    private static List<PurchaseBehaviour> series(ReportData data) {
        Optional<DateRange> range = data.purchases().dateRange();
        return range.map(r -> RetentionCalculator.series(data.purchases(), r, data.granularity()))
                .orElse(List.of());
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        Optional<PurchaseBehaviour> total = total(data);
        if (total.isEmpty()) {
            out.println("  No purchases: every count is 0 and every rate is undefined.");
            return;
        }
        String unit = data.granularity().name().toLowerCase(Locale.ROOT);
        out.println("Whole range " + total.get().period() + ":");
        out.print(BehaviourOutput.text(total.get()));
        out.println();
        out.println("By " + unit + " (retention and churn against the " + unit + " before):");
        out.print(BehaviourOutput.textSeries(series(data)));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        Optional<PurchaseBehaviour> total = total(data);
        if (total.isPresent()) {
            json.beginObject("total");
            BehaviourOutput.json(json, total.get());
            json.endObject();
        }
        BehaviourOutput.jsonSeries(json, "byPeriod", data.granularity(), series(data));
        json.endObject();
    }
}
