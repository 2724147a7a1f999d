package org.loyaltykpi.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The monthly acquisition-cohort matrix (active customers, purchases and revenue per cohort and month offset) on the
 * sample shop: our columnar engine, the same matrix computed by DuckDB in three SQL formulations, and a plain scan of
 * the columns the engine reads as the memory-bandwidth reference. Every engine uses the same number of threads.
 *
 * <p>Before anything is timed, the setup checks that every DuckDB formulation returns exactly our matrix.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar CohortBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
public class CohortBenchmark {

    /** Approximate number of purchases (customers: about a tenth). */
    @Param({"1000000", "10000000", "50000000"})
    public long purchases;

    private PurchaseTable table;
    private DuckDbShop duckdb;
    private int[] days;
    private long[] amounts;
    private int threads;
    private ForkJoinPool scanPool;

    /**
     * Generates the shop, loads it into DuckDB and checks all engines agree.
     *
     * @throws SQLException if DuckDB fails
     */
    @Setup
    public void setUp() throws SQLException {
        table = BenchmarkData.shop(purchases);
        threads = BenchmarkData.threads();
        scanPool = new ForkJoinPool(threads);
        duckdb = new DuckDbShop(threads).load(table);
        CohortCells ours = CohortCells.of(CohortCalculator.matrix(table, Granularity.MONTH));
        for (String sql : DuckDbShop.FORMULATIONS) {
            duckdb.cohorts(sql).requireEqual(ours, "DuckDB " + sql);
        }
        days = new int[table.size()];
        amounts = new long[table.size()];
        for (int row = 0; row < table.size(); row++) {
            days[row] = table.epochDay(row);
            amounts[row] = table.amountMinorUnits(row);
        }
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException if closing fails
     */
    @TearDown
    public void tearDown() throws SQLException {
        scanPool.shutdown();
        duckdb.close();
    }

    /**
     * Our engine.
     *
     * @return the matrix
     */
    @Benchmark
    public CohortMatrix loyaltyKpi() {
        return CohortCalculator.matrix(table, Granularity.MONTH);
    }

    /**
     * DuckDB, join with {@code count(DISTINCT ...)}.
     *
     * @return the cells
     * @throws SQLException if the query fails
     */
    @Benchmark
    public CohortCells duckdbJoinCountDistinct() throws SQLException {
        return duckdb.cohorts(DuckDbShop.JOIN_COUNT_DISTINCT);
    }

    /**
     * DuckDB, distinct customer-months first, then the join.
     *
     * @return the cells
     * @throws SQLException if the query fails
     */
    @Benchmark
    public CohortCells duckdbCustomerMonthsThenJoin() throws SQLException {
        return duckdb.cohorts(DuckDbShop.CUSTOMER_MONTHS_THEN_JOIN);
    }

    /**
     * DuckDB, distinct customer-months with a window function.
     *
     * @return the cells
     * @throws SQLException if the query fails
     */
    @Benchmark
    public CohortCells duckdbCustomerMonthsWindow() throws SQLException {
        return duckdb.cohorts(DuckDbShop.CUSTOMER_MONTHS_WINDOW);
    }

    /**
     * The bandwidth reference: sum the day and amount columns (the bytes the cohort engine reads per purchase), split
     * over the same number of threads, on a pool of that many workers like the library's.
     *
     * @return the sum
     */
    @Benchmark
    public long arrayScan() {
        int n = days.length;
        int[] d = days;
        long[] a = amounts;
        return scanPool.submit(() -> IntStream.range(0, threads)
                        .parallel()
                        .mapToLong(t -> {
                            long sum = 0;
                            for (int row = (int) ((long) n * t / threads), end = (int) ((long) n * (t + 1) / threads);
                                    row < end;
                                    row++) {
                                sum += d[row] + a[row];
                            }
                            return sum;
                        })
                        .sum())
                .join();
    }
}
