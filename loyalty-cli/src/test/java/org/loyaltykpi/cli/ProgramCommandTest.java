package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.io.ProgramEventCsv;

class ProgramCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PURCHASES = String.join(
            "\n",
            "customer_id,date,amount",
            "A,2025-01-05,40.00",
            "B,2025-01-06,10.00",
            "C,2025-01-07,25.00",
            "A,2025-02-03,60.00",
            "");

    private static final String EVENTS = String.join(
            "\n",
            "customer_id,date,event,points,tier,referred_customer_id",
            "A,2025-01-05,enrol,,bronze,",
            "A,2025-01-05,earn,40,,",
            "B,2025-01-06,enrol,,bronze,",
            "A,2025-02-03,earn,60,,",
            "A,2025-02-03,tier_change,,silver,",
            "A,2025-02-03,redeem,80,,",
            "A,2025-02-10,referral,,,C",
            "");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return CliFiles.write(dir, name, content);
    }

    @Test
    void jsonGivesTheMonthlyProgramMetricsTiersAndMigration() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "program",
                "--transactions",
                file("p.csv", PURCHASES).toString(),
                "--events",
                file("e.csv", EVENTS).toString(),
                "--granularity",
                "month",
                "--point-value",
                "0.05",
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode feb = root.at("/periods/1");
        assertThat(feb.get("period").asText()).isEqualTo("2025-02");
        assertThat(feb.get("participationRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(feb.get("activeMemberRate").asDouble()).isEqualTo(0.5);
        assertThat(feb.get("outstandingPoints").asLong()).isEqualTo(20);
        assertThat(feb.get("liability").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(feb.get("referralRate").asDouble()).isEqualTo(0.5);
        assertThat(root.at("/tiers/silver").asLong()).isEqualTo(1);
        assertThat(root.at("/tiers/bronze").asLong()).isEqualTo(1);
        assertThat(root.at("/tierMigration/bronze/silver").asLong()).isEqualTo(1);
        assertThat(root.at("/tierMigration/bronze/bronze").asLong()).isEqualTo(1);
        assertThat(root.at("/lift/window").asText()).isEqualTo("2025-02");
    }

    @Test
    void theSampleShopRunsWithItsOwnEventsAndTheSampleCommandWritesThem() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("program");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("participation")
                .contains("tier migration: bronze to silver")
                .contains("not a causal effect");
        Path out = dir.resolve("events.csv");
        assertThat(LoyaltyCliTest.run(
                                "sample", "--out", dir.resolve("p.csv").toString(), "--events-out", out.toString())
                        .exitCode())
                .isZero();
        List<ProgramEvent> written = ProgramEventCsv.read(out);
        assertThat(written).isEqualTo(SampleShop.standard().programEvents());
    }

    @Test
    void anUnknownEventExits2WithOneLineNamingFileLineColumnAndValue() throws IOException {
        Path events =
                file("bad.csv", "customer_id,date,event,points,tier,referred_customer_id\nA,2025-01-05,join,,,\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "program", "--transactions", file("p.csv", PURCHASES).toString(), "--events", events.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(events + ":2: column 'event' (#3): 'join' is not a program event");
    }

    @Test
    void purchasesWithoutEventsExit2AskingForThem() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "program", "--transactions", file("p.csv", PURCHASES).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--events FILE is required");
    }

    @Test
    void theReportHasTheTargetsAndProgramSections() throws IOException {
        LoyaltyCliTest.Run text = LoyaltyCliTest.run("report", "--granularity", "quarter");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("KPI targets").contains("Loyalty program");
        LoyaltyCliTest.Run json = LoyaltyCliTest.run("report", "--format", "json", "--granularity", "year");
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.at("/targets/tables/targetsLatest/rows")).hasSize(4);
        assertThat(root.at("/program/tables/programByPeriod/rows")).hasSize(3);
        LoyaltyCliTest.Run none = LoyaltyCliTest.run(
                "report", "--transactions", file("p.csv", PURCHASES).toString(), "--format", "json");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(JSON.readTree(none.out()).at("/program/events").asLong()).isZero();
    }
}
