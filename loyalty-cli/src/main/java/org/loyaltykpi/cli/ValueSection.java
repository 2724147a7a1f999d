package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.List;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.value.ValueCalculator;
import org.loyaltykpi.value.ValueOptions;
import org.loyaltykpi.value.ValueSummary;

/**
 * The value section: CAC, both LTV forms, LTV:CAC, payback per cohort and repeat revenue, at the report's granularity
 * with the {@code loyalty value} defaults (margin 1, 3 expected years). Acquisition spend in a period without new
 * customers is shown with an undefined CAC rather than failing the whole report.
 */
final class ValueSection implements ReportSection {

    @Override
    public String title() {
        return "Acquisition and value";
    }

    @Override
    public String jsonName() {
        return "value";
    }

    private static ValueSummary summary(ReportData data) {
        List<MarketingSpend> spends =
                data.spend().map(SpendInput.Loaded::spends).orElse(List.of());
        ValueOptions options =
                ValueOptions.defaults().withGranularity(data.granularity()).withSpendWithoutNewCustomersAllowed(true);
        return ValueCalculator.summarize(data.purchases(), spends, options);
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        if (data.purchases().isEmpty()) {
            out.println("  No purchases: there is no customer value to measure.");
            return;
        }
        out.println("spend: "
                + data.spend()
                        .map(SpendInput.Loaded::source)
                        .orElse("none: give --spend FILE (period,amount[,kind]) for CAC, LTV:CAC and payback"));
        out.println();
        out.print(ValueOutput.text(summary(data)));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        if (!data.purchases().isEmpty()) {
            json.field(
                    "spendSource", data.spend().map(SpendInput.Loaded::source).orElse(""));
            ValueOutput.json(json, summary(data));
        }
        json.endObject();
    }
}
