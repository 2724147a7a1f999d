package org.loyaltykpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.cohort.CohortMatrix;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvFormatException;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.LoadSummary;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.io.PurchasePreset;
import org.loyaltykpi.io.PurchaseRules;
import org.loyaltykpi.retention.RetentionCalculator;

/**
 * Purchases from a frame go through the core's row pipeline with the command line's options and rules: the same
 * purchases, refunds and load summary as {@link PurchaseCsv} gives on one machine, and the same errors.
 */
class PurchaseInputTest {
    private static final StructType STRINGS = new StructType()
            .add("customer_id", DataTypes.StringType, true)
            .add("date", DataTypes.StringType, true)
            .add("amount", DataTypes.StringType, true);

    /** Order lines of a shop export: orders over several lines, statuses, refunds, guests (id 0 or empty). */
    private static final String ORDER_LINES = """
            order,customer,created,price,qty,refunded,status,category
            A1,c1,2024-01-03 10:00:00 +0100,10.00,2,0.00,paid,books
            A1,c1,2024-01-03 10:05:00 +0100,5.50,1,,,music
            A2,c2,2024-01-31 23:30:00 -0500,20.00,1,0.00,paid,books
            A3,c1,2024-02-10 09:00:00 +0000,8.00,3,24.00,refunded,books
            A4,0,2024-02-11 09:00:00 +0000,3.00,1,0.00,paid,toys
            A5,c3,2024-02-12 12:00:00 +0000,7.25,2,0.00,VOIDED,toys
            A6,,2024-02-13 12:00:00 +0000,1.00,1,0.00,paid,toys
            A7,c2,2024-03-01 08:00:00 +0000,4.00,-1,0.00,paid,books
            A8,c3,2024-03-02 08:00:00 +0000,12.00,1,2.00,paid,music
            A8,c3,2024-03-02 08:10:00 +0000,6.00,1,0.00,,books
            A9,c4,2024-03-20 18:00:00 +0000,30.00,1,0.00,pending,music
            """;

    private static final CsvOptions ORDER_OPTIONS = CsvOptions.defaults()
            .withCustomerColumn(ColumnRef.named("customer"))
            .withDateColumn(ColumnRef.named("created"))
            .withQuantityColumn(ColumnRef.named("qty"))
            .withTimeZone(java.time.ZoneId.of("Europe/Berlin"))
            .withRules(PurchaseRules.defaults()
                    .withOrderColumn(ColumnRef.named("order"))
                    .withUnitPriceColumn(ColumnRef.named("price"))
                    .withRefundedColumn(ColumnRef.named("refunded"))
                    .withStatusColumn(ColumnRef.named("status"))
                    .withExcludeStatuses(Set.of("voided", "pending"))
                    .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)
                    .withGuestIds(Set.of("0")));

    @TempDir
    static Path work;

    private static Dataset<Row> frame(String[]... rows) {
        return LocalSpark.session()
                .createDataFrame(
                        Arrays.stream(rows)
                                .map(r -> RowFactory.create((Object[]) r))
                                .toList(),
                        STRINGS);
    }

    private static CohortMatrix cohorts(Dataset<Row> frame, CsvOptions options) {
        return SparkLoyalty.cohortMatrix(SparkPurchases.from(frame, options, 2), Granularity.MONTH);
    }

    private static Dataset<Row> sparkCsv(Path file) {
        return LocalSpark.session()
                .read()
                .option("header", true)
                .option("escape", "\"")
                .option("ignoreLeadingWhiteSpace", true)
                .option("ignoreTrailingWhiteSpace", true)
                .csv(file.toString());
    }

    /** The Spark load of a CSV file and the core's load of the same file agree on everything they compute. */
    private static void assertSameAsCore(Path file, CsvOptions options, int partitions) {
        PurchaseLoad core = PurchaseCsv.load(file, options);
        SparkPurchases spark =
                SparkPurchases.fromCsvFiles(sparkCsv(file), options, partitions).persist();
        LoadSummary summary = spark.loadSummary();
        assertThat(summary).as("load summary of %s", file).isEqualTo(core.summary());
        assertThat(summary.toString()).isEqualTo(core.summary().toString());
        assertThat(SparkLoyalty.cohortMatrix(spark, Granularity.DAY))
                .as("daily cohorts of %s", file)
                .isEqualTo(CohortCalculator.matrix(core.table(), Granularity.DAY));
        core.table().dateRange().ifPresent(range -> {
            DateRange months = DateRange.of(
                    range.start().withDayOfMonth(1),
                    range.endExclusive().withDayOfMonth(1).plusMonths(1));
            assertThat(SparkLoyalty.behaviourSeries(spark, months, Granularity.MONTH))
                    .as("behaviour of %s", file)
                    .isEqualTo(RetentionCalculator.series(core.table(), months, Granularity.MONTH));
            LocalDate end = range.endExclusive();
            assertThat(SparkLoyalty.btydSummary(spark, end, Optional.empty(), TimeScale.DAYS))
                    .as("BTYD summary of %s", file)
                    .isEqualTo(BtydSummary.of(core.table(), end, TimeScale.DAYS));
        });
        spark.unpersist();
    }

    @Nested
    class Definitions {
        @Test
        void aNullCustomerIsAnErrorNamingTheRowAndColumnUnlessSkipped() {
            Dataset<Row> rows = frame(new String[] {"c1", "2024-01-05", "10"}, new String[] {null, "2024-01-06", "5"});
            assertThatThrownBy(() -> cohorts(rows, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("input: row 2: column 'customer_id' (#1): '' is not a customer id (empty)");
            SparkPurchases skipped = SparkPurchases.from(
                    rows,
                    CsvOptions.defaults()
                            .withRules(
                                    PurchaseRules.defaults().withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)),
                    2);
            assertThat(skipped.loadSummary().toString())
                    .isEqualTo("2 rows: 1 purchase; 1 row without a customer skipped (first line 2)");
        }

        @Test
        void anUnparseableDateIsAnErrorNamingTheRowColumnValueAndPattern() {
            assertThatThrownBy(() -> cohorts(frame(new String[] {"c1", "2024-13-45", "10"}), CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage("input: row 1: column 'date' (#2): '2024-13-45' is not a date of pattern yyyy-MM-dd");
        }

        @Test
        void aNegativeAmountIsARefundAndAnErrorUnderRefundsError() {
            CsvOptions refuse =
                    CsvOptions.defaults().withRules(PurchaseRules.defaults().withRefunds(PurchaseRules.Refunds.ERROR));
            assertThatThrownBy(() -> cohorts(
                            frame(new String[] {"c1", "2024-01-05", "4"}, new String[] {"c1", "2024-01-06", "-3.50"}),
                            refuse))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage("input: row 2: column 'amount' (#3): '-3.50' is negative; refunds are not purchases"
                            + " (read them with refunds net or exclude)");
        }

        @Test
        void anAmountWithMoreDecimalPlacesThanTheScaleIsAnError() {
            assertThatThrownBy(() -> cohorts(frame(new String[] {"c1", "2024-01-05", "1.005"}), CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith(
                            "input: row 1: column 'amount' (#3): '1.005' has more than 2 decimal places");
        }

        @Test
        void aBadRowOfACsvFileIsNamedByFileAndLine() throws IOException {
            Path file = work.resolve("bad-date.csv");
            Files.writeString(file, "customer_id,date,amount\nc1,2024-01-05,10\nc2,05.01.2024,3\n");
            assertThatThrownBy(() -> SparkLoyalty.cohortMatrix(
                            SparkPurchases.fromCsvFiles(sparkCsv(file), CsvOptions.defaults(), 3), Granularity.MONTH))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageEndingWith(
                            "bad-date.csv:3: column 'date' (#2): '05.01.2024' is not a date of pattern yyyy-MM-dd");
        }

        @Test
        void aMissingColumnFailsBeforeAnyJobNamingTheColumnsThereAre() {
            assertThatThrownBy(() -> SparkPurchases.from(
                            frame(new String[] {"c1", "2024-01-05", "1"}),
                            CsvOptions.defaults().withAmountColumn(ColumnRef.named("total"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input:1: no amount column 'total' in the header [customer_id, date, amount]");
        }
    }

    @Nested
    class ModelBased {
        @Test
        void orderLinesWithStatusesRefundsAndGuestsGiveTheCoreLoadInEveryPartitionCount() throws IOException {
            Path file = work.resolve("order-lines.csv");
            Files.writeString(file, ORDER_LINES);
            for (int partitions : new int[] {1, 3, 8}) {
                assertSameAsCore(file, ORDER_OPTIONS, partitions);
            }
            LoadSummary summary = PurchaseCsv.load(file, ORDER_OPTIONS).summary();
            assertThat(summary.refunds()).isEqualTo(2);
            assertThat(summary.skippedRows()).isEqualTo(2);
            assertThat(summary.excludedRows()).isEqualTo(2);
        }

        @Test
        void netRefundsLowerTheRevenueOfTheirPeriodAsOnOneMachine() throws IOException {
            Path file = work.resolve("refunds.csv");
            Files.writeString(file, ORDER_LINES);
            SparkPurchases spark = SparkPurchases.fromCsvFiles(sparkCsv(file), ORDER_OPTIONS, 3);
            DateRange q1 = DateRange.parse("2024-01-01/2024-04-01");
            var series = SparkLoyalty.behaviourSeries(spark, q1, Granularity.MONTH);
            // February: A3 (3 x 8.00, 24.00 refunded) is a refund of 0; March: A7 returns 4.00, A8 is 18.00 - 2.00.
            assertThat(series.get(2).revenue()).isEqualByComparingTo("12.00");
            assertThat(series)
                    .isEqualTo(RetentionCalculator.series(
                            PurchaseCsv.load(file, ORDER_OPTIONS).table(), q1, Granularity.MONTH));
        }

        @Test
        void aTypedFrameOfTheSameRowsGivesTheSamePurchasesAsTheCsvFile() throws IOException {
            Path file = work.resolve("typed.csv");
            Files.writeString(
                    file,
                    "customer_id,date,amount,quantity\nc1,2024-01-31,10.50,1\nc2,2024-02-01,3,2\n"
                            + "c1,2024-02-03,-2.25,1\n");
            Dataset<Row> typed = LocalSpark.session()
                    .sql("SELECT * FROM VALUES ('c1', DATE'2024-01-31', 10.5BD, 1), ('c2', DATE'2024-02-01', 3BD, 2),"
                            + " ('c1', DATE'2024-02-03', -2.25BD, 1) AS t(customer_id, date, amount, quantity)");
            Dataset<Row> stamped = LocalSpark.session()
                    .sql("SELECT * FROM VALUES ('c1', TIMESTAMP'2024-01-31 23:30:00', 10.5D, 1L),"
                            + " ('c2', TIMESTAMP'2024-02-01 00:10:00', 3D, 2L), ('c1', TIMESTAMP'2024-02-03 12:00:00',"
                            + " -2.25D, 1L) AS t(customer_id, date, amount, quantity)");
            PurchaseLoad core = PurchaseCsv.load(file, CsvOptions.defaults());
            DateRange range = DateRange.parse("2024-01-01/2024-03-01");
            for (Dataset<Row> frame : List.of(typed, stamped)) {
                SparkPurchases spark = SparkPurchases.from(frame, CsvOptions.defaults(), 2);
                assertThat(spark.loadSummary()).isEqualTo(core.summary());
                assertThat(SparkLoyalty.behaviourSeries(spark, range, Granularity.MONTH))
                        .isEqualTo(RetentionCalculator.series(core.table(), range, Granularity.MONTH));
                assertThat(SparkLoyalty.cohortMatrix(spark, Granularity.MONTH))
                        .isEqualTo(CohortCalculator.matrix(core.table(), Granularity.MONTH));
            }
        }

        @Test
        void everyHandWrittenShopExportWithItsPresetGivesTheCoreLoad() {
            Path dir = Path.of(System.getProperty("loyalty.exports.dir"));
            assertSameAsCore(dir.resolve("shopify_orders_export.csv"), PurchasePreset.SHOPIFY.csvOptions(), 3);
            assertSameAsCore(dir.resolve("woocommerce_orders.csv"), PurchasePreset.WOOCOMMERCE.csvOptions(), 3);
            assertSameAsCore(dir.resolve("stripe_payments.csv"), PurchasePreset.STRIPE.csvOptions(), 3);
            assertSameAsCore(dir.resolve("online_retail.csv"), PurchasePreset.ONLINE_RETAIL.csvOptions(), 3);
        }

        @Test
        void theSummaryOfTwoPartsIsTheSummaryOfTheWhole() {
            String header = "customer_id,date,amount\n";
            String a = "c1,2024-01-05,10\n,2024-01-06,5\n";
            String b = "c2,2024-01-07,-3\nc3,2024-01-08,4\n";
            CsvOptions skip = CsvOptions.defaults()
                    .withRules(PurchaseRules.defaults().withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
            LoadSummary whole = PurchaseCsv.load(new StringReader(header + a + b), "f", skip, 0)
                    .summary();
            LoadSummary first =
                    PurchaseCsv.load(new StringReader(header + a), "f", skip, 0).summary();
            LoadSummary second =
                    PurchaseCsv.load(new StringReader(header + b), "f", skip, 0).summary();
            assertThat(first.plus(second).rows()).isEqualTo(whole.rows());
            assertThat(first.plus(second).refundAmount()).isEqualByComparingTo(whole.refundAmount());
            assertThat(first.plus(second).purchases()).isEqualTo(whole.purchases());
        }
    }
}
