package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.SurveyResponse;
import org.quicktheories.generators.Generate;

class SkippingBadRowsTest {
    private static final String HEADER = "customer_id,date,amount";

    /** Lines 3, 5 and 6 are bad: a date that is not one, a refund, a row one field short. */
    private static final String ORDERS = String.join(
            "\n",
            HEADER,
            "c1,2024-01-05,10.00",
            "c2,2024-13-01,20.00",
            "c1,2024-02-03,30.00",
            "c3,2024-02-10,-4.00",
            "c3,2024-02-11",
            "c2,2024-03-01,15.00",
            "");

    /** Rows that cannot be read as purchases, each on its own. */
    private static final List<String> BAD_ROWS =
            List.of("c9,2024-02-30,1.00", "c9,2024-01-01,abc", "c9,2024-01-01,-1", "c9", "c9,2024-01-01,1.001", ",,");

    @TempDir
    Path dir;

    /** Refunds are bad rows here, as they were before refunds were netted: {@link PurchaseRules.Refunds#ERROR}. */
    private static final CsvOptions REFUNDS_ARE_ERRORS =
            CsvOptions.defaults().withRules(PurchaseRules.defaults().withRefunds(PurchaseRules.Refunds.ERROR));

    private static CsvRead<PurchaseTable> lenient(String csv, long max) {
        return PurchaseCsv.readSkippingBadRows(new StringReader(csv), "orders.csv", REFUNDS_ARE_ERRORS, max);
    }

    @Test
    void badRowsAreSkippedCountedAndNamedWithTheirLines() {
        CsvRead<PurchaseTable> read = lenient(ORDERS, 10);
        assertThat(read.value().size()).isEqualTo(3);
        assertThat(read.value().customerCount()).isEqualTo(2);
        assertThat(read.skippedRows()).isEqualTo(3);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.errors()).extracting(CsvFormatException::line).containsExactly(3L, 5L, 6L);
        assertThat(read.errors()).extracting(CsvFormatException::value).containsExactly("2024-13-01", "-4.00", "");
        assertThat(read.lines()).isEqualTo("3, 5, 6");
        assertThat(read.summary())
                .isEqualTo("3 bad rows skipped, the first: orders.csv:3: column 'date' (#2): '2024-13-01' is not a"
                        + " date of pattern yyyy-MM-dd");
    }

    @Test
    void oneBadRowMoreThanAllowedFailsNamingThatRow() {
        assertThatThrownBy(() -> lenient(ORDERS, 2))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("orders.csv:6: column 'amount' (#3): '' is missing: the row has 2 fields (bad row 3: more"
                        + " than the 2 allowed to skip)");
    }

    @Test
    void allowingNoBadRowGivesTheStrictReadersError() {
        assertThatThrownBy(() -> lenient(ORDERS, 0))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("orders.csv:3: column 'date' (#2): '2024-13-01' is not a date of pattern yyyy-MM-dd");
        assertThatThrownBy(() -> PurchaseCsv.read(new StringReader(ORDERS), "orders.csv", CsvOptions.defaults()))
                .hasMessage("orders.csv:3: column 'date' (#2): '2024-13-01' is not a date of pattern yyyy-MM-dd");
    }

    @Test
    void aCleanFileIsCompleteAndEqualsTheStrictRead() {
        String clean = HEADER + "\nc1,2024-01-05,10.00\nc2,2024-01-06,3.50\n";
        CsvRead<PurchaseTable> read = lenient(clean, 5);
        assertThat(read.isComplete()).isTrue();
        assertThat(read.summary()).isEqualTo("no bad rows");
        assertThat(read.lines()).isEmpty();
        assertThat(read.value()).isEqualTo(PurchaseCsv.read(new StringReader(clean), "x", CsvOptions.defaults()));
    }

    @Test
    void structuralErrorsAreNeverSkipped() {
        assertThatThrownBy(() -> lenient(HEADER + "\nc1,2024-01-05,10.00\n\"c2,2024-01-06,3.50\n", 100))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("opens a quoted field that is never closed");
        assertThatThrownBy(() -> lenient("customer,date,amount\nc1,2024-01-05,10.00\n", 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orders.csv:1: no customer column 'customer_id' in the header [customer, date, amount]");
    }

    @Test
    void aNegativeAllowanceIsRejected() {
        assertThatThrownBy(() -> lenient(ORDERS, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of bad rows to skip must be >= 0: -1");
    }

    @Test
    void theFileReaderSkipsBadRowsThatTheParallelFastPathCannotRead() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, ORDERS, StandardCharsets.UTF_8);
        CsvRead<PurchaseTable> read = PurchaseCsv.readSkippingBadRows(file, REFUNDS_ARE_ERRORS, 3);
        assertThat(read.value()).isEqualTo(lenient(ORDERS, 3).value());
        assertThat(read.errors()).extracting(CsvFormatException::source).containsOnly(file.toString());
        assertThat(read.lines()).isEqualTo("3, 5, 6");
    }

    @Test
    void onlyTheFirstHundredErrorsAreKeptButEveryBadRowIsCounted() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 150; i++) {
            csv.append("c").append(i).append(",not a date,1.00\n");
        }
        csv.append("c1,2024-01-01,1.00\n");
        CsvRead<PurchaseTable> read = lenient(csv.toString(), 1000);
        assertThat(read.value().size()).isEqualTo(1);
        assertThat(read.skippedRows()).isEqualTo(150);
        assertThat(read.errors()).hasSize(CsvRead.KEPT_ERRORS);
        assertThat(read.lines()).endsWith("101, ...");
    }

    @Test
    void skippingInjectedBadRowsGivesTheTableOfTheGoodRowsAlone() {
        // Model: a file of good rows with bad rows slipped in anywhere reads, leniently, as the good rows alone.
        qt().withFixedSeed(2026_11_23L)
                .withExamples(200)
                .forAll(
                        lists().of(integers().between(0, 400)).ofSizeBetween(0, 12),
                        lists().of(integers().between(0, 30)).ofSizeBetween(0, 8),
                        lists().of(Generate.pick(BAD_ROWS)).ofSizeBetween(0, 8))
                .checkAssert((goodDays, badPositions, badRows) -> {
                    List<String> good = new ArrayList<>();
                    for (int i = 0; i < goodDays.size(); i++) {
                        good.add("c" + (i % 4) + ","
                                + java.time.LocalDate.of(2024, 1, 1).plusDays(goodDays.get(i)) + "," + (i + 1) + ".25");
                    }
                    List<String> mixed = new ArrayList<>(good);
                    int injected = Math.min(badPositions.size(), badRows.size());
                    for (int k = 0; k < injected; k++) {
                        mixed.add(Math.min(badPositions.get(k), mixed.size()), badRows.get(k));
                    }
                    String expected = HEADER + "\n" + String.join("\n", good) + "\n";
                    String actual = HEADER + "\n" + String.join("\n", mixed) + "\n";
                    CsvRead<PurchaseTable> read = lenient(actual, injected);
                    assertThat(read.value())
                            .isEqualTo(PurchaseCsv.read(new StringReader(expected), "x", CsvOptions.defaults()));
                    assertThat(read.skippedRows()).isEqualTo(injected);
                    for (CsvFormatException e : read.errors()) {
                        assertThat(BAD_ROWS).contains(mixed.get((int) e.line() - 2));
                    }
                });
    }

    @Test
    void surveyAnswersOffTheScaleAreSkippedLikeBadPurchaseRows() throws IOException {
        Path answers = dir.resolve("answers.csv");
        Files.writeString(
                answers,
                String.join(
                        "\n",
                        "respondent_id,date,question,score",
                        "r1,2025-03-04,nps,9",
                        "r2,2025-03-04,nps,11",
                        "r3,2025-03-05,csat,4",
                        ""),
                StandardCharsets.UTF_8);
        CsvRead<List<SurveyResponse>> read = SurveyCsv.readSkippingBadRows(answers, SurveyCsvOptions.defaults(), 1);
        assertThat(read.value()).extracting(SurveyResponse::score).containsExactly(9, 4);
        assertThat(read.skippedRows()).isEqualTo(1);
        assertThat(read.errors().get(0).getMessage()).contains(":3: column 'score' (#4): '11'");
        assertThatThrownBy(() -> SurveyCsv.read(answers, SurveyCsvOptions.defaults()))
                .hasMessageContaining(":3: column 'score' (#4): '11'");
    }
}
