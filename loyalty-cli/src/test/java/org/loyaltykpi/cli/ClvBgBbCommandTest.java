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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv fit|predict --model bg-bb} and {@code --summary FILE}, on the donations and CDNOW data. */
class ClvBgBbCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The donations summary (see src/test/resources/donations/README.md): frequency,recency,periods,weights. */
    private Path donations() throws IOException {
        Path path = dir.resolve("donations.csv");
        try (InputStream in = ClvBgBbCommandTest.class.getResourceAsStream("/donations/donations.csv")) {
            Files.write(path, in.readAllBytes());
        }
        return path;
    }

    /**
     * The donations as purchases: each donor's first gift on 1995-03-01, then one gift in each of the x years ending in
     * year 1995 + t_x (the likelihood depends on (x, t_x, n) only), and a second gift in one of those years (several in
     * a year are one transaction). Plus one donor first seen in 2001: no opportunity yet.
     */
    private Path donationPurchases() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        List<String> lines = Files.readAllLines(donations());
        int donor = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int x = Integer.parseInt(f[0]);
            int tx = Integer.parseInt(f[1]);
            int weight = Integer.parseInt(f[3]);
            for (int k = 0; k < weight; k++) {
                String id = "d" + donor++;
                csv.append(id).append(",1995-03-01,10\n");
                for (int year = 1995 + tx - x + 1; year <= 1995 + tx; year++) {
                    csv.append(id).append(',').append(year).append("-05-10,20\n");
                    if (k % 3 == 0) {
                        csv.append(id).append(',').append(year).append("-11-30,5\n");
                    }
                }
            }
        }
        csv.append("late,2001-06-01,10\n");
        csv.append("d0,2002-02-01,10\n"); // after the calibration end: not read
        Path path = dir.resolve("gifts.csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return path;
    }

    private static void assertDonationsEstimates(JsonNode fit) {
        // Fader, Hardie and Shang (2010), Marketing Science 29(6): alpha = 1.204, beta = 0.750, gamma = 0.657,
        // delta = 2.783, LL = -33,225.6 on 11,104 donors.
        assertThat(fit.get("model").asText()).isEqualTo("bg-bb");
        assertThat(fit.get("customers").asLong()).isEqualTo(11_104);
        assertThat(fit.get("params").fieldNames()).toIterable().containsExactly("alpha", "beta", "gamma", "delta");
        assertThat(fit.at("/params/alpha").asDouble()).isCloseTo(1.204, within(0.0005));
        assertThat(fit.at("/params/beta").asDouble()).isCloseTo(0.750, within(0.0005));
        assertThat(fit.at("/params/gamma").asDouble()).isCloseTo(0.657, within(0.0005));
        assertThat(fit.at("/params/delta").asDouble()).isCloseTo(2.783, within(0.0005));
        assertThat(fit.get("logLikelihood").asDouble()).isCloseTo(-33_225.6, within(0.05));
        assertThat(fit.get("converged").asBoolean()).isTrue();
    }

    @Test
    void bgBbFittedToTheDonationsSummaryReproducesThePublishedEstimates() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv", "fit", "--model", "bg-bb", "--summary", donations().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertDonationsEstimates(JSON.readTree(run.out()));
    }

    @Test
    void bgBbFittedToPurchasesWithYearlyOpportunitiesGivesTheSameEstimatesAsTheSummary() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-bb",
                "--transactions",
                donationPurchases().toString(),
                "--calibration-end",
                "2001-12-31",
                "--period-length",
                "year");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertDonationsEstimates(JSON.readTree(run.out()));
        assertThat(run.err()).contains("1 customers first bought in the calibration end's period");
    }

    @Test
    void bgBbFromPurchasesNeedsAPeriodLengthAndACalibrationEndThatClosesAPeriod() throws IOException {
        Path gifts = donationPurchases();
        LoyaltyCliTest.Run noPeriod = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-bb",
                "--transactions",
                gifts.toString(),
                "--calibration-end",
                "2001-12-31");
        assertThat(noPeriod.exitCode()).isEqualTo(2);
        assertThat(noPeriod.err()).contains("--period-length");
        LoyaltyCliTest.Run midYear = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-bb",
                "--transactions",
                gifts.toString(),
                "--calibration-end",
                "2001-06-30",
                "--period-length",
                "year");
        assertThat(midYear.exitCode()).isEqualTo(2);
        assertThat(midYear.err())
                .contains("2001-06-30 is not the last day of a year")
                .contains("2000-12-31 or 2001-12-31");
    }

    @Test
    void bgBbPredictionsOfTheDonationsPatternsShowTheDonorWhoGaveEveryYearAliveWithProbabilityAboutNinetyThreePercent()
            throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "bg-bb",
                "--summary",
                donations().toString(),
                "--horizon",
                "5",
                "--discount-rate",
                "0.1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0])
                .isEqualTo("frequency,recency,periods,weights,p_alive,expected_transactions,"
                        + "discounted_residual_transactions");
        assertThat(lines).hasSize(23);
        String[] everyYear = java.util.Arrays.stream(lines)
                .filter(l -> l.startsWith("6,6,6,"))
                .findFirst()
                .orElseThrow()
                .split(",");
        // The paper's table of P(alive in 2002): 0.93 for x = t_x = n = 6.
        assertThat(Double.parseDouble(everyYear[4])).isCloseTo(0.93, within(0.005));
        assertThat(Double.parseDouble(everyYear[5])).isBetween(0.0, 5.0);
        assertThat(Double.parseDouble(everyYear[6])).isPositive();
    }

    @Test
    void bgBbPredictionsFromPurchasesArePerCustomer() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "bg-bb",
                "--transactions",
                donationPurchases().toString(),
                "--calibration-end",
                "2001-12-31",
                "--period-length",
                "year",
                "--horizon",
                "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("customer_id,p_alive,expected_transactions");
        assertThat(lines).hasSize(11_105);
        LoyaltyCliTest.Run fractional = LoyaltyCliTest.run(
                "clv", "predict", "--model", "bg-bb", "--summary", donations().toString(), "--horizon", "2.5");
        assertThat(fractional.exitCode()).isEqualTo(2);
        assertThat(fractional.err()).contains("whole number").contains("2.5");
    }

    /** The CDNOW sample as purchases (customer_id,date,amount) and as the summary {@code loyalty rfm} writes. */
    private Path[] cdnow() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        try (InputStream in = ClvBgBbCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 5) {
                    csv.append(f[1])
                            .append(',')
                            .append(f[2], 0, 4)
                            .append('-')
                            .append(f[2], 4, 6)
                            .append('-')
                            .append(f[2], 6, 8)
                            .append(',')
                            .append(f[4])
                            .append('\n');
                }
            }
        }
        Path purchases = dir.resolve("cdnow.csv");
        Files.writeString(purchases, csv, StandardCharsets.UTF_8);
        LoyaltyCliTest.Run rfm =
                LoyaltyCliTest.run("rfm", "--transactions", purchases.toString(), "--calibration-end", "1997-09-30");
        assertThat(rfm.exitCode()).as(rfm.err()).isZero();
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, rfm.out(), StandardCharsets.UTF_8);
        return new Path[] {purchases, summary};
    }

    /** The fit's JSON without what says where the data came from ({@code source}, {@code input}). */
    private static com.fasterxml.jackson.databind.JsonNode withoutSource(String json) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode fit = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        fit.remove("source");
        fit.remove("input");
        return fit;
    }

    @Test
    void everyModelFittedToTheSummaryFileGivesWhatItGivesFromThePurchases() throws IOException {
        Path[] data = cdnow();
        for (String model : List.of("bg-nbd", "mbg-nbd", "pareto-nbd", "gamma-gamma")) {
            LoyaltyCliTest.Run fromPurchases = LoyaltyCliTest.run(
                    "clv",
                    "fit",
                    "--model",
                    model,
                    "--transactions",
                    data[0].toString(),
                    "--calibration-end",
                    "1997-09-30");
            LoyaltyCliTest.Run fromSummary =
                    LoyaltyCliTest.run("clv", "fit", "--model", model, "--summary", data[1].toString());
            assertThat(fromSummary.exitCode()).as(fromSummary.err()).isZero();
            assertThat(withoutSource(fromSummary.out())).as(model).isEqualTo(withoutSource(fromPurchases.out()));
        }
        LoyaltyCliTest.Run predictFromPurchases = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "pareto-nbd",
                "--transactions",
                data[0].toString(),
                "--calibration-end",
                "1997-09-30",
                "--horizon",
                "52");
        LoyaltyCliTest.Run predictFromSummary = LoyaltyCliTest.run(
                "clv", "predict", "--model", "pareto-nbd", "--summary", data[1].toString(), "--horizon", "52");
        assertThat(predictFromSummary.exitCode()).as(predictFromSummary.err()).isZero();
        assertThat(predictFromSummary.out()).isEqualTo(predictFromPurchases.out());
    }

    @Test
    void theSummaryReaderTakesLifetimesAndPapersColumnNames() throws IOException {
        // The papers' notation (ID,x,t_x,T,zbar) with lifetimes' floats: the BG/NBD estimates of Fader, Hardie
        // and Lee (2005) on the CDNOW sample, r = 0.243, alpha = 4.414, a = 0.793, b = 2.426.
        Path[] data = cdnow();
        List<String> lines = Files.readAllLines(data[1]);
        List<String> papers = new ArrayList<>();
        papers.add("ID,x,t_x,T,zbar");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            papers.add(f[0] + "," + f[1] + ".0," + f[2] + "," + f[3] + "," + f[4]);
        }
        Path file = dir.resolve("papers.csv");
        Files.write(file, papers);
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("clv", "fit", "--model", "bg-nbd", "--summary", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = JSON.readTree(run.out());
        assertThat(fit.at("/params/r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(fit.at("/params/b").asDouble()).isCloseTo(2.426, within(0.0005));
    }

    @Test
    void aBadSummaryValueNamesTheFileLineColumnAndValue() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "customer_id,frequency,recency,T\na,1,2.0,3.0\nb,2,-1.5,3.0\n");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("clv", "fit", "--model", "bg-nbd", "--summary", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("loyalty clv fit: " + file + ":3: column 'recency' (#3): '-1.5' must be a number >= 0");
        Files.writeString(file, "customer_id,frequency,T\na,1,3.0\n");
        LoyaltyCliTest.Run missing =
                LoyaltyCliTest.run("clv", "fit", "--model", "bg-nbd", "--summary", file.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(file + ":1: no column 'recency' (or 't_x')");
        Files.writeString(file, "frequency,recency,periods,weights\n7,6,6,10\n");
        LoyaltyCliTest.Run tooMany = LoyaltyCliTest.run("clv", "fit", "--model", "bg-bb", "--summary", file.toString());
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains(file + ":2: column 'frequency' (#1): '7' must be at most periods 6");
        LoyaltyCliTest.Run both = LoyaltyCliTest.run(
                "clv", "fit", "--model", "bg-bb", "--summary", file.toString(), "--transactions", file.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("exclude each other");
    }
}
