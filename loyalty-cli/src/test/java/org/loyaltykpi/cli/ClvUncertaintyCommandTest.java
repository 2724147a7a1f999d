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

/** {@code clv fit}'s covariance and intervals, {@code clv predict --intervals}. */
class ClvUncertaintyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The CDNOW 1/10 sample as {@code customer_id,date,amount}. */
    private Path sample() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        try (var in = ClvUncertaintyCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 5) {
                    csv.append(f[1]).append(',');
                    csv.append(f[2], 0, 4)
                            .append('-')
                            .append(f[2], 4, 6)
                            .append('-')
                            .append(f[2], 6, 8);
                    csv.append(',').append(f[4]).append('\n');
                }
            }
        }
        Path path = dir.resolve("cdnow.csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void theFitJsonCarriesTheLogScaleCovarianceAndNinetyFivePercentIntervals() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-nbd",
                "--transactions",
                sample().toString(),
                "--calibration-end",
                "1997-09-30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = JSON.readTree(run.out());
        assertThat(fit.at("/covariance/scale").asText()).isEqualTo("log");
        double r = fit.at("/params/r").asDouble();
        double varLogR = fit.at("/covariance/r/r").asDouble();
        // the standard error is the delta method of the log-scale variance
        assertThat(fit.at("/standardErrors/r").asDouble()).isCloseTo(r * Math.sqrt(varLogR), within(1e-9));
        assertThat(fit.at("/covariance/r/alpha").asDouble())
                .isEqualTo(fit.at("/covariance/alpha/r").asDouble());
        assertThat(fit.at("/intervals/level").asDouble()).isEqualTo(0.95);
        assertThat(fit.at("/intervals/r/low").asDouble())
                .isCloseTo(r * Math.exp(-1.959963984540054 * Math.sqrt(varLogR)), within(1e-9));
        assertThat(fit.at("/intervals/r/high").asDouble())
                .isCloseTo(r * Math.exp(1.959963984540054 * Math.sqrt(varLogR)), within(1e-9));
    }

    @Test
    void predictWithIntervalsAddsLowAndHighColumnsAroundThePointPredictions() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "bg-nbd",
                "--transactions",
                sample().toString(),
                "--calibration-end",
                "1997-09-30",
                "--horizon",
                "39",
                "--intervals",
                "0.9",
                "--draws",
                "50",
                "--seed",
                "7");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0])
                .isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv,expected_purchases_low,"
                        + "expected_purchases_high,clv_low,clv_high");
        assertThat(lines).hasSize(2358);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertThat(Double.parseDouble(f[5])).isLessThanOrEqualTo(Double.parseDouble(f[6]));
            assertThat(Double.parseDouble(f[7])).isLessThanOrEqualTo(Double.parseDouble(f[8]));
        }
        assertThat(run.err()).contains("90% prediction intervals from 50 parameter draws");
    }

    @Test
    void aBadIntervalLevelIsBadUsageNamingTheValue() throws IOException {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model",
                "bg-nbd",
                "--transactions",
                sample().toString(),
                "--calibration-end",
                "1997-09-30",
                "--horizon",
                "39",
                "--intervals",
                "90");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("90");
    }

    /** Every customer of the sample with a channel, web or store by the id's hash (the base level is the first seen). */
    private Path channels(Path transactions) throws IOException {
        StringBuilder z = new StringBuilder("customer_id,channel\n");
        for (String line : Files.readAllLines(transactions)
                .subList(1, Files.readAllLines(transactions).size())) {
            String id = line.split(",")[0];
            if (z.indexOf("\n" + id + ",") < 0) {
                z.append(id)
                        .append(',')
                        .append(id.hashCode() % 2 == 0 ? "web" : "store")
                        .append('\n');
            }
        }
        Path covariates = dir.resolve("channels.csv");
        Files.writeString(covariates, z);
        return covariates;
    }

    @Test
    void aModelWithCovariatesSavedAndReadBackPredictsExactlyAsTheFitItself() throws IOException {
        Path transactions = sample();
        Path covariates = channels(transactions);
        Path model = dir.resolve("model.json");
        String[] common = {
            "--model",
            "bg-nbd",
            "--transactions",
            transactions.toString(),
            "--calibration-end",
            "1997-09-30",
            "--covariates",
            covariates.toString()
        };
        LoyaltyCliTest.Run fit =
                LoyaltyCliTest.run(concat(new String[] {"clv", "fit", "--save", model.toString()}, common));
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        JsonNode saved = JSON.readTree(Files.readString(model));
        assertThat(saved.at("/covariates/0").asText()).isEqualTo("channel=web");
        assertThat(saved.at("/coefficients/purchase.channel=web").isNumber()).isTrue();
        assertThat(saved.at("/covariance/dropout.channel=web/dropout.channel=web")
                        .asDouble())
                .isPositive();

        LoyaltyCliTest.Run direct =
                LoyaltyCliTest.run(concat(new String[] {"clv", "predict", "--horizon", "52"}, common));
        LoyaltyCliTest.Run fromFile = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--horizon",
                "52",
                "--model-file",
                model.toString(),
                "--transactions",
                transactions.toString(),
                "--calibration-end",
                "1997-09-30",
                "--covariates",
                covariates.toString());
        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        // the saved parameters are the fitted ones, printed with 17 digits: the predictions are the same
        assertThat(fromFile.out()).isEqualTo(direct.out());

        LoyaltyCliTest.Run ranged = LoyaltyCliTest.run(concat(
                new String[] {"clv", "predict", "--horizon", "52", "--intervals", "0.9", "--draws", "40"}, common));
        assertThat(ranged.exitCode()).as(ranged.err()).isZero();
        assertThat(ranged.out().lines().findFirst().orElseThrow())
                .endsWith(",expected_purchases_low,expected_purchases_high,clv_low,clv_high");

        LoyaltyCliTest.Run without = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--horizon",
                "52",
                "--model-file",
                model.toString(),
                "--transactions",
                transactions.toString(),
                "--calibration-end",
                "1997-09-30");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("has covariates [channel=web]").contains("--covariates");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void fitWithCovariatesAddsCoefficientsAndAMissingCustomerIsBadInputNamingIt() throws IOException {
        Path transactions = sample();
        StringBuilder z = new StringBuilder("customer_id,channel\n");
        for (String line : Files.readAllLines(transactions)
                .subList(1, Files.readAllLines(transactions).size())) {
            String id = line.split(",")[0];
            if (z.indexOf("\n" + id + ",") < 0) {
                z.append(id)
                        .append(',')
                        .append(id.hashCode() % 2 == 0 ? "web" : "store")
                        .append('\n');
            }
        }
        Path covariates = dir.resolve("z.csv");
        Files.writeString(covariates, z);
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "pareto-nbd",
                "--transactions",
                transactions.toString(),
                "--calibration-end",
                "1997-09-30",
                "--covariates",
                covariates.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = JSON.readTree(run.out());
        assertThat(fit.at("/covariates/purchase/channel=web/standardError").asDouble())
                .isPositive();
        assertThat(fit.at("/covariates/dropout/channel=web/value").isNumber()).isTrue();
        Files.writeString(covariates, "customer_id,channel\n1,web\n");
        LoyaltyCliTest.Run missing = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "pareto-nbd",
                "--transactions",
                transactions.toString(),
                "--calibration-end",
                "1997-09-30",
                "--covariates",
                covariates.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("z.csv has no line for customer");
    }
}
