package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/** Reads the CDNOW files of the BTYD literature (see {@code src/test/resources/cdnow/README.md}). */
class CdnowCsvTest {

    /** {@code CDNOW_master.txt}: whitespace separated, header {@code customer_id date number_of_cds dollar_value}. */
    static final CsvOptions MASTER = CsvOptions.defaults()
            .withDelimiter(Delimiter.WHITESPACE)
            .withDatePattern("yyyyMMdd")
            .withAmountColumn(ColumnRef.named("dollar_value"))
            .withQuantityColumn(ColumnRef.named("number_of_cds"));

    /** {@code CDNOW_sample.txt}: no header; original id, sample id, date, number of CDs, dollar value. */
    static final CsvOptions SAMPLE = CsvOptions.defaults()
            .withDelimiter(Delimiter.WHITESPACE)
            .withHeader(false)
            .withCustomerColumn(ColumnRef.at(2))
            .withDateColumn(ColumnRef.at(3))
            .withQuantityColumn(ColumnRef.at(4))
            .withAmountColumn(ColumnRef.at(5))
            .withDatePattern("yyyyMMdd");

    private static PurchaseTable master;

    static Path resource(String name) {
        try {
            return Path.of(CdnowCsvTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }

    @BeforeAll
    static void readMaster() {
        master = PurchaseCsv.read(resource("/cdnow/CDNOW_master.txt"), MASTER);
    }

    @Test
    void theMasterFileHas69659PurchasesOf23570Customers() {
        assertThat(master.size()).isEqualTo(69_659);
        assertThat(master.customerCount()).isEqualTo(23_570);
        assertThat(master.dateRange()).contains(DateRange.parse("1997-01-01/1998-07-01"));
        assertThat(master.categories()).isEmpty();
    }

    @Test
    void theMasterFileKeepsIdsDatesAmountsAndQuantitiesAsWritten() {
        // " 00001 19970101  1   11.77", the first purchase in the file
        assertThat(master.customer(0)).isEqualTo(CustomerId.of("00001"));
        assertThat(master.purchase(master.firstRow(0)))
                .isEqualTo(Purchase.of("00001", "1997-01-01", "11.77").withQuantity(1));
        assertThat(master.stream().filter(p -> p.date().equals(LocalDate.of(1997, 1, 1))))
                .isNotEmpty();
    }

    @Test
    void theSampleFileReadByPositionHas6919PurchasesOf2357Customers() {
        PurchaseTable sample = PurchaseCsv.read(resource("/cdnow/CDNOW_sample.txt"), SAMPLE);

        assertThat(sample.size()).isEqualTo(6_919);
        assertThat(sample.customerCount()).isEqualTo(2_357);
        assertThat(sample.customer(0)).isEqualTo(CustomerId.of("0001"));
        assertThat(sample.customer(2_356)).isEqualTo(CustomerId.of("2357"));
        assertThat(sample.dateRange()).contains(DateRange.parse("1997-01-01/1998-07-01"));
    }

    @Test
    void everySampleRowIsARowOfTheMasterFile() {
        PurchaseTable sampleByOriginalId =
                PurchaseCsv.read(resource("/cdnow/CDNOW_sample.txt"), SAMPLE.withCustomerColumn(ColumnRef.at(1)));
        Map<Purchase, Long> masterRows =
                master.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<Purchase, Long> sampleRows =
                sampleByOriginalId.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        sampleRows.forEach((row, count) ->
                assertThat(masterRows.getOrDefault(row, 0L)).as("%s", row).isGreaterThanOrEqualTo(count));
    }
}
