package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command shows where its purchases came from one way: the JSON's {@code "source"} string and {@code "input"}
 * object (the load summary: rows, orders, rows skipped per reason, refunds) are the same in every command for one
 * file, and the text's {@code source:} line is the same in every command rendered through the document.
 */
class SourceBlockTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each command as it runs on the export (the input options are added). */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("retention", "--period", "2010-12-01/2011-01-01"),
            List.of("cohort"),
            List.of("cohort", "--metric", "revenue"),
            List.of("segments", "--view", "levels"));

    @TempDir
    Path dir;

    private Path onlineRetail() throws IOException {
        Path file = dir.resolve("online_retail.csv");
        try (InputStream in = SourceBlockTest.class.getResourceAsStream("/exports/online_retail.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static LoyaltyCliTest.Run run(List<String> command, Path file, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--transactions", file.toString(), "--preset", "online-retail"));
        args.addAll(List.of(more));
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
        return run;
    }

    @Nested
    class Invariants {
        @Test
        void everyCommandWritesTheSameSourceAndInputForOneFile() throws IOException {
            Path file = onlineRetail();
            JsonNode first =
                    JSON.readTree(run(COMMANDS.get(0), file, "--format", "json").out());
            assertThat(first.get("source").asText()).isEqualTo(file.toString());
            assertThat(first.at("/input/skipped").size()).isPositive();
            for (List<String> command : COMMANDS) {
                JsonNode json =
                        JSON.readTree(run(command, file, "--format", "json").out());
                assertThat(json.get("source")).as(command.toString()).isEqualTo(first.get("source"));
                assertThat(json.get("input")).as(command.toString()).isEqualTo(first.get("input"));
            }
        }

        @Test
        void everyDocumentCommandShowsTheSameSourceLineWithTheLoadSummary() throws IOException {
            Path file = onlineRetail();
            String summary = JSON.readTree(
                            run(COMMANDS.get(0), file, "--format", "json").out())
                    .at("/input/summary")
                    .asText();
            List<String> lines = new ArrayList<>();
            for (List<String> command : COMMANDS.subList(0, 3)) {
                String line = run(command, file)
                        .out()
                        .lines()
                        .filter(l -> l.startsWith("source:"))
                        .findFirst()
                        .orElseThrow();
                lines.add(line);
            }
            assertThat(lines.get(0)).contains(file.toString(), summary);
            assertThat(lines).containsOnly(lines.get(0));
        }
    }
}
