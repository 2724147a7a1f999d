package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.domain.MarketingSpend;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.SurveyResponse;

/**
 * The readers of survey answers, reviews, spend and program events take time stamps with a time zone, money with
 * thousands separators and a currency where money is read, and a lenient mode with per-reason counts: one options
 * record per reader, one code path.
 */
class OtherReadersOptionsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "input", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Nested
    class Definitions {

        @Test
        void aTimeStampOfAnAnswerBecomesItsCalendarDateInTheZoneAndTheDateAsWrittenWithout() {
            String csv = "respondent_id,date,question,score\nc1,2025-03-04T23:30:00-07:00,nps,9\n";
            // 23:30 at -07:00 is 06:30 UTC on 2025-03-05, 07:30 in Berlin.
            assertThat(SurveyCsv.read(new StringReader(csv), "a.csv", SurveyCsvOptions.defaults())
                            .get(0)
                            .date())
                    .isEqualTo(LocalDate.parse("2025-03-04"));
            List<SurveyResponse> berlin = SurveyCsv.read(
                    new StringReader(csv), "a.csv", SurveyCsvOptions.defaults().withTimeZone(BERLIN));
            assertThat(berlin.get(0).date()).isEqualTo(LocalDate.parse("2025-03-05"));
        }

        @Test
        void aTimeStampOfAReviewBecomesItsCalendarDateInTheZone() {
            String csv = "customer_id,date,rating\nc1,2025-03-04 23:30:00 -0700,4\n";
            List<Review> reviews = ReviewCsv.read(
                    new StringReader(csv), "r.csv", ReviewCsvOptions.defaults().withTimeZone(BERLIN));
            assertThat(reviews.get(0).date()).isEqualTo(LocalDate.parse("2025-03-05"));
        }

        @Test
        void programEventsTakeADelimiterADatePatternAndAZone() {
            String csv = "customer_id;date;event;points\nc1;2025-03-04T23:30:00-07:00;earn;42\n";
            List<ProgramEvent> events = ProgramEventCsv.read(
                    new StringReader(csv),
                    "e.csv",
                    ProgramEventCsvOptions.defaults()
                            .withDelimiter(Delimiter.SEMICOLON)
                            .withTimeZone(BERLIN));
            assertThat(events.get(0).date()).isEqualTo(LocalDate.parse("2025-03-05"));
            assertThat(events.get(0).points()).isEqualTo(42);
            List<ProgramEvent> german = ProgramEventCsv.read(
                    new StringReader("customer_id,date,event\nc1,05.03.2025,enrol\n"),
                    "e.csv",
                    ProgramEventCsvOptions.defaults().withDatePattern("dd.MM.yyyy"));
            assertThat(german.get(0).date()).isEqualTo(LocalDate.parse("2025-03-05"));
        }

        @Test
        void spendAmountsTakeThousandsSeparatorsAndOneCurrencyAndKeepTheirDecimals() {
            List<MarketingSpend> dollars = MarketingSpendCsv.read(
                    new StringReader("period,amount\n2025-01,\"$1,800.00\"\n2025-02,$950.5\n2025-03,12\n"),
                    "s.csv",
                    MarketingSpendCsvOptions.defaults().withThousandsSeparator(','));
            assertThat(dollars)
                    .extracting(MarketingSpend::amount)
                    .containsExactly(new BigDecimal("1800.00"), new BigDecimal("950.5"), new BigDecimal("12"));
            List<MarketingSpend> euros = MarketingSpendCsv.read(
                    new StringReader("period;amount\n2025-01;1.800,00 €\n"),
                    "s.csv",
                    MarketingSpendCsvOptions.defaults()
                            .withDelimiter(Delimiter.SEMICOLON)
                            .withDecimalSeparator(',')
                            .withThousandsSeparator('.'));
            assertThat(euros.get(0).amount()).isEqualTo(new BigDecimal("1800.00"));
        }

        @Test
        void aSpendFileThatMixesCurrenciesIsAnErrorNamingTheLines() {
            assertThatThrownBy(() -> MarketingSpendCsv.read(
                            new StringReader("period,amount\n2025-01,$10.00\n2025-02,€12.00\n"),
                            "s.csv",
                            MarketingSpendCsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage("s.csv:3: column 'amount' (#2): '€12.00' is in € but line 2 is in $: one file must"
                            + " hold one currency");
        }
    }

    @Nested
    class Invariants {

        @Test
        void theDefaultsReadSpendAsBefore() {
            assertThat(MarketingSpendCsv.read(
                            new StringReader("period,amount,kind\n2025-01,1800.00,\n"), "s.csv", Delimiter.COMMA))
                    .containsExactly(new MarketingSpend(
                            org.loyaltykpi.domain.DateRange.parse("2025-01"),
                            new BigDecimal("1800.00"),
                            org.loyaltykpi.domain.SpendKind.ACQUISITION));
            assertThatThrownBy(() -> MarketingSpendCsv.read(
                            new StringReader("period,amount\n2025-01,-5\n"), "s.csv", Delimiter.COMMA))
                    .hasMessage("s.csv:2: column 'amount' (#2): '-5' is negative; a spend is >= 0");
        }

        @Test
        void theLenientModeOfSpendAndEventsSkipsBadRowsAndCountsThemPerReason() throws IOException {
            Path spend = write("period,amount\n2025-01,10.00\n2025-02,-1\n2025-13,3.00\n2025-03,-2\n2025-04,4.00\n");
            CsvRead<List<MarketingSpend>> spends =
                    MarketingSpendCsv.readSkippingBadRows(spend, MarketingSpendCsvOptions.defaults(), 3);
            assertThat(spends.value()).hasSize(2);
            assertThat(spends.skippedRows()).isEqualTo(3);
            assertThat(spends.reasonsText())
                    .isEqualTo("3 bad rows skipped: column 'amount' (#2): is negative; a spend is >= 0: 2, first"
                            + " line 3; column 'period' (#1): is not a period (2024-01-01/2024-02-01, 2024-03,"
                            + " 2024-Q1 or 2024): 1, first line 4");
            assertThatThrownBy(
                            () -> MarketingSpendCsv.readSkippingBadRows(spend, MarketingSpendCsvOptions.defaults(), 2))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining(":5:");

            Path events = write("customer_id,date,event,points\nc1,2025-03-04,earn,5\nc1,2025-03-05,join,\n"
                    + "c2,2025-03-40,enrol,\nc2,2025-03-06,enrol,\n");
            CsvRead<List<ProgramEvent>> read =
                    ProgramEventCsv.readSkippingBadRows(events, ProgramEventCsvOptions.defaults(), 5);
            assertThat(read.value()).hasSize(2);
            assertThat(read.reasons()).hasSize(2);
            assertThat(read.reasons().values())
                    .extracting(LoadSummary.Skipped::firstLine)
                    .containsExactly(3L, 4L);
            assertThatThrownBy(() -> ProgramEventCsv.readSkippingBadRows(events, ProgramEventCsvOptions.defaults(), 0))
                    .as("0 reads strictly")
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining(":3:");
        }
    }
}
