package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --format}: each format its help names works, one it does not name is refused naming those it
 * does; and the text and the JSON of a command rendered through the document show the same numbers.
 */
class CommandFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The arguments of a run of each command that has --format, on the built-in sample shop. */
    private static final Map<String, List<String>> RUNS = Map.ofEntries(
            Map.entry("report", List.of()),
            Map.entry("retention", List.of("--period", "2025-01-01/2025-04-01", "--granularity", "month")),
            Map.entry("crr", List.of("--start", "200", "--end", "210", "--new", "30")),
            Map.entry("cohort", List.of("--granularity", "quarter")),
            Map.entry("survey", List.of("--by", "quarter")),
            Map.entry("targets", List.of()),
            Map.entry("sample", List.of("--customers", "20")),
            Map.entry("program", List.of()),
            Map.entry("value", List.of()),
            Map.entry("segments", List.of("--view", "levels")),
            Map.entry("rfm", List.of("--calibration-end", "2025-06-30")),
            Map.entry(
                    "clv predict",
                    List.of("--model", "bg-nbd", "--calibration-end", "2025-06-30", "--horizon", "4", "--no-spend")),
            Map.entry("clv fit", List.of("--model", "bg-nbd", "--calibration-end", "2025-06-30")),
            Map.entry("clv compare", List.of("--calibration-end", "2025-06-30")),
            Map.entry(
                    "clv validate",
                    List.of("--model", "bg-nbd", "--calibration-end", "2025-06-30", "--holdout-end", "2025-12-31")));

    /** Every command with --format, by its name after {@code loyalty}, with its option. */
    private static Map<String, FormatOption> formats() {
        Map<String, FormatOption> all = new LinkedHashMap<>();
        collect(LoyaltyCli.commandLine(), "", all);
        return all;
    }

    private static void collect(CommandLine command, String name, Map<String, FormatOption> all) {
        command.getCommandSpec().mixins().values().stream()
                .filter(m -> m.userObject() instanceof FormatOption)
                .forEach(m -> all.put(name, (FormatOption) m.userObject()));
        command.getSubcommands().forEach((sub, line) -> collect(line, name.isEmpty() ? sub : name + " " + sub, all));
    }

    /** Every command that runs (not {@code help}, not a group such as {@code clv}), by its name after loyalty. */
    private static void leaves(CommandLine command, String name, List<String> all) {
        command.getSubcommands().forEach((sub, line) -> {
            String full = name.isEmpty() ? sub : name + " " + sub;
            if (line.getSubcommands().isEmpty() && !line.getCommandSpec().helpCommand()) {
                all.add(full);
            } else {
                leaves(line, full, all);
            }
        });
    }

    private static LoyaltyCliTest.Run run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(RUNS.get(command));
        args.addAll(List.of(more));
        return LoyaltyCliTest.run(args.toArray(String[]::new));
    }

    @Nested
    class Definitions {
        @Test
        void everyCommandHasTheSharedFormatOption() {
            List<String> commands = new ArrayList<>();
            leaves(LoyaltyCli.commandLine(), "", commands);
            assertThat(commands).doesNotContain("help").hasSize(RUNS.size());
            assertThat(formats().keySet())
                    .containsExactlyInAnyOrderElementsOf(commands)
                    .containsExactlyInAnyOrderElementsOf(RUNS.keySet());
        }

        @Test
        void everyCommandsHelpNamesExactlyTheFormatsItOffersAndItsDefault() {
            formats().forEach((command, format) -> {
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.add("--help");
                String help =
                        LoyaltyCliTest.run(args.toArray(String[]::new)).out().replaceAll("\\s+", " ");
                String expected = FormatOption.words(format.offered().stream()
                                .map(FormatOption.Format::code)
                                .toList())
                        + " (any case)";
                assertThat(help)
                        .as(command)
                        .contains(expected)
                        .contains("Default: " + format.offered().get(0).code());
            });
        }

        @Test
        void everyCommandAcceptsEveryFormatItOffersInAnyCase() throws Exception {
            for (Map.Entry<String, FormatOption> e : formats().entrySet()) {
                for (FormatOption.Format format : e.getValue().offered()) {
                    String given = format.ordinal() % 2 == 0
                            ? format.code()
                            : format.code().toUpperCase(Locale.ROOT);
                    LoyaltyCliTest.Run run = run(e.getKey(), "--format", given);
                    String what = e.getKey() + " --format " + given;
                    assertThat(run.exitCode()).as(what + ": " + run.err()).isZero();
                    assertThat(run.out()).as(what).isNotBlank();
                    switch (format) {
                        case JSON ->
                            assertThat(JSON.readTree(run.out()).isObject())
                                    .as(what)
                                    .isTrue();
                        case CSV ->
                            assertThat(run.out().lines().findFirst().orElseThrow())
                                    .as(what)
                                    .contains(",");
                        case HTML -> assertThat(run.out()).as(what).startsWith("<!DOCTYPE html>");
                        default -> assertThat(run.out()).as(what).doesNotStartWith("{");
                    }
                }
            }
        }

        @Test
        void aFormatACommandDoesNotOfferIsRefusedNamingThoseItDoes() {
            LoyaltyCliTest.Run run = run("crr", "--format", "csv");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .isEqualTo("loyalty crr: --format csv is not available for crr: use text or json");
        }
    }

    @Nested
    class Invariants {
        @Test
        void retentionShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("retention");
        }

        @Test
        void crrShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("crr");
        }

        @Test
        void targetsShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("targets");
        }

        @Test
        void valueShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("value");
        }

        @Test
        void programShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("program");
        }

        @Test
        void cohortShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("cohort");
            assertTextShowsTheJsonNumbers("cohort", "--metric", "ltv");
            assertTextShowsTheJsonNumbers("cohort", "--definition", "unbounded", "--brackets", "1-2,3-4");
        }

        @Test
        void surveyShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("survey");
        }

        @Test
        void surveyCsvHasARowForAllAnswersThenOnePerGroupWithTheJsonsNps() throws Exception {
            JsonNode json = JSON.readTree(run("survey", "--format", "json").out());
            List<String> csv = run("survey", "--format", "csv").out().lines().toList();
            assertThat(csv.get(0)).startsWith("group,npsResponses,nps,npsLow,npsHigh,");
            assertThat(csv).hasSize(2 + json.at("/breakdown/groups").size());
            assertThat(csv.get(1))
                    .startsWith("all," + json.at("/nps/responses").asText() + ","
                            + json.at("/nps/score").decimalValue().toPlainString() + ",");
        }

        @Test
        void cohortCsvHasTheJsonsCohortsAsRows() throws Exception {
            JsonNode json = JSON.readTree(run("cohort", "--format", "json").out());
            List<String> csv = run("cohort", "--format", "csv").out().lines().toList();
            assertThat(csv.get(0)).startsWith("cohort,period,size,values.0,values.1,");
            assertThat(csv).hasSize(json.get("cohorts").size() + 1);
            JsonNode first = json.get("cohorts").get(0);
            assertThat(csv.get(1))
                    .startsWith(first.get("cohort").asText() + ","
                            + first.get("period").asText() + ","
                            + first.get("size").asText() + ","
                            + first.get("values").get(0).asText() + ",");
        }
    }

    /** Every number of the JSON appears in the text: a count grouped, money with two decimals, a rate in percent. */
    static void assertTextShowsTheJsonNumbers(String command, String... options) throws Exception {
        LoyaltyCliTest.Run text = run(command, options);
        List<String> jsonOptions = new ArrayList<>(List.of(options));
        jsonOptions.addAll(List.of("--format", "json"));
        LoyaltyCliTest.Run json = run(command, jsonOptions.toArray(String[]::new));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(json.exitCode()).as(json.err()).isZero();
        List<String> missing = new ArrayList<>();
        int[] checked = {0};
        walk(JSON.readTree(json.out()), "", (path, value) -> {
            checked[0]++;
            List<String> shown = value.isIntegralNumber()
                    ? List.of(String.format(Locale.ROOT, "%,d", value.longValue()))
                    : List.of(
                            String.format(Locale.ROOT, "%,.2f", value.decimalValue()),
                            String.format(Locale.ROOT, "%.1f%%", 100 * value.doubleValue()));
            if (shown.stream().noneMatch(text.out()::contains)) {
                missing.add(path + "=" + value + " (shown as one of " + shown + ")");
            }
        });
        assertThat(checked[0]).as(command).isGreaterThan(5);
        assertThat(missing).as(command + " text:\n" + text.out()).isEmpty();
    }

    private interface Leaf {
        void accept(String path, JsonNode value);
    }

    private static void walk(JsonNode node, String path, Leaf leaf) {
        if (node.isNumber()) {
            leaf.accept(path, node);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), leaf));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, leaf);
            }
        }
    }
}
