package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input of the report goes through CSV without loss: the report on the files {@code loyalty sample} writes is
 * the built-in sample shop's report, line for line, except the lines naming the sources.
 */
class SampleRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void theReportOnTheSampleFilesEqualsTheBuiltInReportApartFromTheSourceNames() {
        Path shop = dir.resolve("shop.csv");
        Path answers = dir.resolve("answers.csv");
        Path reviews = dir.resolve("reviews.csv");
        Path spend = dir.resolve("spend.csv");
        Path events = dir.resolve("events.csv");
        LoyaltyCliTest.Run sample = LoyaltyCliTest.run(
                "sample",
                "--out",
                shop.toString(),
                "--responses-out",
                answers.toString(),
                "--reviews-out",
                reviews.toString(),
                "--spend-out",
                spend.toString(),
                "--events-out",
                events.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();

        LoyaltyCliTest.Run builtIn = LoyaltyCliTest.run("report");
        LoyaltyCliTest.Run fromFiles = LoyaltyCliTest.run(
                "report",
                "--transactions",
                shop.toString(),
                "--responses",
                answers.toString(),
                "--reviews",
                reviews.toString(),
                "--spend",
                spend.toString(),
                "--events",
                events.toString());
        assertThat(fromFiles.exitCode()).as(fromFiles.err()).isZero();
        assertThat(fromFiles.err()).isEmpty();

        List<String> expected = builtIn.out().lines().toList();
        List<String> actual = fromFiles.out().lines().toList();
        assertThat(actual).hasSameSizeAs(expected);
        int sources = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).contains("built-in sample shop")) {
                sources++;
                assertThat(actual.get(i)).doesNotContain("built-in").contains(dir.toString());
            } else {
                assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
            }
        }
        assertThat(sources).as("one source line per input").isEqualTo(5);
        for (String section : List.of(
                "Loyalty levels",
                "Lifecycle stages",
                "RFM segments",
                "Churn risk",
                "Review feedback",
                "Acquisition and value",
                "Loyalty program",
                "KPI targets")) {
            assertThat(actual).anyMatch(line -> line.matches("\\d+\\. " + section + ".*"));
        }
    }
}
