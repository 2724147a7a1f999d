package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help: examples, and nothing on standard error (no picocli warning). */
class HelpTest {

    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(LoyaltyCli.commandLine(), new ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandSpec().aliases().length >= 0) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, all);
            }
        });
    }

    @Test
    void everyCommandsHelpHasExamplesAndPrintsNothingOnStandardError() {
        List<List<String>> commands = commands();
        assertThat(commands).hasSizeGreaterThan(12);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            LoyaltyCliTest.Run run = LoyaltyCliTest.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.err()).as(String.join(" ", args)).isEmpty();
            assertThat(run.out()).as(String.join(" ", args)).contains("Examples:");
        }
    }

    @Test
    void enumOptionsAreCaseInsensitive() {
        LoyaltyCliTest.Run upper = LoyaltyCliTest.run("cohort", "--format", "CSV", "--granularity", "QUARTER");
        assertThat(upper.exitCode()).as(upper.err()).isZero();
        assertThat(upper.out())
                .isEqualTo(LoyaltyCliTest.run("cohort", "--format", "csv", "--granularity", "quarter")
                        .out());
    }

    @Test
    void retentionTakesGranularityAndItsOldNameBy() {
        LoyaltyCliTest.Run granularity = LoyaltyCliTest.run(
                "retention", "--period", "2025-01-01/2025-04-01", "--granularity", "month", "--format", "csv");
        LoyaltyCliTest.Run by = LoyaltyCliTest.run(
                "retention", "--period", "2025-01-01/2025-04-01", "--by", "month", "--format", "csv");
        assertThat(granularity.exitCode()).as(granularity.err()).isZero();
        assertThat(granularity.out())
                .startsWith("period,label,previousPeriod,customers.atStart,customers.active,")
                .isEqualTo(by.out());
        assertThat(granularity.out().lines()).hasSize(1 + 1 + 3);
    }

    @Test
    void surveyHasCsv() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("survey", "--by", "segment", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("group,npsResponses,nps,").contains("\nall,");
    }

    @Test
    void theReportShowsNoProgressWhenStandardErrorIsNotATerminal() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(LoyaltyCliTest.run("report", "--quiet").err()).isEmpty();
    }

    @Test
    void aBadEnumValueNamesTheValueAndWhatIsAccepted() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("cohort", "--granularity", "fortnight");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fortnight").doesNotContain("Exception");
    }
}
