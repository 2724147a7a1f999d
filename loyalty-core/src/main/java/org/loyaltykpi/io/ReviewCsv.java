package org.loyaltykpi.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * Reads reviews from CSV: {@code customer_id,date[,rating][,sentiment]}, one review per row.
 *
 * <p>The same rules as {@link PurchaseCsv} and {@link SurveyCsv}: header or positional columns, a chosen delimiter
 * and date pattern; every row becomes a review or an error, a {@link CsvFormatException} naming the file, the line,
 * the column and the value; nothing is skipped silently. Blank lines hold no row. An empty file, or a header alone,
 * gives no reviews.
 *
 * <p>Fields: the rating is a whole number 1..5, the sentiment one of {@code positive}, {@code neutral}, {@code
 * negative} (any case). Either column may be absent and either field empty, but every row needs at least one of the
 * two; when both are given, the label is the review's sentiment ({@link Review#sentiment()}).
 *
 * <pre>{@code
 * // reviews.csv:
 * // customer_id,date,rating,sentiment
 * // C00001,2025-03-04,5,
 * // C00002,2025-03-06,,negative
 * List<Review> reviews = ReviewCsv.read(Path.of("reviews.csv"), ReviewCsvOptions.defaults());
 * }</pre>
 *
 * <p>A rating of 6 on line 3 fails with {@code reviews.csv:3: column 'rating' (#3): '6' is not a rating 1..5}.
 */
public final class ReviewCsv {

    private ReviewCsv() {}

    /**
     * Reads a reviews file (UTF-8).
     *
     * @param file the file
     * @param options how to read it
     * @return the reviews in file order
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws IllegalArgumentException if a required column is missing
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Review> read(Path file, ReviewCsvOptions options) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString(), options);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads reviews from a character stream.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options how to read it
     * @return the reviews in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws IllegalArgumentException if a required column is missing
     * @throws UncheckedIOException if reading fails
     */
    public static List<Review> read(Reader in, String sourceName, ReviewCsvOptions options) {
        return read(in, sourceName, options, BadRows.strict()).value();
    }

    /**
     * Reads a reviews file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read and recording them per
     * reason (see {@link CsvRead}).
     *
     * @param file the file
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the reviews of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws IllegalArgumentException if a required column is missing
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CsvRead<List<Review>> readSkippingBadRows(Path file, ReviewCsvOptions options, long maxBadRows) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), options, BadRows.upTo(maxBadRows));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CsvRead<List<Review>> read(Reader in, String sourceName, ReviewCsvOptions options, BadRows bad) {
        try {
            return bad.result(new Loader(in, sourceName, options, bad).load());
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes reviews as CSV: {@code customer_id,date,rating,sentiment}, ISO dates, an empty field for a missing rating
     * or label; {@code read} with the defaults gives them back.
     *
     * @param reviews the reviews
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<Review> reviews, Writer out) {
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write(String.join(
                    ",",
                    ReviewCsvOptions.CUSTOMER,
                    ReviewCsvOptions.DATE,
                    ReviewCsvOptions.RATING,
                    ReviewCsvOptions.SENTIMENT));
            w.write('\n');
            for (Review r : reviews) {
                w.write(CsvColumns.quote(r.customer().value()));
                w.write(',');
                w.write(r.date().toString());
                w.write(',');
                if (r.rating().isPresent()) {
                    w.write(Integer.toString(r.rating().getAsInt()));
                }
                w.write(',');
                w.write(r.label().map(Sentiment::label).orElse(""));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reviews: " + e.getMessage(), e);
        }
    }

    /**
     * Writes reviews to a file (UTF-8), as {@link #write(List, Writer)}.
     *
     * @param reviews the reviews
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<Review> reviews, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(reviews, out);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, e);
        }
    }

    /** One read of one input. */
    private static final class Loader {
        private final CsvRecordReader records;
        private final String source;
        private final ReviewCsvOptions options;
        private final DateParser dates;
        private final List<String> fields = CsvRecordReader.newFieldList();
        private final List<Review> reviews = new ArrayList<>();
        private final BadRows badRows;

        Loader(Reader in, String source, ReviewCsvOptions options, BadRows badRows) {
            this.badRows = badRows;
            this.records = new CsvRecordReader(in, source, options.delimiter());
            this.source = source;
            this.options = options;
            this.dates = DateParser.of(options.datePattern(), options.timeZone());
        }

        List<Review> load() throws IOException {
            Optional<CsvColumns> started = CsvColumns.start(records, fields, source, options.header());
            if (started.isEmpty()) {
                return List.of();
            }
            CsvColumns columns = started.get();
            Column customer = columns.required(options.customerColumn(), "customer");
            Column date = columns.required(options.dateColumn(), "date");
            Optional<Column> rating = columns.optional(options.ratingColumn(), ReviewCsvOptions.RATING, "rating");
            Optional<Column> sentiment =
                    columns.optional(options.sentimentColumn(), ReviewCsvOptions.SENTIMENT, "sentiment");
            if (rating.isEmpty() && sentiment.isEmpty()) {
                throw new IllegalArgumentException(source + ":1: a reviews file needs a '" + ReviewCsvOptions.RATING
                        + "' or a '" + ReviewCsvOptions.SENTIMENT + "' column (or give one in the options)");
            }
            while (records.next(fields)) {
                try {
                    addRow(customer, date, rating, sentiment, records.recordLine());
                } catch (CsvFormatException e) {
                    badRows.skip(e);
                }
            }
            return List.copyOf(reviews);
        }

        private void addRow(
                Column customer, Column date, Optional<Column> rating, Optional<Column> sentiment, long line) {
            CustomerId id = customer.customerId(line, "customer");
            LocalDate day = LocalDate.ofEpochDay(date.epochDay(dates, options.datePattern(), line));
            OptionalInt stars = rating.isPresent() ? rating(rating.get(), line) : OptionalInt.empty();
            Optional<Sentiment> label = sentiment.isPresent() ? sentiment(sentiment.get(), line) : Optional.empty();
            if (stars.isEmpty() && label.isEmpty()) {
                Column blame = rating.orElseGet(sentiment::get);
                throw blame.error(line, "", "is empty: a review needs a rating 1..5 or a sentiment label");
            }
            reviews.add(new Review(id, day, stars, label));
        }

        private static OptionalInt rating(Column column, long line) {
            String text = column.value(line);
            if (text.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                int stars = Integer.parseInt(text);
                if (stars >= Review.MIN_RATING && stars <= Review.MAX_RATING) {
                    return OptionalInt.of(stars);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw column.error(line, text, "is not a rating " + Review.MIN_RATING + ".." + Review.MAX_RATING);
        }

        private static Optional<Sentiment> sentiment(Column column, long line) {
            String text = column.value(line);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Sentiment.parse(text));
            } catch (IllegalArgumentException e) {
                throw column.error(line, text, "is not a sentiment: positive, neutral or negative");
            }
        }
    }
}
