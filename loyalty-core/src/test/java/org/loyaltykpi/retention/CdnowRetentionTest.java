package org.loyaltykpi.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CdnowFiles;

/**
 * Retention on the CDNOW master file: 23,570 customers who all made their first purchase in the first quarter of
 * 1997, followed to the end of June 1998. Large enough (more than 16,384 customers) that the table scan runs in
 * parallel over customer ranges.
 */
class CdnowRetentionTest {

    private static final DateRange CDNOW = DateRange.parse("1997-01-01/1998-07-01");

    private static PurchaseTable table;
    private static List<Purchase> purchases;

    @BeforeAll
    static void readMaster() {
        table = CdnowFiles.master();
        purchases = table.stream().toList();
    }

    @Test
    void april1997AgainstMarchEqualsTheReferenceModel() {
        PurchaseBehaviour april = RetentionCalculator.behaviour(table, DateRange.month(1997, 4));

        assertThat(april).isEqualTo(NaiveBehaviour.of(purchases, DateRange.month(1997, 3), DateRange.month(1997, 4)));
        assertThat(april.newCustomers()).isZero();
        assertThat(april.customersAtStart()).isPositive();
        assertThat(april.retainedCustomers()).isPositive();
    }

    @Test
    void theCollectorOnAParallelStreamAgreesWithTheTableScan() {
        DateRange march = DateRange.month(1997, 3);
        DateRange april = DateRange.month(1997, 4);

        assertThat(purchases.parallelStream().collect(RetentionCalculator.toBehaviour(march, april)))
                .isEqualTo(RetentionCalculator.behaviour(table, march, april));
    }

    @Test
    void allCustomersAreNewInTheFirstQuarterOf1997AndNobodyIsNewAfter() {
        List<PurchaseBehaviour> months = RetentionCalculator.series(table, CDNOW, Granularity.MONTH);

        assertThat(months).hasSize(18);
        assertThat(months.stream().mapToLong(PurchaseBehaviour::newCustomers).sum())
                .isEqualTo(23_570);
        assertThat(months.subList(0, 3).stream()
                        .mapToLong(PurchaseBehaviour::newCustomers)
                        .sum())
                .isEqualTo(23_570);
        assertThat(months.subList(3, 18))
                .allSatisfy(m -> assertThat(m.newCustomers()).isZero());
        assertThat(months.get(0).customersAtStart())
                .as("nobody bought in December 1996")
                .isZero();
        assertThat(months.stream().mapToLong(PurchaseBehaviour::purchases).sum())
                .isEqualTo(69_659);
    }

    @Test
    void theMonthlySeriesEqualsMonthByMonthBehaviour() {
        List<PurchaseBehaviour> months = RetentionCalculator.series(table, CDNOW, Granularity.MONTH);

        for (PurchaseBehaviour month : months) {
            assertThat(month).isEqualTo(RetentionCalculator.behaviour(table, month.period()));
        }
    }

    @Test
    void theQuarterlySeriesAddsUpToTheWholeDataSet() {
        List<PurchaseBehaviour> quarters = RetentionCalculator.series(table, CDNOW, Granularity.QUARTER);

        assertThat(quarters).hasSize(6);
        assertThat(quarters.stream()
                        .map(PurchaseBehaviour::revenue)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(purchases.stream()
                        .map(Purchase::amount)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(quarters.get(0).activeCustomers()).isEqualTo(23_570);
    }
}
