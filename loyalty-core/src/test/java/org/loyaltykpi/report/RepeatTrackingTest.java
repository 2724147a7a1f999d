package org.loyaltykpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/** The purchase model against the actual repeat purchases, period by period (the report's CLV tracking). */
class RepeatTrackingTest {
    private static final PurchaseTable SHOP = SampleShop.standard().purchases();
    private static final MbgNbdModel MODEL =
            MbgNbdModel.fit(BtydSummary.of(SHOP, java.time.LocalDate.ofEpochDay(SHOP.maxEpochDay()), TimeScale.WEEKS));
    private static final DateRange RANGE = SHOP.dateRange().orElseThrow();

    /** A model with plain parameters, for hand-made tables. */
    private static final MbgNbdModel PLAIN = MbgNbdModel.of(1, 10, 1, 5, TimeScale.WEEKS);

    @Nested
    class Definitions {
        @Test
        void aRepeatPurchaseIsAPurchaseDayAfterTheFirstOneCountedInThePeriodOfItsDay() {
            // c1: first 01-05, repeats 01-20 (twice on that day: one repeat day) and 02-03; c2: first 02-10, repeat
            // 03-01
            PurchaseTable table = PurchaseTable.of(
                    Purchase.of("c1", "2024-01-05", "10"),
                    Purchase.of("c1", "2024-01-20", "10"),
                    Purchase.of("c1", "2024-01-20", "5"),
                    Purchase.of("c1", "2024-02-03", "10"),
                    Purchase.of("c2", "2024-02-10", "10"),
                    Purchase.of("c2", "2024-03-01", "10"));
            RepeatTracking t = RepeatTracking.of(
                    PLAIN,
                    table,
                    Granularity.MONTH.periodsCovering(table.dateRange().orElseThrow()));
            assertThat(t.points()).extracting(RepeatTracking.Point::actual).containsExactly(1L, 1L, 1L);
            assertThat(t.points())
                    .extracting(RepeatTracking.Point::actualCumulative)
                    .containsExactly(1L, 2L, 3L);
        }

        @Test
        void theExpectationOfAPeriodIsTheGrowthOfTheExpectedPurchasesOfEveryCustomerSinceItsFirstPurchase() {
            // one customer first seen 2024-01-01: E(January) = E[X(31 days)] of a new customer
            PurchaseTable table = PurchaseTable.of(Purchase.of("c1", "2024-01-01", "10"));
            RepeatTracking t =
                    RepeatTracking.of(PLAIN, table, List.of(DateRange.month(2024, 1), DateRange.month(2024, 2)));
            double january = PLAIN.expectedPurchasesOfNewCustomer(31 / 7.0);
            double february = PLAIN.expectedPurchasesOfNewCustomer(60 / 7.0) - january;
            assertThat(t.points().get(0).expected()).isCloseTo(january, within(1e-12));
            assertThat(t.points().get(1).expected()).isCloseTo(february, within(1e-12));
            assertThat(t.points().get(1).expectedCumulative()).isCloseTo(january + february, within(1e-12));
            assertThat(t.toString()).startsWith("RepeatTracking[2 periods from 2024-01-01/2024-02-01");
        }

        @Test
        void noPeriodsOrNoPurchasesTrackNothing() {
            assertThat(RepeatTracking.of(PLAIN, SHOP, List.of()).points()).isEmpty();
            assertThat(RepeatTracking.of(PLAIN, PurchaseTable.empty(), List.of(DateRange.month(2024, 1)))
                            .points())
                    .isEmpty();
        }
    }

    @Nested
    class Invariants {
        private final RepeatTracking monthly = RepeatTracking.of(MODEL, SHOP, Granularity.MONTH.periodsCovering(RANGE));

        @Test
        void theActualRepeatPurchasesAddUpToEveryPurchaseDayButTheFirstOfEachCustomer() {
            long repeatDays = 0;
            for (int c = 0; c < SHOP.customerCount(); c++) {
                int previous = SHOP.epochDay(SHOP.firstRow(c));
                for (int row = SHOP.firstRow(c) + 1; row < SHOP.endRow(c); row++) {
                    if (SHOP.epochDay(row) != previous) {
                        repeatDays++;
                        previous = SHOP.epochDay(row);
                    }
                }
            }
            assertThat(monthly.points().get(monthly.points().size() - 1).actualCumulative())
                    .isEqualTo(repeatDays);
        }

        @Test
        void expectationsAreNonNegativeAndTheCumulativeOnesAreTheirRunningSum() {
            double sum = 0;
            for (RepeatTracking.Point p : monthly.points()) {
                assertThat(p.expected()).isNotNegative();
                sum += p.expected();
                assertThat(p.expectedCumulative()).isCloseTo(sum, within(1e-6 * Math.max(1, sum)));
            }
        }

        @Test
        void theModelFittedOnThePurchasesExpectsAboutAsManyRepeatPurchasesAsThereAre() {
            RepeatTracking.Point end = monthly.points().get(monthly.points().size() - 1);
            assertThat(end.expectedCumulative())
                    .isCloseTo(end.actualCumulative(), within(0.1 * end.actualCumulative()));
        }
    }

    @Nested
    class Metamorphic {
        @Test
        void aQuarterHoldsTheRepeatPurchasesAndTheExpectationOfItsThreeMonths() {
            List<RepeatTracking.Point> months = RepeatTracking.of(MODEL, SHOP, Granularity.MONTH.periodsCovering(RANGE))
                    .points();
            List<RepeatTracking.Point> quarters = RepeatTracking.of(
                            MODEL, SHOP, Granularity.QUARTER.periodsCovering(RANGE))
                    .points();
            assertThat(quarters).hasSize(months.size() / 3);
            for (int q = 0; q < quarters.size(); q++) {
                List<RepeatTracking.Point> three = months.subList(3 * q, 3 * q + 3);
                assertThat(quarters.get(q).actual())
                        .isEqualTo(three.stream()
                                .mapToLong(RepeatTracking.Point::actual)
                                .sum());
                assertThat(quarters.get(q).expected())
                        .isCloseTo(
                                three.stream()
                                        .mapToDouble(RepeatTracking.Point::expected)
                                        .sum(),
                                within(1e-6));
            }
        }
    }
}
