package org.loyaltykpi.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;

/**
 * The definitions of {@link CohortMatrix} on a shop of four customers over four months, every cell worked out by hand.
 *
 * <pre>
 *   customer  Jan 2024              Feb 2024              Mar 2024     Apr 2024
 *   A         05th 10.00, 20th 5.00                       02nd 20.00
 *   B         31st 7.50             01st 2.50
 *   C                               10th 30.00                         15th 12.00
 *   D                               29th 1.00
 * </pre>
 *
 * <p>Cohort 2024-01 = {A, B}, cohort 2024-02 = {C, D}; March and April acquire nobody. The last purchase is in April,
 * so January is observed at offsets 0..3 and February at 0..2.
 */
class CohortMatrixTest {

    static final List<Purchase> SHOP = List.of(
            Purchase.of("A", "2024-01-05", "10.00"),
            Purchase.of("A", "2024-01-20", "5.00"),
            Purchase.of("A", "2024-03-02", "20.00"),
            Purchase.of("B", "2024-01-31", "7.50"),
            Purchase.of("B", "2024-02-01", "2.50"),
            Purchase.of("C", "2024-02-10", "30.00"),
            Purchase.of("C", "2024-04-15", "12.00"),
            Purchase.of("D", "2024-02-29", "1.00"));

    /** Offsets 1-2, 2-3 and 0-0. */
    static final List<OffsetBracket> BRACKETS =
            List.of(OffsetBracket.of(1, 2), OffsetBracket.of(2, 3), OffsetBracket.of(0, 0));

    static final CohortMatrix MONTHLY = CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH, BRACKETS);

    static final int JAN = 0;
    static final int FEB = 1;

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class Cells {

        @Test
        void cohortsAreTheMonthsThatAcquiredCustomersOnly() {
            assertThat(MONTHLY.granularity()).isEqualTo(Granularity.MONTH);
            assertThat(MONTHLY.cohorts()).containsExactly(DateRange.month(2024, 1), DateRange.month(2024, 2));
            assertThat(MONTHLY.cohortCount()).isEqualTo(2);
            assertThat(MONTHLY.cohort(FEB)).isEqualTo(DateRange.month(2024, 2));
            assertThat(MONTHLY.size(JAN)).isEqualTo(2);
            assertThat(MONTHLY.size(FEB)).isEqualTo(2);
        }

        @Test
        void eachCohortIsObservedUpToTheMonthOfTheLastPurchase() {
            assertThat(MONTHLY.lastPeriod()).contains(DateRange.month(2024, 4));
            assertThat(MONTHLY.offsetCount()).isEqualTo(4);
            assertThat(MONTHLY.observedOffsets(JAN)).isEqualTo(4);
            assertThat(MONTHLY.observedOffsets(FEB)).isEqualTo(3);
        }

        @Test
        void activeCustomersAreTheCohortsCustomersWithAPurchaseInThePeriod() {
            // January: A and B; February: B; March: A; April: nobody of January.
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.activeCustomers(JAN, k)))
                    .containsExactly(2L, 1L, 1L, 0L);
            // February: C and D; March: nobody; April: C.
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.activeCustomers(FEB, k)))
                    .containsExactly(2L, 0L, 1L);
        }

        @Test
        void purchasesAndRevenueAreThoseOfTheCohortsCustomersInThePeriod() {
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.purchases(JAN, k)))
                    .containsExactly(3L, 1L, 1L, 0L);
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.revenue(JAN, k)))
                    .containsExactly(money("22.50"), money("2.50"), money("20.00"), money("0.00"));
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.purchases(FEB, k))).containsExactly(2L, 0L, 1L);
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.revenue(FEB, k)))
                    .containsExactly(money("31.00"), money("0.00"), money("12.00"));
        }

        @Test
        void classicRetentionIsActiveAtTheOffsetOverTheCohortSize() {
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.retention(JAN, k)))
                    .containsExactly(Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(1, 2), Ratio.of(0, 2));
            // Classic retention rises again after a dip when a customer comes back (C in April).
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.retention(FEB, k, RetentionDefinition.CLASSIC)))
                    .containsExactly(Ratio.of(2, 2), Ratio.of(0, 2), Ratio.of(1, 2));
        }

        @Test
        void unboundedRetentionCountsCustomersActiveAtTheOffsetOrLater() {
            // At +1, B is active in February and A comes back in March: both still count.
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.retention(JAN, k, RetentionDefinition.UNBOUNDED)))
                    .containsExactly(Ratio.of(2, 2), Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(0, 2));
            // At +1 nobody of February buys, but C buys in April.
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.retention(FEB, k, RetentionDefinition.UNBOUNDED)))
                    .containsExactly(Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(1, 2));
        }

        @Test
        void bracketedRetentionCountsCustomersActiveInAtLeastOneOffsetOfTheBracket() {
            assertThat(MONTHLY.brackets()).isEqualTo(BRACKETS);
            // January, 1-2: B in February, A in March; 2-3: A in March; 0-0: the cohort itself.
            assertThat(MONTHLY.bracketedRetention(JAN, 0)).contains(Ratio.of(2, 2));
            assertThat(MONTHLY.bracketedRetention(JAN, 1)).contains(Ratio.of(1, 2));
            assertThat(MONTHLY.bracketedRetention(JAN, 2)).contains(Ratio.of(2, 2));
            // February, 1-2: C in April.
            assertThat(MONTHLY.bracketedRetention(FEB, 0)).contains(Ratio.of(1, 2));
            assertThat(MONTHLY.bracketedRetention(FEB, 2)).contains(Ratio.of(2, 2));
        }

        @Test
        void bracketedRetentionIsUndefinedUnlessTheBracketIsWhollyObserved() {
            // February's offset 3 would be May 2024, after the last purchase.
            assertThat(MONTHLY.bracketedRetention(FEB, 1)).isEmpty();
            assertThatThrownBy(() -> MONTHLY.bracketedRetention(FEB, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void theLtvCurveIsCumulativeRevenuePerCohortCustomer() {
            assertThat(Stream.of(0, 1, 2, 3).map(k -> MONTHLY.cumulativeRevenuePerCustomer(JAN, k)))
                    .containsExactly(11.25, 12.50, 22.50, 22.50);
            assertThat(Stream.of(0, 1, 2).map(k -> MONTHLY.cumulativeRevenuePerCustomer(FEB, k)))
                    .containsExactly(15.50, 15.50, 21.50);
        }

        @Test
        void averageRetentionWeighsTheCohortsObservedAtEachOffsetBySize() {
            assertThat(MONTHLY.averageRetention(RetentionDefinition.CLASSIC))
                    .containsExactly(Ratio.of(4, 4), Ratio.of(1, 4), Ratio.of(2, 4), Ratio.of(0, 2));
            assertThat(MONTHLY.averageRetention(RetentionDefinition.UNBOUNDED))
                    .containsExactly(Ratio.of(4, 4), Ratio.of(3, 4), Ratio.of(2, 4), Ratio.of(0, 2));
        }

        @Test
        void valueGivesEachMetricAsANumberWithRetentionAsAFraction() {
            assertThat(MONTHLY.value(CohortMetric.CUSTOMERS, RetentionDefinition.CLASSIC, FEB, 2))
                    .isEqualTo(1.0);
            assertThat(MONTHLY.value(CohortMetric.RETENTION, RetentionDefinition.CLASSIC, FEB, 1))
                    .isEqualTo(0.0);
            assertThat(MONTHLY.value(CohortMetric.RETENTION, RetentionDefinition.UNBOUNDED, FEB, 1))
                    .isEqualTo(0.5);
            assertThat(MONTHLY.value(CohortMetric.PURCHASES, RetentionDefinition.CLASSIC, JAN, 0))
                    .isEqualTo(3.0);
            assertThat(MONTHLY.value(CohortMetric.REVENUE, RetentionDefinition.CLASSIC, JAN, 0))
                    .isEqualTo(22.5);
            assertThat(MONTHLY.value(CohortMetric.LTV, RetentionDefinition.CLASSIC, FEB, 2))
                    .isCloseTo(21.5, within(1e-12));
        }
    }

    @Nested
    class Observation {

        @Test
        void anOffsetAfterTheLastPeriodIsAnErrorRatherThanAZero() {
            assertThatThrownBy(() -> MONTHLY.activeCustomers(FEB, 3))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("offset 3")
                    .hasMessageContaining("2024-02")
                    .hasMessageContaining("0..2");
            assertThatThrownBy(() -> MONTHLY.purchases(FEB, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.revenue(FEB, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.retention(FEB, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.retention(FEB, 3, RetentionDefinition.UNBOUNDED))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.cumulativeRevenuePerCustomer(FEB, 3))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.activeCustomers(JAN, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void negativeOffsetsAndUnknownCohortsAreErrors() {
            assertThatThrownBy(() -> MONTHLY.activeCustomers(JAN, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.size(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MONTHLY.cohort(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void aPurchaseInALaterMonthExtendsTheObservationOfEveryCohortWithZeros() {
            List<Purchase> more = Stream.concat(SHOP.stream(), Stream.of(Purchase.of("C", "2024-06-03", "4.00")))
                    .toList();
            CohortMatrix m = CohortCalculator.matrix(PurchaseTable.of(more), Granularity.MONTH);

            assertThat(m.lastPeriod()).contains(DateRange.month(2024, 6));
            assertThat(m.observedOffsets(FEB)).isEqualTo(5);
            assertThat(m.activeCustomers(FEB, 3)).isZero();
            assertThat(m.activeCustomers(FEB, 4)).isEqualTo(1);
            assertThat(m.retention(FEB, 3, RetentionDefinition.UNBOUNDED)).isEqualTo(Ratio.of(1, 2));
        }

        @Test
        void aMatrixOfMoreThan4096PeriodsIsRefusedAskingForACoarserGranularity() {
            // 16M cells at most: 4,096 periods, and these two purchases are 4,384 days apart.
            List<Purchase> twelveYears =
                    List.of(Purchase.of("A", "2000-01-01", "1.00"), Purchase.of("B", "2012-01-01", "1.00"));

            assertThatThrownBy(() -> CohortCalculator.matrix(PurchaseTable.of(twelveYears), Granularity.DAY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4384")
                    .hasMessageContaining("coarser granularity");
            assertThatThrownBy(() -> new CohortMatrixAccumulator(Granularity.DAY)
                            .addAll(twelveYears)
                            .snapshot())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4384");
            assertThat(CohortCalculator.matrix(PurchaseTable.of(twelveYears), Granularity.WEEK)
                            .offsetCount())
                    .isEqualTo(627);
        }
    }

    @Nested
    class OtherGranularities {

        @Test
        void weeklyCohortsAreIsoWeeksFromMondayToSunday() {
            // 2024-01-07 is a Sunday, 2024-01-08 the Monday after.
            CohortMatrix weekly = CohortCalculator.matrix(
                    PurchaseTable.of(
                            Purchase.of("A", "2024-01-01", "1.00"),
                            Purchase.of("B", "2024-01-07", "2.00"),
                            Purchase.of("A", "2024-01-08", "3.00"),
                            Purchase.of("C", "2024-01-08", "4.00"),
                            Purchase.of("B", "2024-01-21", "5.00")),
                    Granularity.WEEK);

            assertThat(weekly.cohorts())
                    .containsExactly(
                            DateRange.parse("2024-01-01/2024-01-08"), DateRange.parse("2024-01-08/2024-01-15"));
            assertThat(weekly.size(0)).isEqualTo(2);
            assertThat(weekly.size(1)).isEqualTo(1);
            assertThat(weekly.lastPeriod()).contains(DateRange.parse("2024-01-15/2024-01-22"));
            assertThat(Stream.of(0, 1, 2).map(k -> weekly.activeCustomers(0, k)))
                    .containsExactly(2L, 1L, 1L);
            assertThat(Stream.of(0, 1).map(k -> weekly.activeCustomers(1, k))).containsExactly(1L, 0L);
            assertThat(Stream.of(0, 1, 2).map(k -> weekly.retention(0, k, RetentionDefinition.UNBOUNDED)))
                    .containsExactly(Ratio.of(2, 2), Ratio.of(2, 2), Ratio.of(1, 2));
        }

        @Test
        void quarterlyAndYearlyCohortsOfTheShopHoldEveryone() {
            CohortMatrix quarterly = CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.QUARTER);
            CohortMatrix yearly = CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.YEAR);

            assertThat(quarterly.cohorts()).containsExactly(DateRange.quarter(2024, 1));
            assertThat(quarterly.size(0)).isEqualTo(4);
            // April is the second quarter: only C buys then.
            assertThat(quarterly.offsetCount()).isEqualTo(2);
            assertThat(quarterly.retention(0, 1)).isEqualTo(Ratio.of(1, 4));
            assertThat(quarterly.purchases(0, 0)).isEqualTo(7);
            assertThat(quarterly.revenue(0, 0)).isEqualTo(money("76.00"));
            assertThat(yearly.cohorts()).containsExactly(DateRange.year(2024));
            assertThat(yearly.offsetCount()).isEqualTo(1);
            assertThat(yearly.revenue(0, 0)).isEqualTo(money("88.00"));
            assertThat(yearly.cumulativeRevenuePerCustomer(0, 0)).isEqualTo(22.0);
        }

        @Test
        void dailyCohortsSkipTheDaysThatAcquiredNobody() {
            CohortMatrix daily = CohortCalculator.matrix(
                    PurchaseTable.of(
                            Purchase.of("A", "2024-01-01", "1.00"),
                            Purchase.of("A", "2024-01-02", "1.00"),
                            Purchase.of("B", "2024-01-04", "1.00")),
                    Granularity.DAY);

            assertThat(daily.cohorts())
                    .containsExactly(DateRange.day(LocalDate.of(2024, 1, 1)), DateRange.day(LocalDate.of(2024, 1, 4)));
            assertThat(daily.offsetCount()).isEqualTo(4);
            assertThat(daily.observedOffsets(1)).isEqualTo(1);
            assertThat(Stream.of(0, 1, 2, 3).map(k -> daily.activeCustomers(0, k)))
                    .containsExactly(1L, 1L, 0L, 0L);
        }
    }

    @Nested
    class Text {

        @Test
        void renderShowsOneRowPerCohortAndTheAverageForRetention() {
            assertThat(MONTHLY.render(CohortMetric.RETENTION, RetentionDefinition.CLASSIC, 12))
                    .isEqualTo("""
                            cohort   size      +0     +1     +2    +3
                            2024-01     2  100.0%  50.0%  50.0%  0.0%
                            2024-02     2  100.0%   0.0%  50.0%
                            average     4  100.0%  25.0%  50.0%  0.0%
                            """);
        }

        @Test
        void renderCutsTheTableAtMaxOffsetsAndShowsNoAverageForOtherMetrics() {
            assertThat(MONTHLY.render(CohortMetric.REVENUE, RetentionDefinition.CLASSIC, 2))
                    .isEqualTo("""
                            cohort   size     +0    +1
                            2024-01     2  22.50  2.50
                            2024-02     2  31.00  0.00
                            """);
            assertThat(MONTHLY.render(CohortMetric.CUSTOMERS, RetentionDefinition.CLASSIC, 3))
                    .isEqualTo("""
                            cohort   size  +0  +1  +2
                            2024-01     2   2   1   1
                            2024-02     2   2   0   1
                            """);
            assertThatThrownBy(() -> MONTHLY.render(CohortMetric.LTV, RetentionDefinition.CLASSIC, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxOffsets");
        }

        @Test
        void renderOfUnboundedRetentionAveragesUnboundedRetention() {
            assertThat(MONTHLY.render(CohortMetric.RETENTION, RetentionDefinition.UNBOUNDED, 12))
                    .isEqualTo("""
                            cohort   size      +0      +1     +2    +3
                            2024-01     2  100.0%  100.0%  50.0%  0.0%
                            2024-02     2  100.0%   50.0%  50.0%
                            average     4  100.0%   75.0%  50.0%  0.0%
                            """);
        }

        @Test
        void toStringIsASummaryOverTheClassicRetentionTable() {
            assertThat(MONTHLY.toString())
                    .isEqualTo("CohortMatrix[MONTH, 2 cohorts, 4 offsets, retention (classic)]\n"
                            + MONTHLY.render(CohortMetric.RETENTION, RetentionDefinition.CLASSIC, 12));
        }

        @Test
        void csvHasACellPerObservedOffsetAndLeavesTheOthersEmpty() {
            assertThat(MONTHLY.toCsv(CohortMetric.CUSTOMERS, RetentionDefinition.CLASSIC))
                    .isEqualTo("""
                            cohort,size,0,1,2,3
                            2024-01,2,2,1,1,0
                            2024-02,2,2,0,1,
                            """);
            assertThat(MONTHLY.toCsv(CohortMetric.PURCHASES, RetentionDefinition.CLASSIC))
                    .isEqualTo("""
                            cohort,size,0,1,2,3
                            2024-01,2,3,1,1,0
                            2024-02,2,2,0,1,
                            """);
        }

        @Test
        void csvWritesRevenueExactlyAndSharesAndLtvAsNumbers() {
            assertThat(MONTHLY.toCsv(CohortMetric.REVENUE, RetentionDefinition.CLASSIC))
                    .isEqualTo("""
                            cohort,size,0,1,2,3
                            2024-01,2,22.50,2.50,20.00,0.00
                            2024-02,2,31.00,0.00,12.00,
                            """);
            assertThat(MONTHLY.toCsv(CohortMetric.RETENTION, RetentionDefinition.UNBOUNDED))
                    .isEqualTo("""
                            cohort,size,0,1,2,3
                            2024-01,2,1.0,1.0,0.5,0.0
                            2024-02,2,1.0,0.5,0.5,
                            """);
            assertThat(MONTHLY.toCsv(CohortMetric.LTV, RetentionDefinition.CLASSIC))
                    .isEqualTo("""
                            cohort,size,0,1,2,3
                            2024-01,2,11.25,12.5,22.5,22.5
                            2024-02,2,15.5,15.5,21.5,
                            """);
        }
    }

    @Nested
    class Empty {

        static final CohortMatrix EMPTY = CohortMatrix.empty(Granularity.MONTH);

        @Test
        void theEmptyMatrixHasNoCohortsNoOffsetsAndNoLastPeriod() {
            assertThat(EMPTY.cohorts()).isEmpty();
            assertThat(EMPTY.cohortCount()).isZero();
            assertThat(EMPTY.offsetCount()).isZero();
            assertThat(EMPTY.lastPeriod()).isEmpty();
            assertThat(EMPTY.brackets()).isEmpty();
            assertThat(EMPTY.averageRetention(RetentionDefinition.CLASSIC)).isEmpty();
            assertThatThrownBy(() -> EMPTY.size(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> EMPTY.activeCustomers(0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void theEmptyTableTheEmptyAccumulatorAndTheEmptyStreamGiveTheEmptyMatrix() {
            assertThat(CohortCalculator.matrix(PurchaseTable.empty(), Granularity.MONTH))
                    .isEqualTo(EMPTY);
            assertThat(new CohortMatrixAccumulator(Granularity.MONTH).snapshot())
                    .isEqualTo(EMPTY);
            assertThat(Stream.<Purchase>empty().collect(CohortCalculator.toCohortMatrix(Granularity.MONTH)))
                    .isEqualTo(EMPTY);
            assertThat(EMPTY).isNotEqualTo(CohortMatrix.empty(Granularity.WEEK));
        }

        @Test
        void theEmptyMatrixRendersAsHeadersOnly() {
            assertThat(EMPTY.render(CohortMetric.RETENTION, RetentionDefinition.CLASSIC, 12))
                    .isEqualTo("cohort  size\n");
            assertThat(EMPTY.toCsv(CohortMetric.REVENUE, RetentionDefinition.CLASSIC))
                    .isEqualTo("cohort,size\n");
            assertThat(EMPTY.toString()).isEqualTo("CohortMatrix[MONTH, no cohorts]");
        }

        @Test
        void theEmptyMatrixIsTheNeutralElementOfPlus() {
            assertThat(EMPTY.plus(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH)))
                    .isEqualTo(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH));
            assertThat(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH)
                            .plus(EMPTY))
                    .isEqualTo(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH));
        }
    }

    @Nested
    class RecordsAndCombination {

        @Test
        void theAccumulatorAndTheCollectorGiveTheTableScansMatrix() {
            CohortMatrixAccumulator acc = new CohortMatrixAccumulator(Granularity.MONTH, BRACKETS, 2);
            acc.addAll(SHOP);

            assertThat(acc.snapshot()).isEqualTo(MONTHLY);
            assertThat(SHOP.stream().collect(CohortCalculator.toCohortMatrix(Granularity.MONTH)))
                    .isEqualTo(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH));
        }

        @Test
        void theAccumulatorStaysUsableAfterASnapshot() {
            CohortMatrixAccumulator acc = new CohortMatrixAccumulator(Granularity.MONTH);
            acc.addAll(SHOP.subList(0, 4));
            CohortMatrix before = acc.snapshot();
            acc.addAll(SHOP.subList(4, SHOP.size()));

            assertThat(before.cohorts()).containsExactly(DateRange.month(2024, 1));
            assertThat(acc.snapshot()).isEqualTo(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH));
        }

        @Test
        void plusAddsMatricesOfDisjointCustomerGroups() {
            CohortMatrix ab =
                    CohortCalculator.matrix(PurchaseTable.of(SHOP.subList(0, 5)), Granularity.MONTH, BRACKETS);
            CohortMatrix cd =
                    CohortCalculator.matrix(PurchaseTable.of(SHOP.subList(5, 8)), Granularity.MONTH, BRACKETS);

            // A and B alone are observed to March only: the bracket 2-3 is not observed for them.
            assertThat(ab.lastPeriod()).contains(DateRange.month(2024, 3));
            assertThat(ab.bracketedRetention(JAN, 1)).isEmpty();
            assertThat(ab.plus(cd)).isEqualTo(MONTHLY);
            assertThat(cd.plus(ab)).isEqualTo(MONTHLY);
            assertThat(ab.plus(cd).hashCode()).isEqualTo(MONTHLY.hashCode());
        }

        @Test
        void matricesOfDifferentGranularityScaleOrBracketsDoNotCombine() {
            CohortMatrix monthly = CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH);
            CohortMatrix weekly = CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.WEEK);

            assertThatThrownBy(() -> monthly.plus(weekly))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MONTH")
                    .hasMessageContaining("WEEK");
            assertThatThrownBy(() -> monthly.plus(MONTHLY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("brackets");
            assertThatThrownBy(() -> new CohortMatrixAccumulator(Granularity.MONTH)
                            .merge(new CohortMatrixAccumulator(Granularity.MONTH, List.of(), 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale 3");
            assertThatThrownBy(() -> new CohortMatrixAccumulator(Granularity.MONTH)
                            .merge(new CohortMatrixAccumulator(Granularity.MONTH, BRACKETS, 2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theAmountScaleKeepsRevenueExact() {
            CohortMatrixAccumulator acc = new CohortMatrixAccumulator(Granularity.MONTH, List.of(), 3);
            acc.add(Purchase.of("A", "2024-01-01", "0.125")).add(Purchase.of("A", "2024-01-02", "0.001"));

            assertThat(acc.snapshot().revenue(0, 0)).isEqualTo(money("0.126"));
            assertThatThrownBy(() ->
                            new CohortMatrixAccumulator(Granularity.MONTH).add(Purchase.of("A", "2024-01-01", "0.125")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0.125");
            assertThatThrownBy(() -> new CohortMatrixAccumulator(Granularity.MONTH, List.of(), 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void atMost64BracketsAreAccepted() {
            List<OffsetBracket> many = Stream.iterate(0, k -> k + 1)
                    .limit(65)
                    .map(k -> OffsetBracket.of(k, k))
                    .toList();

            assertThat(CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH, many.subList(0, 64))
                            .bracketedRetention(JAN, 3))
                    .contains(Ratio.of(0, 2));
            assertThatThrownBy(() -> CohortCalculator.matrix(PurchaseTable.of(SHOP), Granularity.MONTH, many))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64");
        }
    }

    @Nested
    class Parsing {

        @Test
        void bracketsParseFromToOrASingleOffsetAndPrintBack() {
            assertThat(OffsetBracket.parse("4-6")).isEqualTo(OffsetBracket.of(4, 6));
            assertThat(OffsetBracket.parse(" 1 - 3 ")).isEqualTo(OffsetBracket.of(1, 3));
            assertThat(OffsetBracket.parse("7")).isEqualTo(OffsetBracket.of(7, 7));
            assertThat(OffsetBracket.parse(OffsetBracket.of(7, 12).toString())).isEqualTo(OffsetBracket.of(7, 12));
            assertThat(OffsetBracket.of(1, 3).contains(0)).isFalse();
            assertThat(OffsetBracket.of(1, 3).contains(1)).isTrue();
            assertThat(OffsetBracket.of(1, 3).contains(3)).isTrue();
            assertThat(OffsetBracket.of(1, 3).contains(4)).isFalse();
        }

        @Test
        void invalidBracketsAreRejectedNamingTheValue() {
            assertThatThrownBy(() -> OffsetBracket.of(3, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3-1");
            assertThatThrownBy(() -> OffsetBracket.parse("-1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
            for (String bad : List.of("", "-", "1-", "a-b", "1-2-3")) {
                assertThatThrownBy(() -> OffsetBracket.parse(bad))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad + "'");
            }
        }

        @Test
        void metricsAndDefinitionsParseIgnoringCase() {
            assertThat(CohortMetric.parse(" LTV ")).isEqualTo(CohortMetric.LTV);
            assertThat(CohortMetric.parse("customers")).isEqualTo(CohortMetric.CUSTOMERS);
            assertThat(RetentionDefinition.parse("Unbounded")).isEqualTo(RetentionDefinition.UNBOUNDED);
            assertThatThrownBy(() -> CohortMetric.parse("churn"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'churn'");
            assertThatThrownBy(() -> RetentionDefinition.parse("rolling"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'rolling'");
        }
    }
}
