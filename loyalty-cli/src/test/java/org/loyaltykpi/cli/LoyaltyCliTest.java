package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.PurchaseCsv;

class LoyaltyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three customers over three months; every count below is worked out by hand from these rows. */
    private static final String SHOP = String.join(
            "\n",
            "customer_id,date,amount,category",
            "c1,2024-01-05,10.00,books",
            "c2,2024-01-20,20.00,music",
            "c1,2024-02-03,30.00,music",
            "c1,2024-02-03,5.00,books",
            "c3,2024-02-10,40.00,books",
            "c2,2024-03-01,15.00,music",
            "c3,2024-03-02,25.00,books",
            "c3,2024-03-20,35.00,books",
            "");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoyaltyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Nested
    class Retention {
        @Test
        void jsonGivesTheHandCountedBehaviourOfMarchAgainstFebruary() throws IOException {
            Path shop = file("shop.csv", SHOP);
            Run run = run(
                    "retention",
                    "--transactions",
                    shop.toString(),
                    "--period",
                    "2024-03-01/2024-04-01",
                    "--format",
                    "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = JSON.readTree(run.out()).get("retention");
            assertThat(r.get("previousPeriod").asText()).isEqualTo("2024-02-01/2024-03-01");
            // February: c1, c3 active. March: c2 (back after a pause), c3 (retained, two days).
            assertThat(r.at("/customers/atStart").asLong()).isEqualTo(2);
            assertThat(r.at("/customers/active").asLong()).isEqualTo(2);
            assertThat(r.at("/customers/new").asLong()).isZero();
            assertThat(r.at("/customers/retained").asLong()).isEqualTo(1);
            assertThat(r.at("/customers/reactivated").asLong()).isEqualTo(1);
            assertThat(r.at("/customers/repeat").asLong()).isEqualTo(1);
            assertThat(r.get("retentionRate").asDouble()).isEqualTo(0.5);
            assertThat(r.get("churnRate").asDouble()).isEqualTo(0.5);
            assertThat(r.get("repeatPurchaseRate").asDouble()).isEqualTo(0.5);
            assertThat(r.get("crossCategoryRate").asDouble()).isZero();
            assertThat(r.get("purchaseFrequency").asDouble()).isEqualTo(1.5);
            assertThat(r.at("/revenue/all").decimalValue()).isEqualByComparingTo("75.00");
            assertThat(r.at("/averageOrderValue/all").asDouble()).isEqualTo(25.0);
            assertThat(r.at("/averageOrderValue/newCustomers").isNull()).isTrue();
            assertThat(r.get("returningRevenueShare").asDouble()).isEqualTo(1.0);
        }

        @Test
        void februaryHasANewCustomerAndACrossCategoryBuyer() throws IOException {
            Path shop = file("shop.csv", SHOP);
            Run run = run(
                    "retention",
                    "--transactions",
                    shop.toString(),
                    "--period",
                    "2024-02-01/2024-03-01",
                    "--format",
                    "json");
            JsonNode r = JSON.readTree(run.out()).get("retention");
            assertThat(r.at("/customers/new").asLong()).isEqualTo(1);
            assertThat(r.at("/customers/multiCategory").asLong()).isEqualTo(1);
            // c1's two purchases on 2024-02-03 are one purchase day: not a repeat customer.
            assertThat(r.at("/customers/repeat").asLong()).isZero();
            assertThat(r.at("/averageOrderValue/newCustomers").asDouble()).isEqualTo(40.0);
            assertThat(r.at("/averageOrderValue/returningCustomers").asDouble()).isEqualTo(17.5);
        }

        @Test
        void textShowsTheMetricsAndTheBreakdown() throws IOException {
            Path shop = file("shop.csv", SHOP);
            Run run = run(
                    "retention",
                    "--transactions",
                    shop.toString(),
                    "--period",
                    "2024-01-01/2024-04-01",
                    "--by",
                    "month");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("retention", "churn", "repeat purchase", "cross-category", "average order")
                    .contains("2024-01", "2024-02", "2024-03");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void aMalformedDateOnLine7ExitsWith2AndNamesLineColumnAndValue() throws IOException {
            Path bad = file("bad.csv", SHOP.replace("2024-03-01", "2024-03-32"));
            Run run = run("retention", "--transactions", bad.toString(), "--period", "2024-01-01/2024-04-01");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .doesNotContain("\n")
                    .contains(bad + ":7:", "'date'", "'2024-03-32'", "yyyy-MM-dd");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void aMissingFileExitsWith2() {
            Run run = run(
                    "retention",
                    "--transactions",
                    dir.resolve("nope.csv").toString(),
                    "--period",
                    "2024-01-01/2024-02-01");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("nope.csv: no such file");
        }

        @Test
        void badUsageExitsWith2OnOneLine() {
            for (String[] args : new String[][] {
                {"retention"},
                {"retention", "--period", "2024-01-01"},
                {"retention", "--period", "2024-01-01/2024-02-01", "--delimiter", "pipe"},
                {"retention", "--period", "2024-01-01/2024-02-01", "--format", "xml"},
                {"retention", "--period", "2024-01-01/2024-02-01", "--by", "fortnight"},
                {"nosuchcommand"}
            }) {
                Run run = run(args);
                assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(run.err().strip())
                        .as(String.join(" ", args))
                        .isNotEmpty()
                        .doesNotContain("\n");
            }
        }

        @Test
        void positionalColumnsWithoutHeaderAndWhitespaceDelimiterAreRead() throws IOException {
            Path cdnowLike = file(
                    "sample.txt",
                    " 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n"
                            + " 00021 0002 19970101  3   63.34\n");
            Run run = run(
                    "retention",
                    "--transactions",
                    cdnowLike.toString(),
                    "--delimiter",
                    "whitespace",
                    "--no-header",
                    "--customer-col",
                    "2",
                    "--date-col",
                    "3",
                    "--amount-col",
                    "5",
                    "--date-format",
                    "yyyyMMdd",
                    "--period",
                    "1997-01-01/1997-02-01",
                    "--format",
                    "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = JSON.readTree(run.out()).get("retention");
            assertThat(r.at("/customers/active").asLong()).isEqualTo(2);
            assertThat(r.at("/customers/repeat").asLong()).isEqualTo(1);
            assertThat(r.at("/revenue/all").decimalValue()).isEqualByComparingTo("122.40");
        }
    }

    @Nested
    class Report {
        @Test
        void withoutInputItReportsTheSampleShopPerMonthAndInTotal() throws IOException {
            Run run = run("report", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            PurchaseTable shop = SampleShop.standard().purchases();
            assertThat(report.at("/about/purchases").asLong()).isEqualTo(shop.size());
            assertThat(report.at("/purchaseBehaviour/tables/behaviourTotal/rows/0/active")
                            .asLong())
                    .isEqualTo(shop.customerCount());
            JsonNode months = report.at("/purchaseBehaviour/tables/behaviourByPeriod/rows");
            assertThat(months).hasSize(36);
            long newCustomers = 0;
            long purchases = 0;
            for (JsonNode month : months) {
                newCustomers += month.at("/new").asLong();
                purchases += month.at("/purchases").asLong();
            }
            assertThat(newCustomers).isEqualTo(shop.customerCount());
            assertThat(purchases).isEqualTo(shop.size());
        }

        @Test
        void textReportHasTheBehaviourSection() {
            Run run = run("report");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("LOYALTY REPORT", "Purchase behaviour", "By month", "2025-12");
        }

        @Test
        void anEmptyFileGivesAReportOfNoPurchases() throws IOException {
            Path empty = file("empty.csv", "customer_id,date,amount\n");
            Run run = run("report", "--transactions", empty.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("purchases: +0\\n").contains("No purchases");
        }

        @Test
        void outWritesTheReportToAFile() throws IOException {
            Path target = dir.resolve("report.json");
            Run run = run("report", "--format", "json", "--out", target.toString(), "--granularity", "quarter");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(target.toFile()).at("/about/granularity").asText())
                    .isEqualTo("quarter");
        }
    }

    @Test
    void sampleWritesTheSampleShopAsReadableCsv() throws IOException {
        Path csv = dir.resolve("shop.csv");
        Run run = run("sample", "--customers", "50", "--seed", "7", "--out", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PurchaseCsv.read(csv, CsvOptions.defaults()))
                .isEqualTo(SampleShop.standard().withCustomers(50).withSeed(7).purchases());
    }

    @Test
    void crrFromCountsUsesTheCorrectedFormula() throws IOException {
        Run run = run("crr", "--start", "200", "--end", "210", "--new", "30", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("retentionRate").asDouble()).isEqualTo(0.9);
        Run impossible = run("crr", "--start", "10", "--end", "50", "--new", "5");
        assertThat(impossible.exitCode()).isEqualTo(2);
        assertThat(impossible.err()).contains("CE - CN = 45", "CS=10");
    }
}
