package org.loyaltykpi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** A seconds-long run of every benchmark on small data, so CI proves they still run; the figures mean nothing. */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnSmallData() throws RunnerException {
        // In-process (forks 0): the CSV of the load benchmark goes to the build directory, not the shared temp one.
        System.setProperty("loyalty.benchmarks.dir", "target/benchmark-data");
        // A smoke run checks that the benchmarks work, not how fast: it need not wait for another JMH run's lock.
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(PurchaseBehaviourBenchmark.class.getSimpleName())
                .include(CohortBenchmark.class.getSimpleName())
                .include(CsvLoadBenchmark.class.getSimpleName())
                .include(ClvFitBenchmark.class.getSimpleName())
                .include(ClvPredictionBenchmark.class.getSimpleName())
                .include(ReportBenchmark.class.getSimpleName())
                .param("purchases", "20000")
                .param("customers", "2000")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).isNotEmpty();
        assertThat(results)
                .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
