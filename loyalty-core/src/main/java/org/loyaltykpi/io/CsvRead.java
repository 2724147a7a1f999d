package org.loyaltykpi.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.loyaltykpi.internal.FirstRows;

/**
 * What a lenient read gives: the rows it could read, and a record of the bad rows it skipped.
 *
 * <p>Strict reading ({@code PurchaseCsv.read}, {@code SurveyCsv.read}) stops at the first bad row. Lenient reading
 * ({@code readSkippingBadRows}) skips a row whose fields cannot be read (a date that is not a date, a negative amount,
 * a score off the scale, a missing field), counts it and keeps its error, so nothing is lost without a trace; past
 * the allowed number of bad rows it fails like strict reading. Errors in the file's structure (a header without the
 * needed columns, a quoted field that is never closed) are never skipped: the rows after them cannot be trusted.
 *
 * <pre>{@code
 * CsvRead<PurchaseTable> read = PurchaseCsv.readSkippingBadRows(Path.of("orders.csv"), CsvOptions.defaults(), 100);
 * read.value().size();        // the purchases that could be read
 * read.skippedRows();         // 3
 * read.summary();             // "3 bad rows skipped: orders.csv:7: column 'date' (#2): '2024-13-01' is not a date..."
 * }</pre>
 *
 * <p>Immutable and thread-safe when {@code T} is.
 *
 * @param value what was read from the good rows
 * @param skippedRows how many rows were skipped, {@code >= errors.size()}
 * @param errors the errors of the first {@link #KEPT_ERRORS} skipped rows, in file order
 * @param reasons the skipped rows per column and problem ({@link LoadSummary#badRowReason(CsvFormatException)}) with
 *     the first line of each, in order of first appearance
 * @param <T> the type read: a table, a list of answers, ...
 */
public record CsvRead<T>(
        T value, long skippedRows, List<CsvFormatException> errors, Map<String, LoadSummary.Skipped> reasons) {

    /** How many errors of skipped rows are kept; the rest are counted only. */
    public static final int KEPT_ERRORS = 100;

    /** Validates the counts. */
    public CsvRead {
        Objects.requireNonNull(value, "value must not be null");
        errors = List.copyOf(errors);
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        if (skippedRows < errors.size() || errors.size() > KEPT_ERRORS) {
            throw new IllegalArgumentException("skippedRows " + skippedRows + " with " + errors.size()
                    + " errors: expected skippedRows >= errors and at most " + KEPT_ERRORS + " errors");
        }
    }

    /**
     * A read whose reasons are those of its kept errors (exact when no more than {@link #KEPT_ERRORS} rows were
     * skipped).
     *
     * @param value what was read from the good rows
     * @param skippedRows how many rows were skipped
     * @param errors the errors of the first skipped rows
     */
    public CsvRead(T value, long skippedRows, List<CsvFormatException> errors) {
        this(value, skippedRows, errors, reasonsOf(errors));
    }

    private static Map<String, LoadSummary.Skipped> reasonsOf(List<CsvFormatException> errors) {
        Map<String, LoadSummary.Skipped> reasons = new LinkedHashMap<>();
        for (CsvFormatException e : errors) {
            reasons.merge(LoadSummary.badRowReason(e), new LoadSummary.Skipped(1, e.line()), (a, b) -> a.plusOne());
        }
        return reasons;
    }

    /**
     * The skipped rows per reason in one line, for a warning: {@code 2 bad rows skipped: column 'date' (#2): is not a
     * date of pattern yyyy-MM-dd: 2, first line 3}.
     *
     * @return the line, or {@code no bad rows}
     */
    public String reasonsText() {
        return LoadSummary.badRowsText(reasons);
    }

    /**
     * Whether every row was read.
     *
     * @return true if no row was skipped
     */
    public boolean isComplete() {
        return skippedRows == 0;
    }

    /**
     * One line saying what was skipped: {@code "no bad rows"}, or the count and the first error.
     *
     * @return the summary
     */
    public String summary() {
        if (skippedRows == 0) {
            return "no bad rows";
        }
        String count = skippedRows + " bad row" + (skippedRows == 1 ? "" : "s") + " skipped";
        return count
                + (skippedRows == 1 ? ": " : ", the first: ")
                + errors.get(0).getMessage();
    }

    /**
     * The lines of the kept errors, for a short listing: {@code "7, 12, 40"}.
     *
     * @return the line numbers joined by {@code ", "}, with {@code ", ..."} when more rows were skipped than kept
     */
    public String lines() {
        String kept = errors.stream().map(e -> Long.toString(e.line())).collect(Collectors.joining(", "));
        return skippedRows > errors.size() ? kept + ", ..." : kept;
    }

    @Override
    public String toString() {
        return "CsvRead[value=" + (value instanceof java.util.Collection<?> rows ? FirstRows.of(rows) : value)
                + ", skippedRows=" + skippedRows + ", errors=" + FirstRows.of(errors) + "]";
    }
}
