package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.PurchaseRules.MissingCustomer;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;

/**
 * Each preset reads a small export in its system's layout (src/test/resources/exports, written by hand) and gives the
 * purchases, customers and net revenue worked out by hand in the comments.
 */
class PresetExportsTest {

    static Path export(String name) {
        try {
            return Path.of(
                    PresetExportsTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The purchases as "customer date amount quantity" lines, in table order. */
    static List<String> purchases(PurchaseTable table) {
        return table.stream()
                .map(p ->
                        p.customer().value() + " " + p.date() + " " + p.amount().toPlainString() + " x" + p.quantity())
                .collect(Collectors.toList());
    }

    static BigDecimal grossRevenue(PurchaseTable table) {
        return table.stream().map(p -> p.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Nested
    class OnlineRetail {
        // Invoices (lines: quantity x unit price):
        //   536365 17850: 6 x 2.55 = 15.30, 6 x 3.39 = 20.34, 8 x 2.75 = 22.00 -> 57.64, 20 items   (lines 2-4)
        //   536366 17850: 6 x 1.85 = 11.10                                                            (line 5)
        //   536367 13047: 32 x 1.69 = 54.08, 6 x 2.10 = 12.60 -> 66.68, 38 items                       (lines 6-7)
        //   C536379 14527: -1 x 27.50 = -27.50: a refund                                              (line 8)
        //   536370 14527: 24 x 3.75 = 90.00                                                           (line 9)
        //   536544 no CustomerID: 2 rows skipped                                                      (lines 10-11)
        //   C536383 17850: -1 x 4.65 = -4.65: a refund                                                (line 12)
        //   537000 13047 (3 Dec): 12 x 2.95 = 35.40                                                   (line 13)
        //   C537001 13047 (3 Dec): -2 x 2.95 = -5.90: a refund                                        (line 14)
        // Purchases: 5 invoices of 8 lines; customers 17850, 13047, 14527.
        // Gross 57.64 + 11.10 + 66.68 + 90.00 + 35.40 = 260.82; refunds -27.50 - 4.65 - 5.90 = -38.05;
        // net 260.82 - 38.05 = 222.77. Rows 8 + 3 + 2 = 13.
        final PurchaseLoad load =
                PurchaseCsv.load(export("online_retail.csv"), PurchasePreset.ONLINE_RETAIL.csvOptions());

        @Test
        void oneInvoiceIsOnePurchaseDatedByItsDayWithLinesSummed() {
            assertThat(purchases(load.table()))
                    .containsExactly(
                            "13047 2010-12-01 66.68 x38",
                            "13047 2010-12-03 35.40 x12",
                            "14527 2010-12-01 90.00 x24",
                            "17850 2010-12-01 57.64 x20",
                            "17850 2010-12-01 11.10 x6");
            assertThat(load.table().customerCount()).isEqualTo(3);
        }

        @Test
        void cancellationInvoicesAreRefundsNettedInTheRevenueOfTheirPeriod() {
            assertThat(load.table().refundCount()).isEqualTo(3);
            assertThat(load.table().refundTotalMinorUnits()).isEqualTo(-3805);
            assertThat(grossRevenue(load.table())).isEqualByComparingTo("260.82");
            PurchaseBehaviour december = RetentionCalculator.behaviour(load.table(), DateRange.month(2010, 12));
            assertThat(december.revenue()).isEqualByComparingTo("222.77");
            // Refunds are no purchases: 5 purchases, 3 customers active.
            assertThat(december.purchases()).isEqualTo(5);
            assertThat(december.activeCustomers()).isEqualTo(3);
            // All three are new in December: their refunds come off the new customers' revenue too.
            assertThat(december.newCustomerRevenue()).isEqualByComparingTo("222.77");
        }

        @Test
        void theCohortRevenueIsNetOfTheCohortsRefunds() {
            CohortMatrix matrix = CohortCalculator.matrix(load.table(), Granularity.MONTH);
            assertThat(matrix.revenue(0, 0)).isEqualByComparingTo("222.77");
        }

        @Test
        void theSummarySaysWhatWasGroupedSkippedAndNetted() {
            LoadSummary summary = load.summary();
            assertThat(summary.rows()).isEqualTo(13);
            assertThat(summary.orderLines()).isEqualTo(8);
            assertThat(summary.purchases()).isEqualTo(5);
            assertThat(summary.skipped())
                    .containsExactly(Map.entry(LoadSummary.WITHOUT_CUSTOMER, new LoadSummary.Skipped(2, 10)));
            assertThat(summary.refunds()).isEqualTo(3);
            assertThat(summary.refundAmount()).isEqualByComparingTo("-38.05");
            assertThat(summary)
                    .hasToString(
                            "13 rows: 8 order lines in 5 orders; 2 rows without a customer skipped (first line 10);"
                                    + " 3 refunds netted, -38.05");
        }

        @Test
        void theOptionsSpelledOutGiveWhatThePresetGives() {
            CsvOptions spelledOut = CsvOptions.defaults()
                    .withCustomerColumn(ColumnRef.named("CustomerID"))
                    .withDateColumn(ColumnRef.named("InvoiceDate"))
                    .withDatePattern("M/d/yy H:mm")
                    .withQuantityColumn(ColumnRef.named("Quantity"))
                    .withRules(PurchaseRules.defaults()
                            .withOrderColumn(ColumnRef.named("InvoiceNo"))
                            .withUnitPriceColumn(ColumnRef.named("UnitPrice"))
                            .withMissingCustomer(MissingCustomer.SKIP));
            assertThat(PurchaseCsv.load(export("online_retail.csv"), spelledOut))
                    .isEqualTo(load);
        }

        @Test
        void excludedRefundsAreCountedButNotNetted() {
            PurchaseLoad excluded = PurchaseCsv.load(
                    export("online_retail.csv"),
                    PurchasePreset.ONLINE_RETAIL
                            .csvOptions()
                            .withRules(PurchasePreset.ONLINE_RETAIL
                                    .csvOptions()
                                    .rules()
                                    .withRefunds(PurchaseRules.Refunds.EXCLUDE)));
            assertThat(excluded.table().refundCount()).isZero();
            assertThat(excluded.summary().refunds()).isEqualTo(3);
            assertThat(excluded.summary().toString()).endsWith("3 refunds excluded, -38.05");
            assertThat(RetentionCalculator.behaviour(excluded.table(), DateRange.month(2010, 12))
                            .revenue())
                    .isEqualByComparingTo("260.82");
        }
    }

    @Nested
    class Shopify {
        // #1001 ann: Total 1,250.00 on its first line, lines of 1 and 2 items -> 1250.00 x3 on 2024-03-05   (lines 2-3)
        // #1002 bob: Total 80.00, Refunded Amount 30.00 -> 80.00 - 30.00 = 50.00 x2 on 2024-03-06          (line 4)
        // #1003 ann: 45.50 created 2024-04-02 23:30:00 -0700 -> 2024-04-02 as written                       (line 5)
        // #1004 no Email: skipped                                                                          (line 6)
        // #1005 carl voided: its 2 lines excluded                                                          (lines 7-8)
        // #1006 carl refunded: 60.00 - 60.00 refunded = 0.00, fully refunded: a refund, no purchase        (line 9)
        // Purchases 3 of 4 lines, customers ann and bob; net revenue 1250.00 + 50.00 + 45.50 = 1345.50.
        final PurchaseLoad load =
                PurchaseCsv.load(export("shopify_orders_export.csv"), PurchasePreset.SHOPIFY.csvOptions());

        @Test
        void ordersArePurchasesNetOfTheirRefundedAmount() {
            assertThat(purchases(load.table()))
                    .containsExactly(
                            "ann@example.com 2024-03-05 1250.00 x3",
                            "ann@example.com 2024-04-02 45.50 x1",
                            "bob@example.com 2024-03-06 50.00 x2");
            assertThat(load.table().customerCount()).isEqualTo(2);
            assertThat(grossRevenue(load.table())).isEqualByComparingTo("1345.50");
        }

        @Test
        void theSummaryCountsTheGuestTheVoidedOrderAndTheFullRefund() {
            assertThat(load.summary())
                    .hasToString("8 rows: 4 order lines in 3 orders; 1 row without a customer skipped (first line 6);"
                            + " 2 rows of status 'voided' excluded (first line 7); 1 refund netted, 0.00");
        }

        @Test
        void anExplicitTimeZoneOverridesTheDateAsWritten() {
            // 2024-04-02 23:30:00 -0700 is 2024-04-03 08:30 in Berlin.
            PurchaseLoad berlin = PurchaseCsv.load(
                    export("shopify_orders_export.csv"),
                    PurchasePreset.SHOPIFY.csvOptions().withTimeZone(ZoneId.of("Europe/Berlin")));
            assertThat(purchases(berlin.table())).contains("ann@example.com 2024-04-03 45.50 x1");
        }
    }

    @Nested
    class WooCommerce {
        // 501 customer 12 wc-completed 1,250.00 on 2024-03-01; 502 customer 15 wc-processing 38.90 on 2024-03-02;
        // 503 customer 0 (guest): skipped; 504 wc-cancelled, 505 wc-refunded, 506 wc-failed: excluded;
        // 507 customer 12 wc-completed 61.10 on 2024-04-20.
        // Purchases 3, customers 12 and 15; revenue 1250.00 + 38.90 + 61.10 = 1350.00.
        final PurchaseLoad load =
                PurchaseCsv.load(export("woocommerce_orders.csv"), PurchasePreset.WOOCOMMERCE.csvOptions());

        @Test
        void onlyCompletedAndProcessingOrdersOfCustomersArePurchases() {
            assertThat(purchases(load.table()))
                    .containsExactly("12 2024-03-01 1250.00 x1", "12 2024-04-20 61.10 x1", "15 2024-03-02 38.90 x1");
            assertThat(load.table().customerCount()).isEqualTo(2);
            assertThat(grossRevenue(load.table())).isEqualByComparingTo("1350.00");
        }

        @Test
        void theSummaryCountsTheGuestAndEachExcludedStatus() {
            assertThat(load.summary())
                    .hasToString("7 rows: 3 order lines in 3 orders; 1 row without a customer skipped (first line 4);"
                            + " 1 row of status 'wc-cancelled' excluded (first line 5);"
                            + " 1 row of status 'wc-refunded' excluded (first line 6);"
                            + " 1 row of status 'wc-failed' excluded (first line 7)");
        }
    }

    @Nested
    class Stripe {
        // ch_3OqA1 cus_PaA Paid 1,250.00 on 2024-03-05; ch_3OqA2 cus_PaB 1,250.00 fully refunded: a refund;
        // ch_3OqA3 cus_PaA 80.00 - 30.00 refunded = 50.00 on 2024-03-15; ch_3OqA4 Failed: excluded;
        // ch_3OqA5 no customer: skipped; ch_3OqA6 cus_PaB 99.99 on 2024-04-01.
        // Purchases 3, customers cus_PaA and cus_PaB; net revenue 1250.00 + 50.00 + 99.99 = 1399.99.
        final PurchaseLoad load = PurchaseCsv.load(export("stripe_payments.csv"), PurchasePreset.STRIPE.csvOptions());

        @Test
        void paymentsArePurchasesNetOfRefundsAndAFullRefundIsNone() {
            assertThat(purchases(load.table()))
                    .containsExactly(
                            "cus_PaA 2024-03-05 1250.00 x1",
                            "cus_PaA 2024-03-15 50.00 x1",
                            "cus_PaB 2024-04-01 99.99 x1");
            assertThat(load.table().customerCount()).isEqualTo(2);
            assertThat(grossRevenue(load.table())).isEqualByComparingTo("1399.99");
            assertThat(RetentionCalculator.behaviour(load.table(), DateRange.month(2024, 3))
                            .revenue())
                    .isEqualByComparingTo("1300.00");
        }

        @Test
        void theSummaryCountsTheFailedPaymentTheGuestAndTheRefund() {
            assertThat(load.summary())
                    .hasToString("6 rows: 3 purchases; 1 row without a customer skipped (first line 6);"
                            + " 1 row of status 'Failed' excluded (first line 5); 1 refund netted, 0.00");
        }
    }

    @Test
    void presetsHaveTheirCommandLineNames() {
        assertThat(PurchasePreset.ofCliName("online-retail")).contains(PurchasePreset.ONLINE_RETAIL);
        assertThat(PurchasePreset.ofCliName("Shopify")).contains(PurchasePreset.SHOPIFY);
        assertThat(PurchasePreset.ofCliName("magento")).isEmpty();
        assertThat(PurchasePreset.ONLINE_RETAIL.settings())
                .containsEntry("--order-col", "InvoiceNo")
                .containsEntry("--unit-price-col", "UnitPrice")
                .containsEntry("--date-format", "M/d/yy H:mm")
                .containsEntry("--missing-customer", "skip");
    }
}
