package org.loyaltykpi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.report.LoyaltyReport;
import org.loyaltykpi.report.ReportInputs;
import org.loyaltykpi.report.ReportOptions;
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
 * The whole loyalty report's computation ({@link LoyaltyReport#compute(ReportInputs, ReportOptions)}: every section,
 * CLV fits and predictions included) on the sample shop's purchases with its survey answers, reviews, marketing spend
 * and program events, beside the monthly cohort matrix on the same table, the peer that {@code loyalty report} is
 * compared with end to end. Loading and rendering are not timed here.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar ReportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class ReportBenchmark {

    /** Approximate number of purchases (customers: about a tenth). */
    @Param({"1000000", "10000000"})
    public long purchases;

    private ReportInputs inputs;

    /** Generates the shop and its other inputs. */
    @Setup
    public void setUp() {
        PurchaseTable table = BenchmarkData.shop(purchases);
        SampleShop shop = SampleShop.withPurchasesAbout(purchases);
        inputs = ReportInputs.of(table)
                .withAnswers(shop.surveyResponses(table))
                .withReviews(shop.reviews(table))
                .withSpend(shop.marketingSpend(table))
                .withEvents(shop.programEvents(table));
    }

    /**
     * Every section of the report.
     *
     * @return the report
     */
    @Benchmark
    public LoyaltyReport report() {
        return LoyaltyReport.compute(inputs, ReportOptions.defaults());
    }

    /**
     * The monthly cohort matrix alone.
     *
     * @return the matrix
     */
    @Benchmark
    public CohortMatrix cohort() {
        return CohortCalculator.matrix(inputs.purchases(), Granularity.MONTH);
    }
}
