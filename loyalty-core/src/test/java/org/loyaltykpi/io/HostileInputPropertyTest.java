package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.clv.BtydSummary;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.LimitExceededException;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.segment.SegmentCalculator;
import org.quicktheories.core.Gen;

/**
 * The hostile-input suite of the readers (issue 15): generated files of random bytes, of valid-looking rows with one
 * field mutated, and of extreme numbers, fed to every reader. The laws: the only exceptions are the documented ones,
 * each naming the file and (for a row) the line; the parallel fast path and the general reader accept and reject the
 * same files and build the same table; a lenient read counts every row it does not keep; the metrics of whatever was
 * read hold no NaN or Infinity and fail, if at all, with a {@link LimitExceededException}.
 */
class HostileInputPropertyTest {
    /** Examples per law; with the laws below about 3,000 generated files a run. */
    private static final int EXAMPLES = 300;

    private static final AtomicLong TRIED = new AtomicLong();

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        System.out.println("hostile-input suite (readers): " + TRIED.get() + " generated inputs tried");
    }

    private static Path write(byte[] content) {
        TRIED.incrementAndGet();
        try {
            Path file = Files.createTempFile(dir, "hostile", ".csv");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a read gave: the value, or the documented exception it threw. */
    private record Outcome<T>(Optional<T> value, Optional<RuntimeException> error) {}

    /** Runs a read; fails the test on any exception but the documented ones, and checks their messages. */
    private static <T> Outcome<T> read(Path file, Supplier<T> read) {
        try {
            return new Outcome<>(Optional.of(read.get()), Optional.empty());
        } catch (CsvFormatException e) {
            assertThat(e.getMessage())
                    .as("a row's error names the file and its line")
                    .startsWith(file + ":" + e.line() + ": ");
            assertOneShortLine(e.getMessage());
            return new Outcome<>(Optional.empty(), Optional.of(e));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            assertThat(e.getMessage()).as("an input error names the file").startsWith(file + ":");
            assertOneShortLine(e.getMessage());
            return new Outcome<>(Optional.empty(), Optional.of(e));
        }
    }

    private static void assertOneShortLine(String message) {
        assertThat(message).doesNotContain("\n", "\r", "\u0000").hasSizeLessThan(1000);
        assertThat(message).doesNotContain("Exception", "java.");
    }

    /** The general reader alone, decoding the file as strictly as {@link PurchaseCsv#read(Path, CsvOptions)}. */
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

    /** The fast path builds what the general reader builds, or steps aside; never accepts what the general rejects. */
    private static void assertPathsAgree(Path file, CsvOptions options) {
        Outcome<PurchaseTable> general = read(file, () -> general(file, options));
        Outcome<Optional<PurchaseTable>> fast = read(file, () -> fast(file, options));
        if (fast.value().isPresent() && fast.value().get().isPresent()) {
            assertThat(general.value())
                    .as("the general reader accepts what the fast path accepted: " + general.error())
                    .contains(fast.value().get().get());
        }
        if (fast.error().isPresent()) {
            // the fast path may only fail on the header, exactly as the general reader does
            assertThat(general.error().map(Throwable::getMessage))
                    .contains(fast.error().get().getMessage());
        }
        Outcome<PurchaseTable> both = read(file, () -> PurchaseCsv.read(file, options));
        assertThat(both.value()).isEqualTo(general.value());
        assertThat(both.error().map(Throwable::getMessage))
                .isEqualTo(general.error().map(Throwable::getMessage));
    }

    /**
     * A lenient read keeps or counts every record: purchases + refunds (netted, never purchases) + skipped = records
     * after the header.
     */
    private static void assertEverySkipCounted(Path file, CsvOptions options) {
        Outcome<CsvRead<PurchaseTable>> lenient =
                read(file, () -> PurchaseCsv.readSkippingBadRows(file, options, Long.MAX_VALUE));
        if (lenient.value().isPresent()) {
            CsvRead<PurchaseTable> r = lenient.value().get();
            assertThat(r.value().size() + r.value().refundCount() + r.skippedRows())
                    .isEqualTo(records(file) - (options.header() ? 1 : 0));
        }
    }

    private static long records(Path file) {
        try (Reader in = InputFiles.open(file)) {
            CsvRecordReader records = new CsvRecordReader(in, file.toString(), Delimiter.COMMA);
            List<String> fields = new ArrayList<>();
            long n = 0;
            while (records.next(fields)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metrics of a table: finite numbers, and at most a limit error. */
    private static void assertMetricsFinite(PurchaseTable table) {
        if (table.isEmpty()) {
            return;
        }
        // a customer may be called "NaN": the law is about numbers, so such tables are checked for exceptions only
        boolean numericWordsInIds = java.util.stream.IntStream.range(0, table.customerCount())
                .mapToObj(c -> table.customer(c).value())
                .anyMatch(id -> id.contains("NaN") || id.contains("Infinity"));
        DateRange range = table.dateRange().orElseThrow();
        List<Supplier<Object>> metrics = List.of(
                () -> CohortCalculator.matrix(table, Granularity.MONTH),
                () -> CohortCalculator.matrix(table, Granularity.YEAR),
                () -> RetentionCalculator.behaviour(table, range),
                () -> RetentionCalculator.series(table, range, Granularity.QUARTER),
                () -> BtydSummary.of(table, LocalDate.ofEpochDay(table.maxEpochDay()), TimeScale.WEEKS),
                () -> SegmentCalculator.rfmScores(table, LocalDate.ofEpochDay(table.maxEpochDay())));
        for (Supplier<Object> metric : metrics) {
            try {
                String shown = metric.get().toString();
                if (!numericWordsInIds) {
                    assertThat(shown).doesNotContain("NaN", "Infinity");
                }
            } catch (LimitExceededException e) {
                assertOneShortLine(e.getMessage());
            }
        }
    }

    private static void forAll(long seed, Gen<byte[]> files, java.util.function.Consumer<Path> law) {
        qt().withFixedSeed(seed).withExamples(EXAMPLES).forAll(files).checkAssert(bytes -> law.accept(write(bytes)));
    }

    @Nested
    class Invariants {
        @Test
        void randomBytesGiveATableOrADocumentedErrorNamingFileAndLine() {
            forAll(1501L, HostileInputs.randomBytes(), file -> {
                read(file, () -> PurchaseCsv.read(file, CsvOptions.defaults()));
                read(file, () -> PurchaseCsv.read(file, CsvOptions.defaults().withHeader(false)));
            });
        }

        @Test
        void randomBytesGiveEveryOtherInputOrADocumentedError() {
            forAll(1502L, HostileInputs.randomBytes(), file -> {
                read(file, () -> SurveyCsv.read(file, SurveyCsvOptions.defaults()));
                read(file, () -> ReviewCsv.read(file, ReviewCsvOptions.defaults()));
                read(file, () -> ProgramEventCsv.read(file));
                read(file, () -> MarketingSpendCsv.read(file, Delimiter.COMMA));
            });
        }

        @Test
        void aMutatedFieldInAnyInputGivesTheRowsOrADocumentedErrorNamingFileAndLine() {
            forAll(
                    1503L,
                    HostileInputs.mutatedFiles(
                            "respondent_id,date,question,score,segment,weight",
                            List.of("r1", "2024-01-01", "nps", "9", "web", "1.5")),
                    file -> read(file, () -> SurveyCsv.read(file, SurveyCsvOptions.defaults())));
            forAll(
                    1504L,
                    HostileInputs.mutatedFiles(
                            "customer_id,date,rating,sentiment", List.of("c1", "2024-01-01", "4", "positive")),
                    file -> read(file, () -> ReviewCsv.read(file, ReviewCsvOptions.defaults())));
            forAll(
                    1505L,
                    HostileInputs.mutatedFiles(
                            "customer_id,date,event,points,tier,referred_customer_id",
                            List.of("c1", "2024-01-01", "earn", "100", "", "")),
                    file -> read(file, () -> ProgramEventCsv.read(file)));
            forAll(
                    1506L,
                    HostileInputs.mutatedFiles("period,amount,kind", List.of("2024-01", "100.00", "acquisition")),
                    file -> read(file, () -> MarketingSpendCsv.read(file, Delimiter.COMMA)));
        }

        @Test
        void aLenientReadCountsEveryRowItDoesNotKeep() {
            forAll(
                    1507L,
                    HostileInputs.mutatedPurchaseFiles(),
                    file -> assertEverySkipCounted(file, CsvOptions.defaults()));
        }

        @Test
        void extremeAmountsAndDatesGiveFiniteMetricsOrALimitError() {
            forAll(
                    1508L,
                    HostileInputs.extremePurchaseFiles(),
                    file -> read(file, () -> PurchaseCsv.read(file, CsvOptions.defaults()))
                            .value()
                            .ifPresent(HostileInputPropertyTest::assertMetricsFinite));
        }

        @Test
        void mutatedRowsThatReadGiveFiniteMetrics() {
            forAll(
                    1509L,
                    HostileInputs.mutatedPurchaseFiles(),
                    file -> read(file, () -> PurchaseCsv.read(file, CsvOptions.defaults()))
                            .value()
                            .ifPresent(HostileInputPropertyTest::assertMetricsFinite));
        }
    }

    @Nested
    class ModelBased {
        @Test
        void theFastPathAndTheGeneralReaderAgreeOnMutatedRows() {
            forAll(1511L, HostileInputs.mutatedPurchaseFiles(), file -> assertPathsAgree(file, CsvOptions.defaults()));
        }

        @Test
        void theFastPathAndTheGeneralReaderAgreeOnRandomBytes() {
            forAll(1512L, HostileInputs.randomBytes(), file -> {
                assertPathsAgree(file, CsvOptions.defaults());
                assertPathsAgree(file, CsvOptions.defaults().withHeader(false));
            });
        }

        @Test
        void theFastPathAndTheGeneralReaderAgreeOnExtremeNumbers() {
            forAll(1513L, HostileInputs.extremePurchaseFiles(), file -> assertPathsAgree(file, CsvOptions.defaults()));
        }
    }
}
