package org.loyaltykpi.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.PurchaseCsv;
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
 * Loading the sample shop's purchases from a CSV file ({@code customer_id,date,amount,category,quantity}) into an
 * in-memory table: {@link PurchaseCsv#read(Path, CsvOptions)} into a {@link PurchaseTable}, and DuckDB's {@code
 * read_csv} into a table (column types given, so it does not sniff), with the same threads. The file is in the page
 * cache for both.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar CsvLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
public class CsvLoadBenchmark {

    /** Approximate number of purchases in the file. */
    @Param({"1000000", "10000000", "50000000"})
    public long purchases;

    private Path csv;
    private DuckDbShop duckdb;
    private String readCsv;

    /**
     * Writes the file if needed and checks both loaders read the same number of rows.
     *
     * @throws SQLException if DuckDB fails
     */
    @Setup
    public void setUp() throws SQLException {
        csv = BenchmarkData.csv(purchases);
        duckdb = new DuckDbShop(BenchmarkData.threads());
        readCsv = "CREATE OR REPLACE TABLE loaded AS SELECT * FROM read_csv('"
                + csv.toString().replace("'", "''")
                + "', header = true, delim = ',', columns = {'customer_id': 'VARCHAR', 'date': 'DATE',"
                + " 'amount': 'DECIMAL(18,2)', 'category': 'VARCHAR', 'quantity': 'INTEGER'})";
        long ours = loyaltyKpi().size();
        long theirs = duckdbReadCsv();
        if (ours != theirs) {
            throw new IllegalStateException("loaded " + ours + " rows, DuckDB " + theirs);
        }
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException if closing fails
     */
    @TearDown
    public void tearDown() throws SQLException {
        duckdb.close();
    }

    /**
     * Our CSV reader into a purchase table.
     *
     * @return the table
     */
    @Benchmark
    public PurchaseTable loyaltyKpi() {
        return PurchaseCsv.read(csv, CsvOptions.defaults());
    }

    /**
     * DuckDB's CSV reader into a table.
     *
     * @return the rows loaded
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public long duckdbReadCsv() throws SQLException {
        duckdb.execute(readCsv);
        return duckdb.scalar("SELECT count(*) FROM loaded");
    }
}
