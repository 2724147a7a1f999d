package org.loyaltykpi.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.PurchaseCsv;

/**
 * The scale harness behind {@code loyalty-benchmarks/RESULTS.md} ("Spark local mode against the core"): the sample
 * shop's purchases (about N of them) as Parquet, the monthly cohort matrix and the BTYD summary plus BG/NBD fit, each
 * on the core (one JVM, every core, the table in memory) and on Spark local mode (from the Parquet file: read,
 * normalize, shuffle by customer, per-partition core scan, tree merge), each result checked equal to the core's. It
 * prints the best and median of the repeats, the throughput per core and the shuffle bytes per purchase.
 *
 * <p>Not a test (surefire runs {@code *Test} classes only): run it by hand, see RESULTS.md for the command.
 *
 * <pre>
 * ScaleHarness [purchases=10000000] [master=local[2]] [partitions=8] [repeats=3] [dir=target/scale] [all|cohort|btyd]
 * </pre>
 */
public final class ScaleHarness {
    private ScaleHarness() {}

    public static void main(String[] args) throws Exception {
        long purchases = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        String master = args.length > 1 ? args[1] : "local[2]";
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Path.of(args.length > 4 ? args[4] : "target/scale");
        String jobs = args.length > 5 ? args[5] : "all";
        Files.createDirectories(dir);

        long t0 = System.nanoTime();
        PurchaseTable table = SampleShop.withPurchasesAbout(purchases).purchases();
        System.out.printf(
                Locale.ROOT,
                "sample shop: %,d purchases, %,d customers, %s (generated in %.1f s)%n",
                table.size(),
                table.customerCount(),
                table.dateRange().orElseThrow(),
                (System.nanoTime() - t0) / 1e9);
        LocalDate calibrationEnd =
                table.dateRange().orElseThrow().endExclusive().minusYears(1);

        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("loyalty-spark-scale")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(partitions))
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        AtomicLong shuffleBytes = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    shuffleBytes.addAndGet(
                            end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
            }
        });

        Path parquet = dir.resolve("sample-shop-" + table.size() + ".parquet");
        if (!Files.exists(parquet)) {
            Path csv = dir.resolve("sample-shop-" + table.size() + ".csv");
            PurchaseCsv.write(table, csv);
            spark.read().option("header", true).csv(csv.toString()).write().parquet(parquet.toString());
            Files.delete(csv);
        }
        Dataset<Row> frame = spark.read().parquet(parquet.toString());

        System.out.printf(Locale.ROOT, "machine: %d cores for Spark (%s), %d partitions%n", cores, master, partitions);
        if (jobs.equals("all") || jobs.equals("cohort")) {
            cohort(table, frame, partitions, repeats, cores, shuffleBytes);
        }
        if (jobs.equals("all") || jobs.equals("btyd")) {
            btyd(table, frame, partitions, repeats, cores, shuffleBytes, calibrationEnd);
        }
        spark.stop();
    }

    private static void cohort(
            PurchaseTable table, Dataset<Row> frame, int partitions, int repeats, int cores, AtomicLong shuffleBytes) {
        CohortMatrix coreMatrix = CohortCalculator.matrix(table, Granularity.MONTH);
        double[] core = time(repeats, () -> CohortCalculator.matrix(table, Granularity.MONTH));
        report(
                "cohort matrix, core (table in memory)",
                table.size(),
                core,
                Runtime.getRuntime().availableProcessors(),
                -1);
        shuffleBytes.set(0);
        double[] sparkTimes = time(repeats, () -> {
            CohortMatrix m = SparkLoyalty.cohortMatrix(
                    SparkPurchases.from(frame, CsvOptions.defaults(), partitions), Granularity.MONTH);
            if (!m.equals(coreMatrix)) {
                throw new AssertionError("the Spark cohort matrix differs from the core's");
            }
            return m;
        });
        report(
                "cohort matrix, Spark from Parquet",
                table.size(),
                sparkTimes,
                cores,
                shuffleBytes.get() / (double) (repeats + 1));

        System.out.printf(
                Locale.ROOT, "overhead (median Spark / median core): %.1fx%n", median(sparkTimes) / median(core));
    }

    private static void btyd(
            PurchaseTable table,
            Dataset<Row> frame,
            int partitions,
            int repeats,
            int cores,
            AtomicLong shuffleBytes,
            LocalDate calibrationEnd) {
        BgNbdModel coreModel = BgNbdModel.fit(BtydSummary.of(table, calibrationEnd, TimeScale.WEEKS));
        double[] coreFit = time(repeats, () -> BgNbdModel.fit(BtydSummary.of(table, calibrationEnd, TimeScale.WEEKS)));
        report(
                "BTYD summary + BG/NBD fit, core",
                table.size(),
                coreFit,
                Runtime.getRuntime().availableProcessors(),
                -1);
        shuffleBytes.set(0);
        double[] sparkFit = time(repeats, () -> {
            SparkPurchases p = SparkPurchases.from(frame, CsvOptions.defaults(), partitions);
            BtydSummary rows = SparkLoyalty.collapsedSummary(
                    SparkLoyalty.btydSummaryRows(p, calibrationEnd, Optional.empty(), TimeScale.WEEKS),
                    TimeScale.WEEKS);
            var model = SparkLoyalty.fit("bg-nbd", rows, FitOptions.defaults());
            // The likelihood sums the collapsed rows in another order than the core's, so the optimizer stops a few
            // last digits apart on a million customers: report the largest relative difference, fail above 1e-6.
            double worst = 0;
            for (int k = 0; k < 4; k++) {
                double e = coreModel.parameters().get(k).value();
                worst = Math.max(worst, Math.abs(model.parameters().get(k).value() - e) / e);
            }
            System.out.printf(Locale.ROOT, "  largest relative parameter difference to the core fit: %.1e%n", worst);
            if (worst > 1e-6) {
                throw new AssertionError("the Spark fit differs from the core's: " + model + " vs " + coreModel);
            }
            return model;
        });
        report(
                "BTYD summary + BG/NBD fit, Spark from Parquet",
                table.size(),
                sparkFit,
                cores,
                shuffleBytes.get() / (double) (repeats + 1));
        System.out.printf(
                Locale.ROOT, "overhead (median Spark / median core): %.1fx%n", median(sparkFit) / median(coreFit));
    }

    /** One warm-up, then {@code repeats} timed runs, in seconds. */
    private static double[] time(int repeats, Supplier<?> job) {
        job.get();
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            job.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(String what, long purchases, double[] seconds, int cores, double shuffleBytes) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        List<String> runs = new ArrayList<>();
        for (double s : seconds) {
            runs.add(String.format(Locale.ROOT, "%.3f", s));
        }
        System.out.printf(
                Locale.ROOT,
                "%-46s best %8.3f s, median %8.3f s (runs %s); %,.0f purchases/s per core%s%n",
                what,
                sorted[0],
                median(seconds),
                String.join(", ", runs),
                purchases / median(seconds) / cores,
                shuffleBytes < 0
                        ? ""
                        : String.format(Locale.ROOT, "; shuffle %.1f bytes/purchase", shuffleBytes / purchases));
    }
}
