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
                        "c3,2024-02-02,abc",
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
                .containsExactly("loyalty retention: warning: 2 bad rows skipped: column 'date' (#2): is not a date of"
                        + " pattern yyyy-MM-dd: 1, first line 3; column 'amount' (#3): is not an amount (digits with an"
                        + " optional '.' decimal separator, a sign and one currency symbol or code): 1, first line 5");
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
                        "loyalty report: " + file + ":5: column 'amount' (#3): 'abc' is not an amount (digits with an"
                                + " optional '.' decimal separator, a sign and one currency symbol or code) (bad row 2: more"
                                + " than the 1 allowed to skip)");
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
        assertThat(run.err())
                .contains("warning: 1 bad row skipped: column 'score' (#4): ")
                .contains(": 1, first line 3");
        assertThat(JSON.readTree(run.out()).at("/nps/responses").asLong()).isEqualTo(2);
    }

    @Test
    void spendAndProgramEventFilesFollowThePurchaseInputsBadRowBudgetAndTimeZone() throws IOException {
        Path spend = dir.resolve("spend.csv");
        Files.writeString(
                spend, "period,amount\n2024-01,\"$1,000.00\"\n2024-02,-5.00\n2024-13,3.00\n", StandardCharsets.UTF_8);
        LoyaltyCliTest.Run value = LoyaltyCliTest.run(
                "value",
                "--transactions",
                orders().toString(),
                "--spend",
                spend.toString(),
                "--max-bad-rows",
                "2",
                "--thousands-separator",
                ",",
                "--format",
                "json");
        assertThat(value.exitCode()).as(value.err()).isZero();
        assertThat(value.err().lines())
                .contains("loyalty value: warning: 2 bad rows skipped: column 'amount' (#2): is negative; a spend is"
                        + " >= 0: 1, first line 3; column 'period' (#1): is not a period (2024-01-01/2024-02-01,"
                        + " 2024-03, 2024-Q1 or 2024): 1, first line 4");
        assertThat(JSON.readTree(value.out()).get("spendSource").asText()).isEqualTo(spend + " (2 bad rows skipped)");

        Path purchases = dir.resolve("good.csv");
        Files.writeString(purchases, "customer_id,date,amount\nc1,2024-01-05,10.00\n", StandardCharsets.UTF_8);
        Path events = dir.resolve("events.csv");
        Files.writeString(
                events,
                "customer_id,date,event,points\nc1,2024-01-31T23:30:00-07:00,enrol,\nc1,2024-02-01,join,\n",
                StandardCharsets.UTF_8);
        LoyaltyCliTest.Run program = LoyaltyCliTest.run(
                "program",
                "--transactions",
                purchases.toString(),
                "--events",
                events.toString(),
                "--max-bad-rows",
                "1",
                "--time-zone",
                "Europe/Berlin",
                "--granularity",
                "month",
                "--format",
                "json");
        assertThat(program.exitCode()).as(program.err()).isZero();
        assertThat(program.err())
                .contains("loyalty program: warning: 1 bad row skipped: column 'event' (#3): is not a program event");
        // 23:30 at -07:00 on January 31 is February 1 in Berlin: no one enrolled in January.
        JsonNode january = JSON.readTree(program.out()).at("/periods/0");
        assertThat(january.get("period").asText()).isEqualTo("2024-01");
        assertThat(january.get("newMembers").asLong()).isZero();
        LoyaltyCliTest.Run asWritten = LoyaltyCliTest.run(
                "program",
                "--transactions",
                purchases.toString(),
                "--events",
                events.toString(),
                "--max-bad-rows",
                "1",
                "--granularity",
                "month",
                "--format",
                "json");
        assertThat(JSON.readTree(asWritten.out()).at("/periods/0/newMembers").asLong())
                .isEqualTo(1);
        LoyaltyCliTest.Run strict =
                LoyaltyCliTest.run("program", "--transactions", purchases.toString(), "--events", events.toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains(events + ":3: column 'event' (#3): 'join'");
    }
}
