package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two customers; c1 buys on three days (two on 2024-01-08), c2 once. Calibration end 2024-01-31. */
    private static final String SHOP = String.join(
            "\n",
            "customer_id,date,amount",
            "c1,2024-01-01,10.00",
            "c1,2024-01-08,20.00",
            "c1,2024-01-08,5.00",
            "c1,2024-01-22,15.00",
            "c1,2024-02-05,30.00",
            "c2,2024-01-29,40.00",
            "c3,2024-02-02,50.00",
            "");

    @TempDir
    Path dir;

    private Path shop() throws IOException {
        Path path = dir.resolve("shop.csv");
        Files.writeString(path, SHOP, StandardCharsets.UTF_8);
        return path;
    }

    private Path sample() throws IOException {
        // The CDNOW 1/10 sample as the contract's CSV: customer_id,date,amount.
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        try (var in = ClvCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
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
        return path;
    }

    @Test
    void rfmPrintsTheHandComputedSummaryWithHoldoutColumns() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "rfm",
                "--transactions",
                shop().toString(),
                "--calibration-end",
                "2024-01-31",
                "--holdout-end",
                "2024-02-29",
                "--time-unit",
                "days");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("\n"))
                .containsExactly(
                        "customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,"
                                + "duration_holdout",
                        // x = 2 repeat days (01-08: 25, 01-22: 15), mean 20; holdout: 02-05, 30. Numbers at the one
                        // precision rule of CSV and JSON: the shortest decimal that reads back, 21 for 21.0.
                        "c1,2,21,30,20,1,30,29",
                        "c2,0,0,2,0,0,0,29");
    }

    @Test
    void clvFitPrintsTheContractJsonWithThePublishedBgNbdEstimates() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-nbd",
                "--transactions",
                sample().toString(),
                "--calibration-end",
                "1997-09-30",
                "--time-unit",
                "weeks");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = JSON.readTree(run.out());
        assertThat(fit.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(fit.get("timeUnit").asText()).isEqualTo("weeks");
        assertThat(fit.get("customers").asLong()).isEqualTo(2357);
        // Fader, Hardie and Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
        assertThat(fit.at("/params/r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(fit.at("/params/alpha").asDouble()).isCloseTo(4.414, within(0.0005));
        assertThat(fit.at("/params/a").asDouble()).isCloseTo(0.793, within(0.0005));
        assertThat(fit.at("/params/b").asDouble()).isCloseTo(2.426, within(0.0005));
        assertThat(fit.at("/standardErrors/r").asDouble()).isPositive();
        assertThat(fit.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.get("converged").asBoolean()).isTrue();
        assertThat(fit.fieldNames())
                .toIterable()
                .containsExactly(
                        "source",
                        "input",
                        "model",
                        "timeUnit",
                        "customers",
                        "params",
                        "standardErrors",
                        "logLikelihood",
                        "converged",
                        "warnings",
                        "covariance",
                        "intervals");
        assertThat(fit.get("warnings")).isEmpty();
    }

    @Test
    void aFitOnThirteenDaysCarriesItsWarningsInJsonAndOnStandardError() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 300; i++) {
            int day = 1 + i % 13;
            csv.append("c")
                    .append(i)
                    .append(",2024-01-")
                    .append(String.format("%02d", day))
                    .append(",25.00\n");
            if (i % 40 == 3 && day <= 10) {
                csv.append("c")
                        .append(i)
                        .append(",2024-01-")
                        .append(String.format("%02d", day + 2))
                        .append(",25.00\n");
            }
        }
        Path path = dir.resolve("thirteen.csv");
        Files.writeString(path, csv.toString(), StandardCharsets.UTF_8);
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-nbd",
                "--transactions",
                path.toString(),
                "--calibration-end",
                "2024-01-13");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode warnings = JSON.readTree(run.out()).get("warnings");
        assertThat(warnings).isNotEmpty();
        assertThat(warnings.get(0).asText()).contains("made a repeat purchase");
        assertThat(run.err()).contains("warning: only");
    }

    @Test
    void thePenaltyScaleAndInitialValuesAreOptionsWithClearErrors() throws IOException {
        String[] base = {
            "clv", "fit", "--model", "bg-nbd", "--transactions", sample().toString(), "--calibration-end", "1997-09-30"
        };
        LoyaltyCliTest.Run lifetimes =
                LoyaltyCliTest.run(concat(base, "--penalizer", "0.1", "--penalty-scale", "max-age-one"));
        assertThat(lifetimes.exitCode()).as(lifetimes.err()).isZero();
        // lifetimes 0.11.3 at penalizer_coef 0.1 on the CDNOW sample: r = 0.231.
        assertThat(JSON.readTree(lifetimes.out()).at("/params/r").asDouble()).isCloseTo(0.231, within(0.0005));
        LoyaltyCliTest.Run badScale = LoyaltyCliTest.run(concat(base, "--penalty-scale", "metres"));
        assertThat(badScale.exitCode()).isEqualTo(2);
        assertThat(badScale.err()).contains("time-unit or max-age-one").contains("metres");
        LoyaltyCliTest.Run badStart = LoyaltyCliTest.run(concat(base, "--initial", "1,2"));
        assertThat(badStart.exitCode()).isEqualTo(2);
        assertThat(badStart.err()).contains("4 parameters [r, alpha, a, b] but 2 initial values");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void clvFitNamesTheParametersOfEachModel() throws IOException {
        Path data = sample();
        for (String[] model : new String[][] {{"pareto-nbd", "s"}, {"mbg-nbd", "b"}, {"gamma-gamma", "gamma"}}) {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                    "clv",
                    "fit",
                    "--model",
                    model[0],
                    "--transactions",
                    data.toString(),
                    "--calibration-end",
                    "1997-09-30");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(run.out()).at("/params/" + model[1]).isNumber())
                    .as(model[0])
                    .isTrue();
        }
    }

    @Test
    void gammaGammaOnANonPositiveSpendFailsNamingTheCustomerUnlessExcluded() throws IOException {
        Path free = dir.resolve("free.csv");
        Files.writeString(
                free,
                "customer_id,date,amount\nc1,2024-01-01,10\nc1,2024-01-05,12\nc2,2024-01-01,3\nc2,2024-01-09,0\n"
                        + "c3,2024-01-02,5\nc3,2024-01-03,7\nc3,2024-01-20,9\nc4,2024-01-02,8\nc4,2024-01-12,30\n",
                StandardCharsets.UTF_8);
        String[] args = {
            "clv", "fit", "--model", "gamma-gamma", "--transactions", free.toString(), "--calibration-end", "2024-01-31"
        };
        LoyaltyCliTest.Run failed = LoyaltyCliTest.run(args);
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err())
                .contains("c2")
                .contains("--exclude-nonpositive")
                .doesNotContain("Exception");
        assertThat(failed.err().strip()).doesNotContain("\n");
    }

    @Test
    void clvPredictPrintsOneRowPerCustomerWithProbabilitiesAndValues() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "pareto-nbd",
                "--transactions",
                sample().toString(),
                "--calibration-end",
                "1997-09-30",
                "--horizon",
                "39",
                "--margin",
                "0.3",
                "--discount-rate",
                "0.002");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv");
        assertThat(lines).hasSize(2358);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertThat(Double.parseDouble(f[1])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[2])).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(f[4])).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aMissingCalibrationEndIsBadUsage() throws IOException {
        LoyaltyCliTest.Run run =
                LoyaltyCliTest.run("clv", "fit", "--model", "bg-nbd", "--transactions", shop().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--calibration-end");
    }

    @Test
    void theReportHasACustomerLifetimeValueSection() {
        LoyaltyCliTest.Run text = LoyaltyCliTest.run("report");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Customer lifetime value").contains("P(alive) distribution");
        LoyaltyCliTest.Run json = LoyaltyCliTest.run("report", "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"customerLifetimeValue\"").contains("\"clvAlive\"");
    }
}
