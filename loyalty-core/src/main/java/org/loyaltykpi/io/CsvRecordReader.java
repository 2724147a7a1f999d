package org.loyaltykpi.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a character stream into records of fields, streaming through a fixed buffer (no whole-file string).
 *
 * <p>Blank lines are skipped (they hold no record). Unquoted fields are stripped of surrounding ASCII spaces and tabs
 * only: other white space (a no-break or an em space) stays in the field, where the field's own rules judge it (a
 * customer id may not start or end with it). A UTF-8 byte order mark at the start is ignored. Bytes that are not
 * UTF-8 (from {@link InputFiles}) and a file in UTF-16 are errors naming the line and column. Not thread-safe.
 */
final class CsvRecordReader {
    private static final int EOF = -1;

    private final Reader in;
    private final String source;
    private final Delimiter delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean started;
    private final StringBuilder field = new StringBuilder(32);
    /** The fields of the record being read, to name the column of a decoding error. */
    private List<String> current = List.of();
    /** The header's names, once read, so that an encoding error names its column. */
    private List<String> names = List.of();

    CsvRecordReader(Reader in, String source, Delimiter delimiter) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
    }

    /** The 1-based line on which the last record returned by {@link #next(List)} starts. */
    long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record into {@code fields} (cleared first).
     *
     * @return false at the end of the input
     */
    boolean next(List<String> fields) throws IOException {
        fields.clear();
        current = fields;
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
            }
        }
        while (true) {
            int c = peek();
            if (c == EOF) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
                continue;
            }
            if (delimiter == Delimiter.WHITESPACE && isBlankLineAhead()) {
                continue;
            }
            recordLine = line;
            if (delimiter == Delimiter.WHITESPACE) {
                readWhitespaceRecord(fields);
                return true;
            }
            if (readDelimitedRecord(fields)) {
                return true;
            }
            // a line of only spaces (and tabs, unless they delimit): blank, no record
            fields.clear();
        }
    }

    /** Skips spaces and tabs; returns true (having consumed the line) if the line held nothing else. */
    private boolean isBlankLineAhead() throws IOException {
        int c = peek();
        while (c == ' ' || c == '\t') {
            position++;
            c = peek();
        }
        if (c == '\n' || c == '\r') {
            consumeLineBreak();
            return true;
        }
        return c == EOF;
    }

    private void readWhitespaceRecord(List<String> fields) throws IOException {
        field.setLength(0);
        while (true) {
            int c = peek();
            if (c == EOF || c == '\n' || c == '\r') {
                if (field.length() > 0) {
                    fields.add(field.toString());
                }
                if (c != EOF) {
                    consumeLineBreak();
                }
                return;
            }
            position++;
            if (c == ' ' || c == '\t') {
                if (field.length() > 0) {
                    fields.add(field.toString());
                    field.setLength(0);
                }
            } else {
                field.append((char) c);
            }
        }
    }

    /** Reads one record; returns false if the line was blank (one empty, unquoted field). */
    private boolean readDelimitedRecord(List<String> fields) throws IOException {
        char sep = delimiter.character();
        boolean quoted = false;
        while (true) {
            field.setLength(0);
            skipSpaces(sep);
            int c = peek();
            if (c == '"') {
                quoted = true;
                position++;
                readQuoted();
                skipSpaces(sep);
                c = peek();
                fields.add(field.toString());
                if (c != sep && c != '\n' && c != '\r' && c != EOF) {
                    throw new CsvFormatException(
                            source,
                            line,
                            "",
                            String.valueOf((char) c),
                            "follows a closing quote; a quoted field must end at a delimiter or the line end");
                }
            } else {
                while (c != sep && c != '\n' && c != '\r' && c != EOF) {
                    field.append((char) c);
                    position++;
                    c = peek();
                }
                fields.add(stripSpacesAndTabs(field));
            }
            if (c == sep) {
                position++;
                continue;
            }
            if (c != EOF) {
                consumeLineBreak();
            }
            return quoted || fields.size() > 1 || !fields.get(0).isEmpty();
        }
    }

    /** The field without surrounding ASCII spaces and tabs (only those: see the class comment). */
    private static String stripSpacesAndTabs(CharSequence text) {
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return text.subSequence(from, to).toString();
    }

    private void skipSpaces(char sep) throws IOException {
        int c = peek();
        while (c == ' ' && sep != ' ' || c == '\t' && sep != '\t') {
            position++;
            c = peek();
        }
    }

    private void readQuoted() throws IOException {
        long startLine = line;
        while (true) {
            int c = peek();
            if (c == EOF) {
                throw new CsvFormatException(
                        source, startLine, "", "\"" + field, "opens a quoted field that is never closed");
            }
            position++;
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    field.append('"');
                } else {
                    return;
                }
            } else {
                if (c == '\n' || c == '\r' && peek() != '\n') {
                    line++;
                }
                field.append((char) c);
            }
        }
    }

    private void consumeLineBreak() throws IOException {
        int c = peek();
        position++;
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (position == limit) {
            limit = decode();
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position];
    }

    /** Reads more characters; bytes that are not UTF-8 become an error at the current line and column. */
    private int decode() throws IOException {
        try {
            return in.read(buffer, 0, buffer.length);
        } catch (InputFiles.NotUtf8 e) {
            if (e.encoding.isPresent()) {
                throw new CsvFormatException(
                        source,
                        1,
                        "",
                        e.bytes,
                        "starts the file: it is " + e.encoding.get() + ", not UTF-8; save it as UTF-8");
            }
            throw new CsvFormatException(
                    source,
                    line,
                    columnLabel(),
                    field + e.bytes,
                    "holds bytes that are not UTF-8; save the file as UTF-8");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvFormatException(
                    source,
                    line,
                    columnLabel(),
                    field.toString(),
                    "is followed by bytes that are not valid in the input's encoding");
        }
    }

    /** The header's names, for messages about later records. */
    void nameColumns(List<String> header) {
        this.names = List.copyOf(header);
    }

    /** The column being read, for a message: {@code 'customer_id' (#1)}, or {@code (#1)} without a header. */
    private String columnLabel() {
        int index = current.size();
        return (index < names.size() ? "'" + CsvFormatException.shown(names.get(index)) + "' " : "") + "(#"
                + (index + 1) + ")";
    }

    static List<String> newFieldList() {
        return new ArrayList<>(8);
    }
}
