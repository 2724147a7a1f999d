package org.loyaltykpi.io;

import java.io.IOException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;

/**
 * The columns of one CSV input, resolved against its header (or by position when there is none), shared by every
 * reader in this package: one place for the rules of required and optional columns, the column labels of error
 * messages, missing fields and date fields. Not thread-safe: it reads the current record's {@code fields}.
 */
final class CsvColumns {
    private final String source;
    private final List<String> fields;
    private final Optional<List<String>> header;

    private CsvColumns(String source, List<String> fields, Optional<List<String>> header) {
        this.source = source;
        this.fields = fields;
        this.header = header;
    }

    /**
     * Reads the header line if the input has one.
     *
     * @param records the reader, at the start of the input
     * @param fields the list the reader fills with each record's fields; the columns read from it
     * @param source the input's name for messages
     * @param hasHeader whether the first line names the columns
     * @return the columns, or empty if the input has a header but is empty (no line at all)
     */
    static Optional<CsvColumns> start(CsvRecordReader records, List<String> fields, String source, boolean hasHeader)
            throws IOException {
        Optional<List<String>> header = Optional.empty();
        if (hasHeader) {
            if (!records.next(fields)) {
                return Optional.empty();
            }
            header = Optional.of(List.copyOf(fields));
            records.nameColumns(header.get());
        }
        return Optional.of(of(source, fields, header));
    }

    /**
     * The columns of an input whose header (if any) is already read.
     *
     * @param source the input's name for messages
     * @param fields the list holding each record's fields
     * @param header the header names, or empty when the input has no header
     * @return the columns
     */
    static CsvColumns of(String source, List<String> fields, Optional<List<String>> header) {
        return new CsvColumns(source, fields, header);
    }

    /** A field as written to a comma-separated file: quoted (RFC 4180) only when it must be. */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                && field.equals(field.strip());
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A column that must be there; an error naming the header (or the missing header) otherwise. */
    Column required(ColumnRef ref, String what) {
        checkUnambiguous(ref, what);
        return ref.resolve(header).map(i -> new Column(i, label(ref, i))).orElseThrow(() -> missing(ref, what));
    }

    /**
     * A column used if present: the given one, which must then exist, or else the header column {@code defaultName}
     * if the header has it.
     */
    Optional<Column> optional(Optional<ColumnRef> ref, String defaultName, String what) {
        if (ref.isPresent()) {
            return Optional.of(required(ref.get(), what));
        }
        ColumnRef byDefault = ColumnRef.named(defaultName);
        checkUnambiguous(byDefault, what);
        return byDefault.resolve(header).map(i -> new Column(i, label(byDefault, i)));
    }

    /** An error if the header has several columns the reference could mean: the first is never taken silently. */
    private void checkUnambiguous(ColumnRef ref, String what) {
        List<Integer> positions = ref.ambiguity(header);
        if (!positions.isEmpty()) {
            throw new IllegalArgumentException(source + ":1: the " + what + " column '" + ref
                    + "' is ambiguous: the header has it at positions " + positions
                    + "; rename one or give the column by its 1-based position");
        }
    }

    private IllegalArgumentException missing(ColumnRef ref, String what) {
        if (header.isEmpty()) {
            return new IllegalArgumentException(source + ": the " + what + " column '" + ref
                    + "' is a header name, but the file is read without header: give a 1-based column number");
        }
        return new IllegalArgumentException(source + ":1: no " + what + " column '"
                + CsvFormatException.shown(ref.toString()) + "' in the header " + shownHeader(header.get()));
    }

    /** The most header names a message lists. */
    private static final int SHOWN_NAMES = 20;

    /**
     * A header as a message lists it: each name escaped and capped as values are (a header may hold control bytes or
     * be the whole file), at most {@link #SHOWN_NAMES} names.
     */
    static String shownHeader(List<String> names) {
        StringBuilder s = new StringBuilder("[");
        int end = Math.min(names.size(), SHOWN_NAMES);
        for (int i = 0; i < end; i++) {
            s.append(i == 0 ? "" : ", ").append(CsvFormatException.shown(names.get(i)));
        }
        if (names.size() > end) {
            s.append(", ... (").append(names.size()).append(" columns)");
        }
        return s.append(']').toString();
    }

    private String label(ColumnRef ref, int index) {
        String name = ref.name()
                .orElseGet(() -> header.filter(h -> index < h.size())
                        .map(h -> h.get(index))
                        .orElse(""));
        return (name.isEmpty() ? "" : "'" + CsvFormatException.shown(name) + "' ") + "(#" + (index + 1) + ")";
    }

    /** A resolved column: its 0-based index and its label for messages. */
    final class Column {
        final int index;
        final String label;

        private Column(int index, String label) {
            this.index = index;
            this.label = label;
        }

        /** The field of the current record; an error naming the line if the row is too short. */
        String value(long line) {
            if (index >= fields.size()) {
                throw new CsvFormatException(
                        source,
                        line,
                        label,
                        "",
                        "is missing: the row has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s"));
            }
            return fields.get(index);
        }

        /** The field of the current record as a date, in epoch days; an error naming the pattern otherwise. */
        int epochDay(DateParser dates, String pattern, long line) {
            String text = value(line);
            try {
                return dates.epochDay(text);
            } catch (DateTimeException | ArithmeticException e) {
                throw error(line, text, "is not a date of pattern " + pattern);
            }
        }

        /** The field of the current record as a customer id; {@code what} names it in the error otherwise. */
        CustomerId customerId(long line, String what) {
            String text = value(line);
            try {
                return CustomerId.of(text);
            } catch (IllegalArgumentException e) {
                throw error(line, text, "is not a valid " + what + " id: " + e.getMessage());
            }
        }

        /**
         * The field of the current record as an amount in minor units at a scale: digits with an optional decimal
         * separator, {@code >= 0}, exact (the one amount parser of the CSV readers).
         *
         * @param negative why a negative amount is refused, after "is negative; "
         * @param tooPreciseHint what to do about too many decimal places, after "has more than N decimal places"
         */
        long minorUnits(long line, int scale, char separator, String negative, String tooPreciseHint) {
            String text = value(line);
            int length = text.length();
            if (length > 0 && text.charAt(0) == '-') {
                throw error(line, text, "is negative; " + negative);
            }
            String notAnAmount = "is not an amount (digits with an optional '" + separator + "' decimal separator)";
            long units = 0;
            int decimals = -1;
            boolean digits = false;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = true;
                    if (decimals >= 0 && ++decimals > scale) {
                        throw error(line, text, "has more than " + scale + " decimal places" + tooPreciseHint);
                    }
                    try {
                        units = Math.addExact(Math.multiplyExact(units, 10), c - '0');
                    } catch (ArithmeticException e) {
                        throw error(line, text, "is too large");
                    }
                } else if (c == separator && decimals < 0) {
                    decimals = 0;
                } else {
                    throw error(line, text, notAnAmount);
                }
            }
            if (!digits) {
                throw error(line, text, notAnAmount);
            }
            for (int d = Math.max(decimals, 0); d < scale; d++) {
                try {
                    units = Math.multiplyExact(units, 10);
                } catch (ArithmeticException e) {
                    throw error(line, text, "is too large");
                }
            }
            return units;
        }

        /** An error about this column's value on a line. */
        CsvFormatException error(long line, String text, String problem) {
            return new CsvFormatException(source, line, label, text, problem);
        }
    }
}
