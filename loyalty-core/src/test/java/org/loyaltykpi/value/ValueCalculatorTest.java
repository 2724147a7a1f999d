package org.loyaltykpi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.domain.SpendKind;

/** The value metrics on a shop small enough to check by hand. */
class ValueCalculatorTest {

    /**
     * Cohorts by month: January {a, b}, February {c}, March {d}. Revenue: January 140 (a 100, b 40), February 130 (a
     * 50 returning, c 60 + 20 new), March 40 (a 30 returning, d 10 new).
     */
    static final PurchaseTable SHOP = PurchaseTable.of(
            Purchase.of("a", "2025-01-05", "100.00"),
            Purchase.of("a", "2025-02-10", "50.00"),
            Purchase.of("a", "2025-03-01", "30.00"),
            Purchase.of("b", "2025-01-20", "40.00"),
            Purchase.of("c", "2025-02-03", "60.00"),
            Purchase.of("c", "2025-02-20", "20.00"),
            Purchase.of("d", "2025-03-15", "10.00"));

    static final List<MarketingSpend> SPEND = List.of(
            MarketingSpend.acquisition(DateRange.month(2025, 1), new BigDecimal("40.00")),
            MarketingSpend.acquisition(DateRange.parse("2025-01-15/2025-02-01"), new BigDecimal("20.00")),
            MarketingSpend.acquisition(DateRange.month(2025, 2), new BigDecimal("45.00")),
            MarketingSpend.acquisition(DateRange.month(2025, 3), new BigDecimal("5.00")),
            new MarketingSpend(DateRange.month(2025, 1), new BigDecimal("100.00"), SpendKind.RETENTION));

    static final ValueOptions MONTHLY = ValueOptions.defaults();

    static CohortMatrix monthly() {
        return CohortCalculator.matrix(SHOP, Granularity.MONTH);
    }

    @Test
    void cacIsAcquisitionSpendOverTheCustomersWhoseFirstPurchaseFallsInThePeriod() {
        AcquisitionCost cost = ValueCalculator.acquisitionCost(monthly(), SPEND, MONTHLY);
        assertThat(cost.periods())
                .containsExactly(
                        new PeriodCac(DateRange.month(2025, 1), new BigDecimal("60.00"), 2),
                        new PeriodCac(DateRange.month(2025, 2), new BigDecimal("45.00"), 1),
                        new PeriodCac(DateRange.month(2025, 3), new BigDecimal("5.00"), 1));
        assertThat(cost.periods().get(0).cac()).hasValue(30.0);
        assertThat(cost.acquisitionSpend()).isEqualByComparingTo("110");
        assertThat(cost.newCustomers()).isEqualTo(4);
        assertThat(cost.overall()).hasValue(27.5);
        assertThat(cost.otherSpend()).isEqualByComparingTo("100");
    }

    @Test
    void monthlySpendAddsUpToItsQuarterButAQuartersSpendCannotBeSplitIntoMonths() {
        AcquisitionCost quarterly = ValueCalculator.acquisitionCost(
                CohortCalculator.matrix(SHOP, Granularity.QUARTER),
                SPEND,
                MONTHLY.withGranularity(Granularity.QUARTER));
        assertThat(quarterly.periods())
                .containsExactly(new PeriodCac(DateRange.quarter(2025, 1), new BigDecimal("110.00"), 4));
        List<MarketingSpend> q1 = List.of(MarketingSpend.acquisition(DateRange.parse("2025-Q1"), BigDecimal.TEN));
        assertThatThrownBy(() -> ValueCalculator.acquisitionCost(monthly(), q1, MONTHLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acquisition spend 10 in 2025-Q1 spans more than one month: use a coarser granularity or"
                        + " split the spend by month");
    }

    @Test
    void acquisitionSpendInAPeriodWithoutNewCustomersIsAnErrorNamingThePeriodAndTheAmount() {
        List<MarketingSpend> april = List.of(
                MarketingSpend.acquisition(DateRange.month(2025, 1), new BigDecimal("60.00")),
                MarketingSpend.acquisition(DateRange.month(2025, 4), new BigDecimal("75.50")));
        assertThatThrownBy(() -> ValueCalculator.acquisitionCost(monthly(), april, MONTHLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acquisition spend 75.50 in 2025-04 has no new customers in that month (the purchases'"
                        + " cohorts run 2025-01..2025-03), so its CAC is undefined");
        assertThatThrownBy(() -> ValueCalculator.payback(monthly(), april, MONTHLY))
                .hasMessageContaining("75.50 in 2025-04");
    }

    @Test
    void whenAllowedSuchSpendHasAnUndefinedCacAndStillCountsInTheOverallCac() {
        List<MarketingSpend> april = List.of(
                MarketingSpend.acquisition(DateRange.month(2025, 1), new BigDecimal("60.00")),
                MarketingSpend.acquisition(DateRange.month(2025, 4), new BigDecimal("40.00")));
        ValueOptions allowing = MONTHLY.withSpendWithoutNewCustomersAllowed(true);
        AcquisitionCost cost = ValueCalculator.acquisitionCost(monthly(), april, allowing);
        assertThat(cost.periods().get(1).cac()).isEmpty();
        assertThat(cost.overall()).hasValue(50.0);
        assertThat(ValueCalculator.payback(monthly(), april, allowing))
                .extracting(CohortPayback::cohort)
                .containsExactly(DateRange.month(2025, 1));
    }

    @Test
    void retentionSpendNeverEntersCacEvenOutsideThePurchaseData() {
        List<MarketingSpend> retention =
                List.of(new MarketingSpend(DateRange.year(2030), new BigDecimal("999"), SpendKind.RETENTION));
        AcquisitionCost cost = ValueCalculator.acquisitionCost(monthly(), retention, MONTHLY);
        assertThat(cost.periods()).isEmpty();
        assertThat(cost.overall()).isEmpty();
        assertThat(cost.otherSpend()).isEqualByComparingTo("999");
    }

    @Test
    void paybackIsThePeriodsUntilCumulativeMarginCoversTheCohortsAcquisitionSpend() {
        // January cohort: spend 60; revenue 140, then +50, then +30 (cumulative 140, 190, 220).
        List<CohortPayback> half = ValueCalculator.payback(monthly(), SPEND, MONTHLY.withGrossMargin(0.5));
        assertThat(half.get(0).periods()).hasValue(1); // 0.5 x 140 = 70 >= 60
        assertThat(half.get(0).cac()).hasValue(30.0);
        // February cohort: spend 45; revenue 80 then 0: 0.5 x 80 = 40 < 45 within the two observed months.
        assertThat(half.get(1).periods()).isEmpty();
        assertThat(half.get(1).observedPeriods()).isEqualTo(2);
        assertThat(half.get(1).marginPerCustomer()).isCloseTo(40.0, within(1e-12));
        // March cohort: spend 5, 0.5 x 10 = 5: reaching CAC exactly counts.
        assertThat(half.get(2).periods()).hasValue(1);
        List<CohortPayback> thin = ValueCalculator.payback(monthly(), SPEND, MONTHLY.withGrossMargin(0.3));
        assertThat(thin.get(0).periods()).hasValue(3); // 42, 57, 66
        List<CohortPayback> thinner = ValueCalculator.payback(monthly(), SPEND, MONTHLY.withGrossMargin(0.25));
        assertThat(thinner.get(0).periods()).isEqualTo(OptionalInt.empty()); // 35, 47.5, 55
    }

    @Test
    void firstTimeRevenueIsRevenueInTheAcquisitionPeriodAndTheRestIsRepeatRevenue() {
        RepeatRevenue r = ValueCalculator.repeatRevenue(SHOP, Granularity.MONTH);
        assertThat(r.newCustomerRevenue()).isEqualByComparingTo("230");
        assertThat(r.newCustomerPurchases()).isEqualTo(5);
        assertThat(r.returningCustomerRevenue()).isEqualByComparingTo("80");
        assertThat(r.returningCustomerPurchases()).isEqualTo(2);
        assertThat(r.averageOrderValueOfNew()).hasValue(46.0);
        assertThat(r.averageOrderValueOfReturning()).hasValue(40.0);
        assertThat(r.averageOrderValueUplift().getAsDouble()).isCloseTo(40.0 / 46 - 1, within(1e-12));
        assertThat(r.returningRevenueShare().getAsDouble()).isCloseTo(80.0 / 310, within(1e-12));
        // By day, c's second purchase (20.00 on 2025-02-20) is repeat revenue too.
        RepeatRevenue daily = ValueCalculator.repeatRevenue(SHOP, Granularity.DAY);
        assertThat(daily.returningCustomerRevenue()).isEqualByComparingTo("100");
        assertThat(daily.newCustomerPurchases()).isEqualTo(4);
    }

    @Test
    void theMarginLtvIsArpuTimesMarginOverTheBehaviouralChurn() {
        MarginLtv ltv = ValueCalculator.summarize(SHOP, SPEND, MONTHLY.withGrossMargin(0.5))
                .marginLtv();
        // Active: January {a, b}, February {a, c}, March {a, d}: 6 customer-months, revenue 310.
        assertThat(ltv.activeCustomerPeriods()).isEqualTo(6);
        assertThat(ltv.revenue()).isEqualByComparingTo("310");
        // Lost: b after January, c after February, of 2 + 2 at start.
        assertThat(ltv.churn()).isEqualTo(Ratio.of(2, 4));
        assertThat(ltv.expectedLifetimePeriods()).hasValue(2.0);
        assertThat(ltv.value().getAsDouble()).isCloseTo(310.0 / 6 * 0.5 / 0.5, within(1e-9));
    }

    @Test
    void withoutChurnTheMarginLtvIsUndefined() {
        PurchaseTable loyal =
                PurchaseTable.of(Purchase.of("a", "2025-01-05", "10.00"), Purchase.of("a", "2025-02-05", "10.00"));
        MarginLtv ltv = ValueCalculator.summarize(loyal, List.of(), MONTHLY).marginLtv();
        assertThat(ltv.churn()).isEqualTo(Ratio.of(0, 1));
        assertThat(ltv.value()).isEmpty();
    }

    @Test
    void theSimpleLtvIsTheLastYearsSpendPerActiveCustomerTimesExpectedYears() {
        PurchaseTable twoYears = PurchaseTable.of(
                Purchase.of("x", "2023-06-01", "500.00"),
                Purchase.of("x", "2024-12-31", "20.00"),
                Purchase.of("y", "2025-06-01", "30.00"),
                Purchase.of("y", "2025-12-31", "50.00"));
        SimpleLtv ltv = ValueCalculator.simpleLtv(twoYears, 3);
        assertThat(ltv.window()).isEqualTo(DateRange.year(2025));
        assertThat(ltv.activeCustomers()).isEqualTo(1);
        assertThat(ltv.annualSpend()).hasValue(80.0);
        assertThat(ltv.value()).hasValue(240.0);
    }

    @Test
    void dataShorterThanAYearIsScaledToAYear() {
        SimpleLtv ltv = ValueCalculator.simpleLtv(SHOP, 2);
        assertThat(ltv.window()).isEqualTo(DateRange.parse("2025-01-05/2025-03-16"));
        assertThat(ltv.yearScale()).isCloseTo(365.0 / 70, within(1e-12));
        assertThat(ltv.annualSpend().getAsDouble()).isCloseTo(310.0 / 4 * 365 / 70, within(1e-9));
        assertThat(ltv.value().getAsDouble()).isCloseTo(2 * 310.0 / 4 * 365 / 70, within(1e-9));
    }

    @Test
    void ltvToCacDividesEachLifetimeValueByTheOverallCac() {
        ValueSummary v = ValueCalculator.summarize(SHOP, SPEND, MONTHLY.withGrossMargin(0.5));
        assertThat(v.marginLtvToCac().getAsDouble())
                .isCloseTo(v.marginLtv().value().getAsDouble() / 27.5, within(1e-12));
        assertThat(v.simpleLtvToCac().getAsDouble())
                .isCloseTo(v.simpleLtv().value().getAsDouble() / 27.5, within(1e-12));
        assertThat(ValueCalculator.summarize(SHOP, List.of(), MONTHLY).marginLtvToCac())
                .isEmpty();
    }

    @Test
    void anEmptyPurchaseTableHasNoValueToMeasure() {
        assertThatThrownBy(() -> ValueCalculator.summarize(PurchaseTable.empty(), List.of(), MONTHLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no purchases");
    }

    @Test
    void optionsAndRecordsRejectBadValuesNamingThem() {
        assertThatThrownBy(() -> MONTHLY.withGrossMargin(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> MONTHLY.withExpectedYears(0)).hasMessageContaining("0.0");
        assertThatThrownBy(() -> MarketingSpend.acquisition(DateRange.month(2025, 1), new BigDecimal("-1")))
                .hasMessageContaining("-1")
                .hasMessageContaining("2025-01");
        assertThatThrownBy(() -> SpendKind.parse("brand")).hasMessageContaining("'brand'");
        assertThat(SpendKind.parse(" Retention ")).isEqualTo(SpendKind.RETENTION);
    }

    @Test
    void theSampleShopsCacIsAroundThirtyAndEveryCohortHasSpend() {
        SampleShop shop = SampleShop.standard();
        PurchaseTable table = shop.purchases();
        ValueSummary v = ValueCalculator.summarize(table, shop.marketingSpend(table), MONTHLY);
        assertThat(v.acquisitionCost().overall().getAsDouble()).isBetween(25.0, 35.0);
        for (PeriodCac p : v.acquisitionCost().periods()) {
            assertThat(p.cac().getAsDouble()).as(p.period().label()).isBetween(15.0, 50.0);
        }
        assertThat(v.payback())
                .hasSize(CohortCalculator.matrix(table, Granularity.MONTH).cohortCount());
        assertThat(v.acquisitionCost().otherSpend())
                .isLessThan(v.acquisitionCost().acquisitionSpend());
    }
}
