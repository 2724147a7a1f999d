package org.loyaltykpi.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.loyaltykpi.domain.PurchaseGenerators.purchaseLists;
import static org.loyaltykpi.domain.PurchaseGenerators.seeds;
import static org.loyaltykpi.domain.PurchaseGenerators.shuffled;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.internal.SeededRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of {@link CohortMatrix} over random small shops (see {@link org.loyaltykpi.domain.PurchaseGenerators}: up to 60
 * purchases of up to 8 customers over 120 days) in every granularity, with random offset brackets.
 */
class CohortMatrixPropertyTest {

    static final Gen<Granularity> GRANULARITIES = Generate.pick(Arrays.asList(Granularity.values()));

    /** Brackets starting at offsets 0..6 and 1..7 offsets long, so some are wholly observed and some are not. */
    static final Gen<OffsetBracket> BRACKETS = integers()
            .between(0, 6)
            .zip(integers().between(0, 6), (from, length) -> OffsetBracket.of(from, from + length));

    static final Gen<List<OffsetBracket>> BRACKET_LISTS = lists().of(BRACKETS).ofSizeBetween(0, 3);

    static CohortMatrix matrix(List<Purchase> purchases, Granularity g, List<OffsetBracket> brackets) {
        return CohortCalculator.matrix(PurchaseTable.of(purchases), g, brackets);
    }

    @Nested
    class Invariants {

        @Test
        void aCohortsSizeIsItsActiveCustomersAtOffsetZeroAndItsRetentionThere100Percent() {
            qt().withFixedSeed(601L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix m = matrix(purchases, g, List.of());
                for (int c = 0; c < m.cohortCount(); c++) {
                    assertThat(m.size(c)).isPositive().isEqualTo(m.activeCustomers(c, 0));
                    assertThat(m.purchases(c, 0)).isGreaterThanOrEqualTo(m.size(c));
                    assertThat(m.retention(c, 0)).isEqualTo(Ratio.of(m.size(c), m.size(c)));
                    assertThat(m.retention(c, 0, RetentionDefinition.UNBOUNDED))
                            .isEqualTo(Ratio.of(m.size(c), m.size(c)));
                }
            });
        }

        @Test
        void everyRetentionIsAShareOfTheCohortBetweenZeroAndOne() {
            qt().withFixedSeed(602L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS)
                    .checkAssert((purchases, g, brackets) -> {
                        CohortMatrix m = matrix(purchases, g, brackets);
                        for (int c = 0; c < m.cohortCount(); c++) {
                            List<Ratio> shares = new ArrayList<>();
                            for (int k = 0; k < m.observedOffsets(c); k++) {
                                shares.add(m.retention(c, k, RetentionDefinition.CLASSIC));
                                shares.add(m.retention(c, k, RetentionDefinition.UNBOUNDED));
                            }
                            for (int b = 0; b < brackets.size(); b++) {
                                m.bracketedRetention(c, b).ifPresent(shares::add);
                            }
                            for (Ratio r : shares) {
                                assertThat(r.denominator()).isEqualTo(m.size(c));
                                assertThat(r.value().getAsDouble()).isBetween(0.0, 1.0);
                            }
                        }
                    });
        }

        @Test
        void unboundedRetentionNeverRisesWithTheOffsetAndIsAtLeastClassicRetention() {
            qt().withFixedSeed(603L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix m = matrix(purchases, g, List.of());
                for (int c = 0; c < m.cohortCount(); c++) {
                    for (int k = 0; k < m.observedOffsets(c); k++) {
                        Ratio unbounded = m.retention(c, k, RetentionDefinition.UNBOUNDED);
                        assertThat(unbounded).isGreaterThanOrEqualTo(m.retention(c, k, RetentionDefinition.CLASSIC));
                        if (k > 0) {
                            assertThat(unbounded)
                                    .isLessThanOrEqualTo(m.retention(c, k - 1, RetentionDefinition.UNBOUNDED));
                        }
                    }
                }
            });
        }

        @Test
        void bracketedRetentionIsAtLeastClassicRetentionAtAnyOffsetOfTheBracketAndAtMostUnboundedAtItsStart() {
            qt().withFixedSeed(604L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS)
                    .checkAssert((purchases, g, brackets) -> {
                        CohortMatrix m = matrix(purchases, g, brackets);
                        for (int c = 0; c < m.cohortCount(); c++) {
                            for (int b = 0; b < brackets.size(); b++) {
                                OffsetBracket bracket = brackets.get(b);
                                if (bracket.toOffset() >= m.observedOffsets(c)) {
                                    assertThat(m.bracketedRetention(c, b)).isEmpty();
                                    continue;
                                }
                                Ratio retained = m.bracketedRetention(c, b).orElseThrow();
                                for (int k = bracket.fromOffset(); k <= bracket.toOffset(); k++) {
                                    assertThat(retained).isGreaterThanOrEqualTo(m.retention(c, k));
                                }
                                assertThat(retained)
                                        .isLessThanOrEqualTo(
                                                m.retention(c, bracket.fromOffset(), RetentionDefinition.UNBOUNDED));
                            }
                        }
                    });
        }

        @Test
        void cohortsCountEveryCustomerPurchaseAndCentOnce() {
            qt().withFixedSeed(605L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix m = matrix(purchases, g, List.of());
                long customers = 0;
                long purchaseCount = 0;
                BigDecimal revenue = BigDecimal.ZERO;
                for (int c = 0; c < m.cohortCount(); c++) {
                    customers += m.size(c);
                    for (int k = 0; k < m.observedOffsets(c); k++) {
                        purchaseCount += m.purchases(c, k);
                        revenue = revenue.add(m.revenue(c, k));
                    }
                }
                assertThat(customers)
                        .isEqualTo(purchases.stream()
                                .map(Purchase::customer)
                                .distinct()
                                .count());
                assertThat(purchaseCount).isEqualTo(purchases.size());
                assertThat(revenue)
                        .isEqualByComparingTo(
                                purchases.stream().map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            });
        }

        @Test
        void cohortsAreObservedFromTheirOwnPeriodToThePeriodOfTheLastPurchaseAndNoFurther() {
            qt().withFixedSeed(606L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix m = matrix(purchases, g, List.of());
                if (purchases.isEmpty()) {
                    assertThat(m).isEqualTo(CohortMatrix.empty(g));
                    return;
                }
                LocalDate last = purchases.stream()
                        .map(Purchase::date)
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                DateRange lastPeriod = g.periodContaining(last);
                assertThat(m.lastPeriod()).contains(lastPeriod);
                assertThat(m.offsetCount()).isEqualTo(m.observedOffsets(0));
                for (int c = 0; c < m.cohortCount(); c++) {
                    int cohort = c;
                    assertThat(g.periodsCovering(DateRange.of(m.cohort(c).start(), lastPeriod.endExclusive())))
                            .hasSize(m.observedOffsets(c));
                    if (c > 0) {
                        assertThat(m.cohort(c)).isGreaterThan(m.cohort(c - 1));
                    }
                    assertThatThrownBy(() -> m.activeCustomers(cohort, m.observedOffsets(cohort)))
                            .isInstanceOf(IndexOutOfBoundsException.class);
                    assertThatThrownBy(() -> m.retention(cohort, m.observedOffsets(cohort)))
                            .isInstanceOf(IndexOutOfBoundsException.class);
                    assertThatThrownBy(() -> m.cumulativeRevenuePerCustomer(cohort, m.observedOffsets(cohort)))
                            .isInstanceOf(IndexOutOfBoundsException.class);
                }
            });
        }

        @Test
        void theLtvCurveIsTheRunningSumOfRevenuePerCohortCustomerAndNeverFalls() {
            qt().withFixedSeed(607L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix m = matrix(purchases, g, List.of());
                for (int c = 0; c < m.cohortCount(); c++) {
                    BigDecimal cumulative = BigDecimal.ZERO;
                    for (int k = 0; k < m.observedOffsets(c); k++) {
                        cumulative = cumulative.add(m.revenue(c, k));
                        double ltv = m.cumulativeRevenuePerCustomer(c, k);
                        assertThat(ltv).isCloseTo(cumulative.doubleValue() / m.size(c), within(1e-9));
                        if (k > 0) {
                            assertThat(ltv).isGreaterThanOrEqualTo(m.cumulativeRevenuePerCustomer(c, k - 1));
                        }
                    }
                }
            });
        }

        @Test
        void averageRetentionPoolsTheCohortsObservedAtEachOffset() {
            qt().withFixedSeed(608L)
                    .forAll(purchaseLists(), GRANULARITIES, Generate.enumValues(RetentionDefinition.class))
                    .checkAssert((purchases, g, definition) -> {
                        CohortMatrix m = matrix(purchases, g, List.of());
                        List<Ratio> average = m.averageRetention(definition);
                        assertThat(average).hasSize(m.offsetCount());
                        for (int k = 0; k < m.offsetCount(); k++) {
                            Ratio pooled = Ratio.of(0, 0);
                            for (int c = 0; c < m.cohortCount(); c++) {
                                if (k < m.observedOffsets(c)) {
                                    pooled = pooled.plus(m.retention(c, k, definition));
                                }
                            }
                            assertThat(average.get(k)).isEqualTo(pooled);
                        }
                    });
        }
    }

    @Nested
    class ModelBased {

        @Test
        void theTableScanEqualsTheReferenceModelInEveryCell() {
            qt().withFixedSeed(611L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS)
                    .checkAssert(
                            (purchases, g, brackets) -> assertThat(NaiveCohorts.rowsOf(matrix(purchases, g, brackets)))
                                    .isEqualTo(NaiveCohorts.of(purchases, g, brackets)));
        }

        @Test
        void theRecordAccumulatorEqualsTheReferenceModelInAnyOrderOfRecords() {
            qt().withFixedSeed(612L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS, seeds())
                    .checkAssert((purchases, g, brackets, seed) -> {
                        CohortMatrixAccumulator acc =
                                new CohortMatrixAccumulator(g, brackets, PurchaseTable.DEFAULT_AMOUNT_SCALE);
                        acc.addAll(shuffled(purchases, seed));
                        CohortMatrix snapshot = acc.snapshot();

                        assertThat(NaiveCohorts.rowsOf(snapshot)).isEqualTo(NaiveCohorts.of(purchases, g, brackets));
                        assertThat(snapshot).isEqualTo(matrix(purchases, g, brackets));
                        assertThat(snapshot.hashCode())
                                .isEqualTo(matrix(purchases, g, brackets).hashCode());
                    });
        }

        @Test
        void theCollectorEqualsTheTableScanOnSequentialAndParallelStreams() {
            qt().withFixedSeed(613L).forAll(purchaseLists(), GRANULARITIES).checkAssert((purchases, g) -> {
                CohortMatrix scan = matrix(purchases, g, List.of());

                assertThat(purchases.stream().collect(CohortCalculator.toCohortMatrix(g)))
                        .isEqualTo(scan);
                assertThat(purchases.parallelStream().collect(CohortCalculator.toCohortMatrix(g)))
                        .isEqualTo(scan);
            });
        }

        @Test
        void theTableScanOfMoreThan65536CustomersEqualsTheRecordAccumulator() {
            // More customers than one scan task takes (65,536): the scan runs in customer ranges, in parallel when the
            // common pool has more than one thread, and merges their tallies.
            SeededRandom random = new SeededRandom(631L);
            PurchaseTable.Builder builder = PurchaseTable.builder();
            int firstDay = (int) LocalDate.of(2023, 1, 1).toEpochDay();
            for (int c = 0; c < 70_000; c++) {
                String id = "c" + c;
                int day = firstDay + random.nextInt(730);
                for (int purchases = 1 + random.nextInt(3); purchases > 0; purchases--) {
                    builder.add(id, day, random.nextInt(10_000), "", 1);
                    day += random.nextInt(120);
                }
            }
            PurchaseTable table = builder.build();
            List<OffsetBracket> brackets = List.of(OffsetBracket.of(1, 3), OffsetBracket.of(4, 6));
            CohortMatrixAccumulator acc = new CohortMatrixAccumulator(Granularity.MONTH, brackets, table.amountScale());
            for (int row = 0; row < table.size(); row++) {
                acc.add(table.purchase(row));
            }

            CohortMatrix scan = CohortCalculator.matrix(table, Granularity.MONTH, brackets);

            assertThat(table.customerCount()).isGreaterThan(1 << 16);
            assertThat(scan.cohortCount()).isEqualTo(24);
            assertThat(scan).isEqualTo(acc.snapshot());
        }
    }

    @Nested
    class Metamorphic {

        @Test
        void relabellingCustomersChangesNothing() {
            qt().withFixedSeed(621L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS, seeds())
                    .checkAssert((purchases, g, brackets, seed) -> {
                        List<Purchase> relabelled = PurchaseGenerators.relabelled(purchases, seed);

                        assertThat(matrix(relabelled, g, brackets)).isEqualTo(matrix(purchases, g, brackets));
                    });
        }

        @Test
        void shiftingAllDatesByWholePeriodsShiftsTheCohortsAndKeepsEveryCell() {
            qt().withFixedSeed(622L)
                    .forAll(
                            purchaseLists(),
                            GRANULARITIES,
                            BRACKET_LISTS,
                            integers().between(-300, 300))
                    .checkAssert((purchases, g, brackets, n) -> {
                        List<Purchase> moved = purchases.stream()
                                .map(p -> new Purchase(
                                        p.customer(), shift(p.date(), g, n), p.amount(), p.category(), p.quantity()))
                                .toList();
                        List<NaiveCohorts.Row> expected = NaiveCohorts.rowsOf(matrix(purchases, g, brackets)).stream()
                                .map(row -> new NaiveCohorts.Row(
                                        g.period(g.ordinal(row.cohort().start()) + n),
                                        row.size(),
                                        row.active(),
                                        row.purchases(),
                                        row.revenue(),
                                        row.activeThenOrLater(),
                                        row.activeInBracket()))
                                .toList();

                        CohortMatrix shifted = matrix(moved, g, brackets);

                        assertThat(NaiveCohorts.rowsOf(shifted)).isEqualTo(expected);
                        assertThat(shifted.lastPeriod())
                                .isEqualTo(matrix(purchases, g, brackets)
                                        .lastPeriod()
                                        .map(p -> g.period(g.ordinal(p.start()) + n)));
                    });
        }

        @Test
        void matricesOfDisjointCustomerGroupsAddUpToTheWholeInEitherOrder() {
            qt().withFixedSeed(623L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS, seeds())
                    .checkAssert((purchases, g, brackets, seed) -> {
                        Random coin = new Random(seed);
                        List<Boolean> inGroup =
                                Stream.generate(coin::nextBoolean).limit(9).toList();
                        Predicate<Purchase> group = p -> inGroup.get(number(p));
                        CohortMatrix some =
                                matrix(purchases.stream().filter(group).toList(), g, brackets);
                        CohortMatrix others =
                                matrix(purchases.stream().filter(group.negate()).toList(), g, brackets);
                        CohortMatrix whole = matrix(purchases, g, brackets);

                        assertThat(some.plus(others)).isEqualTo(whole);
                        assertThat(others.plus(some)).isEqualTo(whole);
                        assertThat(NaiveCohorts.rowsOf(some.plus(others))).isEqualTo(NaiveCohorts.rowsOf(whole));
                    });
        }

        @Test
        void splittingTheRecordsAnywhereIntoTwoAccumulatorsAndMergingGivesTheWhole() {
            qt().withFixedSeed(624L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS, seeds())
                    .checkAssert((purchases, g, brackets, seed) -> {
                        Random coin = new Random(seed);
                        CohortMatrixAccumulator left = new CohortMatrixAccumulator(g, brackets, 2);
                        CohortMatrixAccumulator right = new CohortMatrixAccumulator(g, brackets, 2);
                        for (Purchase p : purchases) {
                            (coin.nextBoolean() ? left : right).add(p);
                        }
                        CohortMatrix rightAlone = right.snapshot();

                        assertThat(left.merge(right).snapshot()).isEqualTo(matrix(purchases, g, brackets));
                        assertThat(right.snapshot())
                                .as("merge leaves the other unchanged")
                                .isEqualTo(rightAlone);
                    });
        }

        @Test
        void buyingEverythingTwiceKeepsCustomersAndRetentionAndDoublesPurchasesAndRevenue() {
            qt().withFixedSeed(625L)
                    .forAll(purchaseLists(), GRANULARITIES, BRACKET_LISTS)
                    .checkAssert((purchases, g, brackets) -> {
                        List<Purchase> twice = new ArrayList<>(purchases);
                        twice.addAll(purchases);
                        List<NaiveCohorts.Row> expected = NaiveCohorts.rowsOf(matrix(purchases, g, brackets)).stream()
                                .map(row -> new NaiveCohorts.Row(
                                        row.cohort(),
                                        row.size(),
                                        row.active(),
                                        row.purchases().stream().map(n -> 2 * n).toList(),
                                        row.revenue().stream()
                                                .map(r -> r.multiply(BigDecimal.valueOf(2)))
                                                .toList(),
                                        row.activeThenOrLater(),
                                        row.activeInBracket()))
                                .toList();

                        assertThat(NaiveCohorts.rowsOf(matrix(twice, g, brackets)))
                                .isEqualTo(expected);
                    });
        }
    }

    /** The number n of a generated customer {@code Cn}. */
    private static int number(Purchase p) {
        return Integer.parseInt(p.customer().value().substring(1));
    }

    /**
     * A date moved by {@code n} whole periods: every day of a period lands in the period {@code n} later (a month's
     * 31st lands on the last day of a shorter month, still in that month).
     */
    private static LocalDate shift(LocalDate day, Granularity g, int n) {
        switch (g) {
            case DAY:
                return day.plusDays(n);
            case WEEK:
                return day.plusWeeks(n);
            case MONTH:
                return day.plusMonths(n);
            case QUARTER:
                return day.plusMonths(3L * n);
            case YEAR:
                return day.plusYears(n);
            default:
                throw new AssertionError(g);
        }
    }
}
