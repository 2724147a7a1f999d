package org.loyaltykpi.io;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a reviews CSV file ({@link ReviewCsv}).
 *
 * <p>The defaults ({@link #defaults()}): comma-separated, a header line, columns {@code customer_id} and {@code
 * date}, and {@code rating} and {@code sentiment} when the header has them (at least one of the two must be there);
 * ISO dates. A rating or sentiment column given explicitly must exist.
 *
 * <pre>{@code
 * ReviewCsvOptions options = ReviewCsvOptions.defaults()
 *         .withDelimiter(Delimiter.SEMICOLON)
 *         .withRatingColumn(ColumnRef.named("stars"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param delimiter the field separator
 * @param header whether the first line names the columns
 * @param customerColumn the customer id column
 * @param dateColumn the review date column
 * @param ratingColumn the star rating column (1..5), or empty for {@code rating} if present
 * @param sentimentColumn the label column ({@code positive}, {@code neutral}, {@code negative}), or empty for {@code
 *     sentiment} if present
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern, read strictly
 * @param timeZone the zone that date-times with an offset or zone convert to (their calendar date in it); empty: the
 *     date as written
 */
public record ReviewCsvOptions(
        Delimiter delimiter,
        boolean header,
        ColumnRef customerColumn,
        ColumnRef dateColumn,
        Optional<ColumnRef> ratingColumn,
        Optional<ColumnRef> sentimentColumn,
        String datePattern,
        Optional<ZoneId> timeZone) {

    /** The default customer column name. */
    public static final String CUSTOMER = CsvOptions.CUSTOMER;
    /** The default date column name. */
    public static final String DATE = CsvOptions.DATE;
    /** The rating column name used when present. */
    public static final String RATING = "rating";
    /** The sentiment column name used when present. */
    public static final String SENTIMENT = "sentiment";

    /** Validates the options. */
    public ReviewCsvOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null");
        Objects.requireNonNull(customerColumn, "customerColumn must not be null");
        Objects.requireNonNull(dateColumn, "dateColumn must not be null");
        Objects.requireNonNull(ratingColumn, "ratingColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(sentimentColumn, "sentimentColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(datePattern, "datePattern must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null (use Optional.empty())");
        DateParser.of(datePattern);
    }

    /**
     * The defaults: {@code ,} with a header, {@code customer_id,date[,rating][,sentiment]}, ISO dates.
     *
     * @return the default options
     */
    public static ReviewCsvOptions defaults() {
        return new ReviewCsvOptions(
                Delimiter.COMMA,
                true,
                ColumnRef.named(CUSTOMER),
                ColumnRef.named(DATE),
                Optional.empty(),
                Optional.empty(),
                CsvOptions.ISO_DATE,
                Optional.empty());
    }

    /**
     * With another delimiter.
     *
     * @param value the delimiter
     * @return a copy
     */
    public ReviewCsvOptions withDelimiter(Delimiter value) {
        return new ReviewCsvOptions(
                value, header, customerColumn, dateColumn, ratingColumn, sentimentColumn, datePattern, timeZone);
    }

    /**
     * With or without a header line.
     *
     * @param value whether the first line names the columns
     * @return a copy
     */
    public ReviewCsvOptions withHeader(boolean value) {
        return new ReviewCsvOptions(
                delimiter, value, customerColumn, dateColumn, ratingColumn, sentimentColumn, datePattern, timeZone);
    }

    /**
     * With other customer and date columns.
     *
     * @param customer the customer id column
     * @param date the date column
     * @return a copy
     */
    public ReviewCsvOptions withColumns(ColumnRef customer, ColumnRef date) {
        return new ReviewCsvOptions(
                delimiter, header, customer, date, ratingColumn, sentimentColumn, datePattern, timeZone);
    }

    /**
     * With a rating column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public ReviewCsvOptions withRatingColumn(ColumnRef value) {
        return new ReviewCsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                Optional.of(value),
                sentimentColumn,
                datePattern,
                timeZone);
    }

    /**
     * With a sentiment column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public ReviewCsvOptions withSentimentColumn(ColumnRef value) {
        return new ReviewCsvOptions(
                delimiter, header, customerColumn, dateColumn, ratingColumn, Optional.of(value), datePattern, timeZone);
    }

    /**
     * With another date pattern.
     *
     * @param value a {@link java.time.format.DateTimeFormatter} pattern
     * @return a copy
     */
    public ReviewCsvOptions withDatePattern(String value) {
        return new ReviewCsvOptions(
                delimiter, header, customerColumn, dateColumn, ratingColumn, sentimentColumn, value, timeZone);
    }

    /**
     * With date-times converted to their calendar date in a zone (a date without a time, or a date-time without an
     * offset, is taken as written).
     *
     * @param value the zone, such as {@code ZoneId.of("Europe/Berlin")}
     * @return a copy
     */
    public ReviewCsvOptions withTimeZone(ZoneId value) {
        Objects.requireNonNull(value, "time zone must not be null");
        return new ReviewCsvOptions(
                delimiter,
                header,
                customerColumn,
                dateColumn,
                ratingColumn,
                sentimentColumn,
                datePattern,
                Optional.of(value));
    }
}
