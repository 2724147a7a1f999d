package org.loyaltykpi.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.segment.CustomerLevel;
import org.loyaltykpi.segment.CustomerStage;
import org.loyaltykpi.segment.LevelOptions;
import org.loyaltykpi.segment.LifecycleOptions;
import org.loyaltykpi.segment.RfmScore;
import org.loyaltykpi.segment.SegmentCalculator;

/**
 * Revenue is net of refunds in every family that uses money, worked out by hand on one small shop:
 *
 * <pre>
 * a  2024-01-05  100.00
 * a  2024-02-05   50.00
 * b  2024-01-10   20.00
 * a  2024-02-10  -40.00  (a refund)
 * c  2024-01-03   10.00
 * c  2024-01-20  -30.00  (a refund of more than c ever bought here)
 * </pre>
 *
 * Gross revenue 180.00, refunds -70.00, net 110.00.
 */
class RevenueNetOfRefundsTest {

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    private static final PurchaseTable SHOP = PurchaseTable.builder(2)
            .add("a", day("2024-01-05"), 10_000, "", 1)
            .add("a", day("2024-02-05"), 5_000, "", 1)
            .add("b", day("2024-01-10"), 2_000, "", 1)
            .addRefund("a", day("2024-02-10"), -4_000)
            .add("c", day("2024-01-03"), 1_000, "", 1)
            .addRefund("c", day("2024-01-20"), -3_000)
            .build();

    private static int index(String customer) {
        for (int c = 0; c < SHOP.customerCount(); c++) {
            if (SHOP.customer(c).value().equals(customer)) {
                return c;
            }
        }
        throw new AssertionError(customer);
    }

    @Nested
    class Definitions {

        @Test
        void aCustomersRefundsAreSummedOverTheDaysAsked() {
            assertThat(SHOP.customerRefundMinorUnits(index("a"), Integer.MIN_VALUE, Integer.MAX_VALUE))
                    .isEqualTo(-4_000);
            assertThat(SHOP.customerRefundMinorUnits(index("a"), day("2024-02-10"), day("2024-02-11")))
                    .isEqualTo(-4_000);
            assertThat(SHOP.customerRefundMinorUnits(index("a"), Integer.MIN_VALUE, day("2024-02-10")))
                    .as("the day the refund is dated is not before itself")
                    .isZero();
            assertThat(SHOP.customerRefundMinorUnits(index("b"), Integer.MIN_VALUE, Integer.MAX_VALUE))
                    .isZero();
        }

        @Test
        void theSimpleLtvRevenueIsTheNetRevenueOfItsWindowWhichCoversARefundAfterTheLastPurchase() {
            SimpleLtv ltv = ValueCalculator.simpleLtv(SHOP, 1);
            // 100 + 50 + 20 + 10 - 40 - 30 = 110; the window ends the day after the last refund (2024-02-10).
            assertThat(ltv.revenue()).isEqualByComparingTo("110.00");
            assertThat(ltv.window().endExclusive()).isEqualTo(LocalDate.parse("2024-02-11"));
        }

        @Test
        void firstTimeAndRepeatRevenueAreNetAndTheirAovIsNetRevenuePerPurchase() {
            RepeatRevenue split = ValueCalculator.repeatRevenue(SHOP, Granularity.MONTH);
            // January: a, b and c are new: 100 + 20 + 10 - 30 (c's refund, c's first month) = 100, 3 purchases.
            // February: a returns: 50 - 40 = 10, 1 purchase.
            assertThat(split.newCustomerRevenue()).isEqualByComparingTo("100.00");
            assertThat(split.newCustomerPurchases()).isEqualTo(3);
            assertThat(split.returningCustomerRevenue()).isEqualByComparingTo("10.00");
            assertThat(split.averageOrderValueOfReturning()).hasValue(10.0);
        }

        @Test
        void rfmMonetaryIsTheCustomersSpendNetOfItsRefundsBeforeTheDayAndNeverBelowZero() {
            List<RfmScore> march = SegmentCalculator.rfmScores(SHOP, LocalDate.parse("2024-03-01"))
                    .customers();
            assertThat(march)
                    .extracting(s -> s.customer().value(), RfmScore::monetary, RfmScore::frequency)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", new BigDecimal("110.00"), 2),
                            org.assertj.core.groups.Tuple.tuple("b", new BigDecimal("20.00"), 1),
                            org.assertj.core.groups.Tuple.tuple("c", new BigDecimal("0.00"), 1));
            RfmScore beforeTheRefund = SegmentCalculator.rfmScores(SHOP, LocalDate.parse("2024-02-10"))
                    .customers()
                    .get(0);
            assertThat(beforeTheRefund.monetary()).isEqualByComparingTo("150.00");
        }

        @Test
        void theGammaGammaSpendOfRepeatPurchasesIsNetOfTheRefundsAfterTheFirstDay() {
            BtydSummary summary = BtydSummary.of(SHOP, LocalDate.parse("2024-03-01"), TimeScale.DAYS);
            int a = 0;
            assertThat(summary.customer(a)).isEqualTo(new CustomerId("a"));
            // One repeat purchase day (2024-02-05, 50.00) less the refund of 2024-02-10 (40.00): 10.00.
            assertThat(summary.frequency(a)).isEqualTo(1);
            assertThat(summary.monetaryValue(a)).isEqualTo(10.0);
        }

        @Test
        void loyaltyLevelsAndLifecycleStagesReportNetRevenue() {
            LocalDate march = LocalDate.parse("2024-03-01");
            List<CustomerLevel> levels = SegmentCalculator.loyaltyLevels(
                            SHOP, List.of(), List.of(), march, LevelOptions.defaults())
                    .customers();
            assertThat(levels)
                    .extracting(l -> l.customer().value(), CustomerLevel::revenue)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", new BigDecimal("110.00")),
                            org.assertj.core.groups.Tuple.tuple("b", new BigDecimal("20.00")),
                            org.assertj.core.groups.Tuple.tuple("c", new BigDecimal("0.00")));
            List<CustomerStage> stages = SegmentCalculator.lifecycle(
                            SHOP, List.of(), List.of(), march, LifecycleOptions.defaults())
                    .customers();
            assertThat(stages)
                    .extracting(s -> s.customer().value(), CustomerStage::revenue)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", new BigDecimal("110.00")),
                            org.assertj.core.groups.Tuple.tuple("b", new BigDecimal("20.00")),
                            org.assertj.core.groups.Tuple.tuple("c", new BigDecimal("0.00")));
        }
    }

    @Nested
    class Invariants {

        @Test
        void aTableWithoutRefundsGivesTheSameNumbersAsBefore() {
            PurchaseTable gross = PurchaseTable.builder(2)
                    .add("a", day("2024-01-05"), 10_000, "", 1)
                    .add("a", day("2024-02-05"), 5_000, "", 1)
                    .add("b", day("2024-01-10"), 2_000, "", 1)
                    .add("c", day("2024-01-03"), 1_000, "", 1)
                    .build();
            assertThat(ValueCalculator.simpleLtv(gross, 1).revenue()).isEqualByComparingTo("180.00");
            assertThat(SegmentCalculator.rfmScores(gross, LocalDate.parse("2024-03-01"))
                            .customers()
                            .get(0)
                            .monetary())
                    .isEqualByComparingTo("150.00");
        }
    }
}
