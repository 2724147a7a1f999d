package org.loyaltykpi.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.retention.PurchaseBehaviour;

/** Text and JSON renderings of purchase behaviour, shared by {@code retention} and {@code report}. */
final class BehaviourOutput {
    private BehaviourOutput() {}

    static String text(PurchaseBehaviour b) {
        TextTable t = TextTable.aligned("lrl", "", "", "");
        t.row(
                "customers",
                count(b.activeCustomers()) + " active",
                count(b.newCustomers()) + " new, "
                        + count(b.returningCustomers()) + " returning (" + count(b.retainedCustomers()) + " retained, "
                        + count(b.reactivatedCustomers()) + " reactivated)");
        t.row(
                "at start",
                count(b.customersAtStart()),
                "active in " + b.previousPeriod().label()
                        + (b.customersAtStart() == 0
                                ? ": retention is undefined"
                                : "; " + count(b.lostCustomers()) + " lost"));
        t.row("retention", percent(b.retention()), ratio(b.retention()) + " retained / at start");
        t.row("churn", percent(b.churn()), ratio(b.churn()) + " lost / at start");
        t.row(
                "repeat purchase",
                percent(b.repeatPurchaseRate()),
                ratio(b.repeatPurchaseRate()) + " bought on 2+ days / active");
        t.row(
                "cross-category",
                percent(b.crossCategoryRate()),
                ratio(b.crossCategoryRate()) + " bought in 2+ categories / active with a category");
        t.row("purchases", count(b.purchases()), decimal(b.purchaseFrequency()) + " per active customer");
        t.row("revenue", money(b.revenue()), "returning customers' share " + share(b.returningRevenueShare()));
        t.row(
                "average order",
                decimal(b.averageOrderValue()),
                "new customers " + decimal(b.averageOrderValueOfNew()) + ", returning "
                        + decimal(b.averageOrderValueOfReturning()));
        String rendered = t.render("  ");
        // The header row of a label/value table is empty: drop it.
        return rendered.substring(rendered.indexOf('\n') + 1);
    }

    static String textSeries(List<PurchaseBehaviour> series) {
        TextTable t = new TextTable(
                "period",
                "active",
                "new",
                "returning",
                "retention",
                "churn",
                "repeat",
                "cross-cat",
                "purchases",
                "per cust.",
                "revenue",
                "AOV",
                "AOV new",
                "AOV ret.",
                "ret. revenue");
        for (PurchaseBehaviour b : series) {
            t.row(
                    b.period().label(),
                    count(b.activeCustomers()),
                    count(b.newCustomers()),
                    count(b.returningCustomers()),
                    percent(b.retention()),
                    percent(b.churn()),
                    percent(b.repeatPurchaseRate()),
                    percent(b.crossCategoryRate()),
                    count(b.purchases()),
                    decimal(b.purchaseFrequency()),
                    money(b.revenue()),
                    decimal(b.averageOrderValue()),
                    decimal(b.averageOrderValueOfNew()),
                    decimal(b.averageOrderValueOfReturning()),
                    share(b.returningRevenueShare()));
        }
        return t.render("  ");
    }

    static void json(Json json, PurchaseBehaviour b) {
        json.field("period", b.period().toString())
                .field("label", b.period().label())
                .field("previousPeriod", b.previousPeriod().toString());
        json.beginObject("customers")
                .field("atStart", b.customersAtStart())
                .field("active", b.activeCustomers())
                .field("new", b.newCustomers())
                .field("returning", b.returningCustomers())
                .field("retained", b.retainedCustomers())
                .field("reactivated", b.reactivatedCustomers())
                .field("lost", b.lostCustomers())
                .field("repeat", b.repeatCustomers())
                .field("categorized", b.categorizedCustomers())
                .field("multiCategory", b.multiCategoryCustomers())
                .endObject();
        json.beginObject("purchases")
                .field("all", b.purchases())
                .field("newCustomers", b.newCustomerPurchases())
                .field("returningCustomers", b.returningCustomerPurchases())
                .endObject();
        json.beginObject("revenue")
                .field("all", b.revenue())
                .field("newCustomers", b.newCustomerRevenue())
                .field("returningCustomers", b.returningCustomerRevenue())
                .endObject();
        json.field("retentionRate", b.retention().value())
                .field("churnRate", b.churn().value())
                .field("repeatPurchaseRate", b.repeatPurchaseRate().value())
                .field("crossCategoryRate", b.crossCategoryRate().value())
                .field("purchaseFrequency", b.purchaseFrequency());
        json.beginObject("averageOrderValue")
                .field("all", b.averageOrderValue())
                .field("newCustomers", b.averageOrderValueOfNew())
                .field("returningCustomers", b.averageOrderValueOfReturning())
                .endObject();
        json.field("returningRevenueShare", b.returningRevenueShare());
    }

    static void jsonSeries(Json json, String name, Granularity granularity, List<PurchaseBehaviour> series) {
        json.beginObject(name).field("granularity", granularity.name()).beginArray("periods");
        for (PurchaseBehaviour b : series) {
            json.beginObject();
            json(json, b);
            json.endObject();
        }
        json.endArray().endObject();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(Ratio ratio) {
        return ratio.percent().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", ratio.percent().getAsDouble())
                : "n/a";
    }

    static String ratio(Ratio ratio) {
        return "(" + count(ratio.numerator()) + "/" + count(ratio.denominator()) + ")";
    }

    static String share(OptionalDouble fraction) {
        return fraction.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction.getAsDouble()) : "n/a";
    }

    static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%,.2f", value.getAsDouble()) : "n/a";
    }

    static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
