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

class SegmentsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** a: four purchase days, a promoter; b: one purchase, a detractor who left 200 days before the day; c: none. */
    private static final String SHOP = String.join(
            "\n",
            "customer_id,date,amount",
            "a,2024-01-10,10.00",
            "a,2024-02-10,10.00",
            "a,2024-03-10,10.00",
            "a,2024-06-10,10.00",
            "b,2023-12-14,30.00",
            "");

    private static final String ANSWERS = String.join(
            "\n",
            "respondent_id,date,question,score",
            "a,2024-06-11,nps,10",
            "b,2023-12-20,nps,2",
            "p,2024-05-01,nps,9",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private LoyaltyCliTest.Run run(String... extra) throws IOException {
        String[] base = {
            "segments",
            "--transactions",
            write("shop.csv", SHOP).toString(),
            "--responses",
            write("answers.csv", ANSWERS).toString(),
            "--as-of",
            "2024-07-01"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return LoyaltyCliTest.run(args);
    }

    @Test
    void csvPrintsOneRowPerCustomerWithEveryViewsColumns() throws IOException {
        LoyaltyCliTest.Run run = run("--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("\n"))
                .containsExactly(
                        "customer_id,level,attitude,window_purchase_days,window_revenue,stage,purchase_days,"
                                + "days_since_last_purchase,revenue,recency_days,frequency,monetary,r,f,m,rfm,"
                                + "rfm_segment,churn_reasons",
                        // a: bought in 2 of the last 4 quarters (repeat, not loyal); R, F, M 1 + 5 * 1 / 2 = 3.
                        "a,true,high,4,40.00,repeat,4,21,40.00,21,4,40.00,3,3,3,333,need-attention,",
                        // b: its purchase is in the 365-day window but not in the 180-day churn window.
                        "b,negative,negative,1,30.00,lapsed,1,200,30.00,200,1,30.00,1,1,1,111,lost,no-repeat",
                        "p,latent,high,0,0.00,prospect,0,,0.00,,,,,,,,,");
    }

    @Test
    void jsonHasTheFourSectionsWithSharesAsFractions() throws IOException {
        LoyaltyCliTest.Run run = run("--format", "json", "--view", "all");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("asOf").asText()).isEqualTo("2024-07-01");
        JsonNode levels = root.get("loyaltyLevels");
        assertThat(levels.get("customers").asLong()).isEqualTo(3);
        assertThat(levels.get("levels").get(0).get("name").asText()).isEqualTo("true");
        assertThat(levels.get("levels").get(0).get("share").asDouble()).isEqualTo(1.0 / 3);
        assertThat(root.get("lifecycle").get("stages").get(3).get("name").asText())
                .isEqualTo("loyal");
        assertThat(root.get("rfmSegments").get("customers").asLong()).isEqualTo(2);
        JsonNode churn = root.get("churnRisk");
        assertThat(churn.get("reasons").get("no-repeat").asLong()).isEqualTo(1);
        assertThat(churn.get("reasons").get("low-p-alive").isNull()).isTrue();
        JsonNode b = churn.get("flaggedCustomers").get(0);
        assertThat(b.get("customer").asText()).isEqualTo("b");
        assertThat(b.get("reasons").asText()).isEqualTo("no-repeat");
        assertThat(b.at("/signals/no-repeat").asDouble()).isEqualTo(200);
        assertThat(b.at("/signals/declining-activity").isNull()).isTrue();
        JsonNode periods = root.at("/lifecycle/periods");
        assertThat(periods.get(periods.size() - 1).at("/stages/first-purchase").isIntegralNumber())
                .isTrue();
        for (JsonNode t : root.at("/lifecycle/transitions")) {
            assertThat(t.get("customers").asLong()).isPositive();
            assertThat(t.get("from").asText()).matches("new|prospect|first-purchase|repeat|loyal|at-risk|lapsed");
        }
    }

    @Test
    void aLaterReviewOverridesTheSurveyAttitudeAndAReviewerIsACustomerToo() throws IOException {
        // a's negative review after its promoter answer makes it a spurious loyal (still buying); r only reviewed.
        Path reviews = write("reviews.csv", "customer_id,date,rating\na,2024-06-20,1\nr,2024-06-01,5\n");
        LoyaltyCliTest.Run run = run("--format", "csv", "--view", "levels", "--reviews", reviews.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("\n"))
                .containsExactly(
                        "customer_id,level,attitude,window_purchase_days,window_revenue",
                        "a,spurious,negative,4,40.00",
                        "b,negative,negative,1,30.00",
                        "p,latent,high,0,0.00",
                        "r,latent,high,0,0.00");
    }

    @Test
    void thresholdsAreOptions() throws IOException {
        LoyaltyCliTest.Run run =
                run("--format", "csv", "--view", "levels", "--min-purchase-days", "5", "--churn-window-days", "365");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("\n"))
                .containsExactly(
                        "customer_id,level,attitude,window_purchase_days,window_revenue",
                        "a,latent,high,4,40.00",
                        "b,absent,negative,1,30.00",
                        "p,latent,high,0,0.00");
    }

    @Test
    void aBgNbdModelAddsLowProbabilityAliveFlags() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "segments", "--view", "churn", "--format", "json", "--model", "bg-nbd", "--p-alive-below", "0.3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode churn = JSON.readTree(run.out()).get("churnRisk");
        assertThat(churn.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(churn.get("reasons").get("low-p-alive").asLong()).isPositive();
    }

    @Test
    void theTextReportOfTheSampleShopShowsEveryView() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("segments");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Segments as of 2026-01-01")
                .contains("Loyalty levels (Dick & Basu)")
                .contains("Flow between stages in the latest 1 period(s)")
                .contains("2025-12-01/2026-01-01  (new)")
                .contains("champions")
                .contains("declining-activity");
    }

    @Test
    void theTextInRussianTranslatesEveryLabel() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("segments", "--lang", "ru");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Уровни лояльности")
                .contains("Риск оттока")
                .doesNotContain("field.");
    }

    @Test
    void theReportHasTheFourSegmentSections() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(". Loyalty levels (attitude x behaviour)")
                .contains(". Lifecycle stages")
                .contains(". RFM segments")
                .contains(". Churn risk");
    }

    @Test
    void theJsonReportHasTheFourSegmentSections() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.has("loyaltyLevels") && root.has("lifecycle") && root.has("rfmSegments"))
                .isTrue();
        assertThat(root.get("churnRisk").has("flaggedCustomers")).isFalse();
    }

    @Test
    void badOptionsExitTwoWithOneLineNamingTheValue() throws IOException {
        for (String[] args : new String[][] {
            {"--min-purchase-days", "1"},
            {"--passive", "lukewarm"},
            {"--loyal", "3/x/90"},
            {"--lapsed-days", "10"},
            {"--declining-ratio", "2"},
            {"--view", "everything"},
            {"--as-of", "2024-13-01"},
            {"--model", "gamma-gamma"}
        }) {
            LoyaltyCliTest.Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains(args[1]);
        }
    }

    @Test
    void aBadResponsesFileExitsTwoNamingFileLineAndValue() throws IOException {
        Path answers = write("bad.csv", "respondent_id,date,question,score\na,2024-06-11,nps,11\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "segments", "--transactions", write("shop.csv", SHOP).toString(), "--responses", answers.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.csv").contains("11");
    }

    @Test
    void anEmptyPurchaseFileNeedsAnAsOfDay() throws IOException {
        Path empty = write("empty.csv", "customer_id,date,amount\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("segments", "--transactions", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of");
        LoyaltyCliTest.Run dated =
                LoyaltyCliTest.run("segments", "--transactions", empty.toString(), "--as-of", "2024-01-01");
        assertThat(dated.exitCode()).as(dated.err()).isZero();
    }
}
