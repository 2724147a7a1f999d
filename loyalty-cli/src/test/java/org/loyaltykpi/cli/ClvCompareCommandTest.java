package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv compare} and {@code clv validate} on the CDNOW sample, calibration to 1997-09-30, holdout to 1998-06-30. */
class ClvCompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String[] cdnow(String... command) throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        try (InputStream in = ClvCompareCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 5) {
                    csv.append(f[1])
                            .append(',')
                            .append(f[2], 0, 4)
                            .append('-')
                            .append(f[2], 4, 6)
                            .append('-');
                    csv.append(f[2], 6, 8).append(',').append(f[4]).append('\n');
                }
            }
        }
        Path path = dir.resolve("cdnow.csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        String[] base = {"--transactions", path.toString(), "--calibration-end", "1997-09-30"};
        String[] out = java.util.Arrays.copyOf(command, command.length + base.length);
        System.arraycopy(base, 0, out, command.length, base.length);
        return out;
    }

    @Test
    void compareWithAHoldoutGivesEveryFigureAndNamesTheModelWithTheLowestHoldoutError() throws IOException {
        LoyaltyCliTest.Run run =
                LoyaltyCliTest.run(cdnow("clv", "compare", "--holdout-end", "1998-06-30", "--format", "json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode section = JSON.readTree(run.out());
        JsonNode rows = section.at("/clvModels");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("model").asText()).isEqualTo("bg-nbd");
        // Fader, Hardie and Lee (2005): BG/NBD LL = -9582.4 on the CDNOW sample
        assertThat(rows.get(0).get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        String best = section.at("/bestModel").asText();
        double least = Double.MAX_VALUE;
        for (JsonNode row : rows) {
            assertThat(row.get("aic").asDouble())
                    .isCloseTo(8 - 2 * row.get("logLikelihood").asDouble(), within(0.01));
            assertThat(row.get("bic").asDouble())
                    .isCloseTo(4 * Math.log(2357) - 2 * row.get("logLikelihood").asDouble(), within(0.01));
            assertThat(row.get("converged").asBoolean()).isTrue();
            for (String field : new String[] {"holdoutMae", "holdoutRmse", "trackingMae", "trackingRmse"}) {
                assertThat(row.get(field).isNumber()).as(field).isTrue();
            }
            least = Math.min(least, row.get("holdoutRmse").asDouble());
        }
        for (JsonNode row : rows) {
            if (row.get("model").asText().equals(best)) {
                assertThat(row.get("holdoutRmse").asDouble()).isEqualTo(least);
            }
        }
        assertThat(section.at("/clvComparison/notes").get(0).asText())
                .startsWith("Best model: " + best + ", by lowest holdout RMSE per customer");
        assertThat(section.at("/clvComparison/notes").get(1).asText()).contains("do not nest");
        assertThat(section.at("/clvLikelihoodRatioTests")).isEmpty();
    }

    @Test
    void compareRendersTheSameTableAsTextAndCsv() throws IOException {
        LoyaltyCliTest.Run text = LoyaltyCliTest.run(cdnow("clv", "compare"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .startsWith("Purchase models compared\n")
                .contains("1. Purchase models compared on 2,357 customers (time in weeks)")
                .contains("Best model: ")
                .contains("lowest BIC (no holdout period)")
                .contains("pareto-nbd");
        LoyaltyCliTest.Run csv = LoyaltyCliTest.run(cdnow("clv", "compare", "--format", "csv"));
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\n");
        assertThat(lines[0])
                .isEqualTo("model,parameters,logLikelihood,aic,bic,converged,warnings,holdoutActual,"
                        + "holdoutExpected,holdoutMae,holdoutRmse,trackingMae,trackingRmse,failure");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).startsWith("pareto-nbd,4,-");
    }

    @Test
    void validateGivesTheGroupsByFrequencyAndTheTrackingSeries() throws IOException {
        LoyaltyCliTest.Run json = LoyaltyCliTest.run(
                cdnow("clv", "validate", "--model", "bg-nbd", "--holdout-end", "1998-06-30", "--format", "json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode section = JSON.readTree(json.out());
        JsonNode groups = section.at("/clvByFrequency");
        assertThat(groups).hasSize(8);
        assertThat(groups.get(7).get("andAbove").asBoolean()).isTrue();
        long customers = 0;
        for (JsonNode g : groups) {
            customers += g.get("customers").asLong();
        }
        assertThat(customers).isEqualTo(2357);
        JsonNode tracking = section.at("/clvTracking");
        // weekly points from 1997-01-01 to 1998-06-30 (78 whole weeks) and the end day
        assertThat(tracking.get(0).get("date").asText()).isEqualTo("1997-01-07");
        assertThat(tracking.get(tracking.size() - 1).get("date").asText()).isEqualTo("1998-06-30");
        LoyaltyCliTest.Run csv = LoyaltyCliTest.run(
                cdnow("clv", "validate", "--holdout-end", "1998-06-30", "--format", "csv", "--table", "tracking"));
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("date,actual,expected\n1997-01-07,");
        assertThat(csv.err()).contains("clv validate: model ").contains("lowest holdout RMSE");
        LoyaltyCliTest.Run text =
                LoyaltyCliTest.run(cdnow("clv", "validate", "--model", "pareto-nbd", "--holdout-end", "1998-06-30"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .startsWith("pareto-nbd against the holdout\n")
                .contains("1. pareto-nbd fitted up to 1997-09-30, against the holdout up to 1998-06-30")
                .contains("Cumulative repeat purchases");
    }

    @Test
    void theReportSaysWhichPurchaseModelItUsesAndWhy() throws IOException {
        LoyaltyCliTest.Run json = LoyaltyCliTest.run("report", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode notes = JSON.readTree(json.out()).at("/customerLifetimeValue/notes");
        assertThat(notes.toString()).contains("Purchase model ").contains(", chosen by lowest BIC (no holdout period)");
        LoyaltyCliTest.Run text = LoyaltyCliTest.run("report");
        assertThat(text.out()).contains(", chosen by lowest BIC (no holdout period)");
    }

    @Test
    void aHoldoutNeedsPurchases() throws IOException {
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T\na,1,2,3\nb,0,0,3\n");
        LoyaltyCliTest.Run run =
                LoyaltyCliTest.run("clv", "compare", "--summary", summary.toString(), "--holdout-end", "1998-06-30");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--holdout-end needs purchases");
    }
}
