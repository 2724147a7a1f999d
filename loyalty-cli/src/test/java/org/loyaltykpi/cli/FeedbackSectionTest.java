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

class FeedbackSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void theReportShowsThePositiveShareTrendAndTheReviewersRepeatRate() throws IOException {
        Path orders = file(
                "orders.csv",
                "customer_id,date,amount\na,2025-01-05,10\na,2025-01-09,10\nb,2025-01-05,10\nc,2025-02-05,10\n");
        Path reviews = file(
                "reviews.csv",
                "customer_id,date,rating,sentiment\na,2025-01-10,5,\nb,2025-01-11,2,\nc,2025-02-06,,positive\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "report", "--transactions", orders.toString(), "--reviews", reviews.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode section = JSON.readTree(run.out()).get("reviews");
        assertThat(section.at("/figures/reviewCount/value").asLong()).isEqualTo(3);
        assertThat(section.at("/figures/positiveShare/value").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode byPeriod = section.at("/tables/reviewsByPeriod/rows");
        assertThat(byPeriod.get(0).get("positiveShare").asDouble()).isEqualTo(0.5);
        assertThat(byPeriod.get(1).get("pointsVsPrevious").asDouble()).isEqualTo(50.0);
        assertThat(byPeriod.get(1).get("relativeVsBaseline").asDouble()).isEqualTo(1.0);
        // The window is the purchases' range, up to 2025-02-05: c's review the day after does not make c a reviewer,
        // so the reviewers are a (two days) and b (one): 1 of 2.
        assertThat(section.at("/tables/reviewerRepeat/rows/0/reviewers").asDouble())
                .isEqualTo(0.5);
        assertThat(section.at("/tables/reviewerRepeat/rows/0/nonReviewers").asDouble())
                .isEqualTo(0.0);
        // Without spend the value section is there, with an undefined CAC.
        assertThat(JSON.readTree(run.out()).at("/value/figures/cac/value").isNull())
                .isTrue();
    }

    @Test
    void aRatingOfSixExitsTwoWithOneLineNamingFileLineColumnAndValue() throws IOException {
        Path reviews = file("reviews.csv", "customer_id,date,rating\na,2025-01-10,5\nb,2025-01-11,6\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report", "--reviews", reviews.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("loyalty report: " + reviews + ":3: column 'rating' (#3): '6' is not a rating 1..5");
    }

    @Test
    void theDefaultReportOnTheSampleShopHasTheFeedbackAndValueSections() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Review feedback", "Repeat purchase rate of reviewers")
                .contains("Acquisition and value", "LTV:CAC")
                .doesNotContain("No reviews", "spend: none");
    }
}
