package org.loyaltykpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

class BtydSummaryTest {
    private static final LocalDate END = LocalDate.parse("2024-03-31");

    private static PurchaseTable shop(String... rows) {
        List<Purchase> purchases = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(",");
            purchases.add(Purchase.of(f[0], f[1], f[2]));
        }
        return PurchaseTable.of(purchases);
    }

    @Test
    void buildingFromTheCdnowSampleReproducesBothPublishedSummaryFiles() {
        // The files round to 2 decimals; frequencies are exact. Calibration end 1997-09-30, inclusive.
        BtydSummary built = BtydSummary.of(Cdnow.sample(), Cdnow.CALIBRATION_END, TimeScale.WEEKS);
        assertThat(built.size()).isEqualTo(2357);
        Map<Integer, Integer> rowById = new HashMap<>();
        for (int i = 0; i < built.size(); i++) {
            rowById.put(Integer.parseInt(built.customer(i).value()), i);
        }
        List<String[]> published = Cdnow.lines("cdnow_customers_summary_with_transactions.csv");
        List<String[]> lifetimes = Cdnow.lines("cdnow_customers_summary.csv");
        for (int k = 1; k <= 2357; k++) {
            String[] f = published.get(k);
            int i = rowById.get(Integer.parseInt(f[0]));
            assertThat(built.frequency(i)).as("x of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(built.recency(i))
                    .as("t_x of %s", f[0])
                    .isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
            assertThat(built.age(i)).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
            assertThat(built.monetaryValue(i))
                    .as("zbar of %s", f[0])
                    .isCloseTo(Double.parseDouble(f[4]), within(0.005 + 1e-9));
            String[] g = lifetimes.get(k);
            assertThat(g[0]).isEqualTo(f[0]);
            assertThat(built.frequency(i)).isEqualTo(Integer.parseInt(g[1]));
            assertThat(built.recency(i)).isCloseTo(Double.parseDouble(g[2]), within(0.005 + 1e-9));
            assertThat(built.age(i)).isCloseTo(Double.parseDouble(g[3]), within(0.005 + 1e-9));
        }
    }

    @Test
    void tIsMeasuredToTheInclusiveCalibrationEndDay() {
        // CDNOW customer 1: first purchase 1997-01-01; 1997-09-30 is 272 days later, T = 38.857 weeks (file: 38.86).
        BtydSummary s = BtydSummary.of(Cdnow.sample(), Cdnow.CALIBRATION_END, TimeScale.WEEKS);
        int first = s.indexOf(new CustomerId("0001")).orElseThrow();
        assertThat(s.age(first)).isEqualTo(272 / 7.0);
        assertThat(s.recency(first)).isEqualTo(213 / 7.0);
    }

    @Test
    void sameDayPurchasesAreOnePurchaseWhoseValueIsTheDaySumAndTheFirstDayIsNotInTheMean() {
        BtydSummary s = BtydSummary.of(
                shop(
                        "c1,2024-01-01,100.00", // first day: excluded from the mean
                        "c1,2024-01-01,50.00",
                        "c1,2024-01-08,10.00", // repeat day 1: 10 + 20 = 30
                        "c1,2024-01-08,20.00",
                        "c1,2024-01-15,60.00", // repeat day 2: 60
                        "c1,2024-04-01,999.00"), // after the calibration end
                END,
                TimeScale.DAYS);
        BtydCustomer c1 = s.row(0);
        assertThat(c1.frequency()).isEqualTo(2);
        assertThat(c1.recency()).isEqualTo(14);
        assertThat(c1.age()).isEqualTo(90);
        assertThat(c1.monetaryValue()).isEqualTo(45.0);
    }

    @Test
    void aCustomerWithoutRepeatPurchaseHasZeroFrequencyRecencyAndValue() {
        BtydSummary s = BtydSummary.of(shop("c1,2024-03-01,5.00", "c1,2024-03-01,7.00"), END, TimeScale.WEEKS);
        assertThat(s.row(0)).isEqualTo(new BtydCustomer(new CustomerId("c1"), 0, 0, 30 / 7.0, 0));
    }

    @Test
    void customersWhoseFirstPurchaseIsAfterTheCalibrationEndAreNotInTheSummary() {
        BtydSummary s = BtydSummary.of(shop("c1,2024-03-31,5.00", "c2,2024-04-01,7.00"), END, TimeScale.DAYS);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.customer(0)).isEqualTo(new CustomerId("c1"));
        assertThat(s.age(0)).isZero();
    }

    @Test
    void theHoldoutMeanSpendFollowsTheCalibrationRuleOfPurchaseDays() {
        // The same pattern (a first day, then a day with two purchases and a day with one) before and after the
        // calibration end gives the same mean spend.
        BtydSummary s = BtydSummary.of(
                shop(
                        "c1,2024-03-01,5.00",
                        "c1,2024-03-10,10.00",
                        "c1,2024-03-10,4.00",
                        "c1,2024-03-20,6.00",
                        "c1,2024-04-10,10.00",
                        "c1,2024-04-10,4.00",
                        "c1,2024-04-20,6.00"),
                END,
                LocalDate.parse("2024-04-30"),
                TimeScale.DAYS);
        assertThat(s.monetaryValue(0)).isEqualTo(10.0);
        assertThat(s.holdoutMonetaryValue(0)).isEqualTo(s.monetaryValue(0));
    }

    @Test
    void holdoutCountsPurchaseDaysAfterTheCalibrationEndUpToTheInclusiveHoldoutEnd() {
        BtydSummary s = BtydSummary.of(
                shop(
                        "c1,2024-03-01,5.00",
                        "c1,2024-04-01,10.00",
                        "c1,2024-04-01,4.00",
                        "c1,2024-04-20,6.00",
                        "c1,2024-05-01,100.00", // after the holdout end
                        "c2,2024-03-30,5.00"),
                END,
                LocalDate.parse("2024-04-30"),
                TimeScale.DAYS);
        assertThat(s.hasHoldout()).isTrue();
        assertThat(s.holdoutDuration().getAsDouble()).isEqualTo(30);
        assertThat(s.frequency(0)).isZero();
        assertThat(s.holdoutFrequency(0)).isEqualTo(2);
        // The calibration's rule: two purchases on 2024-04-01 are one purchase of 14.00; (14 + 6) / 2 days, not the
        // mean of the three rows (6.67, lifetimes' holdout rule).
        assertThat(s.holdoutMonetaryValue(0)).isEqualTo(10.0);
        assertThat(s.holdoutFrequency(1)).isZero();
        assertThat(s.holdoutMonetaryValue(1)).isZero();
    }

    @Test
    void aSummaryWithoutHoldoutSaysSoWhenAskedForHoldoutValues() {
        BtydSummary s = BtydSummary.of(shop("c1,2024-03-01,5.00"), END, TimeScale.DAYS);
        assertThatThrownBy(() -> s.holdoutFrequency(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no holdout");
    }

    @Test
    void theSummaryOfAnEmptyTableIsEmpty() {
        BtydSummary s = BtydSummary.of(PurchaseTable.empty(), END, TimeScale.WEEKS);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.rows()).isEmpty();
    }

    @Test
    void weeksAreDaysDividedBySevenExactly() {
        assertThat(TimeScale.WEEKS.fromDays(272)).isEqualTo(272 / 7.0);
        assertThat(TimeScale.MONTHS.convert(1, TimeScale.YEARS)).isEqualTo(12.0);
        assertThat(TimeScale.parse("week")).isEqualTo(TimeScale.WEEKS);
        assertThatThrownBy(() -> TimeScale.parse("fortnights")).hasMessageContaining("'fortnights'");
    }

    @Test
    void rowsAreValidatedNamingTheCustomerAndTheValue() {
        assertThatThrownBy(() -> BtydSummary.builder(TimeScale.WEEKS).add("c7", 1, 5, 4, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c7")
                .hasMessageContaining("4.0");
        assertThatThrownBy(() -> BtydSummary.builder(TimeScale.WEEKS).add("c8", -1, 0, 4, 0))
                .hasMessageContaining("c8")
                .hasMessageContaining("-1");
    }

    @Test
    void summaryRowsAreInvariantUnderRelabellingCustomers() {
        // Purchases as (customer 0..9, day offset 0..99, cents) triples; relabel c -> "z" + (9 - c).
        qt().withFixedSeed(601L)
                .forAll(lists().of(integers().between(0, 9_999_999)).ofSizeBetween(1, 60))
                .checkAssert(codes -> {
                    PurchaseTable.Builder original = PurchaseTable.builder();
                    PurchaseTable.Builder relabelled = PurchaseTable.builder();
                    int base = (int) END.minusDays(80).toEpochDay();
                    for (int code : codes) {
                        int customer = code % 10;
                        int day = base + (code / 10) % 100;
                        long cents = code / 1000;
                        original.add("c" + customer, day, cents, "", 1);
                        relabelled.add("z" + (9 - customer), day, cents, "", 1);
                    }
                    BtydSummary a = BtydSummary.of(original.build(), END, TimeScale.WEEKS);
                    BtydSummary b = BtydSummary.of(relabelled.build(), END, TimeScale.WEEKS);
                    assertThat(a.size()).isEqualTo(b.size());
                    for (int i = 0; i < a.size(); i++) {
                        String relabel = "z"
                                + (9 - Integer.parseInt(a.customer(i).value().substring(1)));
                        BtydCustomer row =
                                b.row(b.indexOf(new CustomerId(relabel)).orElseThrow());
                        assertThat(row.frequency()).isEqualTo(a.frequency(i));
                        assertThat(row.recency()).isEqualTo(a.recency(i));
                        assertThat(row.age()).isEqualTo(a.age(i));
                        assertThat(row.monetaryValue()).isEqualTo(a.monetaryValue(i));
                    }
                });
    }

    @Test
    void collapsingKeepsTheTotalWeightAndMergesOnlyIdenticalRows() {
        BtydSummary s = Cdnow.summary();
        CollapsedSummary c = s.collapsed();
        assertThat(c.totalWeight).isEqualTo(2357.0);
        assertThat(c.size).isLessThan(2357);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            keys.add(s.frequency(i) + "/" + s.recency(i) + "/" + s.age(i));
        }
        assertThat(c.size).isEqualTo(keys.size());
    }
}
