package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.PurchaseRules.MissingCustomer;
import org.loyaltykpi.io.PurchaseRules.Refunds;
import org.loyaltykpi.retention.PurchaseBehaviour;
import org.loyaltykpi.retention.RetentionCalculator;

/** The row rules of real exports, through the general reader: one law per test. */
class PurchaseRulesTest {
    private static final CsvOptions DEFAULTS = CsvOptions.defaults();

    static PurchaseLoad load(String csv, CsvOptions options) {
        return PurchaseCsv.load(new StringReader(csv), "in.csv", options, 0);
    }

    static List<String> rows(PurchaseTable table) {
        return table.stream()
                .map(p ->
                        p.customer().value() + " " + p.date() + " " + p.amount().toPlainString())
                .collect(Collectors.toList());
    }

    static CsvOptions rules(PurchaseRules rules) {
        return DEFAULTS.withRules(rules);
    }

    @Nested
    class Definitions {
        @Test
        void aNegativeAmountIsARefundNettedInTheRevenueOfItsPeriodAndNoPurchase() {
            PurchaseLoad load = load(
                    "customer_id,date,amount\nc1,2024-03-01,100.00\nc2,2024-03-02,25.00\nc1,2024-04-09,-40.00\n",
                    DEFAULTS);
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 100.00", "c2 2024-03-02 25.00");
            PurchaseBehaviour april = RetentionCalculator.behaviour(load.table(), DateRange.month(2024, 4));
            // April: no purchase, but c1's refund: revenue 0 - 40.00.
            assertThat(april.purchases()).isZero();
            assertThat(april.activeCustomers()).isZero();
            assertThat(april.revenue()).isEqualByComparingTo("-40.00");
            assertThat(load.summary()).hasToString("3 rows: 2 purchases; 1 refund netted, -40.00");
        }

        @Test
        void aRefundOfACustomerWithoutPurchasesStillNetsTheRevenueOfItsPeriod() {
            PurchaseLoad load = load("customer_id,date,amount\nc1,2024-03-01,100.00\nc9,2024-03-05,-30.00\n", DEFAULTS);
            assertThat(load.table().customerCount()).isEqualTo(1);
            assertThat(load.table().refundCustomerIndex(0)).isEqualTo(-1);
            assertThat(RetentionCalculator.behaviour(load.table(), DateRange.month(2024, 3))
                            .revenue())
                    .isEqualByComparingTo("70.00");
        }

        @Test
        void aZeroAmountOrderIsAPurchase() {
            PurchaseLoad load = load("customer_id,date,amount\nc1,2024-03-01,0.00\n", DEFAULTS);
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 0.00");
            assertThat(load.summary().refunds()).isZero();
        }

        @Test
        void rowsOfOneOrderAndCustomerAreOnePurchaseDatedByTheEarliestRowWithEveryCategory() {
            String csv = "order,customer_id,date,amount,category\n"
                    + "A1,c1,2024-03-02,10.00,books\n"
                    + "A1,c1,2024-03-01,5.50,music\n"
                    + "A2,c1,2024-03-20,7.00,books\n";
            PurchaseLoad load = load(csv, rules(PurchaseRules.defaults().withOrderColumn(ColumnRef.named("order"))));
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 15.50", "c1 2024-03-20 7.00");
            assertThat(load.table().hasSeveralCategories(0)).isTrue();
            assertThat(load.table().categoryIndexes(0)).containsExactly(0, 1);
            // One order of books and music: a cross-category customer, with 2 purchases on 2 days.
            PurchaseBehaviour march = RetentionCalculator.behaviour(load.table(), DateRange.month(2024, 3));
            assertThat(march.multiCategoryCustomers()).isEqualTo(1);
            assertThat(march.purchases()).isEqualTo(2);
            assertThat(load.summary()).hasToString("3 rows: 3 order lines in 2 orders");
        }

        @Test
        void unitPriceTimesQuantityIsTheAmountExactly() {
            String csv = "customer_id,date,price,qty\nc1,2024-03-01,0.07,3\nc1,2024-03-02,19.99,-1\n";
            PurchaseLoad load = load(
                    csv,
                    DEFAULTS.withQuantityColumn(ColumnRef.named("qty"))
                            .withRules(PurchaseRules.defaults().withUnitPriceColumn(ColumnRef.named("price"))));
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 0.21");
            assertThat(load.table().refundTotalMinorUnits()).isEqualTo(-1999);
        }

        @Test
        void aRefundedAmountIsSubtractedAndAFullyRefundedRowIsNoPurchase() {
            String csv = "customer_id,date,amount,refunded\nc1,2024-03-01,80.00,30.00\nc2,2024-03-02,60.00,60.00\n";
            PurchaseLoad load =
                    load(csv, rules(PurchaseRules.defaults().withRefundedColumn(ColumnRef.named("refunded"))));
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 50.00");
            assertThat(load.summary().refunds()).isEqualTo(1);
        }

        @Test
        void excludedStatusesAreNoPurchasesAndAreCountedPerStatusIgnoringCase() {
            String csv = "customer_id,date,amount,status\nc1,2024-03-01,1.00,paid\nc2,2024-03-01,2.00,Failed\n"
                    + "c3,2024-03-01,3.00,failed\nc4,2024-03-01,4.00,voided\n";
            PurchaseLoad load = load(
                    csv,
                    rules(PurchaseRules.defaults()
                            .withStatusColumn(ColumnRef.named("status"))
                            .withExcludeStatuses(Set.of("FAILED", "voided"))));
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 1.00");
            assertThat(load.summary().excludedStatuses())
                    .containsExactly(
                            Map.entry("Failed", new LoadSummary.Skipped(2, 3)),
                            Map.entry("voided", new LoadSummary.Skipped(1, 5)));
            PurchaseLoad included = load(
                    csv,
                    rules(PurchaseRules.defaults()
                            .withStatusColumn(ColumnRef.named("status"))
                            .withIncludeStatuses(Set.of("Paid"))));
            assertThat(included.table()).isEqualTo(load.table());
        }

        @Test
        void guestsAreSkippedAndCountedOrAnErrorNamingTheLine() {
            String csv = "customer_id,date,amount\nc1,2024-03-01,1.00\n0,2024-03-01,2.00\n,2024-03-02,3.00\n";
            PurchaseRules guests = PurchaseRules.defaults().withGuestIds(Set.of("0"));
            PurchaseLoad load = load(csv, rules(guests.withMissingCustomer(MissingCustomer.SKIP)));
            assertThat(rows(load.table())).containsExactly("c1 2024-03-01 1.00");
            assertThat(load.summary().skipped())
                    .containsExactly(Map.entry(LoadSummary.WITHOUT_CUSTOMER, new LoadSummary.Skipped(2, 3)));
            assertThatThrownBy(() -> load(csv, rules(guests)))
                    .hasMessage("in.csv:3: column 'customer_id' (#1): '0' is a guest id; rows without a customer can"
                            + " be skipped (missing customer: skip)");
        }

        @Test
        void excludedRefundsAreCountedButNotNettedAndErrorRefundsFailNamingTheLine() {
            String csv = "customer_id,date,amount\nc1,2024-03-01,100.00\nc1,2024-03-09,-40.00\n";
            PurchaseLoad excluded = load(csv, rules(PurchaseRules.defaults().withRefunds(Refunds.EXCLUDE)));
            assertThat(excluded.table().refundCount()).isZero();
            assertThat(excluded.summary()).hasToString("2 rows: 1 purchase; 1 refund excluded, -40.00");
            assertThatThrownBy(() -> load(csv, rules(PurchaseRules.defaults().withRefunds(Refunds.ERROR))))
                    .hasMessageStartingWith("in.csv:3: column 'amount' (#3): '-40.00' is negative");
        }
    }

    @Nested
    class MoneyAsWritten {
        private long amount(String text, CsvOptions options) {
            String delimited = options.delimiter() == Delimiter.SEMICOLON
                    ? "customer_id;date;amount\nc1;2024-03-01;" + text + "\n"
                    : "customer_id,date,amount\nc1,2024-03-01,\"" + text + "\"\n";
            PurchaseTable table = load(delimited, options).table();
            return table.isEmpty() ? table.refundMinorUnits(0) : table.amountMinorUnits(0);
        }

        @Test
        void thousandsSeparatorsGroupThreeDigits() {
            assertThat(amount("1,234.50", DEFAULTS.withThousandsSeparator(','))).isEqualTo(123450);
            CsvOptions european = DEFAULTS.withDelimiter(Delimiter.SEMICOLON)
                    .withDecimalSeparator(',')
                    .withThousandsSeparator('.');
            assertThat(amount("1.234.567,89", european)).isEqualTo(123456789);
            assertThat(amount("1'234.50", DEFAULTS.withThousandsSeparator('\'')))
                    .isEqualTo(123450);
            assertThat(amount("1\u00A0234.50", DEFAULTS.withThousandsSeparator(' ')))
                    .isEqualTo(123450);
            assertThatThrownBy(() -> amount("12,34.00", DEFAULTS.withThousandsSeparator(',')))
                    .hasMessageContaining("'12,34.00' is not an amount");
        }

        @Test
        void oneCurrencySymbolOrCodeMayStandBeforeOrAfterTheNumber() {
            CsvOptions options = DEFAULTS.withThousandsSeparator(',');
            assertThat(amount("$1,234.50", options)).isEqualTo(123450);
            assertThat(amount("EUR 12.00", options)).isEqualTo(1200);
            assertThat(amount("12.00 EUR", options)).isEqualTo(1200);
            assertThat(amount("-$45.00", options)).isEqualTo(-4500);
            assertThat(amount("$-45.00", options)).isEqualTo(-4500);
            CsvOptions european = DEFAULTS.withDelimiter(Delimiter.SEMICOLON)
                    .withDecimalSeparator(',')
                    .withThousandsSeparator('.');
            assertThat(amount("1.234,50 €", european)).isEqualTo(123450);
        }

        @Test
        void aFileThatMixesCurrenciesIsAnErrorNamingBothLines() {
            assertThatThrownBy(() ->
                            load("customer_id,date,amount\nc1,2024-03-01,$5.00\nc2,2024-03-01,EUR 5.00\n", DEFAULTS))
                    .hasMessage("in.csv:3: column 'amount' (#3): 'EUR 5.00' is in EUR but line 2 is in $: one file must"
                            + " hold one currency");
        }
    }

    @Nested
    class TimeStamps {
        private String day(String text, CsvOptions options) {
            return load("customer_id,date,amount\nc1," + text + ",1.00\n", options)
                    .table()
                    .date(0)
                    .toString();
        }

        @Test
        void theDefaultFormatReadsIsoDateTimesAsTheDateWritten() {
            assertThat(day("2024-03-05T23:22:10Z", DEFAULTS)).isEqualTo("2024-03-05");
            assertThat(day("2024-03-05 14:22", DEFAULTS)).isEqualTo("2024-03-05");
            assertThat(day("2024-03-05 23:30:00 -0700", DEFAULTS)).isEqualTo("2024-03-05");
            assertThat(day("2024-03-05T14:22:10.123+01:00[Europe/Paris]", DEFAULTS))
                    .isEqualTo("2024-03-05");
        }

        @Test
        void aTimeZoneMapsEachInstantToItsCalendarDateThere() {
            CsvOptions tokyo = DEFAULTS.withTimeZone(ZoneId.of("Asia/Tokyo"));
            assertThat(day("2024-03-05T14:22:10Z", tokyo)).isEqualTo("2024-03-05");
            assertThat(day("2024-03-05T15:00:00Z", tokyo)).isEqualTo("2024-03-06");
            assertThat(day("2024-03-05 23:30:00 -0700", DEFAULTS.withTimeZone(ZoneId.of("Europe/Berlin"))))
                    .isEqualTo("2024-03-06");
            // Without an offset in the text, the date is taken as written.
            assertThat(day("2024-03-05 23:30", tokyo)).isEqualTo("2024-03-05");
            CsvOptions pattern = DEFAULTS.withDatePattern("dd.MM.yyyy HH:mm xx").withTimeZone(ZoneId.of("UTC"));
            assertThat(day("05.03.2024 00:30 +0100", pattern)).isEqualTo("2024-03-04");
        }
    }

    @Nested
    class Metamorphic {
        @Test
        void theOrderOfAnOrdersLinesInTheFileDoesNotMatter() {
            CsvOptions byOrder = rules(PurchaseRules.defaults().withOrderColumn(ColumnRef.named("order")));
            String header = "order,customer_id,date,amount,category\n";
            List<String> lines = List.of(
                    "A1,c1,2024-03-02,10.00,books\n",
                    "A2,c2,2024-03-03,4.00,\n",
                    "A1,c1,2024-03-01,5.50,music\n",
                    "C1,c2,2024-03-04,-1.00,\n",
                    "A2,c2,2024-03-03,6.00,toys\n");
            PurchaseLoad forward = load(header + String.join("", lines), byOrder);
            List<String> reversed = new java.util.ArrayList<>(lines);
            java.util.Collections.reverse(reversed);
            PurchaseLoad backward = load(header + String.join("", reversed), byOrder);
            assertThat(backward.table()).isEqualTo(forward.table());
            assertThat(rows(forward.table())).containsExactly("c1 2024-03-01 15.50", "c2 2024-03-03 10.00");
        }
    }
}
