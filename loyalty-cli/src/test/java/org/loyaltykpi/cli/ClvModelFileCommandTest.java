package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv fit --save FILE} and {@code clv predict --model-file FILE}: round trips and clear errors. */
class ClvModelFileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path cdnow() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        try (InputStream in = ClvModelFileCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
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

    private Path donations() throws IOException {
        Path path = dir.resolve("donations.csv");
        try (InputStream in = ClvModelFileCommandTest.class.getResourceAsStream("/donations/donations.csv")) {
            Files.write(path, in.readAllBytes());
        }
        return path;
    }

    @Test
    void aSavedModelPredictsExactlyWhatTheFittedModelPredicts() throws IOException {
        Path data = cdnow();
        Path model = dir.resolve("pareto.json");
        Path spend = dir.resolve("spend.json");
        String[] purchases = {"--transactions", data.toString(), "--calibration-end", "1997-09-30"};
        LoyaltyCliTest.Run fit = LoyaltyCliTest.run(
                concat(new String[] {"clv", "fit", "--model", "pareto-nbd", "--save", model.toString()}, purchases));
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        LoyaltyCliTest.Run spendFit = LoyaltyCliTest.run(
                concat(new String[] {"clv", "fit", "--model", "gamma-gamma", "--save", spend.toString()}, purchases));
        assertThat(spendFit.exitCode()).as(spendFit.err()).isZero();

        JsonNode file = JSON.readTree(model.toFile());
        assertThat(file.get("format").asText()).isEqualTo("loyalty-clv-model");
        assertThat(file.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(file.get("model").asText()).isEqualTo("pareto-nbd");
        assertThat(file.get("timeUnit").asText()).isEqualTo("weeks");
        assertThat(file.get("params")).isEqualTo(JSON.readTree(fit.out()).get("params"));
        assertThat(file.has("covariance")).isTrue();
        assertThat(file.get("covariates")).isEmpty();
        assertThat(file.at("/calibration/calibrationEnd").asText()).isEqualTo("1997-09-30");
        assertThat(file.at("/calibration/source").asText()).isEqualTo(data.toString());

        String[] horizon = {"--horizon", "52", "--margin", "0.3", "--discount-rate", "0.002"};
        LoyaltyCliTest.Run fitted = LoyaltyCliTest.run(
                concat(concat(new String[] {"clv", "predict", "--model", "pareto-nbd"}, purchases), horizon));
        LoyaltyCliTest.Run loaded = LoyaltyCliTest.run(concat(
                concat(
                        new String[] {
                            "clv", "predict", "--model-file", model.toString(), "--spend-model-file", spend.toString()
                        },
                        purchases),
                horizon));
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).isEqualTo(fitted.out());
    }

    @Test
    void theModelFileHoldsTheFitsCovarianceOnceAndReadsItBack() throws IOException {
        Path model = dir.resolve("bg.json");
        LoyaltyCliTest.Run fit = LoyaltyCliTest.run(
                "clv",
                "fit",
                "--model",
                "bg-nbd",
                "--transactions",
                cdnow().toString(),
                "--calibration-end",
                "1997-09-30",
                "--save",
                model.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        String text = Files.readString(model);
        assertThat(text.split("\"covariance\"", -1)).hasSize(2);
        JsonNode printed = JSON.readTree(fit.out()).get("covariance");
        assertThat(JSON.readTree(text).get("covariance")).isEqualTo(printed);
        org.loyaltykpi.clv.ParameterCovariance read =
                ModelFile.read(model).covariance().orElseThrow();
        assertThat(read.names()).containsExactly("r", "alpha", "a", "b");
        assertThat(read.get("alpha", "b")).isEqualTo(printed.at("/alpha/b").asDouble());
        ModelFile.write(dir.resolve("again.json"), ModelFile.read(model));
        assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(text);
    }

    @Test
    void aSavedBgBbModelRoundTripsWithItsParameters() throws IOException {
        Path model = dir.resolve("bgbb.json");
        LoyaltyCliTest.Run fit = LoyaltyCliTest.run(
                "clv", "fit", "--model", "bg-bb", "--summary", donations().toString(), "--save", model.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(JSON.readTree(model.toFile()).at("/params/delta").asDouble())
                .isEqualTo(JSON.readTree(fit.out()).at("/params/delta").asDouble());
        LoyaltyCliTest.Run fitted = LoyaltyCliTest.run(
                "clv", "predict", "--model", "bg-bb", "--summary", donations().toString(), "--horizon", "5");
        LoyaltyCliTest.Run loaded = LoyaltyCliTest.run(
                "clv",
                "predict",
                "--model-file",
                model.toString(),
                "--summary",
                donations().toString(),
                "--horizon",
                "5");
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).isEqualTo(fitted.out());
    }

    @Test
    void aModelFileThatIsNotValidIsAOneLineErrorNamingTheFileAndField() throws IOException {
        Path model = dir.resolve("m.json");
        LoyaltyCliTest.Run fit = LoyaltyCliTest.run(
                "clv", "fit", "--model", "bg-bb", "--summary", donations().toString(), "--save", model.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        String good = Files.readString(model);
        String[] predict = {
            "clv",
            "predict",
            "--model-file",
            model.toString(),
            "--summary",
            donations().toString(),
            "--horizon",
            "1"
        };

        Files.writeString(model, good.replaceFirst("\"alpha\" : [0-9.E-]+", "\"alpha\" : -1.5"));
        assertError(predict, model + ": field 'params.alpha': -1.5 must be positive");
        Files.writeString(model, good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));
        assertError(predict, model + ": field 'formatVersion': 7 is not supported");
        Files.writeString(model, good.replace("\"model\" : \"bg-bb\"", "\"model\" : \"bg-xx\""));
        assertError(predict, model + ": field 'model': 'bg-xx' is not bg-nbd, mbg-nbd, pareto-nbd");
        Files.writeString(model, good.replace("\"logLikelihood\"", "\"logLikely\""));
        assertError(predict, model + ": field 'logLikelihood' is missing");
        Files.writeString(model, good.substring(0, good.length() / 2));
        assertError(predict, model + ": not a model file: invalid JSON at line");
        Files.writeString(model, "{\"format\": \"something else\"}");
        assertError(predict, model + ": field 'format': 'something else' is not loyalty-clv-model");
        Files.writeString(model, good);
        assertError(concat(predict, "--model", "bg-nbd"), "--model bg-nbd but " + model + " holds a bg-bb model");
        assertError(
                new String[] {
                    "clv", "predict", "--model-file", dir.resolve("none.json").toString(), "--horizon", "1"
                },
                dir.resolve("none.json") + ": no such file");
    }

    private static void assertError(String[] args, String message) {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(args);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
