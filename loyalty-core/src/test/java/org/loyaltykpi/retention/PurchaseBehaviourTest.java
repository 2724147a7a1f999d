package org.loyaltykpi.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;

/** The purchase-behaviour metrics on small shops whose every count is worked out by hand in the comments. */
class PurchaseBehaviourTest {

    private static final DateRange DECEMBER = DateRange.month(2023, 12);
    private static final DateRange JANUARY = DateRange.month(2024, 1);
    private static final DateRange FEBRUARY = DateRange.month(2024, 2);

    /**
     * Four customers around February 2024 (measured against January).
     *
     * <ul>
     *   <li>A: first bought in December; in January; in February twice on one day, in two categories. Retained, not
     *       new, not repeat (one day), multi-category.
     *   <li>B: only in January. At start, lost.
     *   <li>C: first purchases in February, on two days, one category. New, repeat.
     *   <li>D: first bought in November, then not until late February, no category. Returning, reactivated.
     *   <li>E: only in March, after the period. Not counted anywhere.
     * </ul>
     */
    static final List<Purchase> SHOP = List.of(
            Purchase.of("A", "2023-12-20", "10.00").withCategory("books"),
            Purchase.of("A", "2024-01-10", "20.00").withCategory("books"),
            Purchase.of("A", "2024-02-03", "30.00").withCategory("books"),
            Purchase.of("A", "2024-02-03", "5.00").withCategory("music"),
            Purchase.of("B", "2024-01-15", "40.00"),
            Purchase.of("C", "2024-02-10", "15.00").withCategory("games"),
            Purchase.of("C", "2024-02-20", "25.00").withCategory("games"),
            Purchase.of("D", "2023-11-05", "50.00"),
            Purchase.of("D", "2024-02-29", "12.50"),
            Purchase.of("E", "2024-03-01", "99.00"));

    static final PurchaseTable TABLE = PurchaseTable.of(SHOP);

    @Nested
    class Definitions {

        private final PurchaseBehaviour february = RetentionCalculator.behaviour(TABLE, FEBRUARY);

        @Test
        void theCountsOfFebruaryAreThoseWorkedOutByHand() {
            assertThat(february.period()).isEqualTo(FEBRUARY);
            assertThat(february.previousPeriod()).isEqualTo(JANUARY);
            assertThat(february.customersAtStart())
                    .as("A and B bought in January")
                    .isEqualTo(2);
            assertThat(february.activeCustomers()).as("A, C, D").isEqualTo(3);
            assertThat(february.newCustomers()).as("C").isEqualTo(1);
            assertThat(february.retainedCustomers()).as("A").isEqualTo(1);
            assertThat(february.repeatCustomers())
                    .as("C, on two days; A bought twice on one day")
                    .isEqualTo(1);
            assertThat(february.categorizedCustomers()).as("A, C").isEqualTo(2);
            assertThat(february.multiCategoryCustomers())
                    .as("A: books and music")
                    .isEqualTo(1);
            assertThat(february.purchases()).as("2 of A, 2 of C, 1 of D").isEqualTo(5);
            assertThat(february.newCustomerPurchases()).as("2 of C").isEqualTo(2);
            assertThat(february.revenue()).isEqualTo(new BigDecimal("87.50"));
            assertThat(february.newCustomerRevenue()).isEqualTo(new BigDecimal("40.00"));
        }

        @Test
        void theDerivedCountsOfFebruaryAreThoseWorkedOutByHand() {
            assertThat(february.returningCustomers()).as("A, D").isEqualTo(2);
            assertThat(february.reactivatedCustomers()).as("D").isEqualTo(1);
            assertThat(february.lostCustomers()).as("B").isEqualTo(1);
            assertThat(february.returningCustomerPurchases()).isEqualTo(3);
            assertThat(february.returningCustomerRevenue()).isEqualTo(new BigDecimal("47.50"));
        }

        @Test
        void theRatesOfFebruaryAreThoseWorkedOutByHand() {
            assertThat(february.retention()).isEqualTo(Ratio.of(1, 2));
            assertThat(february.churn()).isEqualTo(Ratio.of(1, 2));
            assertThat(february.repeatPurchaseRate()).isEqualTo(Ratio.of(1, 3));
            assertThat(february.crossCategoryRate()).isEqualTo(Ratio.of(1, 2));
            assertThat(february.purchaseFrequency().getAsDouble()).isCloseTo(5.0 / 3, within(1e-12));
            assertThat(february.averageOrderValue().getAsDouble()).isCloseTo(17.5, within(1e-12));
            assertThat(february.averageOrderValueOfNew().getAsDouble()).isCloseTo(20.0, within(1e-12));
            assertThat(february.averageOrderValueOfReturning().getAsDouble()).isCloseTo(47.5 / 3, within(1e-12));
            assertThat(february.returningRevenueShare().getAsDouble()).isCloseTo(47.5 / 87.5, within(1e-12));
        }

        @Test
        void januaryMeasuredAgainstDecemberCountsBAsNewAndAAsRetained() {
            PurchaseBehaviour january = RetentionCalculator.behaviour(TABLE, JANUARY);

            assertThat(january)
                    .isEqualTo(new PurchaseBehaviour(
                            JANUARY,
                            DECEMBER,
                            1, // A in December
                            2, // A, B
                            1, // B
                            1, // A
                            0,
                            1, // A (books)
                            0,
                            2,
                            1,
                            new BigDecimal("60.00"),
                            new BigDecimal("40.00")));
        }

        @Test
        void aChosenPreviousPeriodMayLeaveAGap() {
            PurchaseBehaviour againstDecember = RetentionCalculator.behaviour(TABLE, DECEMBER, FEBRUARY);

            assertThat(againstDecember.previousPeriod()).isEqualTo(DECEMBER);
            assertThat(againstDecember.customersAtStart()).as("A").isEqualTo(1);
            assertThat(againstDecember.retainedCustomers()).as("A").isEqualTo(1);
            assertThat(againstDecember.activeCustomers()).isEqualTo(3);
        }

        @Test
        void theSeriesMeasuresEveryMonthAgainstTheMonthBefore() {
            List<PurchaseBehaviour> series =
                    RetentionCalculator.series(TABLE, DateRange.parse("2024-01-15/2024-02-10"), Granularity.MONTH);

            assertThat(series)
                    .containsExactly(
                            RetentionCalculator.behaviour(TABLE, JANUARY),
                            RetentionCalculator.behaviour(TABLE, FEBRUARY));
        }

        @Test
        void theReferenceModelAgreesOnTheHandMadeShop() {
            assertThat(NaiveBehaviour.of(SHOP, JANUARY, FEBRUARY)).isEqualTo(february);
        }

        @Test
        void theCollectorAgreesOnTheHandMadeShop() {
            assertThat(SHOP.stream().collect(RetentionCalculator.toBehaviour(JANUARY, FEBRUARY)))
                    .isEqualTo(february);
            assertThat(new PurchaseBehaviourAccumulator(JANUARY, FEBRUARY)
                            .addAll(SHOP)
                            .snapshot())
                    .isEqualTo(february);
        }

        @Test
        void theSummaryNamesThePeriodsCountsAndRates() {
            assertThat(february.toString())
                    .contains("2024-02 vs 2024-01")
                    .contains("3 active (1 new, 2 returning), 2 at start, 1 retained")
                    .contains("retention 50.0% (1/2), churn 50.0% (1/2)")
                    .contains("repeat purchase rate 33.3% (1/3)")
                    .contains("5 purchases, revenue 87.50");
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void aPeriodWithoutPurchasesHasZeroCountsAndUndefinedRates() {
            PurchaseBehaviour june = RetentionCalculator.behaviour(TABLE, DateRange.month(2024, 6));

            assertThat(june.activeCustomers()).isZero();
            assertThat(june.customersAtStart()).isZero();
            assertThat(june.purchases()).isZero();
            assertThat(june.revenue()).isZero();
            assertThat(june.retention().value()).isEmpty();
            assertThat(june.churn().value()).isEmpty();
            assertThat(june.repeatPurchaseRate().value()).isEmpty();
            assertThat(june.crossCategoryRate().value()).isEmpty();
            assertThat(june.purchaseFrequency()).isEmpty();
            assertThat(june.averageOrderValue()).isEmpty();
            assertThat(june.averageOrderValueOfNew()).isEmpty();
            assertThat(june.averageOrderValueOfReturning()).isEmpty();
            assertThat(june.returningRevenueShare()).isEmpty();
            assertThat(june.toString()).contains("n/a").doesNotContain("NaN");
        }

        @Test
        void theEmptyTableHasNothingInAnyPeriod() {
            PurchaseBehaviour b = RetentionCalculator.behaviour(PurchaseTable.empty(), FEBRUARY);

            assertThat(b).isEqualTo(NaiveBehaviour.of(List.of(), JANUARY, FEBRUARY));
            assertThat(RetentionCalculator.series(PurchaseTable.empty(), FEBRUARY, Granularity.WEEK))
                    .hasSize(5)
                    .allSatisfy(w -> assertThat(w.activeCustomers()).isZero());
        }

        @Test
        void withNobodyAtStartRetentionIsUndefinedWhateverElseHappened() {
            PurchaseBehaviour january =
                    RetentionCalculator.behaviour(PurchaseTable.of(Purchase.of("A", "2024-01-10", "1.00")), JANUARY);

            assertThat(january.activeCustomers()).isEqualTo(1);
            assertThat(january.retention()).isEqualTo(Ratio.of(0, 0));
            assertThat(january.churn().value()).isEmpty();
        }

        @Test
        void freeItemsArePurchasesButRevenueShareIsUndefinedWithoutRevenue() {
            PurchaseBehaviour b =
                    RetentionCalculator.behaviour(PurchaseTable.of(Purchase.of("A", "2024-02-10", "0.00")), FEBRUARY);

            assertThat(b.purchases()).isEqualTo(1);
            assertThat(b.averageOrderValue()).hasValue(0.0);
            assertThat(b.returningRevenueShare()).isEmpty();
        }

        @Test
        void anOverlappingPreviousPeriodIsRejectedNamingBothPeriods() {
            DateRange overlapping = DateRange.parse("2024-01-15/2024-02-15");

            assertThatThrownBy(() -> RetentionCalculator.behaviour(TABLE, overlapping, FEBRUARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("previous period 2024-01-15/2024-02-15 must end before period"
                            + " 2024-02-01/2024-03-01 starts");
            assertThatThrownBy(() -> new PurchaseBehaviourAccumulator(overlapping, FEBRUARY))
                    .hasMessageContaining("2024-01-15/2024-02-15");
        }

        @Test
        void behavioursOfDifferentPeriodsCannotBeAdded() {
            PurchaseBehaviour january = RetentionCalculator.behaviour(TABLE, JANUARY);
            PurchaseBehaviour february = RetentionCalculator.behaviour(TABLE, FEBRUARY);

            assertThatThrownBy(() -> january.plus(february))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different periods");
        }

        @Test
        void accumulatorsOfDifferentPeriodsOrScalesCannotBeMerged() {
            var february = new PurchaseBehaviourAccumulator(JANUARY, FEBRUARY);

            assertThatThrownBy(() -> february.merge(new PurchaseBehaviourAccumulator(DECEMBER, JANUARY)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> february.merge(new PurchaseBehaviourAccumulator(JANUARY, FEBRUARY, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale 3");
        }

        @Test
        void impossibleCountsAreRejectedNamingTheCountsAndTheBound() {
            BigDecimal zero = BigDecimal.ZERO;
            assertThatThrownBy(() -> new PurchaseBehaviour(FEBRUARY, JANUARY, 0, 1, 2, 0, 0, 0, 0, 5, 5, zero, zero))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("newCustomers must be within 0..activeCustomers (1): 2");
            assertThatThrownBy(() -> new PurchaseBehaviour(FEBRUARY, JANUARY, 1, 3, 0, 2, 0, 0, 0, 5, 0, zero, zero))
                    .hasMessage("retainedCustomers must be within 0..customersAtStart (1): 2");
            assertThatThrownBy(() -> new PurchaseBehaviour(FEBRUARY, JANUARY, 0, 3, 0, 0, 0, 0, 0, 2, 0, zero, zero))
                    .hasMessage("activeCustomers must be within 0..purchases (2): 3");
            assertThatThrownBy(() -> new PurchaseBehaviour(FEBRUARY, JANUARY, 0, 2, 0, 0, 0, 1, 2, 2, 0, zero, zero))
                    .hasMessage("multiCategoryCustomers must be within 0..categorizedCustomers (1): 2");
        }
    }
}
