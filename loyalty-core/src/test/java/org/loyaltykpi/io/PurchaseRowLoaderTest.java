package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.domain.Granularity;

/**
 * The row pipeline for rows held as column values (a cluster job's partitions): the purchases and summary of {@link
 * PurchaseCsv} on the same rows, and summaries of disjoint parts that add up to the summary of the whole.
 */
class PurchaseRowLoaderTest {
    private static final List<String> HEADER = List.of("order", "customer", "date", "price", "qty", "status");
    private static final String[][] ROWS = {
        {"A1", "c1", "2024-01-03", "10.00", "2", "paid"},
        {"A1", "c1", "2024-01-04", "5.50", "1", ""},
        {"A2", "c2", "2024-01-31", "20.00", "1", "paid"},
        {"A3", "0", "2024-02-11", "3.00", "1", "paid"},
        {"A4", "c3", "2024-02-12", "7.25", "2", "Voided"},
        {"A5", "c2", "2024-03-01", "4.00", "-1", "paid"},
        {"A6", "", "2024-03-02", "1.00", "1", "paid"},
        {"A7", "c3", "2024-03-02", "6.00", "1", "voided"}
    };
    private static final CsvOptions OPTIONS = CsvOptions.defaults()
            .withCustomerColumn(ColumnRef.named("customer"))
            .withQuantityColumn(ColumnRef.named("qty"))
            .withRules(PurchaseRules.defaults()
                    .withOrderColumn(ColumnRef.named("order"))
                    .withUnitPriceColumn(ColumnRef.named("price"))
                    .withStatusColumn(ColumnRef.named("status"))
                    .withExcludeStatuses(Set.of("voided"))
                    .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)
                    .withGuestIds(Set.of("0")));

    private static PurchaseLoad csv() {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (String[] row : ROWS) {
            text.append(String.join(",", row)).append('\n');
        }
        return PurchaseCsv.load(new StringReader(text.toString()), "orders.csv", OPTIONS, 0);
    }

    /** The loader fed with the rows whose customer passes a filter, each with its line in the CSV file. */
    private static PurchaseLoad part(java.util.function.Predicate<String> customers) {
        PurchaseRowLoader loader = PurchaseRowLoader.ofLines("orders.csv", OPTIONS, HEADER);
        int[] used = loader.usedColumns();
        for (int r = 0; r < ROWS.length; r++) {
            if (customers.test(ROWS[r][1])) {
                String[] values = new String[used.length];
                for (int i = 0; i < used.length; i++) {
                    values[i] = ROWS[r][used[i]];
                }
                loader.add("", r + 2, values);
            }
        }
        return loader.finish();
    }

    @Nested
    class ModelBased {
        @Test
        void theLoaderGivesTheTableAndSummaryOfTheCsvReaderOnTheSameRows() {
            PurchaseLoad expected = csv();
            PurchaseLoad actual = part(c -> true);
            assertThat(actual.table()).isEqualTo(expected.table());
            assertThat(actual.summary()).isEqualTo(expected.summary());
            assertThat(actual.summary().toString())
                    .isEqualTo("8 rows: 3 order lines in 2 orders; 2 rows without a customer skipped (first line 5);"
                            + " 2 rows of status 'Voided' excluded (first line 6); 1 refund netted, -4.00");
        }
    }

    @Nested
    class SplitAndMerge {
        @Test
        void theSummariesOfDisjointCustomerPartsAddUpToTheSummaryOfTheWhole() {
            List<String> first = new ArrayList<>(Arrays.asList("c1", "0"));
            PurchaseLoad a = part(first::contains);
            PurchaseLoad b = part(c -> !first.contains(c));
            LoadSummary whole = csv().summary();
            assertThat(a.summary().plus(b.summary())).isEqualTo(whole);
            assertThat(b.summary().plus(a.summary())).isEqualTo(whole);
            assertThat(b.summary().plus(a.summary()).toString()).isEqualTo(whole.toString());
        }

        @Test
        void theCohortMatricesOfPartsObservedUntilTheLastDayAddUpToTheWholeMatrixWithRefunds() {
            PurchaseLoad a = part(c -> c.equals("c2"));
            PurchaseLoad b = part(c -> !c.equals("c2"));
            PurchaseLoad whole = csv();
            java.time.LocalDate last =
                    java.time.LocalDate.ofEpochDay(whole.table().maxEpochDay());
            assertThat(CohortCalculator.matrix(a.table(), Granularity.MONTH, List.of(), last)
                            .plus(CohortCalculator.matrix(b.table(), Granularity.MONTH, List.of(), last)))
                    .isEqualTo(CohortCalculator.matrix(whole.table(), Granularity.MONTH));
        }
    }

    @Nested
    class Definitions {
        @Test
        void aBadValueIsAnErrorNamingTheRowsSourceRowColumnAndValue() {
            PurchaseRowLoader loader =
                    PurchaseRowLoader.of("frame", CsvOptions.defaults(), List.of("customer_id", "date", "amount"));
            assertThatThrownBy(() -> loader.add("s3://shop/part-1.parquet", 7, new String[] {"c1", "2024-02-30", "1"}))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage("s3://shop/part-1.parquet: row 7: column 'date' (#2): '2024-02-30' is not a date of"
                            + " pattern yyyy-MM-dd");
        }

        @Test
        void aMissingColumnIsAnErrorNamingTheHeader() {
            assertThatThrownBy(
                            () -> PurchaseRowLoader.of("frame", CsvOptions.defaults(), List.of("customer_id", "day")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("frame:1: no date column 'date' in the header [customer_id, day]");
        }
    }
}
