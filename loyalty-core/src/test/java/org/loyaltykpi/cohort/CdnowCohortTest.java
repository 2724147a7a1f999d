package org.loyaltykpi.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Ratio;
import org.loyaltykpi.io.CdnowFiles;

/**
 * Cohorts of the CDNOW master file (see {@code src/test/resources/cdnow/README.md}): 23,570 customers who all made
 * their first purchase in the first quarter of 1997, followed to the end of June 1998.
 */
class CdnowCohortTest {

    static final List<OffsetBracket> BRACKETS =
            List.of(OffsetBracket.of(1, 3), OffsetBracket.of(4, 6), OffsetBracket.of(7, 12), OffsetBracket.of(13, 17));

    private static PurchaseTable table;
    private static List<Purchase> purchases;
    private static CohortMatrix monthly;

    @BeforeAll
    static void readMaster() {
        table = CdnowFiles.master();
        purchases = table.stream().toList();
        monthly = CohortCalculator.matrix(table, Granularity.MONTH, BRACKETS);
    }

    @Test
    void theMonthlyCohortsAreJanuaryToMarch1997FollowedFor18Months() {
        assertThat(monthly.cohorts())
                .containsExactly(DateRange.month(1997, 1), DateRange.month(1997, 2), DateRange.month(1997, 3));
        assertThat(monthly.lastPeriod()).contains(DateRange.month(1998, 6));
        assertThat(monthly.offsetCount()).isEqualTo(18);
        assertThat(IntStream.range(0, 3).map(monthly::observedOffsets)).containsExactly(18, 17, 16);
        // The text form shows the first 12 offsets: a summary line, a header, three cohorts and the average.
        assertThat(monthly.toString())
                .startsWith("CohortMatrix[MONTH, 3 cohorts, 18 offsets, retention (classic)]\ncohort ")
                .contains("+11")
                .doesNotContain("+12")
                .hasLineCount(6);
    }

    @Test
    void theMonthlyCohortsHold7846And8476And7248Customers() {
        assertThat(IntStream.range(0, 3).mapToLong(monthly::size)).containsExactly(7_846L, 8_476L, 7_248L);
    }

    @Test
    void ofTheJanuaryCohort1157BuyAgainInFebruaryAnd964InMarch() {
        assertThat(IntStream.range(0, 3).mapToLong(k -> monthly.activeCustomers(0, k)))
                .containsExactly(7_846L, 1_157L, 964L);
        // The example of CohortMatrix's javadoc: 14.7% (1157/7846).
        assertThat(monthly.retention(0, 1)).isEqualTo(Ratio.of(1_157, 7_846));
        assertThat(monthly.retention(0, 1).toString()).isEqualTo("14.7% (1157/7846)");
    }

    @Test
    void theWholeMonthlyMatrixEqualsANaiveRecount() {
        assertThat(NaiveCohorts.rowsOf(monthly)).isEqualTo(NaiveCohorts.of(purchases, Granularity.MONTH, BRACKETS));
        // The last bracket, 13-17, ends at June 1998 for January only.
        assertThat(monthly.bracketedRetention(0, 3)).isPresent();
        assertThat(monthly.bracketedRetention(1, 3)).isEmpty();
    }

    @Test
    void theQuarterlyMatrixIsOneCohortOfEveryCustomer() {
        CohortMatrix quarterly = CohortCalculator.matrix(table, Granularity.QUARTER);

        assertThat(quarterly.cohorts()).containsExactly(DateRange.quarter(1997, 1));
        assertThat(quarterly.size(0)).isEqualTo(23_570);
        assertThat(quarterly.offsetCount()).isEqualTo(6);
        assertThat(NaiveCohorts.rowsOf(quarterly))
                .isEqualTo(NaiveCohorts.of(purchases, Granularity.QUARTER, List.of()));
    }

    @Test
    void theCollectorOnAParallelStreamEqualsTheTableScan() {
        assertThat(purchases.parallelStream().collect(CohortCalculator.toCohortMatrix(Granularity.WEEK)))
                .isEqualTo(CohortCalculator.matrix(table, Granularity.WEEK));
    }
}
