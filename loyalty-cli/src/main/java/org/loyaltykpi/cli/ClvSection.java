package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.ModelFitException;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.TimeScale;

/**
 * The customer-lifetime-value section: MBG/NBD and Gamma-Gamma fitted on every purchase up to the data's last day
 * (the calibration end), in weeks; expected purchases and CLV (revenue, undiscounted) over the next 52 weeks, the
 * P(alive) distribution, the top customers by CLV and the valuable customers at risk. MBG/NBD rather than BG/NBD
 * because BG/NBD puts every one-time buyer at P(alive) = 1, which would hide them from the distribution.
 */
final class ClvSection implements ReportSection {
    static final double HORIZON_WEEKS = 52;
    private static final int TOP = 10;
    private static final double AT_RISK_BELOW = 0.5;
    private static final double[] BUCKETS = {0, 0.2, 0.4, 0.6, 0.8, 1.0};

    /** Everything the section shows, or why it cannot be shown. */
    private record Result(
            LocalDate calibrationEnd,
            MbgNbdModel purchases,
            GammaGammaModel spend,
            List<CustomerPrediction> predictions,
            List<Valued> atRisk,
            double expectedPurchases) {}

    /** A customer at risk with its past repeat-purchase revenue. */
    private record Valued(CustomerPrediction prediction, double pastRevenue) {}

    @Override
    public String title() {
        return "Customer lifetime value (next 52 weeks)";
    }

    @Override
    public String jsonName() {
        return "customerLifetimeValue";
    }

    private static Object compute(ReportData data) {
        if (data.purchases().isEmpty()) {
            return "no purchases";
        }
        LocalDate end = LocalDate.ofEpochDay(data.purchases().maxEpochDay());
        BtydSummary summary = BtydSummary.of(data.purchases(), end, TimeScale.WEEKS);
        try {
            MbgNbdModel purchases = MbgNbdModel.fit(summary);
            GammaGammaModel spend =
                    GammaGammaModel.fit(summary, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
            List<CustomerPrediction> predictions = ClvCalculator.predict(
                    purchases, Optional.of(spend), summary, new ClvOptions(HORIZON_WEEKS, TimeScale.WEEKS, 1, 0));
            double expected = predictions.stream()
                    .mapToDouble(CustomerPrediction::expectedPurchases)
                    .sum();
            // Valuable: the top quarter by past repeat-purchase revenue (x * zbar); at risk: P(alive) below 0.5.
            List<Valued> valued = new ArrayList<>();
            for (int i = 0; i < summary.size(); i++) {
                valued.add(new Valued(predictions.get(i), summary.frequency(i) * summary.monetaryValue(i)));
            }
            valued.sort(Comparator.comparingDouble(Valued::pastRevenue).reversed());
            List<Valued> atRisk = valued.subList(0, (valued.size() + 3) / 4).stream()
                    .filter(v -> v.pastRevenue() > 0 && v.prediction().probabilityAlive() < AT_RISK_BELOW)
                    .limit(TOP)
                    .toList();
            return new Result(end, purchases, spend, predictions, atRisk, expected);
        } catch (ModelFitException e) {
            return e.getMessage();
        } catch (ArithmeticException e) {
            // a fit whose predictions do not exist for these data (a spend distribution without a mean): a note
            return "not computed: " + e.getMessage();
        }
    }

    private static List<CustomerPrediction> top(Result r) {
        return r.predictions().stream()
                .sorted(Comparator.comparingDouble(
                                (CustomerPrediction p) -> p.clv().orElseThrow())
                        .reversed())
                .limit(TOP)
                .toList();
    }

    private static long[] distribution(Result r) {
        long[] counts = new long[BUCKETS.length - 1];
        for (CustomerPrediction p : r.predictions()) {
            int b = 0;
            while (b < counts.length - 1 && p.probabilityAlive() >= BUCKETS[b + 1]) {
                b++;
            }
            counts[b]++;
        }
        return counts;
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String parameters(List<Parameter> parameters) {
        StringBuilder s = new StringBuilder();
        for (Parameter p : parameters) {
            s.append(s.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(fixed(p.value(), 4));
        }
        return s.toString();
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        Object computed = compute(data);
        if (!(computed instanceof Result r)) {
            out.println("  Not available: " + computed);
            return;
        }
        out.println("MBG/NBD and Gamma-Gamma fitted on the purchases up to " + r.calibrationEnd() + " (weeks):");
        out.println("  purchases: " + parameters(r.purchases().parameters()));
        out.println("  spend:     " + parameters(r.spend().parameters()));
        out.println("Expected purchases in the next 52 weeks: " + fixed(r.expectedPurchases(), 1) + " ("
                + fixed(r.expectedPurchases() / r.predictions().size(), 2) + " per customer)");
        out.println();
        out.println("P(alive) distribution:");
        long[] counts = distribution(r);
        TextTable table = new TextTable("P(alive)", "customers", "share");
        for (int b = 0; b < counts.length; b++) {
            table.row(
                    fixed(BUCKETS[b], 1) + (b == counts.length - 1 ? "-1.0" : "-<" + fixed(BUCKETS[b + 1], 1)),
                    BehaviourOutput.count(counts[b]),
                    fixed(100.0 * counts[b] / r.predictions().size(), 1) + "%");
        }
        out.print(table.render("  "));
        out.println();
        out.println("Top customers by CLV (revenue, next 52 weeks):");
        TextTable best = new TextTable("customer", "P(alive)", "purchases", "spend", "CLV");
        for (CustomerPrediction p : top(r)) {
            best.row(
                    p.customer().value(),
                    fixed(p.probabilityAlive(), 3),
                    fixed(p.expectedPurchases(), 2),
                    fixed(p.expectedSpend().orElseThrow(), 2),
                    fixed(p.clv().orElseThrow(), 2));
        }
        out.print(best.render("  "));
        out.println();
        out.println("Valuable customers at risk (top quarter by past repeat revenue, P(alive) < 0.5):");
        if (r.atRisk().isEmpty()) {
            out.println("  none");
            return;
        }
        TextTable risk = new TextTable("customer", "past revenue", "P(alive)", "CLV");
        for (Valued v : r.atRisk()) {
            risk.row(
                    v.prediction().customer().value(),
                    fixed(v.pastRevenue(), 2),
                    fixed(v.prediction().probabilityAlive(), 3),
                    fixed(v.prediction().clv().orElseThrow(), 2));
        }
        out.print(risk.render("  "));
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        Object computed = compute(data);
        json.beginObject();
        if (!(computed instanceof Result r)) {
            json.field("unavailable", computed.toString()).endObject();
            return;
        }
        json.field("calibrationEnd", r.calibrationEnd().toString())
                .field("timeUnit", TimeScale.WEEKS.name())
                .field("horizon", HORIZON_WEEKS);
        ClvModels.writeFit(json.name("purchaseModel"), r.purchases().fit().orElseThrow());
        ClvModels.writeFit(json.name("spendModel"), r.spend().fit().orElseThrow());
        json.field("expectedPurchases", r.expectedPurchases());
        json.beginArray("probabilityAliveDistribution");
        long[] counts = distribution(r);
        for (int b = 0; b < counts.length; b++) {
            json.beginObject()
                    .field("from", BUCKETS[b])
                    .field("to", BUCKETS[b + 1])
                    .field("customers", counts[b])
                    .endObject();
        }
        json.endArray();
        json.beginArray("topCustomers");
        for (CustomerPrediction p : top(r)) {
            prediction(json, p).endObject();
        }
        json.endArray();
        json.beginArray("atRisk");
        for (Valued v : r.atRisk()) {
            prediction(json, v.prediction())
                    .field("pastRevenue", v.pastRevenue())
                    .endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static Json prediction(Json json, CustomerPrediction p) {
        return json.beginObject()
                .field("customer", p.customer().value())
                .field("probabilityAlive", p.probabilityAlive())
                .field("expectedPurchases", p.expectedPurchases())
                .field("expectedSpend", p.expectedSpend())
                .field("clv", p.clv());
    }
}
