package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line under hostile input (issue 15): exit 2 with one line naming the problem, never lost output. */
class HostileCliTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        return CliFiles.write(dir, name, content);
    }

    private static void assertBadInput(Run run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).endsWith("\n");
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        for (String part : parts) {
            assertThat(run.err()).contains(part);
        }
    }

    @Nested
    class Overflow {
        @Test
        void amountsWhoseSumPassesALongAreExitTwoNamingTheRowInEveryCommand() throws IOException {
            Path shop = file(
                    "p.csv",
                    "customer_id,date,amount\na,2024-01-01,90000000000000000.00\nb,2024-01-02,90000000000000000.00\n");
            for (String command : new String[] {"retention", "report", "cohort", "rfm"}) {
                Run run = command.equals("retention")
                        ? run(command, "--transactions", shop.toString(), "--period", "2024-01-01/2024-02-01")
                        : command.equals("rfm")
                                ? run(command, "--transactions", shop.toString(), "--calibration-end", "2024-02-01")
                                : run(command, "--transactions", shop.toString());
                assertBadInput(run, "p.csv:3: column 'amount' (#3): '90000000000000000.00' brings the sum");
            }
        }
    }

    @Nested
    class LostOutput {
        @Test
        void aWriterThatFailsIsExitTwoWithAMessageNotExitZero() {
            Writer broken = new Writer() {
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
            StringWriter err = new StringWriter();
            int code = LoyaltyCli.run(new PrintWriter(broken), new PrintWriter(err), "sample", "--customers", "5");
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("loyalty: cannot write the output (standard output)");
        }

        @Test
        void aFileThatTakesNoDataIsExitTwoNamingIt() {
            Path full = Path.of("/dev/full");
            if (Files.exists(full)) {
                assertBadInput(run("report", "--out", "/dev/full"), "/dev/full: cannot write");
            }
            assertBadInput(run("report", "--out", dir.toString()), dir + ": is a directory");
            assertBadInput(
                    run("report", "--out", dir.resolve("no/such/dir.txt").toString()),
                    "cannot write: no such directory");
        }

        @Test
        void twoOutputsToOnePathAreRefused() {
            Path x = dir.resolve("x.csv");
            Run run = run(
                    "sample",
                    "--out",
                    x.toString(),
                    "--responses-out",
                    dir.resolve("./x.csv").toString());
            assertBadInput(run, "--out and --responses-out both write");
            assertThat(x).doesNotExist();
        }
    }

    @Nested
    class Messages {
        @Test
        void aDirectoryGivenAsInputIsNamedAsSuch() {
            assertBadInput(run("cohort", "--transactions", dir.toString()), dir + ": is a directory, not a file");
            assertBadInput(run("survey", "--responses", dir.toString()), "is a directory, not a file");
        }

        @Test
        void aDeviceGivenAsInputIsNamedAsSuch() {
            if (Files.exists(Path.of("/dev/zero"))) {
                assertBadInput(run("cohort", "--transactions", "/dev/zero"), "/dev/zero: is a device, not a file");
            }
        }

        @Test
        void everyCommandsHelpPrintsWithoutAFormattingWarning() {
            for (String command : new String[] {
                "report",
                "retention",
                "crr",
                "cohort",
                "survey",
                "rfm",
                "clv",
                "targets",
                "program",
                "value",
                "sample",
                "segments"
            }) {
                // picocli writes its formatting warnings to System.err itself
                java.io.PrintStream before = System.err;
                java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
                Run run;
                try {
                    System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
                    run = run(command, "--help");
                } finally {
                    System.setErr(before);
                }
                assertThat(run.exitCode()).as(command).isZero();
                assertThat(run.out() + run.err() + warnings.toString(StandardCharsets.UTF_8))
                        .as(command)
                        .doesNotContain("WARN", "%n");
            }
        }

        @Test
        void noJavaExceptionTextLeaksIntoAUsageError() {
            Run run = run("program", "--point-value", "N");
            assertBadInput(run, "--point-value", "'N' is not a decimal number");
            assertThat(run.err()).doesNotContain("java.lang", "NumberFormat");
        }

        @Test
        void runningOutOfMemoryIsOneLineWithTheHeapAndHowToGiveMore() throws IOException {
            StringWriter err = new StringWriter();
            Path big = dir.resolve("big.csv");
            Files.write(big, new byte[3 << 20]);
            int code = LoyaltyCli.outOfMemory(new PrintWriter(err), "report", "--transactions", big.toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString().strip())
                    .doesNotContain("\n")
                    .contains("out of memory", " MB", "LOYALTY_JAVA_OPTS=-Xmx")
                    .contains("big.csv (3 MB, about 104857 rows) needs roughly 4 MB or more to load");
        }
    }

    @Nested
    class NoNaNOrInfinity {
        @Test
        void extremeNumericOptionsWorkOrAreRefusedClearly() throws IOException {
            Path responses = dir.resolve("r.csv");
            Path shop = dir.resolve("shop.csv");
            assertThat(run(
                                    "sample",
                                    "--customers",
                                    "200",
                                    "--out",
                                    shop.toString(),
                                    "--responses-out",
                                    responses.toString())
                            .exitCode())
                    .isZero();
            String[][] cases = {
                {"survey", "--responses", responses.toString(), "--level", "0.9999999999999999", "--format", "json"},
                {"survey", "--responses", responses.toString(), "--level", "4.9e-324", "--format", "json"},
                {
                    "survey",
                    "--responses",
                    responses.toString(),
                    "--importance",
                    "price=1e308",
                    "--importance",
                    "delivery=1e308",
                    "--importance",
                    "range=1e-320",
                    "--importance",
                    "service=1",
                    "--format",
                    "json"
                },
                {"value", "--transactions", shop.toString(), "--expected-years", "1e308"},
                {"value", "--transactions", shop.toString(), "--expected-years", "4.9e-324", "--format", "json"},
                {"value", "--transactions", shop.toString(), "--margin", "4.9e-324", "--format", "json"},
                {"value", "--transactions", shop.toString(), "--margin", "NaN"},
                {"survey", "--responses", responses.toString(), "--level", "NaN"},
                {"program", "--point-value", "1e999999999"},
                {"program", "--point-value", "1e-999999999"},
                {"sample", "--customers", "-1"},
            };
            for (String[] args : cases) {
                Run run = run(args);
                assertThat(run.exitCode())
                        .as(String.join(" ", args) + ": " + run.err())
                        .isIn(0, 2);
                assertThat(run.out()).as(String.join(" ", args)).doesNotContain("NaN", "Infinity");
                if (run.exitCode() == 2) {
                    assertBadInput(run);
                }
            }
        }
    }

    @Nested
    class OutlierDates {
        @Test
        void oneRowTenThousandYearsAwayIsAClearErrorNamingTheEarliestAndLatestRows() throws IOException {
            Path shop = file(
                    "far.csv", "customer_id,date,amount\na,0001-01-01,1.00\nb,2024-01-01,2.00\nc,9999-12-31,3.00\n");
            assertBadInput(
                    run("cohort", "--transactions", shop.toString(), "--granularity", "year"),
                    "customer a on 0001-01-01",
                    "customer c on 9999-12-31");
            Path answers =
                    file("s.csv", "respondent_id,date,question,score\nr1,0001-01-01,nps,9\nr2,9999-12-31,nps,3\n");
            Run survey = run("survey", "--responses", answers.toString(), "--by", "day", "--format", "json");
            assertBadInput(survey, "periods of day", "respondent r1 on 0001-01-01");
            assertThat(survey.out()).hasSizeLessThan(10_000);
        }
    }

    @Test
    void theLauncherPassesLoyaltyJavaOptsToJava() throws IOException {
        String launcher = Files.readString(Path.of("..", "loyalty"), StandardCharsets.UTF_8);
        assertThat(launcher).contains("LOYALTY_JAVA_OPTS");
    }
}
