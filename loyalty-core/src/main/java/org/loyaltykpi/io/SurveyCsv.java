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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Scale;
import org.loyaltykpi.domain.SurveyResponse;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * Reads survey answers from CSV: {@code respondent_id,date,question,score[,segment][,weight]}, one answer per row.
 *
 * <p>The same rules as {@link PurchaseCsv}: header or positional columns, a chosen delimiter and date pattern; every
 * row becomes an answer or an error, a {@link CsvFormatException} naming the file, the line, the column and the
 * value; nothing is skipped silently. Blank lines hold no row. An empty file, or a header alone, gives no answers.
 * {@code readSkippingBadRows} skips up to a given number of bad rows and returns their errors ({@link CsvRead}).
 *
 * <p>Fields: the score is a whole number on its question's scale ({@link SurveyCsvOptions} says how the scale is
 * found); an empty segment field means no segment; the weight, when the column is there, is a decimal number with a
 * {@code .} separator, finite and {@code > 0}.
 *
 * <pre>{@code
 * // answers.csv:
 * // respondent_id,date,question,score,segment
 * // C00001,2025-03-04,nps,9,web
 * // C00001,2025-03-04,csat,4,web
 * List<SurveyResponse> answers = SurveyCsv.read(Path.of("answers.csv"), SurveyCsvOptions.defaults());
 * }</pre>
 *
 * <p>A score of 11 to the NPS question on line 5 fails with {@code answers.csv:5: column 'score' (#4): '11' is
 * outside the scale 0..10 of question 'nps'}.
 */
public final class SurveyCsv {

    private SurveyCsv() {}

    /**
     * Reads an answers file (UTF-8).
     *
     * @param file the file
     * @param options how to read it
     * @return the answers in file order
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<SurveyResponse> read(Path file, SurveyCsvOptions options) {
        return read(file, options, BadRows.strict()).value();
    }

    /**
     * Reads an answers file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read and recording them
     * (see {@link CsvRead}).
     *
     * @param file the file
     * @param options how to read it
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the answers of the good rows in file order, and the record of the skipped rows
     * @throws CsvFormatException naming the first bad row past the allowed number, or an error of the file's
     *     structure
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CsvRead<List<SurveyResponse>> readSkippingBadRows(
            Path file, SurveyCsvOptions options, long maxBadRows) {
        return read(file, options, BadRows.upTo(maxBadRows));
    }

    private static CsvRead<List<SurveyResponse>> read(Path file, SurveyCsvOptions options, BadRows badRows) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString(), options, badRows);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads answers from a character stream.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options how to read it
     * @return the answers in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws UncheckedIOException if reading fails
     */
    public static List<SurveyResponse> read(Reader in, String sourceName, SurveyCsvOptions options) {
        return read(in, sourceName, options, BadRows.strict()).value();
    }

    private static CsvRead<List<SurveyResponse>> read(
            Reader in, String sourceName, SurveyCsvOptions options, BadRows badRows) {
        try {
            return badRows.result(new Loader(in, sourceName, options, badRows).load());
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes answers as CSV: {@code respondent_id,date,question,score,segment,weight}, ISO dates, an empty segment
     * for none; {@code read} with the defaults gives them back when their scales are their kinds' defaults.
     *
     * @param responses the answers
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<SurveyResponse> responses, Writer out) {
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write(String.join(
                    ",",
                    SurveyCsvOptions.RESPONDENT,
                    SurveyCsvOptions.DATE,
                    SurveyCsvOptions.QUESTION,
                    SurveyCsvOptions.SCORE,
                    SurveyCsvOptions.SEGMENT,
                    SurveyCsvOptions.WEIGHT));
            w.write('\n');
            for (SurveyResponse r : responses) {
                w.write(CsvColumns.quote(r.respondent().value()));
                w.write(',');
                w.write(r.date().toString());
                w.write(',');
                w.write(CsvColumns.quote(r.question()));
                w.write(',');
                w.write(Integer.toString(r.score()));
                w.write(',');
                w.write(CsvColumns.quote(r.segment().orElse("")));
                w.write(',');
                w.write(
                        r.weight() == Math.rint(r.weight()) && r.weight() < 1e15
                                ? Long.toString((long) r.weight())
                                : Double.toString(r.weight()));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write survey answers: " + e.getMessage(), e);
        }
    }

    /**
     * Writes answers to a file (UTF-8), as {@link #write(List, Writer)}.
     *
     * @param responses the answers
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<SurveyResponse> responses, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(responses, out);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, e);
        }
    }

    /** One read of one input. */
    private static final class Loader {
        private final CsvRecordReader records;
        private final String source;
        private final SurveyCsvOptions options;
        private final DateParser dates;
        private final List<String> fields = CsvRecordReader.newFieldList();
        private final Map<String, Optional<Scale>> scales = new HashMap<>();
        private final List<SurveyResponse> responses = new ArrayList<>();
        private final BadRows badRows;

        Loader(Reader in, String source, SurveyCsvOptions options, BadRows badRows) {
            this.badRows = badRows;
            this.records = new CsvRecordReader(in, source, options.delimiter());
            this.source = source;
            this.options = options;
            this.dates = DateParser.of(options.datePattern(), options.timeZone());
        }

        List<SurveyResponse> load() throws IOException {
            Optional<CsvColumns> started = CsvColumns.start(records, fields, source, options.header());
            if (started.isEmpty()) {
                return List.of();
            }
            CsvColumns columns = started.get();
            Column respondent = columns.required(options.respondentColumn(), "respondent");
            Column date = columns.required(options.dateColumn(), "date");
            Column question = columns.required(options.questionColumn(), "question");
            Column score = columns.required(options.scoreColumn(), "score");
            Optional<Column> segment = columns.optional(options.segmentColumn(), SurveyCsvOptions.SEGMENT, "segment");
            Optional<Column> weight = columns.optional(options.weightColumn(), SurveyCsvOptions.WEIGHT, "weight");
            while (records.next(fields)) {
                try {
                    long line = records.recordLine();
                    CustomerId id = respondent.customerId(line, "respondent");
                    LocalDate day = LocalDate.ofEpochDay(date.epochDay(dates, options.datePattern(), line));
                    String name = question.value(line);
                    if (name.isEmpty()) {
                        throw question.error(line, name, "is not a question name (it is empty)");
                    }
                    Scale scale = scales.computeIfAbsent(name, options::scaleOf)
                            .orElseThrow(() -> question.error(
                                    line,
                                    name,
                                    "is a question of unknown scale: name it nps, csat, ces or csi:ATTRIBUTE, or give"
                                            + " its scale (or a default scale) in the options"));
                    int value = score(score, line, scale, name);
                    Optional<String> group = segment.map(c -> c.value(line)).filter(s -> !s.isEmpty());
                    double w = weight.isPresent() ? weight(weight.get(), line) : 1;
                    responses.add(new SurveyResponse(id, day, name, value, scale, group, w));
                } catch (CsvFormatException e) {
                    badRows.skip(e);
                }
            }
            return List.copyOf(responses);
        }

        private static int score(Column column, long line, Scale scale, String question) {
            String text = column.value(line);
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw column.error(line, text, "is not a whole-number score");
            }
            if (!scale.contains(value)) {
                throw column.error(line, text, "is outside the scale " + scale + " of question '" + question + "'");
            }
            return value;
        }

        private static double weight(Column column, long line) {
            String text = column.value(line);
            try {
                double w = Double.parseDouble(text);
                if (w >= SurveyResponse.MIN_WEIGHT
                        && w <= SurveyResponse.MAX_WEIGHT
                        && !text.isEmpty()
                        && Character.isDigit(text.charAt(text.length() - 1))) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw column.error(
                    line,
                    text,
                    "is not a weight (a decimal number within " + SurveyResponse.MIN_WEIGHT + ".."
                            + SurveyResponse.MAX_WEIGHT + " with a '.' separator)");
        }
    }
}
