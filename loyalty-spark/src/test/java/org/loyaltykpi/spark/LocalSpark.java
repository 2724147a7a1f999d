package org.loyaltykpi.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.PurchaseCsv;

/**
 * The one local Spark session all the module's tests share (two cores, a small shuffle), and the test data: CDNOW
 * read in place from loyalty-core's test resources (the path comes from the build, see the pom).
 */
final class LocalSpark {
    private static SparkSession session;
    private static PurchaseTable cdnow;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("loyalty-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    static Path cdnowDir() {
        String dir = System.getProperty("loyalty.cdnow.dir");
        if (dir == null) {
            throw new IllegalStateException("system property loyalty.cdnow.dir is not set (the pom sets it)");
        }
        return Path.of(dir);
    }

    static Path cdnowMasterFile() {
        return cdnowDir().resolve("CDNOW_master.txt");
    }

    /** CDNOW_master.txt read by the core, as {@code loyalty cohort --delimiter whitespace ...} reads it. */
    static synchronized PurchaseTable cdnowMaster() {
        if (cdnow == null) {
            cdnow = PurchaseCsv.read(
                    cdnowMasterFile(),
                    CsvOptions.defaults()
                            .withDelimiter(Delimiter.parse("whitespace"))
                            .withDatePattern("yyyyMMdd")
                            .withAmountColumn(ColumnRef.named("dollar_value")));
        }
        return cdnow;
    }
}
