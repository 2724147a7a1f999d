package org.loyaltykpi.cli;

import static org.loyaltykpi.cli.BehaviourOutput.count;
import static org.loyaltykpi.cli.BehaviourOutput.decimal;
import static org.loyaltykpi.cli.BehaviourOutput.money;
import static org.loyaltykpi.cli.BehaviourOutput.percent;
import static org.loyaltykpi.cli.BehaviourOutput.ratio;
import static org.loyaltykpi.cli.BehaviourOutput.share;

import java.util.Locale;
import java.util.OptionalDouble;
import org.loyaltykpi.value.AcquisitionCost;
import org.loyaltykpi.value.CohortPayback;
import org.loyaltykpi.value.MarginLtv;
import org.loyaltykpi.value.PeriodCac;
import org.loyaltykpi.value.RepeatRevenue;
import org.loyaltykpi.value.SimpleLtv;
import org.loyaltykpi.value.ValueSummary;

/** Text, CSV and JSON renderings of the value metrics, shared by {@code value} and {@code report}. */
final class ValueOutput {
    private ValueOutput() {}

    static String text(ValueSummary v) {
        String unit = v.options().granularity().name().toLowerCase(Locale.ROOT);
        AcquisitionCost cost = v.acquisitionCost();
        SimpleLtv simple = v.simpleLtv();
        MarginLtv margin = v.marginLtv();
        RepeatRevenue repeat = v.repeatRevenue();
        TextTable t = TextTable.aligned("lrl", "", "", "");
        t.row(
                "CAC",
                decimal(cost.overall()),
                "acquisition spend " + money(cost.acquisitionSpend()) + " / " + count(cost.newCustomers())
                        + " new customers (retention and other spend " + money(cost.otherSpend()) + " not counted)");
        t.row(
                "LTV, simple",
                decimal(simple.value()),
                "annual spend " + decimal(simple.annualSpend()) + " ("
                        + simple.window().label() + ", "
                        + count(simple.activeCustomers()) + " active) x " + number(simple.expectedYears())
                        + " expected years");
        t.row(
                "LTV, margin",
                decimal(margin.value()),
                "revenue per customer per " + unit + " " + decimal(margin.revenuePerCustomerPerPeriod()) + " x margin "
                        + number(margin.grossMargin()) + " / churn " + percent(margin.churn()) + " "
                        + ratio(margin.churn()) + " per " + unit);
        t.row("LTV:CAC", times(v.simpleLtvToCac()) + " / " + times(v.marginLtvToCac()), "simple / margin form");
        t.row(
                "repeat revenue",
                share(repeat.returningRevenueShare()),
                money(repeat.returningCustomerRevenue()) + " repeat, " + money(repeat.newCustomerRevenue())
                        + " first-time (in the customer's first " + unit + ")");
        t.row(
                "AOV uplift",
                signedPercent(repeat.averageOrderValueUplift()),
                "repeat orders " + decimal(repeat.averageOrderValueOfReturning()) + " vs first-time "
                        + decimal(repeat.averageOrderValueOfNew()));
        String rendered = t.render("  ");
        StringBuilder out = new StringBuilder(rendered.substring(rendered.indexOf('\n') + 1));
        out.append('\n')
                .append("By acquisition ")
                .append(unit)
                .append(" (payback: ")
                .append(unit)
                .append("s until cumulative margin per customer reaches CAC; - = not within the data):\n");
        out.append(periodTable(v).render("  "));
        return out.toString();
    }

    private static TextTable periodTable(ValueSummary v) {
        TextTable t = new TextTable("cohort", "spend", "new", "CAC", "payback", "margin/customer");
        int p = 0;
        for (PeriodCac c : v.acquisitionCost().periods()) {
            CohortPayback payback =
                    p < v.payback().size() && v.payback().get(p).cohort().equals(c.period())
                            ? v.payback().get(p++)
                            : null;
            t.row(
                    c.period().label(),
                    money(c.acquisitionSpend()),
                    count(c.newCustomers()),
                    decimal(c.cac()),
                    payback == null
                            ? "-"
                            : payback.periods().isPresent()
                                    ? Integer.toString(payback.periods().getAsInt())
                                    : "-",
                    payback == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", payback.marginPerCustomer()));
        }
        return t;
    }

    static String csv(ValueSummary v) {
        StringBuilder out =
                new StringBuilder("period,acquisition_spend,new_customers,cac,payback_periods,margin_per_customer\n");
        for (PeriodCac c : v.acquisitionCost().periods()) {
            CohortPayback payback = v.payback().stream()
                    .filter(p -> p.cohort().equals(c.period()))
                    .findFirst()
                    .orElse(null);
            out.append(c.period().label())
                    .append(',')
                    .append(c.acquisitionSpend().toPlainString())
                    .append(',')
                    .append(c.newCustomers())
                    .append(',')
                    .append(c.cac().isPresent() ? Double.toString(c.cac().getAsDouble()) : "")
                    .append(',')
                    .append(
                            payback != null && payback.periods().isPresent()
                                    ? Integer.toString(payback.periods().getAsInt())
                                    : "")
                    .append(',')
                    .append(payback == null ? "" : Double.toString(payback.marginPerCustomer()))
                    .append('\n');
        }
        return out.toString();
    }

    static void json(Json json, ValueSummary v) {
        AcquisitionCost cost = v.acquisitionCost();
        json.field("granularity", v.options().granularity().name())
                .field("grossMargin", v.options().grossMargin())
                .field("expectedYears", v.options().expectedYears());
        json.beginObject("cac")
                .field("overall", cost.overall())
                .field("acquisitionSpend", cost.acquisitionSpend())
                .field("newCustomers", cost.newCustomers())
                .field("otherSpend", cost.otherSpend());
        json.beginArray("byPeriod");
        for (PeriodCac c : cost.periods()) {
            json.beginElement()
                    .field("period", c.period().label())
                    .field("acquisitionSpend", c.acquisitionSpend())
                    .field("newCustomers", c.newCustomers())
                    .field("cac", c.cac())
                    .endObject();
        }
        json.endArray().endObject();
        SimpleLtv simple = v.simpleLtv();
        MarginLtv margin = v.marginLtv();
        json.beginObject("ltv");
        json.beginObject("simple")
                .field("value", simple.value())
                .field("annualSpend", simple.annualSpend())
                .field("window", simple.window().toString())
                .field("activeCustomers", simple.activeCustomers())
                .field("expectedYears", simple.expectedYears())
                .endObject();
        json.beginObject("margin")
                .field("value", margin.value())
                .field("revenuePerCustomerPerPeriod", margin.revenuePerCustomerPerPeriod())
                .field("churnRate", margin.churn().value())
                .field("expectedLifetimePeriods", margin.expectedLifetimePeriods())
                .field("grossMargin", margin.grossMargin())
                .endObject();
        json.endObject();
        json.beginObject("ltvToCac")
                .field("simple", v.simpleLtvToCac())
                .field("margin", v.marginLtvToCac())
                .endObject();
        json.beginArray("payback");
        for (CohortPayback p : v.payback()) {
            json.beginElement().field("cohort", p.cohort().label()).field("customers", p.customers());
            json.field("cac", p.cac());
            if (p.periods().isPresent()) {
                json.field("periods", p.periods().getAsInt());
            } else {
                json.nullField("periods");
            }
            json.field("observedPeriods", p.observedPeriods())
                    .field("marginPerCustomer", p.marginPerCustomer())
                    .endObject();
        }
        json.endArray();
        RepeatRevenue r = v.repeatRevenue();
        json.beginObject("repeatRevenue")
                .field("firstTimeRevenue", r.newCustomerRevenue())
                .field("firstTimePurchases", r.newCustomerPurchases())
                .field("repeatRevenue", r.returningCustomerRevenue())
                .field("repeatPurchases", r.returningCustomerPurchases())
                .field("repeatRevenueShare", r.returningRevenueShare())
                .field("averageOrderValueFirstTime", r.averageOrderValueOfNew())
                .field("averageOrderValueRepeat", r.averageOrderValueOfReturning())
                .field("averageOrderValueUplift", r.averageOrderValueUplift())
                .endObject();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String times(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
    }

    static String signedPercent(OptionalDouble fraction) {
        return fraction.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", 100 * fraction.getAsDouble()) : "n/a";
    }
}
