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

class ValueCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Cohorts January {a, b}, February {c}, March {d}; the numbers below are counted by hand from these rows. */
    private static final String PURCHASES = String.join(
            "\n",
            "customer_id,date,amount",
            "a,2025-01-05,100.00",
            "a,2025-02-10,50.00",
            "a,2025-03-01,30.00",
            "b,2025-01-20,40.00",
            "c,2025-02-03,60.00",
            "c,2025-02-20,20.00",
            "d,2025-03-15,10.00",
            "");

    private static final String SPEND = String.join(
            "\n",
            "period,amount,kind",
            "2025-01,60.00,acquisition",
            "2025-02-01/2025-03-01,45.00,",
            "2025-03,5.00,acquisition",
            "2025-01,100.00,retention",
            "");

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private LoyaltyCliTest.Run value(String spend, String... more) throws IOException {
        String[] args = new String[4 + more.length + 1];
        args[0] = "value";
        args[1] = "--transactions";
        args[2] = file("orders.csv", PURCHASES).toString();
        args[3] = "--spend";
        args[4] = file("spend.csv", spend).toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return LoyaltyCliTest.run(args);
    }

    @Test
    void jsonGivesCacLtvLtvToCacPaybackAndRepeatRevenue() throws IOException {
        LoyaltyCliTest.Run run = value(SPEND, "--margin", "0.5", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("granularity").asText()).isEqualTo("month");
        JsonNode cac = root.get("cac");
        assertThat(cac.get("overall").asDouble()).isEqualTo(27.5);
        assertThat(cac.get("newCustomers").asLong()).isEqualTo(4);
        assertThat(cac.get("otherSpend").decimalValue()).isEqualByComparingTo("100");
        assertThat(cac.get("byPeriod").get(0).get("period").asText()).isEqualTo("2025-01");
        assertThat(cac.get("byPeriod").get(0).get("cac").asDouble()).isEqualTo(30.0);
        JsonNode margin = root.get("ltv").get("margin");
        assertThat(margin.get("churnRate").asDouble()).isEqualTo(0.5);
        assertThat(margin.get("value").asDouble()).isCloseTo(310.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(root.get("ltvToCac").get("margin").asDouble())
                .isCloseTo(310.0 / 6 / 27.5, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode payback = root.get("payback");
        assertThat(payback).hasSize(3);
        assertThat(payback.get(0).get("periods").asInt()).isEqualTo(1);
        assertThat(payback.get(1).get("periods").isNull()).isTrue();
        JsonNode repeat = root.get("repeatRevenue");
        assertThat(repeat.get("repeatRevenue").decimalValue()).isEqualByComparingTo("80");
        assertThat(repeat.get("averageOrderValueUplift").asDouble())
                .isCloseTo(40.0 / 46 - 1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void csvHasOneRowPerPeriodWithAcquisitionSpendAndItsCac() throws IOException {
        LoyaltyCliTest.Run run = value(SPEND, "--margin", "0.5", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("period,acquisitionSpend,newCustomers,cac\n"
                        + "2025-01,60.00,2,30.0\n"
                        + "2025-02,45.00,1,45.0\n"
                        + "2025-03,5.00,1,5.0\n");
    }

    @Test
    void textShowsEveryMetricWithItsFormula() throws IOException {
        LoyaltyCliTest.Run run = value(SPEND);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("CAC (acquisition spend / new customers)", "27.50", "acquisition spend", "110.00")
                .contains("LTV, simple", "LTV, margin", "LTV:CAC", "AOV uplift", "-13.0%")
                .contains("CAC, LTV and payback by month", "Payback per cohort");
    }

    @Test
    void aSpendInAMonthWithoutNewCustomersExitsTwoNamingThePeriodAndTheAmount() throws IOException {
        LoyaltyCliTest.Run run = value("period,amount\n2025-01,60.00\n2025-06,75.50\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("loyalty value: acquisition spend 75.50 in 2025-06 has no new customers in that month (the"
                        + " purchases' cohorts run 2025-01..2025-03), so its CAC is undefined");
        LoyaltyCliTest.Run allowed =
                value("period,amount\n2025-01,60.00\n2025-06,75.50\n", "--allow-spend-without-customers");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void aBadSpendRowExitsTwoWithOneLineNamingFileLineColumnAndValue() throws IOException {
        LoyaltyCliTest.Run run = value("period,amount\n2025-01,60.00\n2025-02,sixty\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("spend.csv:3: column 'amount' (#2): 'sixty' is not an amount");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void aBadMarginExitsTwo() throws IOException {
        LoyaltyCliTest.Run run = value(SPEND, "--margin", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gross margin must be within 0..1: 1.5");
    }

    @Test
    void withoutInputItRunsOnTheSampleShopAndItsSpend() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("value", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"spendSource\" : \"built-in sample shop's marketing spend");
    }

    @Test
    void sampleWritesReviewsAndSpendThatTheInputsReadBack() throws IOException {
        Path reviews = dir.resolve("reviews.csv");
        Path spend = dir.resolve("spend.csv");
        Path orders = dir.resolve("orders.csv");
        LoyaltyCliTest.Run sample = LoyaltyCliTest.run(
                "sample",
                "--customers",
                "300",
                "--out",
                orders.toString(),
                "--reviews-out",
                reviews.toString(),
                "--spend-out",
                spend.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        assertThat(Files.readString(reviews)).startsWith("customer_id,date,rating,sentiment\n");
        assertThat(Files.readString(spend)).startsWith("period,amount,kind\n2023-01,");
        LoyaltyCliTest.Run report = LoyaltyCliTest.run(
                "report",
                "--transactions",
                orders.toString(),
                "--reviews",
                reviews.toString(),
                "--spend",
                spend.toString(),
                "--format",
                "json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode root = JSON.readTree(report.out());
        assertThat(root.at("/reviews/figures/reviewCount/value").asLong()).isPositive();
        assertThat(root.at("/value/figures/cac/value").asDouble()).isBetween(15.0, 50.0);
    }
}
