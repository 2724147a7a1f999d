package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.program.PointsSummary;
import org.loyaltykpi.program.ProgramCalculator;
import org.loyaltykpi.program.ProgramLift;
import org.loyaltykpi.program.ProgramPeriod;
import org.loyaltykpi.program.TierDistribution;
import org.loyaltykpi.program.TierMigration;
import org.loyaltykpi.retention.PurchaseBehaviour;

/**
 * The loyalty-program results shown by {@code loyalty program} and the report: per-period metrics, the tier
 * distribution at the end, the tier migration over the last period and the members' lift in the last period.
 */
final class ProgramOutput {
    private final List<ProgramPeriod> periods;
    private final TierDistribution tiers;
    private final TierMigration migration;
    private final ProgramLift lift;
    private final Optional<BigDecimal> pointValue;

    private ProgramOutput(
            List<ProgramPeriod> periods,
            TierDistribution tiers,
            TierMigration migration,
            ProgramLift lift,
            Optional<BigDecimal> pointValue) {
        this.periods = periods;
        this.tiers = tiers;
        this.migration = migration;
        this.lift = lift;
        this.pointValue = pointValue;
    }

    /** Computes everything; empty when there are no purchases and no events to give a date range. */
    static Optional<ProgramOutput> of(
            PurchaseTable table, List<ProgramEvent> events, Granularity granularity, Optional<BigDecimal> pointValue) {
        Optional<DateRange> range = range(table, events);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        List<ProgramPeriod> periods = ProgramCalculator.series(table, events, range.get(), granularity);
        DateRange last = periods.get(periods.size() - 1).period();
        LocalDate end = last.endExclusive().minusDays(1);
        LocalDate before = last.start().minusDays(1);
        return Optional.of(new ProgramOutput(
                periods,
                ProgramCalculator.tierDistribution(events, end),
                ProgramCalculator.tierMigration(events, before, end),
                ProgramCalculator.lift(table, events, last),
                pointValue));
    }

    private static Optional<DateRange> range(PurchaseTable table, List<ProgramEvent> events) {
        LocalDate first = null;
        LocalDate last = null;
        if (table.dateRange().isPresent()) {
            first = table.dateRange().get().start();
            last = table.dateRange().get().endExclusive().minusDays(1);
        }
        for (ProgramEvent e : events) {
            first = first == null || e.date().isBefore(first) ? e.date() : first;
            last = last == null || e.date().isAfter(last) ? e.date() : last;
        }
        return first == null ? Optional.empty() : Optional.of(DateRange.of(first, last.plusDays(1)));
    }

    private static String pct(Ratio r) {
        return r.percent().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", r.percent().getAsDouble())
                : "n/a";
    }

    private static String pct(OptionalDouble fraction) {
        return fraction.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", 100 * fraction.getAsDouble()) : "n/a";
    }

    private static String rate(OptionalDouble fraction) {
        return fraction.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction.getAsDouble()) : "n/a";
    }

    private static String num(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.2f", x.getAsDouble()) : "n/a";
    }

    private static String level(Optional<Tier> t) {
        return t.map(Tier::label).orElse("untiered");
    }

    void text(PrintWriter out) {
        ProgramPeriod end = periods.get(periods.size() - 1);
        PointsSummary balance = end.balance();
        out.println("  members " + end.members() + " of " + end.customers() + " customers (participation "
                + pct(end.participationRate()) + "); outstanding points " + balance.outstanding()
                + pointValue
                        .map(v -> " = " + balance.liability(v).toPlainString() + " in money")
                        .orElse("")
                + "; redemption rate " + rate(balance.redemptionRate()) + " of all points earned");
        out.println();
        TextTable t = new TextTable(
                "period",
                "customers",
                "members",
                "participation",
                "new",
                "active",
                "active rate",
                "earned",
                "redeemed",
                "redemption",
                "outstanding",
                "referral rate",
                "referred/referrer");
        for (ProgramPeriod p : periods) {
            t.row(
                    p.period().label(),
                    Long.toString(p.customers()),
                    Long.toString(p.members()),
                    pct(p.participationRate()),
                    Long.toString(p.newMembers()),
                    Long.toString(p.activeMembers()),
                    pct(p.activeMemberRate()),
                    Long.toString(p.points().earned()),
                    Long.toString(p.points().redeemed()),
                    rate(p.points().redemptionRate()),
                    Long.toString(p.balance().outstanding()),
                    pct(p.referralRate()),
                    num(p.referredPerReferrer()));
        }
        out.print(t.render("  "));
        out.println();
        out.println("  Tiers on " + tiers.asOf() + " (" + tiers.members() + " members):");
        TextTable d = new TextTable("tier", "members", "share");
        for (Optional<Tier> l : TierMigration.LEVELS) {
            d.row(
                    level(l),
                    Long.toString(l.map(tiers::count).orElse(tiers.untiered())),
                    pct(l.map(tiers::share).orElse(tiers.untieredShare())));
        }
        out.print(d.render("    "));
        out.println();
        out.println(
                "  Tier migration " + migration.from() + " -> " + migration.to() + " (rows: tier on the first day):");
        String[] header = new String[TierMigration.LEVELS.size() + 1];
        header[0] = "from \\ to";
        for (int i = 0; i < TierMigration.LEVELS.size(); i++) {
            header[i + 1] = level(TierMigration.LEVELS.get(i));
        }
        TextTable m = new TextTable(header);
        for (Optional<Tier> from : TierMigration.LEVELS) {
            String[] row = new String[header.length];
            row[0] = level(from);
            for (int i = 0; i < TierMigration.LEVELS.size(); i++) {
                row[i + 1] = Long.toString(migration.count(from, TierMigration.LEVELS.get(i)));
            }
            m.row(row);
        }
        out.print(m.render("    "));
        out.println();
        out.println("  Lift in " + lift.window().label() + ": members vs non-members, both acquired before it and"
                + " active in it (a comparison, not a causal effect):");
        TextTable l = new TextTable("metric", "members", "non-members", "lift");
        PurchaseBehaviour mb = lift.members();
        PurchaseBehaviour nb = lift.nonMembers();
        l.row("active customers", Long.toString(mb.activeCustomers()), Long.toString(nb.activeCustomers()), "");
        l.row(
                "repeat purchase rate",
                pct(mb.repeatPurchaseRate()),
                pct(nb.repeatPurchaseRate()),
                pct(lift.repeatRateLift()));
        l.row(
                "purchase frequency",
                num(mb.purchaseFrequency()),
                num(nb.purchaseFrequency()),
                pct(lift.frequencyLift()));
        l.row(
                "average order value",
                num(mb.averageOrderValue()),
                num(nb.averageOrderValue()),
                pct(lift.averageOrderValueLift()));
        out.print(l.render("    "));
    }

    /** Writes the fields into the current JSON object. */
    void json(Json json) {
        json.beginArray("periods");
        for (ProgramPeriod p : periods) {
            json.beginElement()
                    .field("period", p.period().label())
                    .field("customers", p.customers())
                    .field("members", p.members())
                    .field("participationRate", p.participationRate().value())
                    .field("newMembers", p.newMembers())
                    .field("activeMembers", p.activeMembers())
                    .field("activeMemberRate", p.activeMemberRate().value())
                    .field("pointsEarned", p.points().earned())
                    .field("pointsRedeemed", p.points().redeemed())
                    .field("redemptionRate", p.points().redemptionRate())
                    .field("outstandingPoints", p.balance().outstanding());
            if (pointValue.isPresent()) {
                json.field("liability", p.balance().liability(pointValue.get()));
            }
            json.field("referrers", p.referrers())
                    .field("referralRate", p.referralRate().value())
                    .field("referredCustomers", p.referredCustomers())
                    .field("referredPerReferrer", p.referredPerReferrer())
                    .endObject();
        }
        json.endArray();
        json.beginObject("tiers").field("asOf", tiers.asOf().toString()).field("members", tiers.members());
        for (Optional<Tier> l : TierMigration.LEVELS) {
            json.field(level(l), l.map(tiers::count).orElse(tiers.untiered()));
        }
        json.endObject();
        json.beginObject("tierMigration")
                .field("from", migration.from().toString())
                .field("to", migration.to().toString());
        for (Optional<Tier> from : TierMigration.LEVELS) {
            json.beginObject(level(from));
            for (Optional<Tier> to : TierMigration.LEVELS) {
                json.field(level(to), migration.count(from, to));
            }
            json.endObject();
        }
        json.endObject();
        json.beginObject("lift").field("window", lift.window().label());
        group(json, "members", lift.members());
        group(json, "nonMembers", lift.nonMembers());
        json.field("repeatRateLift", lift.repeatRateLift())
                .field("frequencyLift", lift.frequencyLift())
                .field("averageOrderValueLift", lift.averageOrderValueLift())
                .endObject();
    }

    private static void group(Json json, String name, PurchaseBehaviour b) {
        json.beginObject(name)
                .field("activeCustomers", b.activeCustomers())
                .field("repeatPurchaseRate", b.repeatPurchaseRate().value())
                .field("purchaseFrequency", b.purchaseFrequency())
                .field("averageOrderValue", b.averageOrderValue())
                .endObject();
    }
}
