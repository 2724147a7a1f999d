package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.SpendKind;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;

/**
 * Acquisition and value: customer acquisition cost (CAC), lifetime value in two forms, LTV:CAC, CAC payback per
 * acquisition cohort, and first-time against repeat revenue. The definitions are on the result types: {@link
 * AcquisitionCost}, {@link PeriodCac}, {@link SimpleLtv}, {@link MarginLtv}, {@link CohortPayback}, {@link
 * RepeatRevenue}, {@link ValueSummary}.
 *
 * <p>Nothing is counted twice: new customers per period are the acquisition cohorts' sizes of {@link
 * CohortCalculator} (a customer is new in the period of its first purchase ever), the payback curve is the cohorts'
 * revenue, and churn, ARPU and first-time / repeat revenue are the counts of {@link RetentionCalculator#series}.
 * The CAC and payback methods take a {@link CohortMatrix}, so they also work on a matrix collected from a stream
 * ({@link CohortCalculator#toCohortMatrix(Granularity)}).
 *
 * <p>Revenue is net of refunds: a table's refunds ({@link PurchaseTable#refundCount()}) subtract from the revenue of
 * the period of their date, in the retention series and the cohort matrix, hence in the simple and the margin LTV,
 * the payback curve and first-time against repeat revenue (whose AOV is net revenue / purchases; refunds are no
 * purchases). The periods and the simple LTV's window cover the refunds' days too, so a refund dated after the last
 * purchase still counts. Example: 100.00 and 50.00 bought, 40.00 refunded, 20.00 bought by another customer: the
 * simple LTV's revenue is 130.00. The collectors and accumulators over {@link Purchase} records see no refunds.
 *
 * <p>Spend goes to the period of the granularity that contains it: a monthly spend with quarterly periods adds to its
 * quarter; a spend whose period straddles two periods of the granularity (a quarter's spend with monthly periods) is
 * an {@link IllegalArgumentException} naming it. Acquisition spend in a period without new customers (none acquired,
 * or outside the purchase data) is an {@link IllegalArgumentException} naming the period and the amount, unless
 * {@link ValueOptions#allowSpendWithoutNewCustomers()}; its CAC is then undefined. Retention and other spend never
 * enter CAC.
 *
 * <pre>{@code
 * PurchaseTable table = SampleShop.standard().purchases();
 * List<MarketingSpend> spends = SampleShop.standard().marketingSpend(table);
 * ValueSummary v = ValueCalculator.summarize(table, spends, ValueOptions.defaults().withGrossMargin(0.4));
 * v.acquisitionCost().overall();   // OptionalDouble[29.8]
 * v.payback().get(0).periods();    // OptionalInt[...]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ValueCalculator {

    private ValueCalculator() {}

    /**
     * Every value metric of a shop.
     *
     * @param table the purchases, the whole history
     * @param spends the marketing spends, in any order
     * @param options granularity, margin, expected years, and whether spend without new customers is accepted
     * @return the summary
     * @throws IllegalArgumentException if the table is empty (there is nothing to value), or a spend is bad (see the
     *     class comment)
     */
    public static ValueSummary summarize(PurchaseTable table, Collection<MarketingSpend> spends, ValueOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        DateRange range = requireRange(table);
        CohortMatrix cohorts = CohortCalculator.matrix(table, options.granularity());
        List<PurchaseBehaviour> series = RetentionCalculator.series(table, range, options.granularity());
        return new ValueSummary(
                options,
                acquisitionCost(cohorts, spends, options),
                simpleLtv(table, options.expectedYears()),
                marginLtv(series, options.grossMargin()),
                payback(cohorts, spends, options),
                repeatRevenue(series));
    }

    /**
     * CAC per period with acquisition spend, and overall.
     *
     * @param cohorts the acquisition cohorts of the whole purchase history, at the options' granularity
     * @param spends the spends
     * @param options the granularity (must be the matrix's) and whether spend without new customers is accepted
     * @return the costs
     * @throws IllegalArgumentException naming the period and the amount of a bad spend
     */
    public static AcquisitionCost acquisitionCost(
            CohortMatrix cohorts, Collection<MarketingSpend> spends, ValueOptions options) {
        List<PeriodCac> periods = new ArrayList<>();
        forEachAcquisitionSpend(
                cohorts,
                spends,
                options,
                (period, amount, c) -> periods.add(new PeriodCac(period, amount, c < 0 ? 0 : cohorts.size(c))));
        BigDecimal other = spends.stream()
                .filter(s -> s.kind() != SpendKind.ACQUISITION)
                .map(MarketingSpend::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AcquisitionCost(periods, other);
    }

    /**
     * The CAC payback period of every acquisition cohort with acquisition spend ({@link CohortPayback}).
     *
     * @param cohorts the acquisition cohorts, at the options' granularity
     * @param spends the spends
     * @param options the granularity, the gross margin, and whether spend without new customers is accepted (such
     *     periods have no cohort and no entry)
     * @return one entry per cohort with acquisition spend, in time order
     * @throws IllegalArgumentException naming the period and the amount of a bad spend
     */
    public static List<CohortPayback> payback(
            CohortMatrix cohorts, Collection<MarketingSpend> spends, ValueOptions options) {
        BigDecimal margin = BigDecimal.valueOf(options.grossMargin());
        List<CohortPayback> out = new ArrayList<>();
        forEachAcquisitionSpend(cohorts, spends, options, (period, amount, c) -> {
            if (c < 0) {
                return;
            }
            int observed = cohorts.observedOffsets(c);
            BigDecimal cumulative = BigDecimal.ZERO;
            OptionalInt paidBack = OptionalInt.empty();
            for (int k = 0; k < observed; k++) {
                cumulative = cumulative.add(cohorts.revenue(c, k));
                if (paidBack.isEmpty() && margin.multiply(cumulative).compareTo(amount) >= 0) {
                    paidBack = OptionalInt.of(k + 1);
                }
            }
            double marginPerCustomer = margin.multiply(cumulative).doubleValue() / cohorts.size(c);
            out.add(new CohortPayback(period, cohorts.size(c), amount, paidBack, observed, marginPerCustomer));
        });
        return List.copyOf(out);
    }

    /** A period with acquisition spend, its amount and its cohort's index in the matrix ({@code -1}: none). */
    @FunctionalInterface
    private interface AcquisitionSpendVisitor {
        void visit(DateRange period, BigDecimal amount, int cohort);
    }

    /**
     * Visits the acquisition spend per period of the options' granularity, in time order, with its cohort; a spend
     * without a cohort (no new customers) is checked against the options first.
     */
    private static void forEachAcquisitionSpend(
            CohortMatrix cohorts,
            Collection<MarketingSpend> spends,
            ValueOptions options,
            AcquisitionSpendVisitor visitor) {
        Map<DateRange, Integer> index = cohortIndex(cohorts, options);
        acquisitionSpendByPeriod(spends, options.granularity()).forEach((period, amount) -> {
            Integer c = index.get(period);
            if (c == null) {
                checkAllowed(period, amount, cohorts, options);
            }
            visitor.visit(period, amount, c == null ? -1 : c);
        });
    }

    /**
     * The simple LTV: average annual spend per customer over the last year of the data x expected years ({@link
     * SimpleLtv}).
     *
     * @param table the purchases
     * @param expectedYears expected active years of a customer, {@code > 0}
     * @return the lifetime value
     * @throws IllegalArgumentException if the table is empty
     */
    public static SimpleLtv simpleLtv(PurchaseTable table, double expectedYears) {
        DateRange window = lastYear(requireRange(table));
        return simpleLtv(RetentionCalculator.behaviour(table, window), expectedYears);
    }

    /** The window of the simple LTV: the last year of a range, or all of it when shorter. */
    static DateRange lastYear(DateRange range) {
        LocalDate end = range.endExclusive();
        LocalDate yearAgo = end.minusYears(1);
        return DateRange.of(yearAgo.isAfter(range.start()) ? yearAgo : range.start(), end);
    }

    /** The simple LTV of the behaviour in {@link #lastYear(DateRange)}. */
    static SimpleLtv simpleLtv(PurchaseBehaviour lastYear, double expectedYears) {
        DateRange window = lastYear.period();
        LocalDate end = window.endExclusive();
        // At least 1: the window is at most the year before the end.
        double yearScale = (double) ChronoUnit.DAYS.between(end.minusYears(1), end) / window.lengthInDays();
        return new SimpleLtv(window, lastYear.revenue(), lastYear.activeCustomers(), yearScale, expectedYears);
    }

    /**
     * A collector of purchase records into the value summary of a range; works on parallel streams, backed by {@link
     * ValueSummaryAccumulator}.
     *
     * @param range the purchases' date range, as {@link PurchaseTable#dateRange()} gives it
     * @param spends the marketing spends
     * @param options granularity, margin, expected years, and whether spend without new customers is accepted
     * @return the collector, as {@link #summarize(PurchaseTable, Collection, ValueOptions)} at the default amount
     *     scale
     */
    public static Collector<Purchase, ?, ValueSummary> toValueSummary(
            DateRange range, Collection<MarketingSpend> spends, ValueOptions options) {
        return Collector.of(
                () -> new ValueSummaryAccumulator(range, spends, options),
                ValueSummaryAccumulator::add,
                ValueSummaryAccumulator::merge,
                ValueSummaryAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The margin / churn LTV pooled over a purchase-behaviour series ({@link MarginLtv}).
     *
     * @param series consecutive periods of one granularity, from {@link RetentionCalculator#series}; not empty
     * @param grossMargin gross profit / revenue, 0..1
     * @return the lifetime value
     * @throws IllegalArgumentException if the series is empty
     */
    public static MarginLtv marginLtv(List<PurchaseBehaviour> series, double grossMargin) {
        Granularity granularity = granularityOf(series);
        BigDecimal revenue = BigDecimal.ZERO;
        long active = 0;
        Ratio churn = Ratio.of(0, 0);
        for (PurchaseBehaviour b : series) {
            revenue = revenue.add(b.revenue());
            active = Math.addExact(active, b.activeCustomers());
            churn = churn.plus(b.churn());
        }
        return new MarginLtv(granularity, revenue, active, churn, grossMargin);
    }

    /**
     * First-time against repeat revenue over a purchase-behaviour series ({@link RepeatRevenue}).
     *
     * @param series consecutive periods of one granularity, from {@link RetentionCalculator#series}; not empty
     * @return the revenue split
     * @throws IllegalArgumentException if the series is empty
     */
    public static RepeatRevenue repeatRevenue(List<PurchaseBehaviour> series) {
        Granularity granularity = granularityOf(series);
        BigDecimal fresh = BigDecimal.ZERO;
        BigDecimal returning = BigDecimal.ZERO;
        long freshPurchases = 0;
        long returningPurchases = 0;
        for (PurchaseBehaviour b : series) {
            fresh = fresh.add(b.newCustomerRevenue());
            returning = returning.add(b.returningCustomerRevenue());
            freshPurchases += b.newCustomerPurchases();
            returningPurchases += b.returningCustomerPurchases();
        }
        DateRange range = DateRange.of(
                series.get(0).period().start(),
                series.get(series.size() - 1).period().endExclusive());
        return new RepeatRevenue(range, granularity, fresh, freshPurchases, returning, returningPurchases);
    }

    /**
     * First-time against repeat revenue over the whole purchase history.
     *
     * @param table the purchases
     * @param granularity the period that decides first-time (the acquisition period)
     * @return the revenue split
     * @throws IllegalArgumentException if the table is empty
     */
    public static RepeatRevenue repeatRevenue(PurchaseTable table, Granularity granularity) {
        return repeatRevenue(RetentionCalculator.series(table, requireRange(table), granularity));
    }

    /**
     * The days of the table's revenue: its purchases' date range, widened to the days of its refunds (a refund dated
     * after the last purchase still nets the revenue of its period).
     */
    private static DateRange requireRange(PurchaseTable table) {
        Objects.requireNonNull(table, "table must not be null");
        DateRange purchases = table.dateRange()
                .orElseThrow(() -> new IllegalArgumentException("no purchases: there is no customer value to measure"));
        if (table.refundCount() == 0) {
            return purchases;
        }
        LocalDate firstRefund = LocalDate.ofEpochDay(table.refundEpochDay(0));
        LocalDate afterLastRefund = LocalDate.ofEpochDay(table.refundEpochDay(table.refundCount() - 1) + 1L);
        return DateRange.of(
                firstRefund.isBefore(purchases.start()) ? firstRefund : purchases.start(),
                afterLastRefund.isAfter(purchases.endExclusive()) ? afterLastRefund : purchases.endExclusive());
    }

    private static Granularity granularityOf(List<PurchaseBehaviour> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the purchase-behaviour series is empty");
        }
        DateRange first = series.get(0).period();
        for (Granularity g : Granularity.values()) {
            if (g.periodContaining(first.start()).equals(first)) {
                return g;
            }
        }
        throw new IllegalArgumentException("the series' periods are not calendar periods: " + first);
    }

    private static Map<DateRange, Integer> cohortIndex(CohortMatrix cohorts, ValueOptions options) {
        if (cohorts.granularity() != options.granularity()) {
            throw new IllegalArgumentException("the cohort matrix is by " + cohorts.granularity()
                    + " but the options ask for " + options.granularity());
        }
        Map<DateRange, Integer> index = new HashMap<>();
        for (int c = 0; c < cohorts.cohortCount(); c++) {
            index.put(cohorts.cohort(c), c);
        }
        return index;
    }

    /** Acquisition spend summed per period of the granularity, in time order. */
    static TreeMap<DateRange, BigDecimal> acquisitionSpendByPeriod(
            Collection<MarketingSpend> spends, Granularity granularity) {
        TreeMap<DateRange, BigDecimal> byPeriod = new TreeMap<>();
        for (MarketingSpend s : spends) {
            if (s.kind() != SpendKind.ACQUISITION) {
                continue;
            }
            DateRange holder = granularity.periodContaining(s.period().start());
            if (s.period().endExclusive().isAfter(holder.endExclusive())) {
                throw new IllegalArgumentException(
                        "acquisition spend " + s.amount().toPlainString() + " in "
                                + s.period().label() + " spans more than one " + unit(granularity)
                                + ": use a coarser granularity or split the spend by " + unit(granularity));
            }
            byPeriod.merge(holder, s.amount(), BigDecimal::add);
        }
        return byPeriod;
    }

    private static void checkAllowed(DateRange period, BigDecimal amount, CohortMatrix cohorts, ValueOptions options) {
        if (!options.allowSpendWithoutNewCustomers()) {
            String data = cohorts.cohortCount() == 0
                    ? "there are no purchases"
                    : "the purchases' cohorts run " + cohorts.cohort(0).label() + ".."
                            + cohorts.cohort(cohorts.cohortCount() - 1).label();
            throw new IllegalArgumentException("acquisition spend " + amount.toPlainString() + " in " + period.label()
                    + " has no new customers in that " + unit(options.granularity()) + " (" + data
                    + "), so its CAC is undefined");
        }
    }

    private static String unit(Granularity granularity) {
        return granularity.name().toLowerCase(Locale.ROOT);
    }
}
