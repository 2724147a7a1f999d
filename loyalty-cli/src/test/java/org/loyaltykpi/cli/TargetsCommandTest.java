package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A buys in 2024 and 2025, B only in 2024: yearly retention 2025 = 1/2 = 50%. */
    private static final String PURCHASES = String.join(
            "\n", "customer_id,date,amount", "A,2024-01-05,10.00", "B,2024-02-05,10.00", "A,2025-03-05,10.00", "");

    /** NPS 2024: 9, 10 -> 100; 2025: 10, 3 -> 0. CSAT 2024: 5, 4 -> 100%; none in 2025. */
    private static final String ANSWERS = String.join(
            "\n",
            "respondent_id,date,question,score",
            "A,2024-01-06,nps,9",
            "B,2024-02-06,nps,10",
            "A,2024-01-06,csat,5",
            "B,2024-02-06,csat,4",
            "A,2025-03-06,nps,10",
            "B,2025-04-06,nps,3",
            "");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return CliFiles.write(dir, name, content);
    }

    @Test
    void jsonJudgesEachSeedTargetPerYearAndAMissingSeriesIsNoData() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "targets",
                "--transactions",
                file("p.csv", PURCHASES).toString(),
                "--responses",
                file("a.csv", ANSWERS).toString(),
                "--granularity",
                "year",
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode targets = root.get("targets");
        assertThat(targets).hasSize(4);
        assertThat(root.get("granularity").asText()).isEqualTo("year");
        assertThat(targets.get(0).get("metric").asText()).isEqualTo("satisfaction");
        List<JsonNode> satisfaction = periods(root, "satisfaction");
        assertThat(satisfaction.get(0).get("status").asText()).isEqualTo("met");
        assertThat(satisfaction.get(0).get("gap").asDouble()).isEqualTo(20.0);
        assertThat(satisfaction.get(1).get("status").asText()).isEqualTo("no-data");
        assertThat(satisfaction.get(1).get("value").isNull()).isTrue();
        List<JsonNode> retention = periods(root, "retention");
        assertThat(retention.get(0).get("status").asText()).isEqualTo("no-data"); // nobody at start in 2024
        assertThat(retention.get(1).get("value").asDouble()).isEqualTo(50.0);
        assertThat(retention.get(1).get("required").asDouble()).isEqualTo(97.0);
        assertThat(retention.get(1).get("status").asText()).isEqualTo("missed");
        List<JsonNode> nps = periods(root, "nps");
        assertThat(nps.get(0).get("status").asText()).isEqualTo("met");
        assertThat(nps.get(1).get("gap").asDouble()).isEqualTo(-75.0);
        assertThat(targets.get(3).get("metric").asText()).isEqualTo("positive-reviews");
        assertThat(periods(root, "positive-reviews"))
                .extracting(p -> p.get("status").asText())
                .containsOnly("no-data");
    }

    /** The rows of the JSON's {@code periods} of one metric, in period order. */
    private static List<JsonNode> periods(JsonNode root, String metric) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        root.get("periods").forEach(p -> {
            if (p.get("metric").asText().equals(metric)) {
                rows.add(p);
            }
        });
        return rows;
    }

    @Test
    void reviewsGiveThePositiveShareSeriesJudgedAgainstTheFirstYearGrownByTenPercent() throws IOException {
        // 2024: 2 of 4 reviews positive -> 50% (the baseline); 2025: 3 of 5 -> 60% >= 50 x 1.1 = 55: met.
        String reviews = String.join(
                "\n",
                "customer_id,date,rating,sentiment",
                "A,2024-01-07,5,",
                "B,2024-02-07,,positive",
                "A,2024-03-07,3,",
                "B,2024-04-07,1,",
                "A,2025-03-07,4,",
                "A,2025-03-08,5,",
                "B,2025-03-09,,positive",
                "A,2025-05-07,2,",
                "B,2025-06-07,,neutral",
                "");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "targets",
                "--transactions",
                file("p.csv", PURCHASES).toString(),
                "--reviews",
                file("r.csv", reviews).toString(),
                "--granularity",
                "year",
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> positive = periods(JSON.readTree(run.out()), "positive-reviews");
        assertThat(positive.get(0).get("value").asDouble()).isEqualTo(50.0);
        assertThat(positive.get(0).get("status").asText()).isEqualTo("met");
        assertThat(positive.get(1).get("value").asDouble()).isEqualTo(60.0);
        assertThat(positive.get(1).get("required").asDouble())
                .isCloseTo(55.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(positive.get(1).get("status").asText()).isEqualTo("met");
    }

    @Test
    void csvHasOneRowPerTargetAndPeriod() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "targets",
                "--transactions",
                file("p.csv", PURCHASES).toString(),
                "--granularity",
                "year",
                "--format",
                "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .hasSize(1 + 4 * 2)
                .first()
                .isEqualTo("metric,period,value,required,path,gap,status");
        assertThat(run.out()).contains("retention,2025,50,97,97,-47,missed");
    }

    @Test
    void theSampleShopShowsEveryTargetAsText() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("targets");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("KPI targets by quarter")
                .contains("satisfaction >= 80")
                .contains("retention >= 95 +2/year")
                .contains("nps >= 70 +5/year")
                .contains("positive-reviews >= baseline x 1.1/year")
                .contains("2025-Q4");
    }

    @Test
    void aBadSurveyFileExits2WithOneLineNamingFileLineColumnAndValue() throws IOException {
        Path answers = file("bad.csv", "respondent_id,date,question,score\nA,2024-01-06,nps,11\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "targets", "--transactions", file("p.csv", PURCHASES).toString(), "--responses", answers.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(answers + ":2: column 'score' (#4): '11'");
    }
}
