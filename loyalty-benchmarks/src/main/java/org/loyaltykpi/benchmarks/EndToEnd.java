package org.loyaltykpi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the user waits for: {@code loyalty cohort --transactions FILE --format json} and {@link DuckDbCohortProcess}
 * (DuckDB's {@code read_csv} plus the cohort SQL in a JVM) on the same file, each as a whole process, alternating
 * which goes first, several runs; prints the best and median wall time and peak resident memory (from GNU {@code
 * /usr/bin/time}) of each. The data file is written once by {@link BenchmarkData} (the sample shop) if no file is
 * given.
 *
 * <p>Run: {@code java -cp loyalty-benchmarks/target/benchmarks.jar org.loyaltykpi.benchmarks.EndToEnd [--purchases N |
 * --csv FILE] [--runs N] [--loyalty ./loyalty]}. The loyalty command is the launcher script by default, so its
 * class-data sharing archive (or JDK 25 AOT cache) counts as a user gets it.
 */
public final class EndToEnd {
    private EndToEnd() {}

    /** One process run: wall seconds and peak RSS in MiB. */
    record Sample(double seconds, double peakMib) {}

    /**
     * Runs the comparison.
     *
     * @param args options, see the class comment
     * @throws IOException if a process cannot be started
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        long purchases = 10_000_000;
        Path csv = null;
        int runs = 5;
        String loyalty = "./loyalty";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                usage("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            try {
                switch (args[i]) {
                    case "--purchases" -> purchases = Long.parseLong(value);
                    case "--csv" -> csv = Path.of(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--loyalty" -> loyalty = value;
                    default -> usage("unknown option " + args[i]);
                }
            } catch (NumberFormatException e) {
                usage(args[i] + " takes a whole number, got " + value);
            }
        }
        if (runs < 1 || purchases < 1) {
            usage("--runs and --purchases must be at least 1");
        }
        if (csv == null) {
            csv = BenchmarkData.csv(purchases);
        } else if (!Files.isRegularFile(csv)) {
            usage("--csv " + csv + ": no such file");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> ours = List.of(loyalty, "cohort", "--transactions", csv.toString(), "--format", "json");
        List<String> duckdb = List.of(java, "-cp", classPath, DuckDbCohortProcess.class.getName(), csv.toString());
        System.out.printf("file %s (%,d bytes), %d runs each, alternating%n", csv, Files.size(csv), runs);
        // One untimed run each: the page cache holds the file and the launcher has built its archive.
        run(ours);
        run(duckdb);
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            if (r % 2 == 0) {
                a.add(run(ours));
                b.add(run(duckdb));
            } else {
                b.add(run(duckdb));
                a.add(run(ours));
            }
            System.out.printf(
                    "run %d: loyalty %.2f s %.0f MiB; duckdb %.2f s %.0f MiB%n",
                    r + 1,
                    a.get(r).seconds(),
                    a.get(r).peakMib(),
                    b.get(r).seconds(),
                    b.get(r).peakMib());
        }
        report("loyalty cohort", a);
        report("DuckDB read_csv + cohort SQL", b);
        System.out.printf(
                "median ratio (DuckDB / loyalty): %.2fx time, %.2fx peak RSS%n",
                median(b, Sample::seconds) / median(a, Sample::seconds),
                median(b, Sample::peakMib) / median(a, Sample::peakMib));
    }

    private static void usage(String problem) {
        System.err.println("EndToEnd: " + problem
                + "; usage: EndToEnd [--purchases N | --csv FILE] [--runs N] [--loyalty ./loyalty]");
        System.exit(2);
    }

    private static void report(String name, List<Sample> samples) {
        System.out.printf(
                "%s: best %.2f s, median %.2f s; peak RSS best %.0f MiB, median %.0f MiB%n",
                name,
                samples.stream().mapToDouble(Sample::seconds).min().orElseThrow(),
                median(samples, Sample::seconds),
                samples.stream().mapToDouble(Sample::peakMib).min().orElseThrow(),
                median(samples, Sample::peakMib));
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double[] v = samples.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Runs a command under GNU time; its output is discarded, its exit code checked. */
    static Sample run(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("loyalty-e2e-", ".time");
        List<String> timed = new ArrayList<>(Arrays.asList("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        int code = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        String[] fields = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        return new Sample(seconds, Long.parseLong(fields[fields.length - 1]) / 1024.0);
    }
}
