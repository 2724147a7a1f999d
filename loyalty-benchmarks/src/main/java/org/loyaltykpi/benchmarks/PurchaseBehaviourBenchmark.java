package org.loyaltykpi.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;
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
 * The monthly purchase-behaviour series (retention, repeat rate, AOV, ... for every month) over the sample shop, one
 * columnar pass over the {@link PurchaseTable}.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar PurchaseBehaviourBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PurchaseBehaviourBenchmark {

    /** Approximate number of purchases in the generated shop. */
    @Param({"1000000"})
    public long purchases;

    private PurchaseTable table;
    private DateRange range;

    /** Generates the shop once per trial; generation is not measured. */
    @Setup
    public void generate() {
        table = SampleShop.withPurchasesAbout(purchases).purchases();
        range = table.dateRange().orElseThrow();
    }

    /**
     * The monthly series.
     *
     * @return the series, so the JIT cannot drop the work
     */
    @Benchmark
    public List<PurchaseBehaviour> monthlySeries() {
        return RetentionCalculator.series(table, range, Granularity.MONTH);
    }
}
