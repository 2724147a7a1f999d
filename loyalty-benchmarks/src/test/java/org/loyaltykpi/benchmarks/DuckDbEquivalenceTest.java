package org.loyaltykpi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;

/** The benchmarks compare like with like: every DuckDB formulation computes exactly our cohort matrix. */
class DuckDbEquivalenceTest {

    @Test
    void everySqlFormulationReturnsOurMonthlyCohortMatrix() throws SQLException {
        PurchaseTable shop = SampleShop.withPurchasesAbout(200_000).purchases();
        CohortCells ours = CohortCells.of(CohortCalculator.matrix(shop, Granularity.MONTH));
        assertThat(ours.cells()).hasSizeGreaterThan(600);
        try (DuckDbShop duckdb = new DuckDbShop(2).load(shop)) {
            for (String sql : DuckDbShop.FORMULATIONS) {
                CohortCells theirs = duckdb.cohorts(sql);
                theirs.requireEqual(ours, sql);
                assertThat(theirs.cells()).hasSameSizeAs(ours.cells());
            }
        }
    }

    @Test
    void aDifferenceIsDetected() throws SQLException {
        PurchaseTable shop = SampleShop.withPurchasesAbout(20_000).purchases();
        CohortCells ours = CohortCells.of(CohortCalculator.matrix(shop, Granularity.MONTH));
        PurchaseTable other = SampleShop.withPurchasesAbout(20_000).withSeed(7).purchases();
        try (DuckDbShop duckdb = new DuckDbShop(2).load(other)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> duckdb.cohorts(DuckDbShop.JOIN_COUNT_DISTINCT).requireEqual(ours, "other shop"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("other shop");
        }
    }
}
