package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;

class ReviewCsvTest {

    private static List<Review> read(String csv, ReviewCsvOptions options) {
        return ReviewCsv.read(new StringReader(csv), "reviews.csv", options);
    }

    private static CsvFormatException error(String csv) {
        return catchThrowableOfType(CsvFormatException.class, () -> read(csv, ReviewCsvOptions.defaults()));
    }

    @Test
    void rowsBecomeReviewsWithARatingALabelOrBoth() {
        List<Review> reviews = read(
                "customer_id,date,rating,sentiment\nC1,2025-03-04,5,\nC2,2025-03-06,,Negative\nC3,2025-03-07,2,neutral\n",
                ReviewCsvOptions.defaults());
        CustomerId c1 = CustomerId.of("C1");
        assertThat(reviews)
                .containsExactly(
                        Review.ofRating(c1, LocalDate.of(2025, 3, 4), 5),
                        Review.ofSentiment(CustomerId.of("C2"), LocalDate.of(2025, 3, 6), Sentiment.NEGATIVE),
                        new Review(
                                CustomerId.of("C3"),
                                LocalDate.of(2025, 3, 7),
                                OptionalInt.of(2),
                                Optional.of(Sentiment.NEUTRAL)));
    }

    @Test
    void eitherColumnMayBeAbsent() {
        assertThat(read("customer_id,date,rating\nC1,2025-03-04,4\n", ReviewCsvOptions.defaults()))
                .extracting(Review::sentiment)
                .containsExactly(Sentiment.POSITIVE);
        assertThat(read("date,sentiment,customer_id\n2025-03-04,positive,C1\n", ReviewCsvOptions.defaults()))
                .extracting(Review::customer)
                .containsExactly(CustomerId.of("C1"));
    }

    @Test
    void aRatingOfSixNamesTheFileTheLineTheColumnAndTheValue() {
        CsvFormatException e = error("customer_id,date,rating,sentiment\nC1,2025-03-04,5,\nC2,2025-03-05,6,\n");
        assertThat(e.source()).isEqualTo("reviews.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).contains("'rating' (#3)");
        assertThat(e.value()).isEqualTo("6");
        assertThat(e.getMessage()).isEqualTo("reviews.csv:3: column 'rating' (#3): '6' is not a rating 1..5");
    }

    @Test
    void anUnknownSentimentLabelNamesTheFileTheLineTheColumnAndTheValue() {
        CsvFormatException e = error("customer_id,date,rating,sentiment\nC1,2025-03-04,,great\n");
        assertThat(e.getMessage())
                .isEqualTo("reviews.csv:2: column 'sentiment' (#4): 'great' is not a sentiment: positive, neutral or"
                        + " negative");
    }

    @Test
    void aRowWithNeitherRatingNorLabelIsAnError() {
        CsvFormatException e = error("customer_id,date,rating,sentiment\nC1,2025-03-04,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).contains("'rating' (#3)");
        assertThat(e.getMessage()).contains("needs a rating 1..5 or a sentiment label");
    }

    @Test
    void badDatesAndNonNumericRatingsAreErrorsToo() {
        assertThat(error("customer_id,date,rating\nC1,2025-02-30,4\n").getMessage())
                .contains("column 'date' (#2): '2025-02-30' is not a date of pattern yyyy-MM-dd");
        assertThat(error("customer_id,date,rating\nC1,2025-02-03,4.5\n").value())
                .isEqualTo("4.5");
    }

    @Test
    void aFileWithoutRatingAndSentimentColumnsIsRejectedNamingBoth() {
        assertThatThrownBy(() -> read("customer_id,date,stars\nC1,2025-03-04,4\n", ReviewCsvOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reviews.csv:1:")
                .hasMessageContaining("'rating'")
                .hasMessageContaining("'sentiment'");
        assertThat(read(
                        "customer_id,date,stars\nC1,2025-03-04,4\n",
                        ReviewCsvOptions.defaults().withRatingColumn(ColumnRef.named("stars"))))
                .hasSize(1);
    }

    @Test
    void anEmptyFileOrAHeaderAloneGivesNoReviews() {
        assertThat(read("", ReviewCsvOptions.defaults())).isEmpty();
        assertThat(read("customer_id,date,rating\n", ReviewCsvOptions.defaults()))
                .isEmpty();
    }

    @Test
    void positionalColumnsWithoutHeaderAndOtherDelimitersWork() {
        ReviewCsvOptions options = ReviewCsvOptions.defaults()
                .withHeader(false)
                .withDelimiter(Delimiter.SEMICOLON)
                .withColumns(ColumnRef.at(2), ColumnRef.at(1))
                .withSentimentColumn(ColumnRef.at(3))
                .withDatePattern("dd.MM.yyyy");
        assertThat(read("04.03.2025;C9;positive\n", options))
                .containsExactly(Review.ofSentiment(CustomerId.of("C9"), LocalDate.of(2025, 3, 4), Sentiment.POSITIVE));
    }

    @Test
    void readGivesBackWhatWriteWrites() {
        List<Review> reviews = SampleShop.standard().withCustomers(300).reviews();
        StringWriter out = new StringWriter();
        ReviewCsv.write(reviews, out);
        assertThat(out.toString()).startsWith("customer_id,date,rating,sentiment\n");
        assertThat(read(out.toString(), ReviewCsvOptions.defaults())).isEqualTo(reviews);
    }

    @Test
    void badReviewRowsCanBeSkippedAndAreCountedPerReasonWithTheFirstLine(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("reviews.csv");
        java.nio.file.Files.writeString(
                file, "customer_id,date,rating\nc1,2025-03-01,5\nc2,2025-03-02,9\nc3,2025-13-01,4\nc4,2025-03-04,0\n");
        CsvRead<List<Review>> read = ReviewCsv.readSkippingBadRows(file, ReviewCsvOptions.defaults(), 3);
        assertThat(read.value()).hasSize(1);
        assertThat(read.skippedRows()).isEqualTo(3);
        assertThat(read.reasonsText())
                .isEqualTo("3 bad rows skipped: column 'rating' (#3): is not a rating 1..5: 2, first line 3;"
                        + " column 'date' (#2): is not a date of pattern yyyy-MM-dd: 1, first line 4");
        assertThatThrownBy(() -> ReviewCsv.readSkippingBadRows(file, ReviewCsvOptions.defaults(), 2))
                .hasMessageContaining(":5: column 'rating' (#3): '0' is not a rating 1..5 (bad row 3");
    }
}
