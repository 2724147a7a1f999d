package org.loyaltykpi.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.io.PurchasePreset;
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
 * Loading a realistic order-line export: the sample shop's purchases written as a Shopify orders export (one row per
 * order line, 1 to 3 lines an order; {@code Name} the order, {@code Email} the customer, {@code Created at} a time
 * stamp with an offset, {@code Total} quoted with a thousands separator on the order's first line only, {@code
 * Financial Status} paid, partially refunded or refunded with the {@code Refunded Amount}), read with {@code --preset
 * shopify} ({@link PurchasePreset#SHOPIFY}: orders grouped, refunds netted, quoted amounts and time stamps on the
 * parallel byte-level path), against DuckDB's {@code read_csv} of the same file plus the same grouping in SQL (one row
 * per customer and order: earliest day, total less refunded, items), with the same threads.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar OrderLineCsvLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class OrderLineCsvLoadBenchmark {

    /** Approximate number of purchases (orders) of the shop; the file has about twice as many lines. */
    @Param({"1000000"})
    public long purchases;

    private Path csv;
    private DuckDbShop duckdb;
    private String readCsv;

    /**
     * Writes the export if needed and checks both read the same number of orders.
     *
     * @throws SQLException if DuckDB fails
     */
    @Setup
    public void setUp() throws SQLException {
        csv = export(BenchmarkData.csv(purchases));
        duckdb = new DuckDbShop(BenchmarkData.threads());
        String decimal = "CAST(replace(coalesce(%s, '0'), ',', '') AS DECIMAL(18,2))";
        readCsv = "CREATE OR REPLACE TABLE loaded AS SELECT Email, Name,"
                + " min(CAST(left(\"Created at\", 10) AS DATE)) AS day,"
                + " sum(" + String.format(Locale.ROOT, decimal, "Total") + ") - sum("
                + String.format(Locale.ROOT, decimal, "\"Refunded Amount\"") + ") AS amount,"
                + " sum(\"Lineitem quantity\") AS quantity FROM read_csv('"
                + csv.toString().replace("'", "''")
                + "', header = true, delim = ',', quote = '\"', columns = {'Name': 'VARCHAR', 'Email': 'VARCHAR',"
                + " 'Financial Status': 'VARCHAR', 'Total': 'VARCHAR', 'Created at': 'VARCHAR',"
                + " 'Lineitem quantity': 'INTEGER', 'Lineitem price': 'VARCHAR', 'Refunded Amount': 'VARCHAR'})"
                + " GROUP BY Email, Name";
        PurchaseLoad ours = loyaltyKpi();
        // Every order is a purchase or a refund (a fully refunded one nets to zero and is counted, not kept).
        long orders = ours.summary().purchases() + ours.summary().refunds();
        long theirs = duckdbReadCsv();
        if (orders != theirs) {
            throw new IllegalStateException("loaded " + orders + " orders, DuckDB " + theirs);
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
     * Our reader with the Shopify preset.
     *
     * @return the load
     */
    @Benchmark
    public PurchaseLoad loyaltyKpi() {
        return PurchaseCsv.load(csv, PurchasePreset.SHOPIFY.csvOptions());
    }

    /**
     * DuckDB's CSV reader and the grouping into orders.
     *
     * @return the orders loaded
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public long duckdbReadCsv() throws SQLException {
        duckdb.execute(readCsv);
        return duckdb.scalar("SELECT count(*) FROM loaded");
    }

    /** The sample shop's CSV as a Shopify export beside it, written once (deterministic). */
    static synchronized Path export(Path shop) {
        Path file = shop.resolveSibling(shop.getFileName().toString().replace(".csv", "-shopify.csv"));
        if (Files.isRegularFile(file)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(12);
        try {
            Path partial = Files.createTempFile(file.getParent(), "shopify-", ".partial");
            try (BufferedReader in = Files.newBufferedReader(shop, StandardCharsets.UTF_8);
                    BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write("Name,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem price,"
                        + "Refunded Amount\n");
                in.readLine();
                long order = 1000;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",", -1);
                    long cents = Math.round(Double.parseDouble(f[2]) * 100);
                    int lines = 1 + random.nextInt(3);
                    double kind = random.nextDouble();
                    String status = kind < 0.03 ? "refunded" : kind < 0.06 ? "partially_refunded" : "paid";
                    long refunded =
                            status.equals("refunded") ? cents : status.equals("partially_refunded") ? cents / 4 : 0;
                    String stamp = f[1]
                            + String.format(
                                    Locale.ROOT,
                                    " %02d:%02d:%02d +0100",
                                    random.nextInt(24),
                                    random.nextInt(60),
                                    random.nextInt(60));
                    long left = cents;
                    order++;
                    for (int l = 0; l < lines; l++) {
                        long price = l == lines - 1 ? left : left / (lines - l);
                        left -= price;
                        out.write("#" + order + "," + f[0] + "," + (l == 0 ? status : "") + ","
                                + (l == 0 ? "\"" + money(cents) + "\"" : "") + "," + stamp + ",1,"
                                + "\"" + money(price) + "\"," + (l == 0 ? "\"" + money(refunded) + "\"" : "")
                                + "\n");
                    }
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cents as Shopify writes money: {@code 1,250.00}. */
    private static String money(long cents) {
        return String.format(Locale.ROOT, "%,d.%02d", cents / 100, cents % 100);
    }
}
