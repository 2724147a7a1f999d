package org.loyaltykpi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;
import org.quicktheories.core.Gen;

/** Laws of the value metrics over random small shops and random monthly acquisition spend. */
class ValuePropertyTest {

    /** Acquisition spend in months 2023-12 .. 2024-05 (around the generated purchases), 0.00 .. 500.00. */
    static final Gen<List<MarketingSpend>> SPENDS = lists().of(integers()
                    .between(0, 5)
                    .zip(
                            integers().between(0, 50_000),
                            (m, cents) -> MarketingSpend.acquisition(month(m), BigDecimal.valueOf(cents, 2))))
            .ofSizeBetween(0, 8);

    static final ValueOptions ALLOWING = ValueOptions.defaults().withSpendWithoutNewCustomersAllowed(true);

    static AcquisitionCost cost(List<Purchase> purchases, List<MarketingSpend> spends, ValueOptions options) {
        return ValueCalculator.acquisitionCost(
                CohortCalculator.matrix(PurchaseTable.of(purchases), options.granularity()), spends, options);
    }

    /** Spend amounts in cents, at least one: {@link #spendInAcquisitionMonths} puts them where CAC is defined. */
    static final Gen<List<Integer>> CENTS =
            lists().of(integers().between(0, 50_000)).ofSizeBetween(1, 8);

    /**
     * Acquisition spend in every month with new customers (the i-th such month gets {@code cents[i % n]}) and in no
     * other: every period's CAC and the overall CAC are defined.
     */
    static List<MarketingSpend> spendInAcquisitionMonths(List<Purchase> purchases, List<Integer> cents) {
        Map<CustomerId, LocalDate> first = new HashMap<>();
        purchases.forEach(p -> first.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b));
        List<DateRange> months = first.values().stream()
                .map(Granularity.MONTH::periodContaining)
                .distinct()
                .sorted()
                .toList();
        List<MarketingSpend> spends = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            spends.add(MarketingSpend.acquisition(months.get(i), BigDecimal.valueOf(cents.get(i % cents.size()), 2)));
        }
        return spends;
    }

    /** The month {@code m} months after 2023-12. */
    static DateRange month(int m) {
        return DateRange.month(java.time.YearMonth.of(2023, 12).plusMonths(m));
    }

    static DateRange next(DateRange month) {
        return DateRange.month(java.time.YearMonth.from(month.endExclusive()));
    }

    @Nested
    class Invariants {

        @Test
        void theOverallCacLiesBetweenTheSmallestAndLargestPeriodCac() {
            // The generator makes the case the law is about (every period's CAC defined) in every generated shop.
            qt().withFixedSeed(8102L)
                    .forAll(purchaseLists().assuming(l -> !l.isEmpty()), CENTS)
                    .checkAssert((purchases, cents) -> {
                        AcquisitionCost c =
                                cost(purchases, spendInAcquisitionMonths(purchases, cents), ValueOptions.defaults());
                        assertThat(c.periods())
                                .isNotEmpty()
                                .allMatch(p -> p.cac().isPresent());
                        double min = c.periods().stream()
                                .mapToDouble(p -> p.cac().getAsDouble())
                                .min()
                                .getAsDouble();
                        double max = c.periods().stream()
                                .mapToDouble(p -> p.cac().getAsDouble())
                                .max()
                                .getAsDouble();
                        assertThat(c.overall()).isPresent();
                        assertThat(c.overall().getAsDouble()).isBetween(min - 1e-9, max + 1e-9);
                    });
        }

        @Test
        void firstTimeAndRepeatRevenueAddUpToAllRevenueAndTheShareLiesInZeroToOne() {
            qt().withFixedSeed(8104L)
                    .forAll(purchaseLists().assuming(l -> !l.isEmpty()))
                    .checkAssert(purchases -> {
                        RepeatRevenue r = ValueCalculator.repeatRevenue(PurchaseTable.of(purchases), Granularity.WEEK);
                        BigDecimal all =
                                purchases.stream().map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(r.revenue()).isEqualByComparingTo(all);
                        assertThat(r.newCustomerPurchases() + r.returningCustomerPurchases())
                                .isEqualTo(purchases.size());
                        r.returningRevenueShare().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
                        assertThat(r.averageOrderValueUplift().orElse(0)).isGreaterThanOrEqualTo(-1.0);
                    });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void relabellingCustomersChangesNothing() {
            qt().withFixedSeed(8105L)
                    .forAll(purchaseLists().assuming(l -> !l.isEmpty()), SPENDS, seeds())
                    .checkAssert((purchases, spends, seed) -> {
                        List<Purchase> relabelled = PurchaseGenerators.relabelled(purchases, seed);
                        assertThat(ValueCalculator.summarize(PurchaseTable.of(relabelled), spends, ALLOWING))
                                .isEqualTo(ValueCalculator.summarize(PurchaseTable.of(purchases), spends, ALLOWING));
                    });
        }

        @Test
        void shiftingPurchasesAndSpendByWholeWeeksKeepsEveryWeeklyNumber() {
            ValueOptions weekly = ALLOWING.withGranularity(Granularity.WEEK).withGrossMargin(0.4);
            qt().withFixedSeed(8106L)
                    .forAll(
                            purchaseLists().assuming(l -> !l.isEmpty()),
                            integers().between(-100, 100))
                    .checkAssert((purchases, weeks) -> {
                        // Weekly spend of 50.00 in each week of the first purchase of a customer.
                        List<MarketingSpend> spends = new ArrayList<>();
                        purchases.stream()
                                .map(p -> Granularity.WEEK.periodContaining(p.date()))
                                .distinct()
                                .forEach(w -> spends.add(MarketingSpend.acquisition(w, new BigDecimal("50.00"))));
                        ValueSummary before = ValueCalculator.summarize(PurchaseTable.of(purchases), spends, weekly);
                        List<Purchase> shifted = purchases.stream()
                                .map(p -> new Purchase(
                                        p.customer(),
                                        p.date().plusWeeks(weeks),
                                        p.amount(),
                                        p.category(),
                                        p.quantity()))
                                .toList();
                        List<MarketingSpend> shiftedSpends = spends.stream()
                                .map(s -> MarketingSpend.acquisition(s.period().plusDays(7L * weeks), s.amount()))
                                .toList();
                        ValueSummary after =
                                ValueCalculator.summarize(PurchaseTable.of(shifted), shiftedSpends, weekly);
                        assertThat(after.acquisitionCost().overall())
                                .isEqualTo(before.acquisitionCost().overall());
                        assertThat(after.payback())
                                .extracting(CohortPayback::periods)
                                .isEqualTo(before.payback().stream()
                                        .map(CohortPayback::periods)
                                        .toList());
                        assertThat(after.marginLtv()).isEqualTo(before.marginLtv());
                        assertThat(after.repeatRevenue().newCustomerRevenue())
                                .isEqualTo(before.repeatRevenue().newCustomerRevenue());
                        // Not the simple LTV itself: a year before the end has 365 or 366 days, so its scaling moves.
                        assertThat(after.simpleLtv().revenue())
                                .isEqualTo(before.simpleLtv().revenue());
                    });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void newCustomersPerPeriodAreANaiveCountOfFirstPurchasesAndSpendSumsPerMonth() {
            qt().withFixedSeed(8101L).forAll(purchaseLists(), SPENDS).checkAssert((purchases, spends) -> {
                Map<CustomerId, LocalDate> first = new HashMap<>();
                purchases.forEach(p -> first.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b));
                for (PeriodCac p : cost(purchases, spends, ALLOWING).periods()) {
                    long naiveNew =
                            first.values().stream().filter(p.period()::contains).count();
                    BigDecimal naiveSpend = spends.stream()
                            .filter(s -> s.period().equals(p.period()))
                            .map(MarketingSpend::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(p.newCustomers()).isEqualTo(naiveNew);
                    assertThat(p.acquisitionSpend()).isEqualByComparingTo(naiveSpend);
                }
            });
        }

        @Test
        void paybackMatchesANaiveCumulativeRevenueScanAndNeverComesLaterWithAHigherMargin() {
            qt().withFixedSeed(8103L)
                    .forAll(
                            purchaseLists().assuming(l -> !l.isEmpty()),
                            SPENDS,
                            integers().between(0, 10))
                    .checkAssert((purchases, spends, tenths) -> {
                        ValueOptions options = ALLOWING.withGrossMargin(tenths / 10.0);
                        List<CohortPayback> payback = ValueCalculator.payback(
                                CohortCalculator.matrix(PurchaseTable.of(purchases), Granularity.MONTH),
                                spends,
                                options);
                        Map<CustomerId, LocalDate> first = new HashMap<>();
                        purchases.forEach(p -> first.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b));
                        LocalDate last = purchases.stream()
                                .map(Purchase::date)
                                .max(LocalDate::compareTo)
                                .orElseThrow();
                        for (CohortPayback p : payback) {
                            // Naive: walk the months from the cohort's, summing its customers' revenue.
                            BigDecimal cumulative = BigDecimal.ZERO;
                            int naive = 0;
                            DateRange month = p.cohort();
                            for (int k = 1; !month.start().isAfter(last); k++, month = next(month)) {
                                DateRange m = month;
                                cumulative = cumulative.add(purchases.stream()
                                        .filter(q -> m.contains(q.date())
                                                && p.cohort().contains(first.get(q.customer())))
                                        .map(Purchase::amount)
                                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                                if (naive == 0
                                        && BigDecimal.valueOf(options.grossMargin())
                                                        .multiply(cumulative)
                                                        .compareTo(p.acquisitionSpend())
                                                >= 0) {
                                    naive = k;
                                }
                            }
                            assertThat(p.periods().orElse(0)).as(p.toString()).isEqualTo(naive);
                        }
                        List<CohortPayback> richer = ValueCalculator.payback(
                                CohortCalculator.matrix(PurchaseTable.of(purchases), Granularity.MONTH),
                                spends,
                                options.withGrossMargin(Math.min(1, options.grossMargin() + 0.2)));
                        for (int i = 0; i < payback.size(); i++) {
                            if (payback.get(i).periods().isPresent()) {
                                assertThat(richer.get(i).periods().getAsInt())
                                        .isLessThanOrEqualTo(
                                                payback.get(i).periods().getAsInt());
                            }
                        }
                    });
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void splittingThePurchasesAnywhereAndMergingTheAccumulatorsGivesTheSummaryOfTheWholeTable() {
            qt().withFixedSeed(8107L)
                    .forAll(
                            purchaseLists().assuming(l -> !l.isEmpty()),
                            CENTS,
                            integers().between(0, 1000))
                    .checkAssert((purchases, cents, cut) -> {
                        List<MarketingSpend> spends = spendInAcquisitionMonths(purchases, cents);
                        PurchaseTable table = PurchaseTable.of(purchases);
                        DateRange range = table.dateRange().orElseThrow();
                        int k = cut % (purchases.size() + 1);
                        ValueSummaryAccumulator first =
                                new ValueSummaryAccumulator(range, spends, ALLOWING).addAll(purchases.subList(0, k));
                        ValueSummaryAccumulator second = new ValueSummaryAccumulator(range, spends, ALLOWING)
                                .addAll(purchases.subList(k, purchases.size()));
                        assertThat(first.merge(second).snapshot())
                                .isEqualTo(ValueCalculator.summarize(table, spends, ALLOWING));
                    });
        }

        @Test
        void mergingAnEmptyAccumulatorChangesNothing() {
            qt().withFixedSeed(8108L)
                    .forAll(purchaseLists().assuming(l -> !l.isEmpty()), CENTS)
                    .checkAssert((purchases, cents) -> {
                        List<MarketingSpend> spends = spendInAcquisitionMonths(purchases, cents);
                        DateRange range =
                                PurchaseTable.of(purchases).dateRange().orElseThrow();
                        ValueSummaryAccumulator acc =
                                new ValueSummaryAccumulator(range, spends, ALLOWING).addAll(purchases);
                        ValueSummary before = acc.snapshot();
                        assertThat(acc.merge(new ValueSummaryAccumulator(range, spends, ALLOWING))
                                        .snapshot())
                                .isEqualTo(before);
                    });
        }

        @Test
        void theParallelCollectorGivesTheSummaryOfTheWholeTable() {
            qt().withFixedSeed(8109L)
                    .forAll(purchaseLists().assuming(l -> !l.isEmpty()), CENTS)
                    .checkAssert((purchases, cents) -> {
                        List<MarketingSpend> spends = spendInAcquisitionMonths(purchases, cents);
                        PurchaseTable table = PurchaseTable.of(purchases);
                        DateRange range = table.dateRange().orElseThrow();
                        assertThat(purchases.parallelStream()
                                        .collect(ValueCalculator.toValueSummary(range, spends, ALLOWING)))
                                .isEqualTo(ValueCalculator.summarize(table, spends, ALLOWING));
                    });
        }
    }
}
