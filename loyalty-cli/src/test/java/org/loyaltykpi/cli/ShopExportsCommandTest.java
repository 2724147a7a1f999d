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
import org.loyaltykpi.io.PurchasePreset;

/** Real shop exports on the command line: presets, order lines, refunds, guests and the source summary. */
class ShopExportsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path onlineRetail() throws IOException {
        Path file = dir.resolve("online_retail.csv");
        try (InputStream in = ShopExportsCommandTest.class.getResourceAsStream("/exports/online_retail.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private JsonNode retention(String... args) throws IOException {
        String[] all = new String[args.length + 4];
        all[0] = "retention";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--period";
        all[args.length + 2] = "2010-12-01/2011-01-01";
        all[args.length + 3] = "--format=json";
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void aPresetsThousandsSeparatorGivesWayToTheSameDecimalSeparator() throws IOException {
        // A Shopify export from a shop with decimal commas: semicolons between fields, totals like 1.250,00.
        Path file = dir.resolve("orders_export.csv");
        Files.writeString(
                file,
                "Name;Email;Financial Status;Created at;Total;Lineitem quantity;Refunded Amount\n"
                        + "#1001;a@example.com;paid;2024-03-05 14:22:10 +0100;1.250,00;1;0,00\n"
                        + "#1002;b@example.com;paid;2024-03-06 10:00:00 +0100;12,50;2;\n",
                StandardCharsets.UTF_8);
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "retention",
                "--transactions",
                file.toString(),
                "--preset",
                "shopify",
                "--delimiter",
                ";",
                "--decimal-separator",
                ",",
                "--period",
                "2024-03-01/2024-04-01",
                "--format=json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.at("/retention/purchases/all").asLong()).isEqualTo(2);
        assertThat(json.at("/retention/revenue/all").decimalValue()).isEqualByComparingTo("1262.50");
    }

    @Test
    void onlineRetailGivesOnePurchasePerInvoiceNetsTheCInvoicesAndReportsTheSkippedRows() throws IOException {
        // Worked out in PresetExportsTest.OnlineRetail: 5 invoices of 8 lines by 3 customers, gross 260.82,
        // 3 C-invoices -38.05, net 222.77; 2 rows without CustomerID from line 10.
        Path file = onlineRetail();
        JsonNode spelledOut = retention(
                "--transactions",
                file.toString(),
                "--order-col",
                "InvoiceNo",
                "--unit-price-col",
                "UnitPrice",
                "--quantity-col",
                "Quantity",
                "--customer-col",
                "CustomerID",
                "--date-col",
                "InvoiceDate",
                "--date-format",
                "M/d/yy H:mm",
                "--missing-customer",
                "skip");
        assertThat(spelledOut.at("/retention/purchases/all").asLong()).isEqualTo(5);
        assertThat(spelledOut.at("/retention/customers/active").asLong()).isEqualTo(3);
        assertThat(spelledOut.at("/retention/revenue/all").decimalValue()).isEqualByComparingTo("222.77");
        assertThat(spelledOut.get("source").asText()).isEqualTo(file.toString());
        JsonNode input = spelledOut.get("input");
        assertThat(input.get("rows").asLong()).isEqualTo(13);
        assertThat(input.get("orderLines").asLong()).isEqualTo(8);
        assertThat(input.get("orders").asLong()).isEqualTo(5);
        assertThat(input.at("/skipped/without a customer/rows").asLong()).isEqualTo(2);
        assertThat(input.at("/skipped/without a customer/firstLine").asLong()).isEqualTo(10);
        assertThat(input.at("/refunds/count").asLong()).isEqualTo(3);
        assertThat(input.at("/refunds/amount").decimalValue()).isEqualByComparingTo("-38.05");
        assertThat(input.at("/refunds/handling").asText()).isEqualTo("net");

        JsonNode preset = retention("--transactions", file.toString(), "--preset", "online-retail");
        assertThat(preset).isEqualTo(spelledOut);
    }

    @Test
    void theReportWritesTheSameInputSummaryBesideItsSourceAsTheOtherCommands() throws IOException {
        Path file = onlineRetail();
        JsonNode retention = retention("--transactions", file.toString(), "--preset", "online-retail");
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "report", "--transactions", file.toString(), "--preset", "online-retail", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode about = JSON.readTree(run.out()).get("about");
        assertThat(about.get("source").asText()).startsWith(file.toString());
        assertThat(about.get("input")).isEqualTo(retention.get("input"));
        assertThat(about.at("/input/rows").asLong()).isEqualTo(13);
        assertThat(about.at("/input/skipped/without a customer/rows").asLong()).isEqualTo(2);
        assertThat(about.at("/input/refunds/amount").decimalValue()).isEqualByComparingTo("-38.05");
        // the built-in sample shop was not read from a file: no summary
        LoyaltyCliTest.Run sample = LoyaltyCliTest.run("report", "--format", "json");
        assertThat(JSON.readTree(sample.out()).at("/about/input").isMissingNode())
                .isTrue();
    }

    @Test
    void theTextOutputHasOneSourceBlockSayingWhatWasDoneToTheInput() throws IOException {
        Path file = onlineRetail();
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "retention", "--transactions", file.toString(), "--preset", "online-retail", "--period", "2010-12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsOnlyOnce("source:")
                .contains("source:  " + file + "  (13 rows: 8 order lines in 5 orders; 2 rows without a customer"
                        + " skipped (first line 10); 3 refunds netted, -38.05)");
    }

    @Test
    void anExplicitOptionOverridesThePreset() throws IOException {
        // Refunds as errors: the first C-invoice line (8) fails the command.
        LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                "retention",
                "--transactions",
                onlineRetail().toString(),
                "--preset",
                "online-retail",
                "--refunds",
                "error",
                "--period",
                "2010-12");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(":8: column 'UnitPrice' (#6): '-27.50' is negative; refunds are not purchases");
    }

    @Test
    void aRefundIsNettedInsteadOfDroppedSoRevenueIsNotTooHigh() throws IOException {
        // The ERP example of the issue: +100 and -100 for c1, +25 for c2: revenue 100 - 100 + 25 = 25 (not 125),
        // and the refund is no purchase: 2 purchases, 2 active customers.
        Path file = dir.resolve("erp.csv");
        Files.writeString(
                file,
                "customer_id,date,amount\nc1,2024-03-01,100.00\nc2,2024-03-02,25.00\nc1,2024-03-09,-100.00\n",
                StandardCharsets.UTF_8);
        JsonNode result = JSON.readTree(LoyaltyCliTest.run(
                        "retention", "--transactions", file.toString(), "--period", "2024-03", "--format", "json")
                .out());
        assertThat(result.at("/retention/revenue/all").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(result.at("/retention/purchases/all").asLong()).isEqualTo(2);
        assertThat(result.at("/retention/customers/active").asLong()).isEqualTo(2);
        assertThat(result.at("/input/refunds/count").asLong()).isEqualTo(1);
    }

    @Test
    void helpListsWhatEachPresetSets() {
        LoyaltyCliTest.Run run = LoyaltyCliTest.run("retention", "--help");
        // The help wraps lines anywhere, so compare without white space.
        String help = run.out().replaceAll("\\s+", "");
        for (PurchasePreset preset : PurchasePreset.values()) {
            assertThat(help).contains(PurchaseInput.PresetHelp.of(preset).replaceAll("\\s+", ""));
        }
    }
}
