package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Coverage-guided fuzzing of the CSV readers (issue 15), with Jazzer. In the build ({@code ./mvnw verify}) each target
 * runs once per committed seed in {@code src/test/resources/org/loyaltykpi/io/CsvReadersFuzzTestInputs/<target>/}
 * (regression mode); with {@code JAZZER_FUZZ=1} it fuzzes for at most its {@code maxDuration}, and a failing input is
 * saved beside the seeds, so that it becomes a regression test once committed. The laws are those of the hostile-input
 * suite: the only exceptions are the documented ones, each naming the file and line in one short line; the parallel
 * fast path and the general reader accept and reject the same bytes and build the same table.
 */
class CsvReadersFuzzTest {
    /** The fast path and the general reader agree on any bytes: the same table, or the fast path steps aside. */
    @FuzzTest(maxDuration = "45s")
    void theFastPathAndTheGeneralReaderAgreeOnAnyBytes(byte[] content) throws IOException {
        if (content == null) {
            return; // the fuzzer also tries null
        }
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, content);
            CsvOptions options = CsvOptions.defaults();
            Optional<PurchaseTable> general = read(file.toString(), () -> general(file, options));
            Optional<Optional<PurchaseTable>> fast = read(file.toString(), () -> fast(file, options));
            if (fast.isPresent() && fast.get().isPresent()) {
                assertThat(general)
                        .as("the general reader accepts what the fast path accepted")
                        .isPresent();
                assertThat(general.get()).isEqualTo(fast.get().get());
            }
            Optional<PurchaseTable> both = read(file.toString(), () -> PurchaseCsv.read(file, options));
            assertThat(both).isEqualTo(general);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Any text as a date and an amount field: a purchase, or an error naming line 2 and the column. */
    @FuzzTest(maxDuration = "30s")
    void anyDateOrAmountTextIsReadOrRefusedNamingLineAndColumn(String date, String amount) {
        if (date == null || amount == null) {
            return; // the fuzzer also tries null, which no reader hands over
        }
        String csv = "customer_id,date,amount\na," + CsvColumns.quote(date) + "," + CsvColumns.quote(amount) + "\n";
        try {
            PurchaseTable table = PurchaseCsv.read(new StringReader(csv), "f.csv", CsvOptions.defaults());
            assertThat(table.size() + table.refundCount()).isEqualTo(1);
        } catch (CsvFormatException e) {
            assertThat(e.getMessage()).startsWith("f.csv:");
            assertOneShortLine(e.getMessage());
        }
    }

    private static <T> Optional<T> read(String file, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (CsvFormatException e) {
            assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
            assertOneShortLine(e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            assertThat(e.getMessage()).startsWith(file + ":");
            assertOneShortLine(e.getMessage());
            return Optional.empty();
        }
    }

    private static void assertOneShortLine(String message) {
        assertThat(message)
                .doesNotContain("\n", "\r", "\u0000", "Exception", "java.")
                .hasSizeLessThan(1000);
    }

    private static PurchaseTable general(Path file, CsvOptions options) {
        try (Reader in = InputFiles.open(file)) {
            return PurchaseCsv.read(in, file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<PurchaseTable> fast(Path file, CsvOptions options) {
        try {
            return ParallelCsvLoader.load(file, options).map(PurchaseLoad::table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
