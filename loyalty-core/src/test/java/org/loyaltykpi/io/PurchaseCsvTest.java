package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

class PurchaseCsvTest {

    private static final CsvOptions DEFAULTS = CsvOptions.defaults();

    private static PurchaseTable read(String text, CsvOptions options) {
        return PurchaseCsv.read(new StringReader(text), "in.csv", options);
    }

    private static CsvFormatException readError(String text, CsvOptions options) {
        return catchThrowableOfType(CsvFormatException.class, () -> read(text, options));
    }

    @Nested
    class Formats {

        @Test
        void theDefaultFormatIsCommaSeparatedWithHeaderIsoDatesAndOptionalCategoryAndQuantity() {
            PurchaseTable table = read("""
                    customer_id,date,amount,category,quantity
                    C1,2024-01-05,20.00,books,2
                    C2,2024-01-20,12,,1
                    """, DEFAULTS);

            assertThat(table)
                    .isEqualTo(PurchaseTable.of(
                            Purchase.of("C1", "2024-01-05", "20.00")
                                    .withCategory("books")
                                    .withQuantity(2),
                            Purchase.of("C2", "2024-01-20", "12.00")));
        }

        @Test
        void withoutCategoryAndQuantityColumnsPurchasesHaveNoCategoryAndOneItem() {
            PurchaseTable table = read("customer_id,date,amount\nC1,2024-01-05,20.5\n", DEFAULTS);

            assertThat(table).isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "20.50")));
        }

        @Test
        void headerNamesMatchIgnoringCaseAndColumnsMayComeInAnyOrder() {
            PurchaseTable table = read("Amount;DATE;Customer_ID;Note\n9,99;2024-01-05;C1;x\n", semicolonComma());

            assertThat(table).isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "9.99")));
        }

        @Test
        void semicolonsWithDecimalCommasAndAnotherDatePattern() {
            CsvOptions german = semicolonComma()
                    .withDatePattern("dd.MM.yyyy")
                    .withCustomerColumn(ColumnRef.named("kunde"))
                    .withDateColumn(ColumnRef.named("datum"))
                    .withAmountColumn(ColumnRef.named("betrag"));

            PurchaseTable table = read("kunde;datum;betrag\nK1;05.01.2024;1234,5\nK2;29.02.2024;0,99\n", german);

            assertThat(table)
                    .isEqualTo(PurchaseTable.of(
                            Purchase.of("K1", "2024-01-05", "1234.50"), Purchase.of("K2", "2024-02-29", "0.99")));
        }

        @Test
        void tabSeparatedFieldsMayHoldSpaces() {
            PurchaseTable table = read(
                    "customer_id\tdate\tamount\tcategory\nC 1\t2024-01-05\t3.00\thome and garden\n",
                    DEFAULTS.withDelimiter(Delimiter.TAB));

            assertThat(table)
                    .isEqualTo(PurchaseTable.of(
                            Purchase.of("C 1", "2024-01-05", "3.00").withCategory("home and garden")));
        }

        @Test
        void quotedFieldsMayHoldTheDelimiterQuotesAndLineBreaks() {
            PurchaseTable table = read(
                    "customer_id,date,amount,category\n"
                            + "\"Smith, \"\"J\"\"\",2024-01-05,10.00,\"books, used\"\n"
                            + "\"multi\nline\",2024-01-06,1.00, \"  padded  \"\n",
                    DEFAULTS);

            assertThat(table)
                    .isEqualTo(PurchaseTable.of(
                            Purchase.of("Smith, \"J\"", "2024-01-05", "10.00").withCategory("books, used"),
                            Purchase.of("multi\nline", "2024-01-06", "1.00").withCategory("  padded  ")));
        }

        @Test
        void unquotedFieldsAreStrippedOfSurroundingSpaces() {
            PurchaseTable table = read("customer_id , date , amount\n  C1 ,  2024-01-05 , 1.00  \n", DEFAULTS);

            assertThat(table).isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "1.00")));
        }

        @Test
        void columnsMayBeChosenByOneBasedPositionWithOrWithoutHeader() {
            CsvOptions positional = DEFAULTS.withHeader(false)
                    .withCustomerColumn(ColumnRef.at(3))
                    .withDateColumn(ColumnRef.parse("1"))
                    .withAmountColumn(ColumnRef.at(2));

            assertThat(read("2024-01-05,7.00,C1\n", positional))
                    .isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "7.00")));
            assertThat(read("d,a,who\n2024-01-05,7.00,C1\n", positional.withHeader(true)))
                    .isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "7.00")));
        }

        @Test
        void windowsLineEndsAndAByteOrderMarkAreRead() {
            PurchaseTable table = read("\uFEFFcustomer_id,date,amount\r\nC1,2024-01-05,1.00\r\n", DEFAULTS);

            assertThat(table).isEqualTo(PurchaseTable.of(Purchase.of("C1", "2024-01-05", "1.00")));
        }

        @Test
        void theAmountScaleKeepsMoreDecimalsExactly() {
            PurchaseTable table = read("customer_id,date,amount\nC1,2024-01-05,0.125\n", DEFAULTS.withAmountScale(3));

            assertThat(table.amountScale()).isEqualTo(3);
            assertThat(table.amountMinorUnits(0)).isEqualTo(125);
        }

        @Test
        void anEmptyFileAndAHeaderOnlyFileGiveTheEmptyTable() {
            assertThat(read("", DEFAULTS)).isEqualTo(PurchaseTable.empty());
            assertThat(read("customer_id,date,amount\n", DEFAULTS)).isEqualTo(PurchaseTable.empty());
            assertThat(read("customer_id,date,amount", DEFAULTS)).isEqualTo(PurchaseTable.empty());
            CsvOptions positional = DEFAULTS.withHeader(false)
                    .withCustomerColumn(ColumnRef.at(1))
                    .withDateColumn(ColumnRef.at(2))
                    .withAmountColumn(ColumnRef.at(3));
            assertThat(read("", positional)).isEqualTo(PurchaseTable.empty());
            assertThat(read("\n\n", positional)).isEqualTo(PurchaseTable.empty());
        }

        @Test
        void blankLinesAreSkipped() {
            String text = "\ncustomer_id,date,amount\n\nC1,2024-01-05,1.00\n\r\n\nC2,2024-01-06,2.00\n\n";

            assertThat(read(text, DEFAULTS))
                    .isEqualTo(PurchaseTable.of(
                            Purchase.of("C1", "2024-01-05", "1.00"), Purchase.of("C2", "2024-01-06", "2.00")));
        }

        @Test
        void linesOfOnlySpacesAreBlankLinesToo() {
            String text = "customer_id,date,amount\nC1,2024-01-05,1.00\n   \nC2,2024-01-06,2.00\n \t \n";

            assertThat(read(text, DEFAULTS).size()).isEqualTo(2);
            assertThat(read(text.replace(',', ';'), DEFAULTS.withDelimiter(Delimiter.SEMICOLON))
                            .size())
                    .isEqualTo(2);
        }
    }

    @Nested
    class Errors {

        private static final String HEADER = "customer_id,date,amount\n";
        private static final String FIVE_GOOD_ROWS =
                "C1,2024-01-01,1.00\nC2,2024-01-02,2.00\nC3,2024-01-03,3.00\nC4,2024-01-04,4.00\nC5,2024-01-05,5.00\n";

        @Test
        void aMalformedDateNamesFileLineColumnAndValue() {
            CsvFormatException e = readError(HEADER + FIVE_GOOD_ROWS + "C6,2024-13-01,6.00\n", DEFAULTS);

            assertThat(e.source()).isEqualTo("in.csv");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).contains("'date' (#2)");
            assertThat(e.value()).isEqualTo("2024-13-01");
            assertThat(e).hasMessage("in.csv:7: column 'date' (#2): '2024-13-01' is not a date of pattern yyyy-MM-dd");
        }

        @Test
        void lineNumbersCountBlankLinesAndTheHeader() {
            CsvFormatException e = readError(HEADER + "\n\nC1,05/01/2024,1.00\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(4);
            assertThat(e.value()).isEqualTo("05/01/2024");
        }

        @Test
        void the30thOfFebruaryIsNotADateUnderStrictParsing() {
            CsvFormatException iso = readError(HEADER + "C1,2023-02-29,1.00\n", DEFAULTS);
            assertThat(iso.line()).isEqualTo(2);
            assertThat(iso.value()).isEqualTo("2023-02-29");

            CsvFormatException compact = readError(HEADER + "C1,20240230,1.00\n", DEFAULTS.withDatePattern("yyyyMMdd"));
            assertThat(compact)
                    .hasMessage("in.csv:2: column 'date' (#2): '20240230' is not a date of pattern yyyyMMdd");

            CsvFormatException pattern =
                    readError(HEADER + "C1,30.02.2024,1.00\n", DEFAULTS.withDatePattern("dd.MM.yyyy"));
            assertThat(pattern.value()).isEqualTo("30.02.2024");
            assertThat(pattern.column()).contains("'date' (#2)");
        }

        @Test
        void anAmountThatIsNotANumberNamesTheValue() {
            CsvFormatException e = readError(HEADER + FIVE_GOOD_ROWS + "C6,2024-01-06,12.5x\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).contains("'amount' (#3)");
            assertThat(e.value()).isEqualTo("12.5x");
            assertThat(e.getMessage()).startsWith("in.csv:7: column 'amount' (#3): '12.5x' is not an amount");
            assertThat(readError(HEADER + "C1,2024-01-06,1.2.3\n", DEFAULTS).value())
                    .isEqualTo("1.2.3");
            assertThat(readError(HEADER + "C1,2024-01-06,.\n", DEFAULTS).value())
                    .isEqualTo(".");
            assertThat(readError(HEADER + "C1,2024-01-06,\"\"\n", DEFAULTS).value())
                    .isEmpty();
        }

        @Test
        void anAmountWithMoreDecimalsThanTheScaleIsAnErrorNotRounded() {
            CsvFormatException e = readError(HEADER + "C1,2024-01-06,1.234\n", DEFAULTS);

            assertThat(e)
                    .hasMessage("in.csv:2: column 'amount' (#3): '1.234' has more than 2 decimal places;"
                            + " raise the amount scale to keep it exact");
            assertThat(readError(HEADER + "C1,2024-01-06,5.5\n", DEFAULTS.withAmountScale(0))
                            .value())
                    .isEqualTo("5.5");
        }

        @Test
        void aNegativeAmountIsRejectedWhenRefundsAreErrors() {
            CsvFormatException e = readError(
                    HEADER + "C1,2024-01-06,-5.00\n",
                    DEFAULTS.withRules(PurchaseRules.defaults().withRefunds(PurchaseRules.Refunds.ERROR)));

            assertThat(e)
                    .hasMessage("in.csv:2: column 'amount' (#3): '-5.00' is negative; refunds are not purchases"
                            + " (read them with refunds net or exclude)");
        }

        @Test
        void aDecimalCommaIsNotAnAmountUnderTheDefaultDecimalPoint() {
            CsvFormatException e = readError(
                    "customer_id;date;amount\nC1;2024-01-06;5,00\n", DEFAULTS.withDelimiter(Delimiter.SEMICOLON));

            assertThat(e.value()).isEqualTo("5,00");
            assertThat(e.getMessage()).contains("'.' decimal separator");
        }

        @Test
        void aMissingFieldNamesTheColumnAndHowManyFieldsTheRowHas() {
            CsvFormatException e = readError(HEADER + "C1,2024-01-06,1.00\nC2,2024-01-07\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).contains("'amount' (#3)");
            assertThat(e.value()).isEmpty();
            assertThat(e).hasMessage("in.csv:3: column 'amount' (#3): '' is missing: the row has 2 fields");
        }

        @Test
        void aBadQuantityOrCustomerIdNamesTheValue() {
            CsvFormatException quantity =
                    readError("customer_id,date,amount,quantity\nC1,2024-01-06,1.00,0\n", DEFAULTS);
            assertThat(quantity)
                    .hasMessage("in.csv:2: column 'quantity' (#4): '0' is not a quantity (a whole number >= 1)");

            CsvFormatException customer = readError(HEADER + ",2024-01-06,1.00\n", DEFAULTS);
            assertThat(customer.line()).isEqualTo(2);
            assertThat(customer.column()).contains("'customer_id' (#1)");
            assertThat(customer.getMessage()).contains("is not a customer id (empty)");
        }

        @Test
        void aRowOfEmptyFieldsIsAnErrorNotABlankLine() {
            CsvFormatException e = readError(HEADER + "C1,2024-01-06,1.00\n,,\n", DEFAULTS);

            assertThat(e).as("the row is reported, not skipped").isNotNull();
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.value()).isEmpty();
        }

        @Test
        void aBlankQuotedCategoryNamesTheCategoryColumn() {
            CsvFormatException e = readError("customer_id,date,amount,category\nC1,2024-01-06,1.00,\"  \"\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).contains("'category' (#4)");
            assertThat(e.value()).isEqualTo("  ");
        }

        @Test
        void anUnknownHeaderColumnIsNamedWithTheHeader() {
            assertThatThrownBy(() ->
                            read(HEADER + "C1,2024-01-06,1.00\n", DEFAULTS.withAmountColumn(ColumnRef.named("price"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("in.csv:1: no amount column 'price' in the header [customer_id, date, amount]");
            assertThatThrownBy(() -> read(HEADER, DEFAULTS.withCategoryColumn(ColumnRef.named("category"))))
                    .as("a category column asked for must exist, even without rows")
                    .hasMessageContaining("no category column 'category'");
        }

        @Test
        void aColumnNameWithoutHeaderAsksForAColumnNumber() {
            assertThatThrownBy(() -> read("C1,2024-01-06,1.00\n", DEFAULTS.withHeader(false)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("in.csv: the customer column 'customer_id' is a header name, but the file is read"
                            + " without header: give a 1-based column number");
        }

        @Test
        void anUnclosedQuoteNamesTheLineWhereTheFieldOpens() {
            CsvFormatException e = readError(HEADER + "C1,2024-01-06,1.00\n\"C2,2024-01-07,2.00\nC3\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEmpty();
            assertThat(e.value()).startsWith("\"C2,2024-01-07");
            assertThat(e.getMessage())
                    .startsWith("in.csv:3: '\"C2")
                    .endsWith("opens a quoted field that is never closed");
        }

        @Test
        void textAfterAClosingQuoteIsAnError() {
            CsvFormatException e = readError(HEADER + "\"C1\"x,2024-01-06,1.00\n", DEFAULTS);

            assertThat(e.line()).isEqualTo(2);
            assertThat(e.value()).isEqualTo("x");
        }

        @Test
        void aThousandsSeparatorEqualToANewDecimalSeparatorGivesWayToTheOther() {
            CsvOptions shopify = PurchasePreset.SHOPIFY.csvOptions().withDelimiter(Delimiter.SEMICOLON);

            assertThat(shopify.withDecimalSeparator(',').thousandsSeparator()).contains('.');
            assertThat(shopify.withDecimalSeparator('.').thousandsSeparator()).contains(',');
            assertThat(shopify.withThousandsSeparator('\'')
                            .withDecimalSeparator(',')
                            .thousandsSeparator())
                    .contains('\'');
            assertThat(DEFAULTS.withDelimiter(Delimiter.SEMICOLON)
                            .withDecimalSeparator(',')
                            .thousandsSeparator())
                    .isEmpty();
        }

        @Test
        void impossibleOptionsAreRejected() {
            assertThatThrownBy(() -> DEFAULTS.withDecimalSeparator(','))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("decimal separator ','");
            assertThatThrownBy(() -> DEFAULTS.withDecimalSeparator('_')).hasMessageContaining("'_'");
            assertThatThrownBy(() -> DEFAULTS.withDatePattern("yyyy-MM-dd-qqqqqq-{"))
                    .hasMessageContaining("yyyy-MM-dd-qqqqqq-{");
            assertThatThrownBy(() -> DEFAULTS.withAmountScale(12)).hasMessageContaining("12");
            assertThatThrownBy(() -> ColumnRef.at(0)).hasMessage("column position is 1-based: 0");
            assertThatThrownBy(() -> Delimiter.parse("|")).hasMessageContaining("'|'");
        }
    }

    @Nested
    class RoundTrip {

        @Test
        void writeProducesTheDefaultFormatQuotingWhereNeeded() {
            StringWriter out = new StringWriter();
            PurchaseCsv.write(
                    PurchaseTable.of(
                            Purchase.of("C1", "2024-01-05", "20")
                                    .withCategory("books")
                                    .withQuantity(2),
                            Purchase.of("Smith, \"J\"", "2024-01-06", "1.5")),
                    out);

            assertThat(out.toString())
                    .isEqualTo("customer_id,date,amount,category,quantity\n"
                            + "C1,2024-01-05,20.00,books,2\n"
                            + "\"Smith, \"\"J\"\"\",2024-01-06,1.50,,1\n");
        }

        @Test
        void theSampleShopReadsBackAsAnEqualTable(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("shop.csv");
            PurchaseCsv.write(SampleShop.standard().purchases(), file);

            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .startsWith("customer_id,date,amount,category,quantity\n");
            assertThat(PurchaseCsv.read(file, DEFAULTS))
                    .isEqualTo(SampleShop.standard().purchases());
        }

        @Test
        void aMissingFileIsReportedWithItsName(@TempDir Path dir) {
            Path missing = dir.resolve("missing.csv");

            assertThatThrownBy(() -> PurchaseCsv.read(missing, DEFAULTS))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("missing.csv");
        }
    }

    private static CsvOptions semicolonComma() {
        return DEFAULTS.withDelimiter(Delimiter.SEMICOLON).withDecimalSeparator(',');
    }
}
