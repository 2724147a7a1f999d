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
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * Reads and writes loyalty-program events as CSV: {@code customer_id,date,event,points,tier,referred_customer_id},
 * comma-separated, with a header line, ISO dates ({@code yyyy-MM-dd}), one event per row, empty cells where a field
 * does not apply.
 *
 * <p>Columns are found by their header names; {@code points}, {@code tier} and {@code referred_customer_id} may be
 * left out of the header when no row needs them. {@code event} is one of {@code enrol}, {@code earn}, {@code redeem},
 * {@code tier_change}, {@code referral} (any case); {@code points} a whole number {@code > 0} for earn and redeem;
 * {@code tier} one of {@code bronze}, {@code silver}, {@code gold}, {@code platinum}, required for a tier change and
 * optional for an enrolment. Every row becomes an event or a {@link CsvFormatException} naming the file, the line, the
 * column and the value; nothing is skipped. An empty file, or a header alone, gives no events.
 *
 * <pre>{@code
 * // events.csv:
 * // customer_id,date,event,points,tier,referred_customer_id
 * // C00001,2025-03-04,enrol,,bronze,
 * // C00001,2025-03-04,earn,42,,
 * // C00001,2025-05-10,referral,,,C00917
 * List<ProgramEvent> events = ProgramEventCsv.read(Path.of("events.csv"));
 * }</pre>
 *
 * <p>An unknown event on line 3 fails with {@code events.csv:3: column 'event' (#3): 'join' is not a program event:
 * enrol, earn, redeem, tier_change or referral}.
 */
public final class ProgramEventCsv {
    /** The customer column's header name. */
    public static final String CUSTOMER = "customer_id";
    /** The date column's header name. */
    public static final String DATE = "date";
    /** The event column's header name. */
    public static final String EVENT = "event";
    /** The points column's header name. */
    public static final String POINTS = "points";
    /** The tier column's header name. */
    public static final String TIER = "tier";
    /** The referred customer column's header name. */
    public static final String REFERRED = "referred_customer_id";

    private ProgramEventCsv() {}

    /**
     * Reads an events file (UTF-8).
     *
     * @param file the file
     * @return the events in file order
     * @throws CsvFormatException naming file, line, column and value of the first bad row
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<ProgramEvent> read(Path file) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads events from a character stream.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @return the events in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws UncheckedIOException if reading fails
     */
    public static List<ProgramEvent> read(Reader in, String sourceName) {
        return read(in, sourceName, ProgramEventCsvOptions.defaults());
    }

    /**
     * Reads events from a character stream in a dialect and with dates as the options say.
     *
     * @param in the characters; not closed
     * @param sourceName the name used in error messages, for example the file name
     * @param options the delimiter, the date pattern and the time zone
     * @return the events in input order
     * @throws CsvFormatException naming source, line, column and value of the first bad row
     * @throws UncheckedIOException if reading fails
     */
    public static List<ProgramEvent> read(Reader in, String sourceName, ProgramEventCsvOptions options) {
        return read(in, sourceName, options, BadRows.strict()).value();
    }

    /**
     * Reads an events file (UTF-8), skipping up to {@code maxBadRows} rows that cannot be read and recording them per
     * reason (see {@link CsvRead}).
     *
     * @param file the file
     * @param options the delimiter, the date pattern and the time zone
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the events of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CsvRead<List<ProgramEvent>> readSkippingBadRows(
            Path file, ProgramEventCsvOptions options, long maxBadRows) {
        try (Reader in = InputFiles.open(file)) {
            return read(in, file.toString(), options, BadRows.upTo(maxBadRows));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static CsvRead<List<ProgramEvent>> read(
            Reader in, String sourceName, ProgramEventCsvOptions options, BadRows bad) {
        try {
            return bad.result(load(new CsvRecordReader(in, sourceName, options.delimiter()), sourceName, options, bad));
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<ProgramEvent> load(
            CsvRecordReader records, String source, ProgramEventCsvOptions options, BadRows bad) throws IOException {
        List<String> fields = CsvRecordReader.newFieldList();
        Optional<CsvColumns> started = CsvColumns.start(records, fields, source, true);
        if (started.isEmpty()) {
            return List.of();
        }
        CsvColumns columns = started.get();
        Column customer = columns.required(ColumnRef.named(CUSTOMER), "customer");
        Column date = columns.required(ColumnRef.named(DATE), "date");
        Column event = columns.required(ColumnRef.named(EVENT), "event");
        Optional<Column> points = columns.optional(Optional.empty(), POINTS, "points");
        Optional<Column> tier = columns.optional(Optional.empty(), TIER, "tier");
        Optional<Column> referred = columns.optional(Optional.empty(), REFERRED, "referred customer");
        DateParser dates = DateParser.of(options.datePattern(), options.timeZone());
        List<ProgramEvent> events = new ArrayList<>();
        long[] pointsTotal = {0};
        while (records.next(fields)) {
            try {
                events.add(row(
                        customer, date, event, points, tier, referred, dates, options, source, records, pointsTotal));
            } catch (CsvFormatException e) {
                bad.skip(e);
            }
        }
        return List.copyOf(events);
    }

    private static ProgramEvent row(
            Column customer,
            Column date,
            Column event,
            Optional<Column> points,
            Optional<Column> tier,
            Optional<Column> referred,
            DateParser dates,
            ProgramEventCsvOptions options,
            String source,
            CsvRecordReader records,
            long[] pointsTotal) {
        long line = records.recordLine();
        CustomerId id = customer.customerId(line, "customer");
        LocalDate day = LocalDate.ofEpochDay(date.epochDay(dates, options.datePattern(), line));
        String kindText = event.value(line);
        ProgramEvent.Kind kind;
        try {
            kind = ProgramEvent.Kind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw event.error(line, kindText, "is not a program event: enrol, earn, redeem, tier_change or referral");
        }
        long p = points(points, source, line, kind);
        if (pointsTotal[0] + p < 0) {
            throw points.get()
                    .error(
                            line,
                            Long.toString(p),
                            "brings the sum of all points past " + Long.MAX_VALUE
                                    + ", the most a program's points may add up to");
        }
        Optional<Tier> t = tier(tier, source, line, kind);
        Optional<CustomerId> r = referred(referred, source, line, kind, id);
        pointsTotal[0] += p;
        return new ProgramEvent(id, day, kind, p, t, r);
    }

    private static String cell(Optional<Column> column, long line) {
        return column.map(c -> c.value(line)).orElse("");
    }

    /** An error on a column's value, or on the line when the header has no such column. */
    private static CsvFormatException missing(
            Optional<Column> column, String source, String name, long line, String text, String problem) {
        return column.map(c -> c.error(line, text, problem))
                .orElseGet(() -> new CsvFormatException(
                        source, line, "", text, problem + " (the header has no '" + name + "' column)"));
    }

    private static long points(Optional<Column> column, String source, long line, ProgramEvent.Kind kind) {
        String text = cell(column, line);
        if (!kind.movesPoints()) {
            if (!text.isEmpty() && !text.equals("0")) {
                throw column.get().error(line, text, "must be empty for a " + kind.label() + " event");
            }
            return 0;
        }
        try {
            // ASCII digits only: no sign, no other script's digits
            long value = text.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(text) : 0;
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below (empty, or more than a long holds)
        }
        throw missing(column, source, POINTS, line, text, "is not a whole number of points > 0 for a " + kind.label());
    }

    private static Optional<Tier> tier(Optional<Column> column, String source, long line, ProgramEvent.Kind kind) {
        String text = cell(column, line);
        if (text.isEmpty()) {
            if (kind == ProgramEvent.Kind.TIER_CHANGE) {
                throw missing(
                        column,
                        source,
                        TIER,
                        line,
                        text,
                        "is not a tier: a tier_change needs bronze, silver, gold or" + " platinum");
            }
            return Optional.empty();
        }
        if (!kind.allowsTier()) {
            throw column.get().error(line, text, "must be empty for a " + kind.label() + " event");
        }
        try {
            return Optional.of(Tier.parse(text));
        } catch (IllegalArgumentException e) {
            throw column.get().error(line, text, "is not a tier: bronze, silver, gold or platinum");
        }
    }

    private static Optional<CustomerId> referred(
            Optional<Column> column, String source, long line, ProgramEvent.Kind kind, CustomerId referrer) {
        String text = cell(column, line);
        if (kind != ProgramEvent.Kind.REFERRAL) {
            if (!text.isEmpty()) {
                throw column.get().error(line, text, "must be empty for a " + kind.label() + " event");
            }
            return Optional.empty();
        }
        if (text.isEmpty()) {
            throw missing(
                    column,
                    source,
                    REFERRED,
                    line,
                    text,
                    "is not a customer id: a referral needs the referred customer");
        }
        CustomerId id = column.get().customerId(line, "customer");
        if (id.equals(referrer)) {
            throw column.get().error(line, text, "is the referring customer itself");
        }
        return Optional.of(id);
    }

    /**
     * Writes events as CSV with the header {@code customer_id,date,event,points,tier,referred_customer_id}; {@link
     * #read(Reader, String)} gives them back.
     *
     * @param events the events
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<ProgramEvent> events, Writer out) {
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write(String.join(",", CUSTOMER, DATE, EVENT, POINTS, TIER, REFERRED));
            w.write('\n');
            for (ProgramEvent e : events) {
                w.write(CsvColumns.quote(e.customer().value()));
                w.write(',');
                w.write(e.date().toString());
                w.write(',');
                w.write(e.kind().label());
                w.write(',');
                w.write(e.points() == 0 ? "" : Long.toString(e.points()));
                w.write(',');
                w.write(e.tier().map(Tier::label).orElse(""));
                w.write(',');
                w.write(CsvColumns.quote(e.referred().map(CustomerId::value).orElse("")));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write program events: " + e.getMessage(), e);
        }
    }

    /**
     * Writes events to a file (UTF-8), as {@link #write(List, Writer)}.
     *
     * @param events the events
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<ProgramEvent> events, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, out);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, e);
        }
    }
}
