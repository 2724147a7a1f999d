package org.loyaltykpi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.PurchaseCsv;

/**
 * The benchmark data: the sample shop at a size, in memory and as a CSV file, generated once and reused.
 *
 * <p>CSV files go to {@code $TMPDIR/loyalty-kpi-benchmarks} (or the directory of the system property {@code
 * loyalty.benchmarks.dir}); a file is written once and reused by later runs, since the generator is deterministic.
 */
final class BenchmarkData {
    private static long cachedSize = -1;
    private static PurchaseTable cached;

    private BenchmarkData() {}

    /** The sample shop with about {@code purchases} purchases; the last one generated is kept. */
    static synchronized PurchaseTable shop(long purchases) {
        if (cachedSize != purchases) {
            cached = null;
            cached = SampleShop.withPurchasesAbout(purchases).purchases();
            cachedSize = purchases;
        }
        return cached;
    }

    /** The sample shop of {@link #shop(long)} as a CSV file in the library's default format. */
    static synchronized Path csv(long purchases) {
        Path dir = Path.of(System.getProperty(
                "loyalty.benchmarks.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "loyalty-kpi-benchmarks")
                        .toString()));
        Path file = dir.resolve("sample-shop-" + purchases + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "sample-shop-", ".partial");
            PurchaseCsv.write(shop(purchases), partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The threads every engine uses: the library scans on one thread per core, and so do DuckDB and the array scan. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
