package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path orders() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "customer_id,date,amount",
                        "c1,2024-01-05,10.00",
                        "c2,2024-13-01,3.00",
                        "c1,2024-02-01,5.00",
                        "c3,2024-02-02,1.005",
                        ""),
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void skippedRowsAreCountedInOneWarningAndTheSourceSaysSo() throws IOException {
        Path file = orders();
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "retention",
                "--transactions",
                file.toString(),
                "--period",
                "2024-02-01/2024-03-01",
                "--max-bad-rows",
                "2",
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines())
                .containsExactly("loyalty retention: warning: 2 bad rows skipped (lines 3, 5); the first: " + file
                        + ":3: column 'date' (#2): '2024-13-01' is not a date of pattern yyyy-MM-dd");
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("source").asText()).isEqualTo(file + " (2 bad rows skipped)");
        // c1 in January and February: retained; c3's unreadable row is gone, so February has c1 only.
        assertThat(result.at("/retention/customers/active").asLong()).isEqualTo(1);
        assertThat(result.at("/retention/customers/retained").asLong()).isEqualTo(1);
    }

    @Test
    void oneBadRowMoreThanAllowedExitsTwoNamingIt() throws IOException {
        Path file = orders();
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--transactions", file.toString(), "--max-bad-rows", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .last()
                .isEqualTo(
                        "loyalty report: " + file + ":5: column 'amount' (#3): '1.005' has more than 2 decimal places;"
                                + " raise the amount scale to keep it exact (bad row 2: more than the 1 allowed to skip)");
    }

    @Test
    void withoutTheOptionTheFirstBadRowFailsTheCommand() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("cohort", "--transactions", orders().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(":3: column 'date' (#2): '2024-13-01'").doesNotContain("warning");
    }

    @Test
    void surveyAnswersAreSkippedTheSameWay() throws IOException {
        Path answers = dir.resolve("answers.csv");
        Files.writeString(
                answers,
                "respondent_id,date,question,score\nr1,2025-03-04,nps,9\nr2,2025-03-04,nps,11\nr3,2025-03-05,nps,3\n",
                StandardCharsets.UTF_8);
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "survey", "--responses", answers.toString(), "--max-bad-rows", "5", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: 1 bad row skipped (lines 3)");
        assertThat(JSON.readTree(run.out()).at("/nps/responses").asLong()).isEqualTo(2);
    }
}
