package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.cohort.CohortCalculator;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.domain.LimitExceededException;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.feedback.FeedbackCalculator;
import org.loyaltykpi.internal.Normal;
import org.loyaltykpi.program.PointsSummary;
import org.loyaltykpi.program.PointsSummaryAccumulator;
import org.loyaltykpi.retention.RetentionCalculator;
import org.loyaltykpi.survey.CsiMethod;
import org.loyaltykpi.survey.SurveyCalculator;
import org.loyaltykpi.survey.SurveyOptions;
import org.loyaltykpi.value.ValueOptions;

/**
 * One example per class of hostile input (issue 15): each gives an error that names what is wrong and where, or a
 * correct result; never a wrong number, a lost row, NaN or Infinity.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path bytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path text(String name, String content) throws IOException {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class HeaderMessages {
        @Test
        void aHeaderWithControlBytesIsNamedEscapedNeverCopiedRaw() throws IOException {
            Path file =
                    bytes("p.csv", "custo\u0000mer,date,amount\na,2024-01-01,1.00\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .hasMessage(file + ":1: no customer column 'customer_id' in the header [custo\\u0000mer, date,"
                            + " amount]")
                    .satisfies(e -> assertThat(e.getMessage().chars().noneMatch(Character::isISOControl))
                            .isTrue());
        }
    }

    @Nested
    class Overflow {
        @Test
        void twoAmountsWhoseSumPassesALongAreAnErrorNamingTheSecondRow() throws IOException {
            Path file = text(
                    "p.csv",
                    "customer_id,date,amount\na,2024-01-01,90000000000000000.00\nb,2024-01-02,90000000000000000.00\n");
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage(file + ":3: column 'amount' (#3): '90000000000000000.00' brings the sum of all amounts"
                            + " past 92233720368547758.07, the largest sum kept exact at 2 decimal places");
        }

        @Test
        void theBuilderBoundsTheSumOfATablesAmountsSoThatNoSumOfItsRowsOverflows() {
            PurchaseTable.Builder builder = PurchaseTable.builder().add("a", 0, Long.MAX_VALUE - 100, "", 1);
            assertThatThrownBy(() -> builder.add("a", 0, 101, "", 1))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("amount 1.01 brings the sum of all amounts past 92233720368547758.07");
            PurchaseTable table = builder.add("a", 0, 100, "", 1).build();
            assertThat(table.size()).isEqualTo(2);
            // the whole table's revenue is one exact long: every period's and customer's is at most that
            assertThat(RetentionCalculator.behaviour(table, DateRange.of(LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1)))
                            .revenue()
                            .signum())
                    .isPositive();
        }

        @Test
        void pointsThatSumPastALongAreAnErrorNamingTheRowOrTheCustomer() throws IOException {
            Path file = text(
                    "e.csv",
                    "customer_id,date,event,points\na,2024-01-01,earn,9000000000000000000\n"
                            + "a,2024-01-02,earn,9000000000000000000\n");
            assertThatThrownBy(() -> ProgramEventCsv.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith(file + ":3: column 'points' (#4): '9000000000000000000' brings the sum");
            ProgramEvent big = new ProgramEvent(
                    CustomerId.of("a"),
                    LocalDate.of(2024, 1, 1),
                    ProgramEvent.Kind.EARN,
                    9_000_000_000_000_000_000L,
                    java.util.Optional.empty(),
                    java.util.Optional.empty());
            PointsSummaryAccumulator points = new PointsSummaryAccumulator().add(big);
            assertThatThrownBy(() -> points.add(big))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("customer")
                    .hasMessageContaining("a on 2024-01-01");
        }

        @Test
        void aPointValueTooLargeToPrintIsRefused() {
            PointsSummary summary = new PointsSummaryAccumulator().snapshot();
            assertThatThrownBy(() -> summary.liability(new java.math.BigDecimal("1e999999999")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 1000000");
        }
    }

    @Nested
    class Encoding {
        private final byte[] badId = "customer_id,date,amount\na\u00ff,2024-01-01,1.00\nb,2024-01-02,2.00\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        @Test
        void aByteThatIsNotUtf8IsAnErrorAtItsLineAndColumnAndTheFastPathStepsAside() throws IOException {
            Path file = bytes("p.csv", badId);
            assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults())).isEmpty();
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage(file
                            + ":2: column 'customer_id' (#1): 'a\\xFF' holds bytes that are not UTF-8; save the file as"
                            + " UTF-8");
        }

        @Test
        void twoIdsThatDifferOnlyInBadBytesAreNeverMergedIntoOneCustomer() throws IOException {
            byte[] content = "customer_id,date,amount\nx\u00ff,2024-01-01,1.00\nx\u00fe,2024-02-01,2.00\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            Path file = bytes("p.csv", content);
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining(":2: column 'customer_id' (#1)");
        }

        @Test
        void aUtf16FileIsNamedAsSuchWithOrWithoutAByteOrderMark() throws IOException {
            String csv = "customer_id,date,amount\na,2024-01-01,1.00\n";
            Path bom = bytes("bom.csv", csv.getBytes(StandardCharsets.UTF_16));
            Path le = bytes("le.csv", csv.getBytes(StandardCharsets.UTF_16LE));
            assertThatThrownBy(() -> PurchaseCsv.read(bom, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage(bom + ":1: 'FE FF 00 63' starts the file: it is UTF-16 (big-endian, with a byte"
                            + " order mark), not UTF-8; save it as UTF-8");
            assertThatThrownBy(() -> PurchaseCsv.read(le, CsvOptions.defaults()))
                    .hasMessageContaining("UTF-16 (little-endian: every other byte is NUL)")
                    .hasMessageNotContaining("\u0000");
            assertThatThrownBy(() -> SurveyCsv.read(le, SurveyCsvOptions.defaults()))
                    .hasMessageContaining("UTF-16");
        }

        @Test
        void aReaderOfTheCallersEncodingReportsBadInputAtItsLine() {
            InputStreamReader in = new InputStreamReader(
                    new ByteArrayInputStream(badId),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
            assertThatThrownBy(() -> PurchaseCsv.read(in, "in.csv", CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("in.csv:");
        }
    }

    @Nested
    class Messages {
        @Test
        void anUnclosedQuoteInALargeFileGivesAShortMessage() throws IOException {
            String rest = "x".repeat(5_000_000);
            Path file = text("q.csv", "customer_id,date,amount\n\"a,2024-01-01,1.00\n" + rest);
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300))
                    .hasMessageContaining("... (5000019 characters)")
                    .hasMessageContaining("opens a quoted field that is never closed")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void aDirectoryOrADeviceIsNamedAsSuchNotAsAMissingFile() throws IOException {
            assertThatThrownBy(() -> PurchaseCsv.read(dir, CsvOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(dir + ": is a directory, not a file");
            Path device = Path.of("/dev/zero");
            if (Files.exists(device)) {
                assertThatThrownBy(() -> SurveyCsv.read(device, SurveyCsvOptions.defaults()))
                        .hasMessage("/dev/zero: is a device, not a file");
            }
            assertThatThrownBy(() -> ReviewCsv.read(dir.resolve("none.csv"), ReviewCsvOptions.defaults()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage(dir.resolve("none.csv") + ": no such file");
        }
    }

    @Nested
    class NoNaNOrInfinity {
        @Test
        void hugeImportancesGiveAFiniteIndex() {
            List<SurveyResponse> answers = new ArrayList<>();
            LocalDate day = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 10; i++) {
                answers.add(SurveyResponse.of(CustomerId.of("r" + i), day, "csi:price", i, Scale.NPS));
                answers.add(SurveyResponse.of(CustomerId.of("r" + i), day, "csi:delivery", 10 - i % 3, Scale.NPS));
            }
            SurveyOptions options = SurveyOptions.defaults()
                    .withCsiMethod(CsiMethod.NPS)
                    .withCsiImportance(Map.of("price", 1e308, "delivery", 1e308));
            double index =
                    SurveyCalculator.summarize(answers, options).csi().index().orElseThrow();
            double same = SurveyCalculator.summarize(
                            answers,
                            SurveyOptions.defaults()
                                    .withCsiMethod(CsiMethod.NPS)
                                    .withCsiImportance(Map.of("price", 1.0, "delivery", 1.0)))
                    .csi()
                    .index()
                    .orElseThrow();
            assertThat(index).isFinite().isCloseTo(same, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void aLevelJustBelowOneGivesAFiniteCriticalValue() {
            assertThat(Normal.criticalValue(0.9999999999999999)).isFinite().isBetween(8.0, 8.5);
            assertThat(Normal.criticalValue(Double.MIN_VALUE)).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(Normal.criticalValue(0.95)).isCloseTo(1.959964, org.assertj.core.data.Offset.offset(1e-6));
        }

        @Test
        void weightsOutsideTheDocumentedRangeAreRejectedByTheReaderWithFileAndLine() throws IOException {
            for (String w : List.of("1e308", "1e-320")) {
                Path file = text("w.csv", "respondent_id,date,question,score,weight\nr1,2024-01-01,nps,9," + w + "\n");
                assertThatThrownBy(() -> SurveyCsv.read(file, SurveyCsvOptions.defaults()))
                        .isInstanceOf(CsvFormatException.class)
                        .hasMessageStartingWith(file + ":2: column 'weight' (#5): '" + w + "' is not a weight");
            }
        }

        @Test
        void expectedYearsPastTheDocumentedMostAreRefused() {
            assertThatThrownBy(() -> ValueOptions.defaults().withExpectedYears(1e308))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 1000");
        }
    }

    @Nested
    class OutlierDates {
        private final PurchaseTable farApart = PurchaseTable.builder()
                .add("early", (int) LocalDate.of(1, 1, 1).toEpochDay(), 100, "", 1)
                .add("late", (int) LocalDate.of(9999, 12, 31).toEpochDay(), 100, "", 1)
                .build();

        @Test
        void aCohortMatrixOverTenThousandYearsIsAnErrorNamingTheEarliestAndLatestRows() {
            assertThatThrownBy(() -> CohortCalculator.matrix(farApart, Granularity.YEAR))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("9999 periods of year from 0001-01-01 to 9999-12-31")
                    .hasMessageContaining("customer early on 0001-01-01")
                    .hasMessageContaining("customer late on 9999-12-31")
                    .hasMessageContaining("at most 4096");
        }

        @Test
        void aDailyBreakdownOverTenThousandYearsIsAnErrorBeforeAnythingIsAllocated() {
            DateRange all = farApart.dateRange().orElseThrow();
            assertThatThrownBy(() -> RetentionCalculator.series(farApart, all, Granularity.DAY))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("3652059 periods of day")
                    .hasMessageContaining("at most " + LimitExceededException.MAX_PERIODS);
            List<SurveyResponse> answers = List.of(
                    SurveyResponse.of(CustomerId.of("r1"), LocalDate.of(1, 1, 1), "nps", 9, Scale.NPS),
                    SurveyResponse.of(CustomerId.of("r2"), LocalDate.of(9999, 12, 31), "nps", 3, Scale.NPS));
            assertThatThrownBy(() -> SurveyCalculator.byPeriod(answers, Granularity.DAY, SurveyOptions.defaults()))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("respondent r1 on 0001-01-01")
                    .hasMessageContaining("respondent r2 on 9999-12-31");
            // a coarse enough breakdown of the same answers works
            assertThat(SurveyCalculator.byPeriod(answers, Granularity.YEAR, SurveyOptions.defaults()))
                    .hasSize(9999);
        }
    }

    @Nested
    class NotSilentlyLenient {
        @Test
        void twoColumnsOfOneNameAreAnAmbiguousHeader() throws IOException {
            Path file = text("p.csv", "customer_id,date,amount,amount\na,2024-01-01,1.00,2.00\n");
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(file + ":1: the amount column 'amount' is ambiguous: the header has it at positions"
                            + " [3, 4]; rename one or give the column by its 1-based position");
            // naming one by position resolves it
            assertThat(PurchaseCsv.read(file, CsvOptions.defaults().withAmountColumn(ColumnRef.at(4)))
                            .amount(0))
                    .isEqualByComparingTo("2.00");
        }

        @Test
        void anIdStartingWithAnEmSpaceIsAnErrorNotMergedWithTheTrimmedId() throws IOException {
            Path file = text("p.csv", "customer_id,date,amount\n\u2003a,2024-01-01,1.00\na,2024-01-02,2.00\n");
            assertThatThrownBy(() -> PurchaseCsv.read(file, CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith(
                            file + ":2: column 'customer_id' (#1): '\\u2003a' is not a valid customer" + " id");
            // ASCII spaces and tabs around a field are trimmed, as before
            Path spaced = text("s.csv", "customer_id,date,amount\n  a\t,2024-01-01,1.00\na,2024-01-02,2.00\n");
            assertThat(PurchaseCsv.read(spaced, CsvOptions.defaults()).customerCount())
                    .isEqualTo(1);
        }

        @Test
        void aSignIsRefusedInQuantitiesAsInAmounts() throws IOException {
            Path quantity = text("q.csv", "customer_id,date,amount,quantity\na,2024-01-01,1.00,+2\n");
            Path amount = text("a.csv", "customer_id,date,amount,quantity\na,2024-01-01,+5.00,2\n");
            assertThatThrownBy(() -> PurchaseCsv.read(quantity, CsvOptions.defaults()))
                    .hasMessage(quantity + ":2: column 'quantity' (#4): '+2' is not a quantity (a whole number >= 1)");
            assertThatThrownBy(() -> PurchaseCsv.read(amount, CsvOptions.defaults()))
                    .hasMessageStartingWith(amount + ":2: column 'amount' (#3): '+5.00' is not an amount");
        }

        @Test
        void reviewsOutsideThePurchasesPeriodsAreCounted() {
            LocalDate day = LocalDate.of(2024, 3, 10);
            List<Review> reviews = List.of(
                    new Review(
                            CustomerId.of("a"),
                            day,
                            java.util.OptionalInt.empty(),
                            java.util.Optional.of(Sentiment.POSITIVE)),
                    new Review(
                            CustomerId.of("a"),
                            day.minusYears(1),
                            java.util.OptionalInt.empty(),
                            java.util.Optional.of(Sentiment.POSITIVE)),
                    new Review(
                            CustomerId.of("b"),
                            day.plusYears(1),
                            java.util.OptionalInt.empty(),
                            java.util.Optional.of(Sentiment.NEGATIVE)));
            DateRange range = DateRange.month(2024, 3);
            assertThat(FeedbackCalculator.outside(reviews, range, Granularity.MONTH))
                    .isEqualTo(2);
            assertThat(FeedbackCalculator.series(reviews, range, Granularity.MONTH)
                            .total()
                            .reviews())
                    .isEqualTo(1);
        }
    }

    @Test
    void theFieldsOfOneRecordAreNeverMergedAcrossReadersOfTheSameText() {
        // the general reader from a string and from a file read the same (sanity for the suite below)
        String csv = "customer_id,date,amount\na,2024-01-01,1.00\n";
        assertThat(PurchaseCsv.read(new StringReader(csv), "s", CsvOptions.defaults())
                        .size())
                .isEqualTo(1);
    }
}
