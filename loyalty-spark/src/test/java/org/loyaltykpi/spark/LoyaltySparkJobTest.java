package org.loyaltykpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.cli.CommandLine;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchasePreset;

/**
 * The spark-submit job on CDNOW_master, as text and as Parquet, writes what the command line writes: cohort.json byte
 * for byte (both render it through loyalty-report's CohortDocuments and JsonRenderer).
 */
class LoyaltySparkJobTest {
    private static final List<String> CDNOW_TEXT =
            List.of("--delimiter", "whitespace", "--date-format", "yyyyMMdd", "--amount-col", "dollar_value");
    private static final List<String> CALIBRATION = List.of("--calibration-end", "1997-09-30", "--time-unit", "weeks");

    @TempDir
    static Path work;

    private static String cliCohort;
    private static String cliFit;
    private static String cliSpendFit;

    @BeforeAll
    static void commandLine() {
        LocalSpark.session();
        String file = LocalSpark.cdnowMasterFile().toString();
        cliCohort = CommandLine.run(args(
                List.of("cohort", "--transactions", file),
                CDNOW_TEXT,
                List.of("--granularity", "month", "--metric", "customers", "--format", "json")));
        cliFit = CommandLine.run(args(
                List.of("clv", "fit", "--transactions", file), CDNOW_TEXT, CALIBRATION, List.of("--model", "bg-nbd")));
        cliSpendFit = CommandLine.run(args(
                List.of("clv", "fit", "--transactions", file),
                CDNOW_TEXT,
                CALIBRATION,
                List.of("--model", "gamma-gamma", "--exclude-nonpositive")));
    }

    @SafeVarargs
    private static String[] args(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toArray(String[]::new);
    }

    private static Job job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoyaltySparkJob.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Job(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Job(int code, String out, String err) {}

    /** The fit JSON: every field equal, numbers to one billionth relative (the fit sums collapsed rows in another order). */
    private static void assertSameFit(String actual, String expected) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(actual);
        JsonNode e = mapper.readTree(expected);
        assertThat(a.get("model")).isEqualTo(e.get("model"));
        assertThat(a.get("timeUnit")).isEqualTo(e.get("timeUnit"));
        assertThat(a.get("customers")).isEqualTo(e.get("customers"));
        assertThat(a.get("converged")).isEqualTo(e.get("converged"));
        assertThat(a.get("warnings")).isEqualTo(e.get("warnings"));
        List<String> fields = new java.util.ArrayList<>();
        e.fieldNames().forEachRemaining(fields::add);
        // one document builder and renderer: the same fields in the same order, what was read (source, input) first
        assertThat(a.get("source")).isEqualTo(e.get("source"));
        assertThat(a.get("input")).isEqualTo(e.get("input"));
        List<String> actualFields = new java.util.ArrayList<>();
        a.fieldNames().forEachRemaining(actualFields::add);
        assertThat(actualFields).isEqualTo(fields);
        for (Iterator<String> names = e.get("params").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (String bound : List.of("low", "high")) {
                double expectedValue = e.get("intervals").get(name).get(bound).asDouble();
                assertThat(a.get("intervals").get(name).get(bound).asDouble())
                        .as("intervals.%s.%s", name, bound)
                        .isCloseTo(expectedValue, within(1e-6 * Math.abs(expectedValue)));
            }
        }
        assertThat(a.get("logLikelihood").asDouble())
                .isCloseTo(
                        e.get("logLikelihood").asDouble(),
                        within(1e-9 * Math.abs(e.get("logLikelihood").asDouble())));
        for (String group : List.of("params", "standardErrors")) {
            assertThat(a.get(group).size()).isEqualTo(e.get(group).size());
            for (Iterator<String> names = e.get(group).fieldNames(); names.hasNext(); ) {
                String name = names.next();
                double expectedValue = e.get(group).get(name).asDouble();
                assertThat(a.get(group).get(name).asDouble())
                        .as("%s.%s", group, name)
                        .isCloseTo(expectedValue, within(1e-6 * Math.abs(expectedValue)));
            }
        }
        for (Iterator<String> names = e.get("params").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            double expectedValue = e.get("params").get(name).asDouble();
            assertThat(a.get("params").get(name).asDouble())
                    .as("params.%s", name)
                    .isCloseTo(expectedValue, within(1e-9 * expectedValue));
        }
    }

    @Nested
    class ModelBased {
        @Test
        void onCdnowMasterAsTextTheJobWritesTheCommandLinesCohortJsonAndFitJson() throws IOException {
            Path out = work.resolve("text");
            Job run = job(args(
                    List.of("--transactions", LocalSpark.cdnowMasterFile().toString()),
                    CDNOW_TEXT,
                    CALIBRATION,
                    List.of(
                            "--granularity",
                            "month",
                            "--partitions",
                            "3",
                            "--exclude-nonpositive",
                            "--out",
                            out.toString())));
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Files.readString(out.resolve("cohort.json"))).isEqualTo(cliCohort);
            assertSameFit(Files.readString(out.resolve("fit.json")), cliFit);
            assertSameFit(Files.readString(out.resolve("spend-fit.json")), cliSpendFit);
            assertThat(LocalSpark.session()
                            .read()
                            .parquet(out.resolve("btyd-summary.parquet").toString())
                            .count())
                    .isEqualTo(23570);
            assertThat(LocalSpark.session()
                            .read()
                            .parquet(out.resolve("predictions.parquet").toString())
                            .columns())
                    .containsExactly("customer_id", "p_alive", "expected_purchases", "expected_spend", "clv");
        }

        @Test
        void onCdnowMasterAsParquetTheJobWritesTheSameCohortJson() throws IOException {
            Path parquet = work.resolve("cdnow.parquet");
            LoyaltySparkJob.Options options = LoyaltySparkJob.Options.parse(args(
                    List.of("--transactions", LocalSpark.cdnowMasterFile().toString(), "--out", "unused"), CDNOW_TEXT));
            LoyaltySparkJob.read(LocalSpark.session(), options).write().parquet(parquet.toString());
            Path out = work.resolve("parquet");
            Job run = job(
                    "--transactions",
                    parquet.toString(),
                    "--date-format",
                    "yyyyMMdd",
                    "--amount-col",
                    "dollar_value",
                    "--out",
                    out.toString());
            assertThat(run.code()).as(run.err()).isZero();
            // the same cohorts; the source and its load summary are the Parquet file's
            ObjectMapper mapper = new ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode job = (com.fasterxml.jackson.databind.node.ObjectNode)
                    mapper.readTree(out.resolve("cohort.json").toFile());
            com.fasterxml.jackson.databind.node.ObjectNode cli =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(cliCohort);
            assertThat(job.remove("source").asText()).isEqualTo(parquet.toString());
            assertThat(job.remove("input").get("purchases"))
                    .isEqualTo(cli.get("input").get("purchases"));
            cli.remove(List.of("source", "input"));
            assertThat(job).isEqualTo(cli);
            assertThat(out.resolve("fit.json")).doesNotExist();
        }
    }

    @Nested
    class Metamorphic {
        @Test
        void aShopExportReadWithItsPresetGivesTheCommandLinesCohortJsonAndLoadSummary() throws IOException {
            Path export = Path.of(System.getProperty("loyalty.exports.dir")).resolve("shopify_orders_export.csv");
            String cli = CommandLine.run(
                    "cohort",
                    "--transactions",
                    export.toString(),
                    "--preset",
                    "shopify",
                    "--time-zone",
                    "Europe/Berlin",
                    "--granularity",
                    "day",
                    "--metric",
                    "customers",
                    "--format",
                    "json");
            Path out = work.resolve("shopify");
            Job run = job(
                    "--transactions",
                    export.toString(),
                    "--preset",
                    "shopify",
                    "--time-zone",
                    "Europe/Berlin",
                    "--granularity",
                    "day",
                    "--partitions",
                    "3",
                    "--out",
                    out.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Files.readString(out.resolve("cohort.json"))).isEqualTo(cli);
            assertThat(run.out())
                    .contains(": "
                            + PurchaseCsv.load(
                                            export,
                                            PurchasePreset.SHOPIFY
                                                    .csvOptions()
                                                    .withTimeZone(java.time.ZoneId.of("Europe/Berlin")))
                                    .summary());
        }
    }

    @Nested
    class Definitions {
        @Test
        void aBadRowExitsWithTwoAndOneLineNamingTheFileColumnAndValue() throws IOException {
            Path csv = work.resolve("refund.csv");
            Files.writeString(csv, "customer_id,date,amount\nc1,2024-01-05,10.00\nc2,2024-01-06,-3.50\n");
            Job run = job(
                    "--transactions",
                    csv.toString(),
                    "--refunds",
                    "error",
                    "--out",
                    work.resolve("refund").toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines().findFirst().orElseThrow())
                    .startsWith("loyalty-spark: ")
                    .endsWith("refund.csv:3: column 'amount' (#3): '-3.50' is negative; refunds are not purchases"
                            + " (read them with refunds net or exclude)");
        }

        @Test
        void aMissingOptionValueIsABadUsageWithTheUsageLine() {
            Job run = job("--transactions");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("loyalty-spark: --transactions needs a value")
                    .contains("usage:");
        }
    }
}
