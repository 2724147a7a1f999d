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
            Map.entry("segments", List.of()),
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
        /**
         * The one documented enum style (README, "Values"): {@code "month"}, {@code "no-data"}, {@code "mbg-nbd"};
         * never a Java constant such as {@code "MONTH"} or {@code "NO_DATA"}.
         */
        @Test
        void everyCommandsJsonWritesEnumValuesLowerKebabNeverAsJavaConstants() throws Exception {
            java.util.regex.Pattern javaConstant = java.util.regex.Pattern.compile("[A-Z]{2,}(_[A-Z]+)*");
            int commands = 0;
            for (Map.Entry<String, FormatOption> e : formats().entrySet()) {
                if (!e.getValue().offered().contains(FormatOption.Format.JSON)) {
                    continue;
                }
                LoyaltyCliTest.Run json = run(e.getKey(), "--format", "json");
                assertThat(json.exitCode()).as(e.getKey() + ": " + json.err()).isZero();
                List<String> constants = new ArrayList<>();
                strings(JSON.readTree(json.out()), "", (path, text) -> {
                    boolean words = path.matches(".*/(label|title|unit|note|notes|text)(/\\d+)?");
                    if (!words && javaConstant.matcher(text).matches()) { // labels are words: "NPS", "AOV"
                        constants.add(path + "=" + text);
                    }
                });
                assertThat(constants).as(e.getKey()).isEmpty();
                commands++;
            }
            assertThat(commands).isGreaterThan(10);
        }

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
        void segmentsShowsEveryNumberOfItsJsonInItsText() throws Exception {
            // text lists 10 flagged customers and the flows of the last period unless told to show all, as JSON does
            assertTextShowsTheJsonNumbers("segments", "--list", "100000", "--transition-periods", "100000");
        }

        @Test
        void rfmShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("rfm", "--holdout-end", "2025-12-31");
        }

        @Test
        void clvFitShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("clv fit");
        }

        @Test
        void clvPredictShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("clv predict");
        }

        @Test
        void clvPredictWithIntervalsShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("clv predict", "--intervals", "0.9", "--draws", "20");
        }

        @Test
        void clvCompareShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("clv compare");
        }

        @Test
        void clvValidateShowsEveryNumberOfItsJsonInItsText() throws Exception {
            assertTextShowsTheJsonNumbers("clv validate");
        }

        @Test
        void theCsvOfClvPredictIsTheTableOfItsJsonAtTheJsonsPrecision() throws Exception {
            LoyaltyCliTest.Run csv = run("clv predict");
            LoyaltyCliTest.Run json = run("clv predict", "--format", "json");
            JsonNode rows = JSON.readTree(json.out()).get("predictions");
            List<String> lines = csv.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("customer_id,p_alive,expected_purchases");
            assertThat(lines).hasSize(rows.size() + 1);
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String[] cells = lines.get(i + 1).split(",");
                assertThat(cells[0]).isEqualTo(row.get("customer_id").asText());
                assertThat(Double.parseDouble(cells[1]))
                        .isEqualTo(row.get("p_alive").asDouble());
                assertThat(Double.parseDouble(cells[2]))
                        .isEqualTo(row.get("expected_purchases").asDouble());
            }
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

    /**
     * Every number of the JSON appears in the text: a count grouped, a decimal rounded to 0 to 6 digits (money with
     * two), a rate in percent with one decimal.
     */
    static void assertTextShowsTheJsonNumbers(String command, String... more) throws Exception {
        List<String> textArgs = new ArrayList<>(List.of(more));
        textArgs.addAll(List.of("--format", "text"));
        LoyaltyCliTest.Run text = run(command, textArgs.toArray(String[]::new));
        List<String> json = new ArrayList<>(List.of(more));
        json.addAll(List.of("--format", "json"));
        LoyaltyCliTest.Run jsonRun = run(command, json.toArray(String[]::new));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(jsonRun.exitCode()).as(jsonRun.err()).isZero();
        java.util.Set<String> tokens =
                new java.util.HashSet<>(List.of(text.out().split("\\s+")));
        List<String> missing = new ArrayList<>();
        int[] checked = {0};
        walk(JSON.readTree(jsonRun.out()), "", (path, value) -> {
            checked[0]++;
            List<String> shown = new ArrayList<>();
            if (value.isIntegralNumber()) {
                shown.add(String.format(Locale.ROOT, "%,d", value.longValue()));
            } else {
                for (int digits = 0; digits <= 6; digits++) {
                    shown.add(String.format(Locale.ROOT, "%,." + digits + "f", value.decimalValue()));
                }
                shown.add(String.format(Locale.ROOT, "%.1f%%", 100 * value.doubleValue()));
            }
            if (shown.stream().noneMatch(tokens::contains) && shown.stream().noneMatch(text.out()::contains)) {
                missing.add(path + "=" + value + " (shown as one of " + shown + ")");
            }
        });
        assertThat(checked[0]).as(command).isGreaterThan(5);
        assertThat(missing).as(command + " text:\n" + text.out()).isEmpty();
    }

    private interface Leaf {
        void accept(String path, JsonNode value);
    }

    private interface TextLeaf {
        void accept(String path, String text);
    }

    /** Every string value of a JSON tree, with its path. */
    private static void strings(JsonNode node, String path, TextLeaf leaf) {
        if (node.isTextual()) {
            leaf.accept(path, node.asText());
        } else if (node.isContainerNode()) {
            node.fields().forEachRemaining(e -> strings(e.getValue(), path + "/" + e.getKey(), leaf));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                strings(node.get(i), path + "/" + i, leaf);
            }
        }
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
