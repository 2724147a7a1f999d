package org.loyaltykpi.document.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.loyaltykpi.document.Cell;
import org.loyaltykpi.document.ColumnType;
import org.loyaltykpi.document.KeyFigure;
import org.loyaltykpi.document.Message;
import org.loyaltykpi.document.Section;
import org.loyaltykpi.document.Table;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.program.ProgramLift;
import org.loyaltykpi.program.ProgramPeriod;
import org.loyaltykpi.program.TierDistribution;
import org.loyaltykpi.program.TierMigration;
import org.loyaltykpi.retention.CustomerRetentionRate;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.target.TargetEvaluation;
import org.loyaltykpi.target.TargetPeriod;
import org.loyaltykpi.target.TargetStatus;
import org.loyaltykpi.value.AcquisitionCost;
import org.loyaltykpi.value.CohortPayback;
import org.loyaltykpi.value.MarginLtv;
import org.loyaltykpi.value.PeriodCac;
import org.loyaltykpi.value.RepeatRevenue;
import org.loyaltykpi.value.SimpleLtv;
import org.loyaltykpi.value.ValueSummary;

/**
 * The sections of the commands other than {@code report} ({@code loyalty retention}, ...): one value as key figures,
 * a breakdown as a table, each field with a stable dotted id that the command's JSON nests
 * ({@link org.loyaltykpi.document.render.JsonRenderer#renderFields}) and a label from the resource bundle, so that a
 * command's text, JSON and CSV are renderings of one document.
 *
 * <pre>{@code
 * PurchaseBehaviour march = RetentionCalculator.behaviour(table, february, march);
 * Section s = CommandDocuments.behaviour(march);
 * // figures retention.period, retention.customers.active, retention.purchases.all, retention.revenue.all, ...
 * }</pre>
 */
public final class CommandDocuments {
    private CommandDocuments() {}

    /** A field of a value: its dotted id (the JSON path), its column type and how to read it. */
    private record Field<T>(String id, ColumnType type, Function<T, Cell> value) {
        /** The label of a key figure: {@code field.customers.at-start}. */
        Message label() {
            return Message.of("field." + ReportDocument.kebab(id));
        }

        /** The shorter label of a table column: {@code column.field.customers.at-start}. */
        Message columnLabel() {
            return Message.of("column.field." + ReportDocument.kebab(id));
        }
    }

    /** Purchase behaviour's fields, in the order of its JSON. */
    private static final List<Field<PurchaseBehaviour>> BEHAVIOUR = List.of(
            new Field<>("period", ColumnType.TEXT, b -> Cell.text(b.period().toString())),
            new Field<>("label", ColumnType.TEXT, b -> Cell.text(b.period().label())),
            new Field<>(
                    "previousPeriod",
                    ColumnType.TEXT,
                    b -> Cell.text(b.previousPeriod().toString())),
            new Field<>("customers.atStart", ColumnType.COUNT, b -> Cell.count(b.customersAtStart())),
            new Field<>("customers.active", ColumnType.COUNT, b -> Cell.count(b.activeCustomers())),
            new Field<>("customers.new", ColumnType.COUNT, b -> Cell.count(b.newCustomers())),
            new Field<>("customers.returning", ColumnType.COUNT, b -> Cell.count(b.returningCustomers())),
            new Field<>("customers.retained", ColumnType.COUNT, b -> Cell.count(b.retainedCustomers())),
            new Field<>("customers.reactivated", ColumnType.COUNT, b -> Cell.count(b.reactivatedCustomers())),
            new Field<>("customers.lost", ColumnType.COUNT, b -> Cell.count(b.lostCustomers())),
            new Field<>("customers.repeat", ColumnType.COUNT, b -> Cell.count(b.repeatCustomers())),
            new Field<>("customers.categorized", ColumnType.COUNT, b -> Cell.count(b.categorizedCustomers())),
            new Field<>("customers.multiCategory", ColumnType.COUNT, b -> Cell.count(b.multiCategoryCustomers())),
            new Field<>("purchases.all", ColumnType.COUNT, b -> Cell.count(b.purchases())),
            new Field<>("purchases.newCustomers", ColumnType.COUNT, b -> Cell.count(b.newCustomerPurchases())),
            new Field<>(
                    "purchases.returningCustomers", ColumnType.COUNT, b -> Cell.count(b.returningCustomerPurchases())),
            new Field<>("revenue.all", ColumnType.MONEY, b -> Cell.money(b.revenue())),
            new Field<>("revenue.newCustomers", ColumnType.MONEY, b -> Cell.money(b.newCustomerRevenue())),
            new Field<>("revenue.returningCustomers", ColumnType.MONEY, b -> Cell.money(b.returningCustomerRevenue())),
            new Field<>("retentionRate", ColumnType.RATIO, b -> Cell.ratio(b.retention())),
            new Field<>("churnRate", ColumnType.RATIO, b -> Cell.ratio(b.churn())),
            new Field<>("repeatPurchaseRate", ColumnType.RATIO, b -> Cell.ratio(b.repeatPurchaseRate())),
            new Field<>("crossCategoryRate", ColumnType.RATIO, b -> Cell.ratio(b.crossCategoryRate())),
            new Field<>("purchaseFrequency", ColumnType.DECIMAL, b -> Cell.decimal(b.purchaseFrequency())),
            new Field<>("averageOrderValue.all", ColumnType.MONEY, b -> Cell.money(b.averageOrderValue())),
            new Field<>(
                    "averageOrderValue.newCustomers", ColumnType.MONEY, b -> Cell.money(b.averageOrderValueOfNew())),
            new Field<>(
                    "averageOrderValue.returningCustomers",
                    ColumnType.MONEY,
                    b -> Cell.money(b.averageOrderValueOfReturning())),
            new Field<>("returningRevenueShare", ColumnType.SHARE, b -> Cell.share(b.returningRevenueShare())));

    private static <T> void figures(Section.Builder s, String prefix, List<Field<T>> fields, T value) {
        for (Field<T> f : fields) {
            s.figure(KeyFigure.of(prefix + "." + f.id(), f.label(), f.value().apply(value)));
        }
    }

    private static <T> Table table(String id, Message title, List<Field<T>> fields, List<T> rows) {
        Table.Builder t = Table.builder(id, title);
        for (Field<T> f : fields) {
            t.column(f.id(), f.columnLabel(), f.type());
        }
        for (T row : rows) {
            t.row(fields.stream().map(f -> f.value().apply(row)).toList());
        }
        return t.build();
    }

    /**
     * The purchase behaviour of one period as the section {@code retention}: the figures {@code retention.period},
     * {@code retention.label}, {@code retention.previousPeriod}, {@code retention.customers.*} (atStart, active, new,
     * returning, retained, reactivated, lost, repeat, categorized, multiCategory), {@code retention.purchases.*} and
     * {@code retention.revenue.*} (all, newCustomers, returningCustomers), the rates {@code retentionRate},
     * {@code churnRate}, {@code repeatPurchaseRate}, {@code crossCategoryRate} (fractions), {@code purchaseFrequency},
     * {@code averageOrderValue.*} and {@code returningRevenueShare}.
     *
     * @param b the period's behaviour
     * @return the section
     */
    public static Section behaviour(PurchaseBehaviour b) {
        Section.Builder s = Section.builder("retention", Message.of("section.retention.period"));
        figures(s, "retention", BEHAVIOUR, b);
        return s.build();
    }

    /**
     * Purchase behaviour period by period as the section {@code byPeriod}: the figure {@code byPeriod.granularity}
     * ({@code "month"}) and the table {@code byPeriod.periods}, one row per period with the fields of
     * {@link #behaviour}, each period against the one before.
     *
     * @param granularity the period length
     * @param series the periods
     * @return the section
     */
    public static Section behaviourByPeriod(Granularity granularity, List<PurchaseBehaviour> series) {
        return Section.builder("byPeriod", Message.of("section.retention.by-period", ReportDocument.unit(granularity)))
                .figure(KeyFigure.of(
                        "byPeriod.granularity", Message.of("field.granularity"), Cell.label("unit", granularity)))
                .table(table("byPeriod.periods", Message.of("table.retention.periods"), BEHAVIOUR, series))
                .build();
    }

    /**
     * Purchase behaviour as one CSV table {@code retention}: a row per period with the fields of {@link #behaviour},
     * the columns named by their JSON paths ({@code customers.active}).
     *
     * @param rows the periods: the whole period, then its breakdown
     * @return the table
     */
    public static Table behaviourTable(List<PurchaseBehaviour> rows) {
        return table("retention", Message.of("section.purchase-behaviour"), BEHAVIOUR, rows);
    }

    /** The customer retention rate's fields, in the order of its JSON. */
    private static final List<Field<CustomerRetentionRate>> CRR = List.of(
            new Field<>("customersAtStart", ColumnType.COUNT, c -> Cell.count(c.customersAtStart())),
            new Field<>("customersAtEnd", ColumnType.COUNT, c -> Cell.count(c.customersAtEnd())),
            new Field<>("newCustomers", ColumnType.COUNT, c -> Cell.count(c.newCustomers())),
            new Field<>("retained", ColumnType.COUNT, c -> Cell.count(c.retainedCustomers())),
            new Field<>("lost", ColumnType.COUNT, c -> Cell.count(c.lostCustomers())),
            new Field<>("retentionRate", ColumnType.RATIO, c -> Cell.ratio(c.retention())),
            new Field<>("churnRate", ColumnType.RATIO, c -> Cell.ratio(c.churnRate())));

    /**
     * The customer retention rate from CRM counts as the section {@code crr}: the figures {@code customersAtStart},
     * {@code customersAtEnd}, {@code newCustomers}, {@code retained} (end - new), {@code lost} (start - retained),
     * {@code retentionRate} ((end - new) / start, a fraction) and {@code churnRate}; the formula as its title.
     *
     * @param crr the rate
     * @return the section
     */
    public static Section crr(CustomerRetentionRate crr) {
        Section.Builder s = Section.builder(
                "crr", Message.of("section.crr", crr.customersAtEnd(), crr.newCustomers(), crr.customersAtStart()));
        for (Field<CustomerRetentionRate> f : CRR) {
            s.figure(KeyFigure.of(f.id(), f.label(), f.value().apply(crr)));
        }
        return s.build();
    }

    /**
     * KPI targets judged period by period as the section {@code kpiTargets}: the figure {@code granularity}
     * ({@code "quarter"}), the table {@code targets} (one row per target: {@code metric}, {@code target} as written,
     * {@code kind} ({@code "level"}, {@code "stepped"} or {@code "relative"}), {@code unit}, {@code latestPeriod}, {@code latestStatus}, and the
     * periods {@code met}, {@code onTrack}, {@code missed}, {@code noData}) and the table {@code periods} (one row per
     * target and period: {@code metric}, {@code period}, {@code value}, {@code required}, {@code path}, {@code gap},
     * {@code status}). Statuses are lower-kebab codes in JSON and CSV ({@code "on-track"}), {@code MET} ... in text.
     *
     * @param granularity the period length
     * @param evaluations the judged targets
     * @return the section
     */
    public static Section targets(Granularity granularity, List<TargetEvaluation> evaluations) {
        Table.Builder summary = Table.builder("targets", Message.of("table.targets.summary"))
                .column("metric", ColumnType.TEXT)
                .column("target", ColumnType.TEXT)
                .column("kind", ColumnType.TEXT)
                .column("unit", ColumnType.TEXT)
                .column("latestPeriod", ColumnType.TEXT)
                .column("latestStatus", ColumnType.TEXT)
                .column("met", ColumnType.COUNT)
                .column("onTrack", ColumnType.COUNT)
                .column("missed", ColumnType.COUNT)
                .column("noData", ColumnType.COUNT);
        for (TargetEvaluation e : evaluations) {
            Optional<TargetPeriod> latest = e.latest();
            summary.row(
                    Cell.text(e.target().metric()),
                    Cell.text(e.target().toString()),
                    Cell.text(e.target().kind().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                    Cell.text(e.unit()),
                    latest.<Cell>map(p -> Cell.text(p.period().label())).orElseGet(Cell::missing),
                    Cell.label("status", latest.map(TargetPeriod::status).orElse(TargetStatus.NO_DATA)),
                    Cell.count(e.count(TargetStatus.MET)),
                    Cell.count(e.count(TargetStatus.ON_TRACK)),
                    Cell.count(e.count(TargetStatus.MISSED)),
                    Cell.count(e.count(TargetStatus.NO_DATA)));
        }
        return Section.builder("kpiTargets", Message.of("section.targets.by", ReportDocument.unit(granularity)))
                .figure(KeyFigure.of("granularity", Message.of("field.granularity"), Cell.label("unit", granularity)))
                .table(summary.build())
                .table(targetPeriods("periods", evaluations))
                .build();
    }

    /**
     * One row per target and period ({@code metric}, {@code period}, {@code value}, {@code required}, {@code path},
     * {@code gap}, {@code status}), the table that both the {@code targets} command and the report's targets section
     * show. Values are in the target's unit (points or percent), shown with two decimals in text.
     */
    static Table targetPeriods(String id, List<TargetEvaluation> evaluations) {
        Table.Builder periods = Table.builder(id, Message.of("table.targets.periods"))
                .column("metric", ColumnType.TEXT)
                .column("period", ColumnType.TEXT)
                .column("value", ColumnType.DECIMAL)
                .column("required", ColumnType.DECIMAL)
                .column("path", ColumnType.DECIMAL)
                .column("gap", ColumnType.DECIMAL)
                .column("status", ColumnType.TEXT);
        for (TargetEvaluation e : evaluations) {
            for (TargetPeriod p : e.periods()) {
                periods.row(
                        Cell.text(e.target().metric()),
                        Cell.text(p.period().label()),
                        Cell.decimal(p.value(), 2),
                        Cell.decimal(p.required(), 2),
                        Cell.decimal(p.path(), 2),
                        Cell.decimal(p.gap(), 2),
                        Cell.label("status", p.status()));
            }
        }
        return periods.build();
    }

    private static void figure(Section.Builder s, String id, Cell value) {
        s.figure(KeyFigure.of(id, Message.of("field." + ReportDocument.kebab(id)), value));
    }

    /**
     * Acquisition cost and customer value as the section {@code value}: the figures {@code granularity},
     * {@code grossMargin}, {@code expectedYears}, {@code cac.*} (overall, acquisitionSpend, newCustomers, otherSpend),
     * {@code ltv.simple.*} (value, annualSpend, window, activeCustomers, expectedYears), {@code ltv.margin.*} (value,
     * revenuePerCustomerPerPeriod, churnRate, expectedLifetimePeriods, grossMargin), {@code ltvToCac.*} (simple,
     * margin) and {@code repeatRevenue.*}; the tables {@code cac.byPeriod} (period, acquisitionSpend, newCustomers,
     * cac) and {@code payback} (per acquisition cohort: customers, cac, periods until the cumulative margin per
     * customer reaches the CAC, or missing; observedPeriods, marginPerCustomer).
     *
     * @param v the value summary
     * @return the section
     */
    public static Section value(ValueSummary v) {
        Granularity g = v.options().granularity();
        Section.Builder s = Section.builder("value", Message.of("section.value.by", ReportDocument.unit(g)));
        figure(s, "granularity", Cell.label("unit", g));
        figure(s, "grossMargin", Cell.decimal(v.options().grossMargin(), 2));
        figure(s, "expectedYears", Cell.decimal(v.options().expectedYears(), 2));
        AcquisitionCost cost = v.acquisitionCost();
        figure(s, "cac.overall", Cell.money(cost.overall()));
        figure(s, "cac.acquisitionSpend", Cell.money(cost.acquisitionSpend()));
        figure(s, "cac.newCustomers", Cell.count(cost.newCustomers()));
        figure(s, "cac.otherSpend", Cell.money(cost.otherSpend()));
        SimpleLtv simple = v.simpleLtv();
        figure(s, "ltv.simple.value", Cell.money(simple.value()));
        figure(s, "ltv.simple.annualSpend", Cell.money(simple.annualSpend()));
        figure(s, "ltv.simple.window", Cell.text(simple.window().toString()));
        figure(s, "ltv.simple.activeCustomers", Cell.count(simple.activeCustomers()));
        figure(s, "ltv.simple.expectedYears", Cell.decimal(simple.expectedYears(), 2));
        MarginLtv margin = v.marginLtv();
        figure(s, "ltv.margin.value", Cell.money(margin.value()));
        figure(s, "ltv.margin.revenuePerCustomerPerPeriod", Cell.money(margin.revenuePerCustomerPerPeriod()));
        figure(s, "ltv.margin.churnRate", Cell.ratio(margin.churn()));
        figure(s, "ltv.margin.expectedLifetimePeriods", Cell.decimal(margin.expectedLifetimePeriods()));
        figure(s, "ltv.margin.grossMargin", Cell.decimal(margin.grossMargin(), 2));
        figure(s, "ltvToCac.simple", Cell.decimal(v.simpleLtvToCac()));
        figure(s, "ltvToCac.margin", Cell.decimal(v.marginLtvToCac()));
        RepeatRevenue r = v.repeatRevenue();
        figure(s, "repeatRevenue.firstTimeRevenue", Cell.money(r.newCustomerRevenue()));
        figure(s, "repeatRevenue.firstTimePurchases", Cell.count(r.newCustomerPurchases()));
        figure(s, "repeatRevenue.repeatRevenue", Cell.money(r.returningCustomerRevenue()));
        figure(s, "repeatRevenue.repeatPurchases", Cell.count(r.returningCustomerPurchases()));
        figure(s, "repeatRevenue.repeatRevenueShare", Cell.share(r.returningRevenueShare()));
        figure(s, "repeatRevenue.averageOrderValueFirstTime", Cell.money(r.averageOrderValueOfNew()));
        figure(s, "repeatRevenue.averageOrderValueRepeat", Cell.money(r.averageOrderValueOfReturning()));
        figure(s, "repeatRevenue.averageOrderValueUplift", Cell.share(r.averageOrderValueUplift()));
        Table.Builder periods = Table.builder("cac.byPeriod", Message.of("table.value.cac"))
                .column("period", ColumnType.TEXT)
                .column("acquisitionSpend", ColumnType.MONEY)
                .column("newCustomers", ColumnType.COUNT)
                .column("cac", ColumnType.MONEY);
        for (PeriodCac p : cost.periods()) {
            periods.row(
                    Cell.text(p.period().label()),
                    Cell.money(p.acquisitionSpend()),
                    Cell.count(p.newCustomers()),
                    Cell.money(p.cac()));
        }
        s.table(periods.build());
        Table.Builder payback = Table.builder("payback", Message.of("table.value.payback"))
                .column("cohort", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("cac", ColumnType.MONEY)
                .column("periods", Message.of("column.payback-periods"), ColumnType.COUNT)
                .column("observedPeriods", ColumnType.COUNT)
                .column("marginPerCustomer", ColumnType.MONEY);
        for (CohortPayback p : v.payback()) {
            payback.row(
                    Cell.text(p.cohort().label()),
                    Cell.count(p.customers()),
                    Cell.money(p.cac()),
                    p.periods().isPresent() ? Cell.count(p.periods().getAsInt()) : Cell.missing(),
                    Cell.count(p.observedPeriods()),
                    Cell.money(p.marginPerCustomer()));
        }
        s.table(payback.build());
        return s.build();
    }

    private static String level(Optional<Tier> tier) {
        return tier.map(Tier::label).orElse("untiered");
    }

    private static Message levelLabel(Optional<Tier> tier) {
        return tier.map(t -> Message.of("tier." + t.label())).orElseGet(() -> Message.of("tier.none"));
    }

    /**
     * The loyalty program as the section {@code program}: the table {@code periods} (per period: customers, members,
     * participationRate, newMembers, activeMembers, activeMemberRate, pointsEarned, pointsRedeemed, redemptionRate,
     * outstandingPoints, liability with a point value, referrers, referralRate, referredCustomers,
     * referredPerReferrer), the figures {@code tiers.*} (asOf, members, untiered, bronze, silver, gold, platinum on the
     * last day), {@code tierMigration.*} (from, to, and {@code tierMigration.<from level>.<to level>} members) and
     * {@code lift.*} (window; members' and nonMembers' activeCustomers, repeatPurchaseRate, purchaseFrequency,
     * averageOrderValue; repeatRateLift, frequencyLift, averageOrderValueLift) of the last period.
     *
     * @param periods the program per period, oldest first
     * @param tiers the members by tier on the last day
     * @param migration the tier migration over the last period
     * @param lift members against non-members in the last period
     * @param pointValue the money value of a point, if given
     * @return the section
     */
    public static Section program(
            List<ProgramPeriod> periods,
            TierDistribution tiers,
            TierMigration migration,
            ProgramLift lift,
            Optional<BigDecimal> pointValue) {
        Section.Builder s = Section.builder("program", Message.of("section.program"));
        Table.Builder t = Table.builder("periods", Message.of("table.program.by-period"))
                .column("period", ColumnType.TEXT)
                .column("customers", ColumnType.COUNT)
                .column("members", ColumnType.COUNT)
                .column("participationRate", ColumnType.RATIO)
                .column("newMembers", ColumnType.COUNT)
                .column("activeMembers", ColumnType.COUNT)
                .column("activeMemberRate", ColumnType.RATIO)
                .column("pointsEarned", ColumnType.COUNT)
                .column("pointsRedeemed", ColumnType.COUNT)
                .column("redemptionRate", ColumnType.SHARE)
                .column("outstandingPoints", ColumnType.COUNT);
        if (pointValue.isPresent()) {
            t.column("liability", ColumnType.MONEY);
        }
        t.column("referrers", ColumnType.COUNT)
                .column("referralRate", ColumnType.RATIO)
                .column("referredCustomers", ColumnType.COUNT)
                .column("referredPerReferrer", ColumnType.DECIMAL);
        for (ProgramPeriod p : periods) {
            List<Cell> row = new java.util.ArrayList<>(List.of(
                    Cell.text(p.period().label()),
                    Cell.count(p.customers()),
                    Cell.count(p.members()),
                    Cell.ratio(p.participationRate()),
                    Cell.count(p.newMembers()),
                    Cell.count(p.activeMembers()),
                    Cell.ratio(p.activeMemberRate()),
                    Cell.count(p.points().earned()),
                    Cell.count(p.points().redeemed()),
                    Cell.share(p.points().redemptionRate()),
                    Cell.count(p.balance().outstanding())));
            pointValue.ifPresent(v -> row.add(Cell.money(p.balance().liability(v))));
            row.add(Cell.count(p.referrers()));
            row.add(Cell.ratio(p.referralRate()));
            row.add(Cell.count(p.referredCustomers()));
            row.add(Cell.decimal(p.referredPerReferrer()));
            t.row(row);
        }
        s.table(t.build());
        s.figure(KeyFigure.of(
                "tiers.asOf",
                Message.of("field.tiers.as-of"),
                Cell.text(tiers.asOf().toString())));
        s.figure(KeyFigure.of("tiers.members", Message.of("field.tiers.members"), Cell.count(tiers.members())));
        for (Optional<Tier> l : TierMigration.LEVELS) {
            s.figure(KeyFigure.of(
                    "tiers." + level(l),
                    Message.of("field.tiers.level", levelLabel(l)),
                    Cell.count(l.map(tiers::count).orElse(tiers.untiered()))));
        }
        s.figure(KeyFigure.of(
                "tierMigration.from",
                Message.of("field.tier-migration.from"),
                Cell.text(migration.from().toString())));
        s.figure(KeyFigure.of(
                "tierMigration.to",
                Message.of("field.tier-migration.to"),
                Cell.text(migration.to().toString())));
        for (Optional<Tier> from : TierMigration.LEVELS) {
            for (Optional<Tier> to : TierMigration.LEVELS) {
                s.figure(KeyFigure.of(
                        "tierMigration." + level(from) + "." + level(to),
                        Message.of("field.tier-migration.level", levelLabel(from), levelLabel(to)),
                        Cell.count(migration.count(from, to))));
            }
        }
        s.figure(KeyFigure.of(
                "lift.window",
                Message.of("field.lift.window"),
                Cell.text(lift.window().label())));
        for (String group : List.of("members", "nonMembers")) {
            PurchaseBehaviour b = group.equals("members") ? lift.members() : lift.nonMembers();
            Message g = Message.of("group." + ReportDocument.kebab(group));
            s.figure(KeyFigure.of(
                    "lift." + group + ".activeCustomers",
                    Message.of("field.lift.active-customers", g),
                    Cell.count(b.activeCustomers())));
            s.figure(KeyFigure.of(
                    "lift." + group + ".repeatPurchaseRate",
                    Message.of("field.lift.repeat-purchase-rate", g),
                    Cell.ratio(b.repeatPurchaseRate())));
            s.figure(KeyFigure.of(
                    "lift." + group + ".purchaseFrequency",
                    Message.of("field.lift.purchase-frequency", g),
                    Cell.decimal(b.purchaseFrequency())));
            s.figure(KeyFigure.of(
                    "lift." + group + ".averageOrderValue",
                    Message.of("field.lift.average-order-value", g),
                    Cell.money(b.averageOrderValue())));
        }
        s.figure(KeyFigure.of(
                "lift.repeatRateLift", Message.of("field.lift.repeat-rate-lift"), Cell.share(lift.repeatRateLift())));
        s.figure(KeyFigure.of(
                "lift.frequencyLift", Message.of("field.lift.frequency-lift"), Cell.share(lift.frequencyLift())));
        s.figure(KeyFigure.of(
                "lift.averageOrderValueLift",
                Message.of("field.lift.average-order-value-lift"),
                Cell.share(lift.averageOrderValueLift())));
        s.note(Message.of("note.program.lift"));
        return s.build();
    }
}
