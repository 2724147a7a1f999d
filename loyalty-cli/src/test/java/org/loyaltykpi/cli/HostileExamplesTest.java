package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of issue 15, replayed in process, class by class: each is exit 2 with one line naming what is wrong, or
 * exit 0 with a correct result; never exit 0 with wrong or lost output, never exit 1, never NaN or Infinity. The same
 * examples run against the built jar, each in its own JVM with real devices and pipes, in
 * {@code loyalty-benchmarks/hostile-examples.sh}.
 */
class HostileExamplesTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    private Path text(String name, String content) throws IOException {
        return CliFiles.write(dir, name, content);
    }

    /** A purchase file of about {@code megabytes} MB whose second line is {@code line2} (bytes as given). */
    private Path big(String name, int megabytes, byte[] line2) throws IOException {
        StringBuilder filler = new StringBuilder();
        while (filler.length() < megabytes << 20) {
            filler.append("c1,2024-01-01,1.00\n");
        }
        byte[] header = "customer_id,date,amount\n".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = filler.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + line2.length + rest.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(line2, 0, all, header.length, line2.length);
        System.arraycopy(rest, 0, all, header.length + line2.length, rest.length);
        return bytes(name, all);
    }

    /** The promise: exit 2, one line on standard error holding every part, no Java exception text. */
    private static void assertBadInput(Run run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).endsWith("\n");
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("java.lang")
                .hasSizeLessThan(2000);
        if (parts.length > 0) {
            assertThat(run.err()).contains(parts);
        }
        assertNoNaN(run);
    }

    private static void assertNoNaN(Run run) {
        assertThat(run.out()).doesNotContain("NaN", "Infinity");
        assertThat(run.err()).doesNotContain("NaN", "Infinity");
    }

    @Nested
    class Overflow {
        @Test
        void twoAmountsOfNineTimesTenToTheSixteenAreExitTwoNamingTheRowInRetentionAndReport() throws IOException {
            Path p = text(
                    "p.csv",
                    "customer_id,date,amount\na,2024-01-01,90000000000000000.00\nb,2024-01-02,90000000000000000.00\n");
            assertBadInput(
                    run("retention", "--transactions", p.toString(), "--period", "2024-01-01/2024-02-01"),
                    "p.csv:3: column 'amount' (#3)");
            assertBadInput(run("report", "--transactions", p.toString()), "p.csv:3: column 'amount' (#3)");
        }

        @Test
        void theLargestAmountPlusOneOnOneDayIsExitTwoInRfmNotANegativeMonetaryValue() throws IOException {
            Path p = text("p.csv", "customer_id,date,amount\na,2024-01-01,92233720368547758.07\na,2024-01-01,1.00\n");
            Run rfm = run("rfm", "--transactions", p.toString(), "--calibration-end", "2024-12-31");
            assertBadInput(rfm, "p.csv:3: column 'amount' (#3): '1.00' brings the sum");
            assertThat(rfm.out()).doesNotContain("-9");
        }

        @Test
        void twoEarnEventsOfNineTimesTenToTheEighteenPointsAreExitTwoInProgram() throws IOException {
            Path e = text(
                    "e.csv",
                    "customer_id,date,event,points,tier,referred_customer_id\n"
                            + "a,2024-01-01,earn,9000000000000000000,,\na,2024-01-02,earn,9000000000000000000,,\n");
            assertBadInput(run("program", "--events", e.toString()), "e.csv:3: column 'points' (#4)");
        }
    }

    @Nested
    class Encoding {
        /** Two ids that differ only in a byte that is not UTF-8 (0xFF, 0xFE). */
        private byte[] withBadBytes() {
            return "ab\u00ff,2024-01-01,1.00\nab\u00fe,2024-01-02,2.00\n".getBytes(StandardCharsets.ISO_8859_1);
        }

        @Test
        void invalidUtf8InACustomerIdIsTheSameErrorNamingLineAndColumnOnBothReaders() throws IOException {
            byte[] header = "customer_id,date,amount\n".getBytes(StandardCharsets.US_ASCII);
            byte[] rows = withBadBytes();
            byte[] small = new byte[header.length + rows.length];
            System.arraycopy(header, 0, small, 0, header.length);
            System.arraycopy(rows, 0, small, header.length, rows.length);
            Run general = run("cohort", "--transactions", bytes("p.csv", small).toString());
            assertBadInput(general, "p.csv:2: column 'customer_id' (#1): 'ab\\xFF' holds bytes that are not UTF-8");
            Run parallel =
                    run("cohort", "--transactions", big("big.csv", 3, rows).toString());
            assertBadInput(parallel, "big.csv:2: column 'customer_id' (#1): 'ab\\xFF' holds bytes that are not UTF-8");
        }

        @Test
        void aUtf16FileIsNamedAsSuchWithoutNulBytes() throws IOException {
            byte[] body = "customer_id,date,amount\na,2024-01-01,1.00\n".getBytes(StandardCharsets.UTF_16LE);
            byte[] file = new byte[body.length + 2];
            file[0] = (byte) 0xFF;
            file[1] = (byte) 0xFE;
            System.arraycopy(body, 0, file, 2, body.length);
            Run run = run("cohort", "--transactions", bytes("u.csv", file).toString());
            assertBadInput(run, "u.csv:1:", "UTF-16 (little-endian");
            assertThat(run.err()).doesNotContain("\u0000");
        }
    }

    @Nested
    class LostOutput {
        private final Writer full = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {}
        };

        @Test
        void reportAndSampleToAFullStandardOutputAreExitTwo() {
            for (String[] args : new String[][] {{"report"}, {"sample", "--customers", "20"}}) {
                StringWriter err = new StringWriter();
                int code = LoyaltyCli.run(new PrintWriter(full), new PrintWriter(err), args);
                assertThat(code).as(args[0]).isEqualTo(2);
                assertThat(err.toString().strip())
                        .startsWith("loyalty: cannot write the output (standard output)")
                        .doesNotContain("\n");
            }
        }

        @Test
        void reportOutToAFileThatTakesNoDataIsExitTwoNamingIt() {
            for (String target : new String[] {"/dev/full", "/proc/version"}) {
                if (Files.exists(Path.of(target))) {
                    assertBadInput(run("report", "--out", target), target + ": cannot write");
                }
            }
        }

        @Test
        void sampleWithOneFileForTwoOutputsIsRefusedAndWritesNothing() {
            Path x = dir.resolve("x.csv");
            assertBadInput(
                    run("sample", "--out", x.toString(), "--responses-out", x.toString()),
                    "--out and --responses-out both write");
            assertThat(x).doesNotExist();
        }
    }

    @Nested
    class Messages {
        @Test
        void anUnclosedQuoteInAFiveMegabyteFileIsOneShortLine() throws IOException {
            Path p = big("q.csv", 5, "a,2024-01-01,\"1.00\nb,2024-01-02,2.00\n".getBytes(StandardCharsets.US_ASCII));
            Run run = run("cohort", "--transactions", p.toString());
            assertBadInput(run, "q.csv:2:");
            assertThat(run.err()).hasSizeLessThan(600);
        }

        @Test
        void aDirectoryOrADeviceGivenAsInputIsNamedAsSuch() {
            assertBadInput(run("cohort", "--transactions", dir.toString()), "is a directory, not a file");
            if (Files.exists(Path.of("/dev/null"))) {
                assertBadInput(run("cohort", "--transactions", "/dev/null"), "/dev/null: is a device, not a file");
            }
        }

        @Test
        void noJavaExceptionTextLeaksFromABadAmountOrOption() throws IOException {
            Path p = text("p.csv", "customer_id,date,amount\na,2024-01-01,N\n");
            assertBadInput(run("cohort", "--transactions", p.toString()), "p.csv:2: column 'amount' (#3): 'N'");
            assertBadInput(run("program", "--point-value", "N"), "'N' is not a decimal number");
        }
    }

    @Nested
    class NaNAndInfinity {
        @Test
        void extremeImportancesLevelsAndYearsGiveANumberOrAClearRefusal() {
            String[][] cases = {
                {
                    "survey",
                    "--importance",
                    "price=1e308",
                    "--importance",
                    "delivery=1e308",
                    "--importance",
                    "range=1",
                    "--importance",
                    "service=1",
                    "--format",
                    "json"
                },
                {"value", "--expected-years", "1e308"},
                {"survey", "--level", "0.9999999999999999", "--format", "json"},
            };
            for (String[] args : cases) {
                Run run = run(args);
                assertThat(run.exitCode())
                        .as(String.join(" ", args) + ": " + run.err())
                        .isIn(0, 2);
                assertNoNaN(run);
                assertThat(run.out()).doesNotContain("9223372036854775807");
                if (run.exitCode() == 2) {
                    assertBadInput(run);
                }
            }
        }

        @Test
        void weightsOfTenToThe308OrTenToTheMinus320AreRefusedNamingTheFileAndLine() throws IOException {
            Path huge = text(
                    "w.csv",
                    "respondent_id,date,question,score,weight\nr1,2024-01-01,nps,9,1e308\nr2,2024-01-01,nps,3,1e308\n");
            Run run = run("survey", "--responses", huge.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
            assertNoNaN(run);
            if (run.exitCode() == 2) {
                assertBadInput(run, "w.csv");
            }
            Path tiny = text("t.csv", "respondent_id,date,question,score,weight\nr1,2024-01-01,nps,9,1e-320\n");
            assertBadInput(run("survey", "--responses", tiny.toString()), "t.csv:2: column 'weight'");
        }
    }

    @Nested
    class OutlierDates {
        private Path far() throws IOException {
            return text(
                    "far.csv",
                    "customer_id,date,amount\na,0001-01-01,1.00\nb,2024-01-01,2.00\nb,2024-02-01,2.00\n"
                            + "c,9999-12-31,3.00\n");
        }

        @Test
        void cohortByYearIsAClearErrorNamingTheEarliestAndLatestRows() throws IOException {
            assertBadInput(
                    run("cohort", "--transactions", far().toString(), "--granularity", "year"),
                    "a cohort matrix has at most 4096 periods",
                    "customer a on 0001-01-01",
                    "customer c on 9999-12-31");
        }

        @Test
        void theReportDegradesTheBoundedSectionsInEveryRenderingAndRendersTheOthers() throws IOException {
            String file = far().toString();
            Run text = run("report", "--transactions", file);
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertNoNaN(text);
            assertThat(text.out())
                    .contains("This section could not be computed: 119988 periods of month")
                    .contains("customer a on 0001-01-01", "customer c on 9999-12-31")
                    .contains("RFM");
            Run json = run("report", "--transactions", file, "--format", "json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"degraded\" : true", "a cohort matrix has at most 4096 periods");
            Path html = dir.resolve("far.html");
            Run page = run("report", "--transactions", file, "--format", "html", "--out", html.toString());
            assertThat(page.exitCode()).as(page.err()).isZero();
            assertThat(Files.readString(html, StandardCharsets.UTF_8))
                    .contains("a cohort matrix has at most 4096 periods", "customer c on 9999-12-31");
        }

        @Test
        void sinceAndUntilLeaveTheOutlyingRowsOutCountedPerReason() throws IOException {
            Run run =
                    run("cohort", "--transactions", far().toString(), "--since", "2000-01-01", "--until", "2100-12-31");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("4 rows: 2 purchases; 1 row dated before 2000-01-01 skipped (first line 2); 1 row dated"
                            + " after 2100-12-31 skipped (first line 5)")
                    .contains("2024-01");
        }

        @Test
        void surveyAndRetentionByDayOverTenThousandYearsAreRefusedBeforeWritingGigabytes() throws IOException {
            Path answers =
                    text("s.csv", "respondent_id,date,question,score\nr1,0001-01-01,nps,9\nr2,9999-12-31,nps,3\n");
            Run survey = run("survey", "--responses", answers.toString(), "--by", "day", "--format", "json");
            assertBadInput(survey, "periods of day", "respondent r1 on 0001-01-01");
            assertThat(survey.out()).hasSizeLessThan(10_000);
            Run retention = run(
                    "retention",
                    "--transactions",
                    far().toString(),
                    "--period",
                    "0001-01-01/9999-12-31",
                    "--by",
                    "day");
            assertBadInput(retention, "periods of day");
            assertThat(retention.out()).hasSizeLessThan(10_000);
        }
    }

    @Nested
    class SpecialFunctions {
        /** Plausible purchases where every amount is 25.00: 300 customers, one to six purchases each in 2024. */
        private Path flat() throws IOException {
            List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
            for (int c = 1; c <= 300; c++) {
                for (int k = 0; k <= c % 5; k++) {
                    lines.add(String.format("c%d,2024-%02d-%02d,25.00", c, 1 + (c + 3 * k) % 12, 1 + (c * 7 + k) % 28));
                }
            }
            return text("flat.csv", String.join("\n", lines) + "\n");
        }

        @Test
        void predictionsWithSpendOnPurchasesOfOneAmountGiveNumbersOrAClearRefusal() throws IOException {
            String file = flat().toString();
            // Pareto/NBD on this file runs to r ~ 1e5, alpha ~ 2e6, where 2F1 is an Euler integral with z = 1 - 3e-5:
            // it
            // used to fail ("did not converge in 500000 terms"), then took 90 s; now a few seconds, with warnings.
            String[][] cases = {
                {"clv", "fit", "--model", "pareto-nbd", "--transactions", file, "--calibration-end", "2024-12-31"},
                {
                    "clv",
                    "predict",
                    "--model",
                    "pareto-nbd",
                    "--horizon",
                    "1e6",
                    "--transactions",
                    file,
                    "--calibration-end",
                    "2024-12-31"
                },
                {
                    "clv",
                    "predict",
                    "--model",
                    "bg-nbd",
                    "--horizon",
                    "52",
                    "--transactions",
                    file,
                    "--calibration-end",
                    "2024-12-31"
                },
            };
            for (String[] args : cases) {
                Run run = run(args);
                assertThat(run.exitCode())
                        .as(String.join(" ", args) + ": " + run.err())
                        .isIn(0, 2);
                assertNoNaN(run);
                if (run.exitCode() == 2) {
                    assertBadInput(run);
                }
                if (args[3].equals("pareto-nbd")) {
                    // A fit that cannot be trusted says so.
                    assertThat(run.err()).contains("warning").contains("edge of the parameter space");
                }
            }
        }
    }

    @Nested
    class SilentlyLenient {
        @Test
        void twoAmountColumnsAreAnAmbiguousHeader() throws IOException {
            Path p = text("p.csv", "customer_id,date,amount,amount\na,2024-01-01,1.00,2.00\n");
            assertBadInput(run("cohort", "--transactions", p.toString()), "amount");
        }

        @Test
        void anIdStartingWithAnEmSpaceIsNotMergedWithTheTrimmedId() throws IOException {
            Path p = text("p.csv", "customer_id,date,amount\n\u2003a,2024-01-01,1.00\na,2024-01-02,2.00\n");
            Run run = run(
                    "retention",
                    "--transactions",
                    p.toString(),
                    "--period",
                    "2024-01-01/2024-02-01",
                    "--format",
                    "json");
            assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
            if (run.exitCode() == 0) {
                assertThat(run.out()).containsPattern("\"active\" : 2\\b");
            } else {
                assertBadInput(run, "p.csv:2");
            }
        }

        @Test
        void aSignedQuantityIsRefusedAsASignedAmountIs() throws IOException {
            Path q = text("q.csv", "customer_id,date,amount,quantity\na,2024-01-01,5.00,+2\n");
            assertBadInput(run("cohort", "--transactions", q.toString()), "q.csv:2: column 'quantity'");
            Path a = text("a.csv", "customer_id,date,amount\na,2024-01-01,+5.00\n");
            assertBadInput(run("cohort", "--transactions", a.toString()), "a.csv:2: column 'amount'");
        }

        @Test
        void reviewsOutsideThePurchasesPeriodsAreCountedInEveryRendering() throws IOException {
            Path p =
                    text("p.csv", "customer_id,date,amount\na,2024-01-01,5.00\na,2024-03-01,5.00\nb,2024-02-01,5.00\n");
            Path r = text(
                    "r.csv",
                    "customer_id,date,rating,sentiment\na,2024-01-15,5,positive\nb,2019-01-01,1,negative\n"
                            + "b,2030-01-01,2,negative\n");
            Run text = run("report", "--transactions", p.toString(), "--reviews", r.toString());
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains("2 reviews dated outside the periods of the purchases are left out of this section.");
            Run json = run("report", "--transactions", p.toString(), "--reviews", r.toString(), "--format", "json");
            assertThat(json.out())
                    .containsPattern("\"reviewsOutsideRange\" : \\{\\s*\"label\" : \"[^\"]+\",\\s*\"value\" : 2");
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineWithTheHeapAndHowToGiveMore() throws IOException {
        StringWriter err = new StringWriter();
        Path p = bytes("big.csv", new byte[2 << 20]);
        int code = LoyaltyCli.outOfMemory(new PrintWriter(err), "report", "--transactions", p.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("out of memory", "LOYALTY_JAVA_OPTS=-Xmx");
    }
}
