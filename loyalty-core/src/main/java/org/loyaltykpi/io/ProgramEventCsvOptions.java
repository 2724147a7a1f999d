package org.loyaltykpi.io;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a loyalty-program events CSV file ({@link ProgramEventCsv}): the columns are found by their header
 * names; these options set the dialect and the dates.
 *
 * <p>The defaults ({@link #defaults()}): comma-separated, ISO dates (which also read ISO date-times such as {@code
 * 2025-03-04T23:30:00-07:00}), each date as written.
 *
 * <pre>{@code
 * ProgramEventCsvOptions options = ProgramEventCsvOptions.defaults()
 *         .withDelimiter(Delimiter.SEMICOLON)
 *         .withTimeZone(ZoneId.of("Europe/Berlin"));   // 2025-03-04T23:30:00-07:00 is 2025-03-05 in Berlin
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param delimiter the field separator
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern, read strictly
 * @param timeZone the zone that date-times with an offset or zone convert to (their calendar date in it); empty: the
 *     date as written
 */
public record ProgramEventCsvOptions(Delimiter delimiter, String datePattern, Optional<ZoneId> timeZone) {

    /** Validates the options. */
    public ProgramEventCsvOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null");
        Objects.requireNonNull(datePattern, "datePattern must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null (use Optional.empty())");
        DateParser.of(datePattern);
    }

    /**
     * The defaults: {@code ,}, ISO dates and date-times, dates as written.
     *
     * @return the default options
     */
    public static ProgramEventCsvOptions defaults() {
        return new ProgramEventCsvOptions(Delimiter.COMMA, CsvOptions.ISO_DATE, Optional.empty());
    }

    /**
     * With another delimiter.
     *
     * @param value the delimiter
     * @return a copy
     */
    public ProgramEventCsvOptions withDelimiter(Delimiter value) {
        return new ProgramEventCsvOptions(value, datePattern, timeZone);
    }

    /**
     * With another date pattern.
     *
     * @param value a {@link java.time.format.DateTimeFormatter} pattern
     * @return a copy
     */
    public ProgramEventCsvOptions withDatePattern(String value) {
        return new ProgramEventCsvOptions(delimiter, value, timeZone);
    }

    /**
     * With date-times converted to their calendar date in a zone.
     *
     * @param value the zone
     * @return a copy
     */
    public ProgramEventCsvOptions withTimeZone(ZoneId value) {
        Objects.requireNonNull(value, "time zone must not be null");
        return new ProgramEventCsvOptions(delimiter, datePattern, Optional.of(value));
    }
}
