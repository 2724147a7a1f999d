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

class SurveyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Four respondents; every number asserted below is counted by hand from these rows. */
    private static final String ANSWERS = String.join(
            "\n",
            "respondent_id,date,question,score,segment",
            "r1,2025-01-05,nps,10,web",
            "r2,2025-01-06,nps,9,web",
            "r3,2025-02-01,nps,7,store",
            "r4,2025-02-02,nps,3,store",
            "r1,2025-01-05,csat,5,web",
            "r2,2025-01-06,csat,4,web",
            "r3,2025-02-01,csat,2,store",
            "r1,2025-01-05,ces,6,web",
            "r4,2025-02-02,ces,2,store",
            "r1,2025-01-05,csi:delivery,9,web",
            "r4,2025-02-02,csi:delivery,5,store",
            "r1,2025-01-05,csi:price,4,web",
            "");

    @TempDir
    Path dir;

    private static LoyaltyCliTest.Run run(String... args) {
        return LoyaltyCliTest.run(args);
    }

    Path file(String content) throws IOException {
        Path path = dir.resolve("answers.csv");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void jsonGivesNpsCsatCesAndCsiWithIntervalsInTheDesignShape() throws IOException {
        LoyaltyCliTest.Run run = run("survey", "--responses", file(ANSWERS).toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode nps = root.get("nps");
        assertThat(nps.get("responses").asLong()).isEqualTo(4);
        assertThat(nps.get("promoters").asLong()).isEqualTo(2);
        assertThat(nps.get("passives").asLong()).isEqualTo(1);
        assertThat(nps.get("detractors").asLong()).isEqualTo(1);
        assertThat(nps.get("score").asDouble()).isEqualTo(25.0);
        JsonNode ci = nps.get("confidenceInterval");
        assertThat(ci.get("level").asDouble()).isEqualTo(0.95);
        assertThat(ci.get("method").asText()).isEqualTo("adjusted-wald");
        assertThat(ci.get("low").asDouble()).isLessThan(ci.get("high").asDouble());

        JsonNode csat = root.get("csat");
        assertThat(csat.get("responses").asLong()).isEqualTo(3);
        assertThat(csat.get("satisfied").asLong()).isEqualTo(2);
        assertThat(csat.get("score").asDouble()).isEqualTo(2.0 / 3);
        assertThat(csat.at("/confidenceInterval/method").asText()).isEqualTo("wilson");
        assertThat(csat.at("/meanConfidenceInterval/method").asText()).isEqualTo("student-t");

        JsonNode ces = root.get("ces");
        assertThat(ces.get("score").asDouble()).isEqualTo(4.0);
        assertThat(ces.get("easy").asLong()).isEqualTo(1);
        assertThat(ces.at("/confidenceInterval/method").asText()).isEqualTo("student-t");

        JsonNode csi = root.get("csi");
        assertThat(csi.get("method").asText()).isEqualTo("nps");
        // delivery: 9 and 5 -> NPS 0; price: 4 -> NPS -100; index (0 - 100) / 2.
        assertThat(csi.get("index").asDouble()).isEqualTo(-50.0);
        assertThat(csi.at("/attributes/0/attribute").asText()).isEqualTo("delivery");
        assertThat(csi.at("/attributes/0/confidenceInterval/method").asText()).isEqualTo("adjusted-wald");
        assertThat(csi.get("pullingDown").get(0).asText()).isEqualTo("price");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void undefinedStatisticsAreNullInJson() throws IOException {
        LoyaltyCliTest.Run run = run(
                "survey",
                "--responses",
                file("respondent_id,date,question,score\nr1,2025-01-01,nps,9\n").toString(),
                "--format",
                "json");
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.at("/csat/score").isNull()).isTrue();
        assertThat(root.at("/csat/confidenceInterval").isNull()).isTrue();
        assertThat(root.at("/csi/index").isNull()).isTrue();
    }

    @Test
    void aScoreOf11OnLine5ExitsWith2NamingLine5AndTheScale() throws IOException {
        Path bad = file(String.join(
                "\n",
                "respondent_id,date,question,score",
                "r1,2025-01-05,nps,10",
                "r2,2025-01-06,nps,9",
                "r3,2025-02-01,csat,4",
                "r4,2025-02-02,nps,11",
                ""));
        LoyaltyCliTest.Run run = run("survey", "--responses", bad.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(bad + ":5:", "'score'", "'11'", "scale 0..10");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bySegmentAndByMonthGiveTheGroups() throws IOException {
        Path answers = file(ANSWERS);
        JsonNode segments =
                JSON.readTree(run("survey", "--responses", answers.toString(), "--by", "segment", "--format", "json")
                        .out());
        assertThat(segments.at("/breakdown/by").asText()).isEqualTo("segment");
        assertThat(segments.at("/breakdown/groups/0/segment").asText()).isEqualTo("store");
        assertThat(segments.at("/breakdown/groups/0/nps/score").asDouble()).isEqualTo(-50.0);
        assertThat(segments.at("/breakdown/groups/1/nps/score").asDouble()).isEqualTo(100.0);
        JsonNode months =
                JSON.readTree(run("survey", "--responses", answers.toString(), "--by", "month", "--format", "json")
                        .out());
        assertThat(months.at("/breakdown/groups/0/label").asText()).isEqualTo("2025-01");
        assertThat(months.at("/breakdown/groups/1/period").asText()).isEqualTo("2025-02-01/2025-03-01");
        LoyaltyCliTest.Run text = run("survey", "--responses", answers.toString(), "--by", "quarter");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("NPS", "CSAT", "CES", "CSI", "2025-Q1", "adjusted-wald");
    }

    @Test
    void optionsChooseTheScaleTheCsiMethodAndTheImportances() throws IOException {
        Path answers = file("respondent_id,date,question,score\nr1,2025-01-01,csat,7\nr1,2025-01-01,csi:price,3\n");
        LoyaltyCliTest.Run run = run(
                "survey",
                "--responses",
                answers.toString(),
                "--scale",
                "csat=1..7",
                "--scale",
                "csi:price=1..5",
                "--csi-method",
                "mean",
                "--importance",
                "price=2",
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.at("/csat/scale").asText()).isEqualTo("1..7");
        assertThat(root.at("/csi/index").asDouble()).isEqualTo(50.0);
        assertThat(root.at("/csi/attributes/0/importance").asDouble()).isEqualTo(2.0);
    }

    @Test
    void badOptionValuesExitWith2() throws IOException {
        Path answers = file(ANSWERS);
        assertThat(run("survey", "--responses", answers.toString(), "--by", "fortnight")
                        .err())
                .contains("--by must be segment");
        assertThat(run("survey", "--responses", answers.toString(), "--level", "95")
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("survey", "--responses", dir.resolve("missing.csv").toString())
                        .err())
                .contains("no such file");
    }

    @Test
    void withoutResponsesItRunsOnTheSampleShopsSurvey() {
        LoyaltyCliTest.Run run = run("survey", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sample shop", "\"nps\"", "\"csat\"", "\"ces\"", "\"csi\"");
    }

    @Test
    void theReportHasASurveySectionOnTheSampleShopAndTakesResponses() throws IOException {
        JsonNode report = JSON.readTree(run("report", "--format", "json").out());
        assertThat(report.at("/survey/tables/surveyTotal/rows/0/npsResponses").asLong())
                .isPositive();
        assertThat(report.at("/survey/tables/surveyBySegment/rows").size()).isEqualTo(2);
        Path answers = file(ANSWERS);
        JsonNode own = JSON.readTree(run("report", "--responses", answers.toString(), "--format", "json")
                .out());
        assertThat(own.at("/survey/tables/surveyTotal/rows/0/nps").asDouble()).isEqualTo(25.0);
        LoyaltyCliTest.Run text = run("report");
        assertThat(text.out()).contains("Customer survey", "By segment");
    }
}
