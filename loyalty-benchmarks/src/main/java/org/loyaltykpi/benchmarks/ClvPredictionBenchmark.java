package org.loyaltykpi.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loyaltykpi.clv.BgNbdModel;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.ClvCalculator;
import org.loyaltykpi.clv.ClvOptions;
import org.loyaltykpi.clv.CustomerPrediction;
import org.loyaltykpi.clv.FitOptions;
import org.loyaltykpi.clv.GammaGammaModel;
import org.loyaltykpi.clv.MbgNbdModel;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParetoNbdModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.clv.TransactionModel;
import org.loyaltykpi.demo.SampleShop;
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
 * The CLV work a user waits for beside a fit, measured against the Python library lifetimes on the same data and
 * parameters ({@code loyalty-benchmarks/lifetimes/clv_lifetimes.py} times lifetimes on the files {@link #main} writes):
 *
 * <ul>
 *   <li>the Gamma-Gamma fit on {@code CDNOW_master}'s repeat buyers (calibration end 1997-09-30, weeks: 9,450
 *       customers with a positive mean repeat spend; the one with a non-positive mean is excluded);
 *   <li>on the RFM summary of the sample shop's {@code customers} customers (1,000,000 by default, weeks), with the
 *       BG/NBD, MBG/NBD and Pareto/NBD parameters fitted to CDNOW_master: every customer's expected purchases in the
 *       next 52 weeks and P(alive), as arrays ({@link ClvCalculator#expectedPurchases}, {@link
 *       ClvCalculator#probabilityAlive}); the summary's columns and collapsed rows are built in the setup, once, as a
 *       summary keeps them ({@code ...Cold} builds them inside the measurement, from a new summary of the same rows); and the
 *       52-week CLV at a 1% weekly discount rate with Gamma-Gamma spend ({@link ClvCalculator#predict}).
 * </ul>
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar ClvPredictionBenchmark}; the files for the
 * Python side: {@code java -cp loyalty-benchmarks/target/benchmarks.jar
 * org.loyaltykpi.benchmarks.ClvPredictionBenchmark DIR}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ClvPredictionBenchmark {

    /** CDNOW_master, the models fitted to it, and the sample shop's summary. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Customers of the sample shop. */
        @Param({"1000000"})
        public int customers;

        BtydSummary cdnow;
        BtydSummary shop;
        BgNbdModel bgNbd;
        MbgNbdModel mbgNbd;
        ParetoNbdModel paretoNbd;
        GammaGammaModel gammaGamma;
        int[] x;
        double[] recency;
        double[] age;
        long[] ones;

        /** Builds the summaries and fits the models; not measured. */
        @Setup
        public void setUp() {
            cdnow = BtydSummary.of(
                    ClvFitBenchmark.Cdnow.master(), ClvFitBenchmark.CDNOW_CALIBRATION_END, TimeScale.WEEKS);
            bgNbd = BgNbdModel.fit(cdnow);
            mbgNbd = MbgNbdModel.fit(cdnow);
            paretoNbd = ParetoNbdModel.fit(cdnow);
            gammaGamma = gammaGamma(cdnow);
            SampleShop sample = SampleShop.standard().withCustomers(customers);
            shop = BtydSummary.of(
                    sample.purchases(), sample.period().endExclusive().minusDays(1), TimeScale.WEEKS);
            int n = shop.size();
            x = new int[n];
            recency = new double[n];
            age = new double[n];
            ones = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = shop.frequency(i);
                recency[i] = shop.recency(i);
                age[i] = shop.age(i);
                ones[i] = 1;
            }
            // the summary keeps its columns (for the prediction arrays) and its collapsed rows (for predict): build
            // them here, outside the measurement
            ClvCalculator.probabilityAlive(bgNbd, shop);
            ClvCalculator.predict(bgNbd, Optional.of(gammaGamma), shop, new ClvOptions(1, TimeScale.WEEKS, 1, 0));
        }
    }

    static GammaGammaModel gammaGamma(BtydSummary cdnow) {
        return GammaGammaModel.fit(cdnow, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE);
    }

    /**
     * Gamma-Gamma on CDNOW_master's repeat buyers.
     *
     * @param d the data
     * @return the model
     */
    @Benchmark
    public GammaGammaModel gammaGammaFitCdnow(Data d) {
        return gammaGamma(d.cdnow);
    }

    /**
     * BG/NBD E[Y(52)] of every customer.
     *
     * @param d the data
     * @return the expectations
     */
    @Benchmark
    public double[] expected52BgNbd(Data d) {
        return ClvCalculator.expectedPurchases(d.bgNbd, 52, d.shop);
    }

    /**
     * MBG/NBD E[Y(52)] of every customer.
     *
     * @param d the data
     * @return the expectations
     */
    @Benchmark
    public double[] expected52MbgNbd(Data d) {
        return ClvCalculator.expectedPurchases(d.mbgNbd, 52, d.shop);
    }

    /**
     * Pareto/NBD E[Y(52)] of every customer.
     *
     * @param d the data
     * @return the expectations
     */
    @Benchmark
    public double[] expected52ParetoNbd(Data d) {
        return ClvCalculator.expectedPurchases(d.paretoNbd, 52, d.shop);
    }

    /**
     * BG/NBD P(alive) of every customer.
     *
     * @param d the data
     * @return the probabilities
     */
    @Benchmark
    public double[] aliveBgNbd(Data d) {
        return ClvCalculator.probabilityAlive(d.bgNbd, d.shop);
    }

    /**
     * MBG/NBD P(alive) of every customer.
     *
     * @param d the data
     * @return the probabilities
     */
    @Benchmark
    public double[] aliveMbgNbd(Data d) {
        return ClvCalculator.probabilityAlive(d.mbgNbd, d.shop);
    }

    /**
     * Pareto/NBD P(alive) of every customer.
     *
     * @param d the data
     * @return the probabilities
     */
    @Benchmark
    public double[] aliveParetoNbd(Data d) {
        return ClvCalculator.probabilityAlive(d.paretoNbd, d.shop);
    }

    /**
     * BG/NBD E[Y(52)] of every customer of a new summary of the same rows: the collapse is measured too.
     *
     * @param d the data
     * @return the expectations
     */
    @Benchmark
    public double[] expected52BgNbdCold(Data d) {
        return ClvCalculator.expectedPurchases(
                d.bgNbd, 52, BtydSummary.weighted(TimeScale.WEEKS, d.x, d.recency, d.age, d.ones));
    }

    /**
     * Pareto/NBD P(alive) of every customer of a new summary of the same rows: the collapse is measured too.
     *
     * @param d the data
     * @return the probabilities
     */
    @Benchmark
    public double[] aliveParetoNbdCold(Data d) {
        return ClvCalculator.probabilityAlive(
                d.paretoNbd, BtydSummary.weighted(TimeScale.WEEKS, d.x, d.recency, d.age, d.ones));
    }

    /**
     * BG/NBD with Gamma-Gamma: every customer's 52-week CLV at 1% a week.
     *
     * @param d the data
     * @return the predictions
     */
    @Benchmark
    public List<CustomerPrediction> clv52BgNbd(Data d) {
        return ClvCalculator.predict(
                d.bgNbd, Optional.of(d.gammaGamma), d.shop, new ClvOptions(52, TimeScale.WEEKS, 1, 0.01));
    }

    /**
     * Writes the Python side's inputs: {@code cdnow_repeat.csv} ({@code frequency,monetary_value} of the Gamma-Gamma
     * customers), {@code shop.csv} ({@code frequency,recency,T,monetary_value} of the sample shop) and {@code
     * params.csv} (the fitted parameters), and prints a checksum line per prediction for comparison.
     *
     * @param args the directory, and optionally the number of customers
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Data d = new Data();
        d.customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        d.setUp();
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(dir.resolve("cdnow_repeat.csv"), StandardCharsets.UTF_8))) {
            out.println("frequency,monetary_value");
            for (int i = 0; i < d.cdnow.size(); i++) {
                if (d.cdnow.frequency(i) > 0 && d.cdnow.monetaryValue(i) > 0) {
                    out.println(d.cdnow.frequency(i) + "," + repr(d.cdnow.monetaryValue(i)));
                }
            }
        }
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(dir.resolve("shop.csv"), StandardCharsets.UTF_8))) {
            out.println("frequency,recency,T,monetary_value");
            for (int i = 0; i < d.shop.size(); i++) {
                out.println(d.shop.frequency(i) + "," + repr(d.shop.recency(i)) + "," + repr(d.shop.age(i)) + ","
                        + repr(d.shop.monetaryValue(i)));
            }
        }
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(dir.resolve("params.csv"), StandardCharsets.UTF_8))) {
            out.println("model,p1,p2,p3,p4");
            for (TransactionModel m : List.of(d.bgNbd, d.mbgNbd, d.paretoNbd)) {
                out.println(m.name() + ","
                        + String.join(
                                ",",
                                m.parameters().stream()
                                        .map(p -> repr(p.value()))
                                        .toList()));
            }
            out.println(GammaGammaModel.NAME + ","
                    + String.join(
                            ",",
                            d.gammaGamma.parameters().stream()
                                    .map(Parameter::value)
                                    .map(ClvPredictionBenchmark::repr)
                                    .toList())
                    + ",0");
        }
        for (TransactionModel m : List.of(d.bgNbd, d.mbgNbd, d.paretoNbd)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s sum E[Y(52)] %.10g, sum P(alive) %.10g%n",
                    m.name(),
                    sum(ClvCalculator.expectedPurchases(m, 52, d.shop)),
                    sum(ClvCalculator.probabilityAlive(m, d.shop)));
        }
        System.out.println("gamma-gamma " + d.gammaGamma.fit().orElseThrow().parameters());
        double clv = 0;
        for (CustomerPrediction p : new ClvPredictionBenchmark().clv52BgNbd(d)) {
            clv += p.clv().orElseThrow();
        }
        System.out.printf(Locale.ROOT, "bg-nbd sum CLV(52 weeks, 1%%) %.10g%n", clv);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static String repr(double v) {
        return Double.toString(v);
    }
}
