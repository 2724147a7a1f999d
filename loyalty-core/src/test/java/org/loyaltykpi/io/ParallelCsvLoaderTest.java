package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;

/** The parallel byte-level fast path reads exactly what the general reader reads, or steps aside. */
class ParallelCsvLoaderTest {

    @TempDir
    Path dir;

    private static PurchaseTable general(Path file, CsvOptions options) throws IOException {
        return PurchaseCsv.read(new StringReader(Files.readString(file, StandardCharsets.UTF_8)), "test", options);
    }

    @Test
    void aFileOfSeveralChunksLoadsInParallelToTheSameTableAsTheGeneralReader() throws IOException {
        Path file = dir.resolve("shop.csv");
        PurchaseTable shop = SampleShop.standard().withCustomers(40_000).purchases();
        PurchaseCsv.write(shop, file);
        assertThat(Files.size(file)).as("more than one 8 MiB chunk").isGreaterThan(8L << 20);
        assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults()).map(PurchaseLoad::table))
                .contains(shop);
        assertThat(general(file, CsvOptions.defaults())).isEqualTo(shop);
    }

    @Test
    void cdnowMasterLoadsOnTheFastPathLikeTheGeneralReader() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/cdnow/CDNOW_master.txt").toURI());
        CsvOptions cdnow = CsvOptions.defaults()
                .withDelimiter(Delimiter.WHITESPACE)
                .withDatePattern("yyyyMMdd")
                .withAmountColumn(ColumnRef.named("dollar_value"))
                .withQuantityColumn(ColumnRef.named("number_of_cds"));
        PurchaseTable fast = ParallelCsvLoader.load(file, cdnow).orElseThrow().table();
        assertThat(fast).isEqualTo(general(file, cdnow));
        assertThat(fast.size()).isEqualTo(69_659);
    }

    @Test
    void quotedFieldsBareCarriageReturnsAndBadRowsAreLeftToTheGeneralReader() throws IOException {
        for (String content : List.of(
                "customer_id,date,amount\n\"c,1\",2024-01-01,1.00\n",
                "customer_id,date,amount\rc1,2024-01-01,1.00\r",
                "customer_id,date,amount\nc1,2024-02-30,1.00\n",
                "customer_id,date,amount\nc1,2024-02-03\n",
                "customer_id,date,amount\n,2024-02-03,1.00\n",
                "customer_id,date,amount\nc1,2024-02-03,1.001\n")) {
            Path file = dir.resolve("odd.csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults()))
                    .as(content)
                    .isEmpty();
        }
    }

    @Test
    void anyWrittenTableReadsBackIdenticallyThroughEitherPath() {
        qt().withFixedSeed(7_771L).forAll(PurchaseGenerators.purchaseLists()).checkAssert(purchases -> {
            try {
                PurchaseTable table = PurchaseTable.of(purchases);
                Path file = Files.createTempFile(dir, "random", ".csv");
                PurchaseCsv.write(table, file);
                assertThat(PurchaseCsv.read(file, CsvOptions.defaults())).isEqualTo(table);
                assertThat(general(file, CsvOptions.defaults())).isEqualTo(table);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void semicolonsDecimalCommasAndCrlfLoadOnTheFastPath() throws IOException {
        Path file = dir.resolve("eu.csv");
        Files.writeString(
                file,
                "\uFEFFkunde;datum;betrag\r\nk1;05.01.2024;12,50\r\n\r\nk2;06.01.2024;3\r\n",
                StandardCharsets.UTF_8);
        CsvOptions eu = CsvOptions.defaults()
                .withDelimiter(Delimiter.SEMICOLON)
                .withDecimalSeparator(',')
                .withDatePattern("dd.MM.yyyy")
                .withCustomerColumn(ColumnRef.named("kunde"))
                .withDateColumn(ColumnRef.named("datum"))
                .withAmountColumn(ColumnRef.named("betrag"));
        PurchaseTable fast = ParallelCsvLoader.load(file, eu).orElseThrow().table();
        assertThat(fast).isEqualTo(general(file, eu));
        assertThat(fast.stream())
                .containsExactly(Purchase.of("k1", "2024-01-05", "12.50"), Purchase.of("k2", "2024-01-06", "3.00"));
    }

    @Test
    void shuffledRowsOverSeveralChunksLoadLikeTheGeneralReader() throws IOException {
        PurchaseTable shop = SampleShop.standard().withCustomers(40_000).purchases();
        Path sorted = dir.resolve("sorted.csv");
        PurchaseCsv.write(shop, sorted);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sorted, StandardCharsets.UTF_8));
        String header = lines.remove(0);
        java.util.Collections.shuffle(lines, new java.util.Random(11));
        lines.add(0, header);
        Path shuffled = dir.resolve("shuffled.csv");
        Files.write(shuffled, lines, StandardCharsets.UTF_8);
        // Same-day rows of a customer keep file order, so the shuffled file is compared with the general reader.
        PurchaseTable fast = ParallelCsvLoader.load(shuffled, CsvOptions.defaults())
                .orElseThrow()
                .table();
        assertThat(fast).isEqualTo(general(shuffled, CsvOptions.defaults()));
        assertThat(fast.size()).isEqualTo(shop.size());
        assertThat(fast.customerCount()).isEqualTo(shop.customerCount());
    }
}
