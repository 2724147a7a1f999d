package org.loyaltykpi.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.loyaltykpi.domain.PurchaseGenerators.BASE;
import static org.loyaltykpi.domain.PurchaseGenerators.DAYS;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.loyaltykpi.domain.PurchaseGenerators.shuffled;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of the purchase-behaviour metrics over random small shops (see {@link
 * org.loyaltykpi.domain.PurchaseGenerators}), measured over random pairs of periods.
 */
class PurchaseBehaviourPropertyTest {

    /** A period and the earlier period it is measured against. */
    record Window(DateRange previous, DateRange period) {}

    /** Day-based windows anywhere around the generated purchases, adjacent or with a gap between the two periods. */
    static final Gen<Window> DAY_WINDOWS = integers()
            .between(-20, DAYS)
            .zip(
                    integers().between(1, 45),
                    integers().between(0, 10),
                    integers().between(1, 45),
                    (start, previousLength, gap, length) -> {
                        DateRange previous = DateRange.of(BASE.plusDays(start), BASE.plusDays(start + previousLength));
                        DateRange period = DateRange.of(
                                previous.endExclusive().plusDays(gap),
                                previous.endExclusive().plusDays(gap + length));
                        return new Window(previous, period);
                    });

    /** Calendar months of the generated purchases, each against the month before. */
    static final Gen<Window> MONTH_WINDOWS = integers().between(1, 5).map(m -> {
        DateRange month = DateRange.month(2024, m);
        return new Window(month.previous(), month);
    });

    static final Gen<Window> WINDOWS = DAY_WINDOWS.mix(MONTH_WINDOWS, 20);

    static PurchaseBehaviour behaviour(List<Purchase> purchases, Window w) {
        return RetentionCalculator.behaviour(PurchaseTable.of(purchases), w.previous(), w.period());
    }

    @Nested
    class Invariants {

        @Test
        void allRatesLieBetweenZeroAndOne() {
            qt().withFixedSeed(501L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour b = behaviour(purchases, w);
                for (Ratio r : List.of(b.retention(), b.churn(), b.repeatPurchaseRate(), b.crossCategoryRate())) {
                    r.value().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
                }
                b.returningRevenueShare().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
            });
        }

        @Test
        void countsAreConsistentWithEachOther() {
            qt().withFixedSeed(502L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour b = behaviour(purchases, w);
                assertThat(b.newCustomers()).isLessThanOrEqualTo(b.activeCustomers());
                assertThat(b.retainedCustomers())
                        .isLessThanOrEqualTo(b.customersAtStart())
                        .isLessThanOrEqualTo(b.activeCustomers());
                assertThat(b.repeatCustomers()).isLessThanOrEqualTo(b.activeCustomers());
                assertThat(b.multiCategoryCustomers()).isLessThanOrEqualTo(b.categorizedCustomers());
                assertThat(b.categorizedCustomers()).isLessThanOrEqualTo(b.activeCustomers());
                assertThat(b.activeCustomers()).isLessThanOrEqualTo(b.purchases());
                assertThat(b.reactivatedCustomers()).isGreaterThanOrEqualTo(0);
                assertThat(b.lostCustomers()).isGreaterThanOrEqualTo(0);
                assertThat(b.newCustomerRevenue()).isLessThanOrEqualTo(b.revenue());
                assertThat(b.retainedCustomers() + b.reactivatedCustomers() + b.newCustomers())
                        .isEqualTo(b.activeCustomers());
            });
        }

        @Test
        void churnIsOneMinusRetention() {
            qt().withFixedSeed(503L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour b = behaviour(purchases, w);
                assertThat(b.churn().numerator()).isEqualTo(b.lostCustomers());
                assertThat(b.churn().denominator()).isEqualTo(b.customersAtStart());
                if (b.customersAtStart() > 0) {
                    assertThat(b.churn().value().getAsDouble()
                                    + b.retention().value().getAsDouble())
                            .isCloseTo(1.0, within(1e-12));
                }
            });
        }

        @Test
        void averageOrderValueLiesBetweenTheSmallestAndLargestAmount() {
            qt().withFixedSeed(504L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour b = behaviour(purchases, w);
                List<BigDecimal> amounts = purchases.stream()
                        .filter(p -> w.period().contains(p.date()))
                        .map(Purchase::amount)
                        .toList();
                if (amounts.isEmpty()) {
                    assertThat(b.averageOrderValue()).isEmpty();
                    assertThat(b.purchaseFrequency()).isEmpty();
                } else {
                    double min = amounts.stream()
                            .min(BigDecimal::compareTo)
                            .orElseThrow()
                            .doubleValue();
                    double max = amounts.stream()
                            .max(BigDecimal::compareTo)
                            .orElseThrow()
                            .doubleValue();
                    assertThat(b.averageOrderValue().getAsDouble()).isBetween(min - 1e-9, max + 1e-9);
                    assertThat(b.purchaseFrequency().getAsDouble()).isGreaterThanOrEqualTo(1.0);
                }
            });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void theTableScanEqualsTheReferenceModel() {
            qt().withFixedSeed(511L)
                    .forAll(purchaseLists(), WINDOWS)
                    .checkAssert((purchases, w) -> assertThat(behaviour(purchases, w))
                            .isEqualTo(NaiveBehaviour.of(purchases, w.previous(), w.period())));
        }

        @Test
        void behaviourOfAPeriodAloneIsMeasuredAgainstItsPrevious() {
            qt().withFixedSeed(512L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                DateRange p = w.period();
                assertThat(RetentionCalculator.behaviour(PurchaseTable.of(purchases), p))
                        .isEqualTo(NaiveBehaviour.of(purchases, p.previous(), p));
            });
        }

        @Test
        void theCollectorEqualsTheReferenceModel() {
            qt().withFixedSeed(513L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour expected = NaiveBehaviour.of(purchases, w.previous(), w.period());
                assertThat(purchases.stream().collect(RetentionCalculator.toBehaviour(w.previous(), w.period())))
                        .isEqualTo(expected);
            });
        }

        @Test
        void theCollectorOnAParallelStreamEqualsTheReferenceModel() {
            qt().withFixedSeed(514L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                PurchaseBehaviour expected = NaiveBehaviour.of(purchases, w.previous(), w.period());
                assertThat(purchases.parallelStream()
                                .collect(RetentionCalculator.toBehaviour(w.previous(), w.period())))
                        .isEqualTo(expected);
            });
        }

        @Test
        void eachElementOfASeriesIsTheBehaviourAgainstThePeriodBeforeInTheGranularity() {
            Gen<Granularity> granularities =
                    Generate.pick(List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH));
            qt().withFixedSeed(515L)
                    .forAll(
                            purchaseLists(),
                            granularities,
                            integers().between(-10, DAYS),
                            integers().between(1, 90))
                    .checkAssert((purchases, g, start, length) -> {
                        PurchaseTable table = PurchaseTable.of(purchases);
                        DateRange range = DateRange.of(BASE.plusDays(start), BASE.plusDays(start + length));
                        List<DateRange> periods = g.periodsCovering(range);

                        List<PurchaseBehaviour> series = RetentionCalculator.series(table, range, g);

                        assertThat(series).hasSameSizeAs(periods);
                        for (int k = 0; k < periods.size(); k++) {
                            DateRange p = periods.get(k);
                            DateRange before = g.period(g.ordinal(p.start()) - 1);
                            assertThat(series.get(k)).isEqualTo(RetentionCalculator.behaviour(table, before, p));
                            assertThat(series.get(k)).isEqualTo(NaiveBehaviour.of(purchases, before, p));
                        }
                    });
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void relabellingCustomersChangesNothing() {
            qt().withFixedSeed(521L).forAll(purchaseLists(), WINDOWS, seeds()).checkAssert((purchases, w, seed) -> {
                List<Purchase> relabelled = PurchaseGenerators.relabelled(purchases, seed);

                assertThat(behaviour(relabelled, w)).isEqualTo(behaviour(purchases, w));
            });
        }

        @Test
        void shiftingAllDatesAndBothPeriodsByTheSameDaysChangesNothing() {
            qt().withFixedSeed(522L)
                    .forAll(purchaseLists(), DAY_WINDOWS, integers().between(-3_000, 3_000))
                    .checkAssert((purchases, w, days) -> {
                        List<Purchase> moved =
                                purchases.stream().map(p -> shift(p, days)).toList();
                        PurchaseBehaviour expected = shift(behaviour(purchases, w), days);

                        assertThat(RetentionCalculator.behaviour(
                                        PurchaseTable.of(moved),
                                        w.previous().plusDays(days),
                                        w.period().plusDays(days)))
                                .isEqualTo(expected);
                    });
        }

        @Test
        void shiftingAllDatesByWholeWeeksShiftsTheWeeklySeries() {
            qt().withFixedSeed(523L)
                    .forAll(purchaseLists(), integers().between(-200, 200))
                    .checkAssert((purchases, weeks) -> {
                        int days = 7 * weeks;
                        DateRange range = DateRange.of(BASE, BASE.plusDays(DAYS));
                        List<Purchase> moved =
                                purchases.stream().map(p -> shift(p, days)).toList();

                        List<PurchaseBehaviour> original =
                                RetentionCalculator.series(PurchaseTable.of(purchases), range, Granularity.WEEK);
                        List<PurchaseBehaviour> shifted = RetentionCalculator.series(
                                PurchaseTable.of(moved), range.plusDays(days), Granularity.WEEK);

                        assertThat(shifted)
                                .containsExactlyElementsOf(original.stream()
                                        .map(b -> shift(b, days))
                                        .toList());
                    });
        }

        @Test
        void splittingPurchasesAnywhereAccumulatingAndMergingGivesTheWhole() {
            qt().withFixedSeed(524L).forAll(purchaseLists(), WINDOWS, seeds()).checkAssert((purchases, w, seed) -> {
                Random coin = new Random(seed);
                var left = new PurchaseBehaviourAccumulator(w.previous(), w.period());
                var right = new PurchaseBehaviourAccumulator(w.previous(), w.period());
                for (Purchase p : purchases) {
                    (coin.nextBoolean() ? left : right).add(p);
                }

                assertThat(left.merge(right).snapshot())
                        .isEqualTo(NaiveBehaviour.of(purchases, w.previous(), w.period()));
            });
        }

        @Test
        void behavioursOfDisjointCustomerGroupsAddUpToTheWhole() {
            qt().withFixedSeed(525L).forAll(purchaseLists(), WINDOWS, seeds()).checkAssert((purchases, w, seed) -> {
                Random coin = new Random(seed);
                List<Boolean> inGroup =
                        Stream.generate(coin::nextBoolean).limit(9).toList();
                Predicate<Purchase> group = p -> inGroup.get(number(p));

                List<Purchase> some = purchases.stream().filter(group).toList();
                List<Purchase> others =
                        purchases.stream().filter(group.negate()).toList();

                assertThat(behaviour(some, w).plus(behaviour(others, w))).isEqualTo(behaviour(purchases, w));
            });
        }

        @Test
        void purchasesAfterThePeriodChangeNothing() {
            qt().withFixedSeed(526L)
                    .forAll(
                            purchaseLists(),
                            WINDOWS,
                            integers().between(1, 9),
                            integers().between(0, 400))
                    .checkAssert((purchases, w, customer, daysAfter) -> {
                        List<Purchase> more = new ArrayList<>(purchases);
                        more.add(Purchase.of(
                                CustomerId.of("C" + customer),
                                w.period().endExclusive().plusDays(daysAfter),
                                new BigDecimal("9.99")));

                        assertThat(behaviour(more, w)).isEqualTo(behaviour(purchases, w));
                    });
        }

        @Test
        void duplicatingEveryPurchaseKeepsCustomerCountsAndRatesAndDoublesPurchasesAndRevenue() {
            qt().withFixedSeed(527L).forAll(purchaseLists(), WINDOWS).checkAssert((purchases, w) -> {
                List<Purchase> twice = new ArrayList<>(purchases);
                twice.addAll(purchases);
                PurchaseBehaviour once = behaviour(purchases, w);
                BigDecimal two = BigDecimal.valueOf(2);

                assertThat(behaviour(twice, w))
                        .isEqualTo(new PurchaseBehaviour(
                                once.period(),
                                once.previousPeriod(),
                                once.customersAtStart(),
                                once.activeCustomers(),
                                once.newCustomers(),
                                once.retainedCustomers(),
                                once.repeatCustomers(),
                                once.categorizedCustomers(),
                                once.multiCategoryCustomers(),
                                2 * once.purchases(),
                                2 * once.newCustomerPurchases(),
                                once.revenue().multiply(two),
                                once.newCustomerRevenue().multiply(two)));
                assertThat(behaviour(twice, w).averageOrderValue()).isEqualTo(once.averageOrderValue());
            });
        }

        @Test
        void theOrderOfThePurchasesDoesNotMatterToTheTableScan() {
            qt().withFixedSeed(528L).forAll(purchaseLists(), WINDOWS, seeds()).checkAssert((purchases, w, seed) -> {
                List<Purchase> reordered = shuffled(purchases, seed);
                assertThat(behaviour(reordered, w)).isEqualTo(behaviour(purchases, w));
            });
        }

        @Test
        void theOrderOfThePurchasesDoesNotMatterToTheCollector() {
            qt().withFixedSeed(529L).forAll(purchaseLists(), WINDOWS, seeds()).checkAssert((purchases, w, seed) -> {
                List<Purchase> reordered = shuffled(purchases, seed);
                assertThat(reordered.stream().collect(RetentionCalculator.toBehaviour(w.previous(), w.period())))
                        .isEqualTo(behaviour(purchases, w));
            });
        }
    }

    /** The number n of a generated customer {@code Cn}. */
    private static int number(Purchase p) {
        return Integer.parseInt(p.customer().value().substring(1));
    }

    private static Purchase shift(Purchase p, int days) {
        return new Purchase(p.customer(), p.date().plusDays(days), p.amount(), p.category(), p.quantity());
    }

    private static PurchaseBehaviour shift(PurchaseBehaviour b, int days) {
        return new PurchaseBehaviour(
                b.period().plusDays(days),
                b.previousPeriod().plusDays(days),
                b.customersAtStart(),
                b.activeCustomers(),
                b.newCustomers(),
                b.retainedCustomers(),
                b.repeatCustomers(),
                b.categorizedCustomers(),
                b.multiCategoryCustomers(),
                b.purchases(),
                b.newCustomerPurchases(),
                b.revenue(),
                b.newCustomerRevenue());
    }
}
