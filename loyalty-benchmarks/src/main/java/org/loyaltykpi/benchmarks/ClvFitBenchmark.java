package org.loyaltykpi.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Maximum-likelihood fits of the CLV transaction models, with their standard errors:
 *
 * <ul>
 *   <li>BG/NBD and Pareto/NBD on the RFM summary of all 23,570 customers of {@code CDNOW_master} (calibration end
 *       1997-09-30, weeks), the summary built once in the setup (the data set is packed into the jar, see {@code
 *       src/main/resources/cdnow/README.md});
 *   <li>on the sample shop of {@code customers} customers (1,000,000 by default): the RFM summary built from the
 *       purchases and BG/NBD fitted to it, as one operation, and the summary build alone.
 * </ul>
 *
 * <p>Before anything is timed, the setup checks that each CDNOW fit converged and reached at least the log-likelihood
 * of the parameters Fader, Hardie and Lee (2005) published for the 1/10 sample of the same customers, evaluated on
 * the full summary: a maximum likelihood estimate must do at least as well as any other parameters.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar ClvFitBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ClvFitBenchmark {

    /** The CDNOW calibration end of the papers. */
    static final LocalDate CDNOW_CALIBRATION_END = LocalDate.parse("1997-09-30");

    /** The RFM summary of {@code CDNOW_master}, checked to be fitted to convergence. */
    @State(Scope.Benchmark)
    public static class Cdnow {
        BtydSummary summary;

        /** Reads the purchases, builds the summary and checks both fits. */
        @Setup
        public void setUp() {
            summary = BtydSummary.of(master(), CDNOW_CALIBRATION_END, TimeScale.WEEKS);
            if (summary.size() != 23_570) {
                throw new IllegalStateException("CDNOW_master summary has " + summary.size() + " customers");
            }
            // Fader, Hardie and Lee (2005), "Counting your customers the easy way", table 1 and section 4.
            requireConverged(BgNbdModel.fit(summary), BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeScale.WEEKS));
            requireConverged(
                    ParetoNbdModel.fit(summary), ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, TimeScale.WEEKS));
        }

        private void requireConverged(TransactionModel fitted, TransactionModel published) {
            ModelFit fit = fitted.fit().orElseThrow();
            double reference = published.logLikelihood(summary);
            if (!fit.converged() || !(fit.logLikelihood() >= reference)) {
                throw new IllegalStateException(fitted.name() + " on CDNOW_master: " + fit
                        + " did not converge to at least the log-likelihood " + reference
                        + " of the published parameters");
            }
        }

        static PurchaseTable master() {
            CsvOptions options = CsvOptions.defaults()
                    .withDelimiter(Delimiter.WHITESPACE)
                    .withDatePattern("yyyyMMdd")
                    .withAmountColumn(ColumnRef.named("dollar_value"));
            try (InputStream in = ClvFitBenchmark.class.getResourceAsStream("/cdnow/CDNOW_master.txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource /cdnow/CDNOW_master.txt");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return PurchaseCsv.read(reader, "CDNOW_master.txt", options);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The purchases of the sample shop, generated once per trial; generation is not measured. */
    @State(Scope.Benchmark)
    public static class Shop {
        /** Customers acquired by the sample shop. */
        @Param({"1000000"})
        public int customers;

        PurchaseTable purchases;
        LocalDate calibrationEnd;

        /** Generates the shop. */
        @Setup
        public void generate() {
            SampleShop shop = SampleShop.standard().withCustomers(customers);
            purchases = shop.purchases();
            calibrationEnd = shop.period().endExclusive().minusDays(1);
        }
    }

    /**
     * BG/NBD on CDNOW_master.
     *
     * @param cdnow the summary
     * @return the model
     */
    @Benchmark
    public BgNbdModel bgNbdCdnow(Cdnow cdnow) {
        return BgNbdModel.fit(cdnow.summary);
    }

    /**
     * Pareto/NBD on CDNOW_master.
     *
     * @param cdnow the summary
     * @return the model
     */
    @Benchmark
    public ParetoNbdModel paretoNbdCdnow(Cdnow cdnow) {
        return ParetoNbdModel.fit(cdnow.summary);
    }

    /**
     * The RFM summary of the sample shop, then BG/NBD fitted to it.
     *
     * @param shop the purchases
     * @return the model
     */
    @Benchmark
    public BgNbdModel summaryAndBgNbdShop(Shop shop) {
        return BgNbdModel.fit(summary(shop));
    }

    /**
     * The RFM summary of the sample shop alone.
     *
     * @param shop the purchases
     * @return the summary
     */
    @Benchmark
    public BtydSummary summaryShop(Shop shop) {
        return summary(shop);
    }

    private static BtydSummary summary(Shop shop) {
        return BtydSummary.of(shop.purchases, shop.calibrationEnd, TimeScale.WEEKS);
    }
}
