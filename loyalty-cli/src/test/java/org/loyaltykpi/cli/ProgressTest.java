package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The progress line of every command: on a terminal each command shows its steps on standard error and clears the line
 * at the end; {@code --quiet} or a pipe shows nothing; standard output never holds a step.
 */
class ProgressTest {
    /** One invocation of every command that does work (the sample shop's data, so no file is needed). */
    static final List<List<String>> COMMANDS = List.of(
            List.of("report", "--format", "json"),
            List.of("retention", "--period", "2025-01-01/2025-04-01"),
            List.of("cohort", "--format", "csv"),
            List.of("survey"),
            List.of("rfm", "--calibration-end", "2025-06-30"),
            List.of("clv", "fit", "--model", "bg-nbd", "--calibration-end", "2025-06-30"),
            List.of("clv", "predict", "--model", "bg-nbd", "--calibration-end", "2025-06-30", "--horizon", "4"),
            List.of("targets"),
            List.of("program"),
            List.of("value"),
            List.of("segments", "--view", "levels"),
            List.of("sample", "--customers", "50"),
            List.of("crr", "--start", "100", "--end", "90", "--new", "10"));

    record Run(int exitCode, String out, String err) {}

    static Run run(boolean terminal, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), terminal, args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Nested
    class Definitions {
        @Test
        void onATerminalEveryCommandThatReadsDataShowsItsStepsNamedAfterItselfAndClearsTheLine() {
            for (List<String> command : COMMANDS) {
                if (command.get(0).equals("crr")) {
                    continue; // arithmetic on three numbers: no long work
                }
                Run run = run(true, command);
                String name = "loyalty "
                        + (command.get(0).equals("clv") ? command.get(0) + " " + command.get(1) : command.get(0));
                assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
                assertThat(run.err())
                        .as(command.toString())
                        .contains("\r" + name + ": ")
                        .endsWith("\r\u001b[K");
                assertThat(run.out())
                        .as(command.toString())
                        .doesNotContain("\r")
                        .doesNotContain("\u001b");
            }
        }

        @Test
        void theClvCommandsShowFittingAndPredicting() {
            Run run = run(
                    true,
                    List.of(
                            "clv",
                            "predict",
                            "--model",
                            "bg-nbd",
                            "--calibration-end",
                            "2025-06-30",
                            "--horizon",
                            "4"));
            assertThat(run.err())
                    .contains("computing on 20,028 purchases")
                    .contains(
                            "fitting the purchase model on 1,600 customers") // those first seen by the calibration end
                    .contains("predicting 1,600 customers");
        }
    }

    @Nested
    class Invariants {
        @Test
        void withQuietOrWhenStandardErrorIsNoTerminalNoCommandWritesAnythingOnStandardError() {
            for (List<String> command : COMMANDS) {
                List<String> quiet = new java.util.ArrayList<>(command);
                quiet.add("--quiet");
                Run silenced = run(true, quiet);
                assertThat(silenced.exitCode())
                        .as(quiet + ": " + silenced.err())
                        .isZero();
                assertThat(silenced.err()).as(quiet.toString()).isEmpty();
                Run piped = run(false, command);
                assertThat(piped.err()).as(command.toString()).isEmpty();
                assertThat(piped.out()).as(command.toString()).isEqualTo(silenced.out());
            }
        }
    }
}
