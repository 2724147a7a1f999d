package org.loyaltykpi.io;

import java.util.Optional;
import org.loyaltykpi.internal.Quoted;

/**
 * A row of an input file that cannot be read, with where it is and what is wrong.
 *
 * <p>The message has the form {@code FILE:LINE: column NAME (#POS): 'VALUE' PROBLEM}, for example
 * {@code orders.csv:7: column 'date' (#2): '2024-13-01' is not a date of pattern yyyy-MM-dd}. Lines are 1-based and
 * count the header. The message quotes at most the first 80 characters of the value, with line breaks and other
 * control characters escaped, so that it stays one line; {@link #value()} keeps the whole value.
 * A row of a query result (JDBC, Parquet) is named by its 1-based row number instead: {@code
 * jdbc:postgresql://db/shop: row 7: column 'amount' (#3): '-5.00' is negative; refunds are not purchases}.
 */
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;
    private final String problem;
    private final boolean resultRow;

    /**
     * Creates the exception.
     *
     * @param source the file name or other source description
     * @param line the 1-based line number
     * @param column the column as {@code 'name' (#pos)}, or empty when the whole line is at fault
     * @param value the offending text
     * @param problem what is wrong with it
     */
    public CsvFormatException(String source, long line, String column, String value, String problem) {
        this(source, line, column, value, problem, false);
    }

    private CsvFormatException(
            String source, long line, String column, String value, String problem, boolean resultRow) {
        super(source + (resultRow ? ": row " : ":") + line + ": " + (column.isEmpty() ? "" : "column " + column + ": ")
                + "'" + shown(value) + "' " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
        this.resultRow = resultRow;
    }

    /** The same error about a row of a query result rather than a line of a file. */
    CsvFormatException inResultRow() {
        return new CsvFormatException(source, line, column, value, problem, true);
    }

    /** The same error (same form: line or result row) with another problem text. */
    /** The same error in another source, named by line (a file) or by row (a query result or data frame). */
    CsvFormatException in(String otherSource, boolean asResultRow) {
        return new CsvFormatException(otherSource, line, column, value, problem, asResultRow);
    }

    CsvFormatException withProblem(String otherProblem) {
        return new CsvFormatException(source, line, column, value, otherProblem, resultRow);
    }

    /**
     * A value as a message quotes it: at most {@link Quoted#MOST_SHOWN} characters, line breaks and other control
     * characters escaped, so that a message stays one short line whatever the value (an unclosed quote in a large
     * file holds the rest of the file).
     */
    static String shown(String value) {
        return Quoted.value(value);
    }

    /**
     * The file name or other description of the input.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line number (the header is line 1 when there is one), or the 1-based row number of a query result.
     *
     * @return the line
     */
    public long line() {
        return line;
    }

    /**
     * The column at fault.
     *
     * @return the column as {@code 'name' (#pos)}, or empty when the whole line is at fault
     */
    public Optional<String> column() {
        return column.isEmpty() ? Optional.empty() : Optional.of(column);
    }

    /**
     * The offending text.
     *
     * @return the value as it stands in the file
     */
    public String value() {
        return value;
    }

    /**
     * What is wrong with the value.
     *
     * @return the problem, for example {@code is not a date of pattern yyyy-MM-dd}
     */
    public String problem() {
        return problem;
    }
}
