package org.loyaltykpi.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The purchase row pipeline for readers that hold rows as values of named columns rather than as a file: a data frame
 * partition of a cluster job, a batch from another store. It is the very pipeline of {@link PurchaseCsv} and {@link
 * PurchaseJdbc}: each row's fields are parsed with {@link CsvOptions} (dates, amounts, quantities, unit prices,
 * refunded amounts) and go through {@link PurchaseRules} (orders, statuses, refunds, guests) into a {@link
 * PurchaseLoad} with its {@link LoadSummary}; a row that breaks a rule is a {@link CsvFormatException} naming the
 * source, the line (or row), the column and the value.
 *
 * <p>The caller gives each row's values as texts, only for {@link #usedColumns()}: a typed value as JDBC gives it (a
 * date as {@code 2024-03-05}, a date-time as ISO text with or without offset, a decimal as plain digits with the
 * options' decimal separator, {@code ""} for a null). A typed date column wants {@link CsvOptions#ISO_DATE} as the
 * options' pattern. The rows of one order must come to one loader, in their input order, so that an order's status,
 * first category and first line are those of a one-machine read; rows of one customer in one loader make the table's
 * histories whole.
 *
 * <pre>{@code
 * PurchaseRowLoader loader = PurchaseRowLoader.of("orders", options, List.of("order", "customer_id", "date", "amount"));
 * loader.add("orders.csv", 2, new String[] {"A-1", "c1", "2024-03-05", "12.50"}); // values of usedColumns()
 * PurchaseLoad load = loader.finish();   // load.table(), load.summary()
 * }</pre>
 *
 * <p>Not thread-safe: one loader per partition; {@link LoadSummary#plus(LoadSummary)} merges the summaries of
 * disjoint partitions.
 */
public final class PurchaseRowLoader {
    private final String source;
    private final List<String> fields;
    private final PurchaseRows rows;
    private final PurchaseAssembler assembler;
    private final int[] used;
    private final boolean resultRows;
    /** The sources of the rows added, in runs: the first and last line of each run and its source. */
    private final List<Object[]> runs = new ArrayList<>();

    private PurchaseRowLoader(String source, CsvOptions options, List<String> header, boolean resultRows) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.fields = new ArrayList<>(Collections.nCopies(header.size(), ""));
        this.rows = PurchaseRows.of(source, options, CsvColumns.of(source, fields, Optional.of(List.copyOf(header))));
        this.assembler = rows.assembler();
        this.used = rows.usedIndexes();
        this.resultRows = resultRows;
    }

    /**
     * A loader for rows of the given columns, named by row number in errors ({@code source: row 7: ...}).
     *
     * @param source the input's name for errors whose row has no source of its own
     * @param options the column choice, parsing rules and {@link PurchaseRules}; the header and delimiter are unused
     * @param header the column names, in order
     * @return the loader
     * @throws IllegalArgumentException naming a required column that {@code header} does not have
     */
    public static PurchaseRowLoader of(String source, CsvOptions options, List<String> header) {
        return new PurchaseRowLoader(source, options, header, true);
    }

    /**
     * A loader for rows read from text files, named by line in errors ({@code orders.csv:7: ...}).
     *
     * @param source the input's name for errors whose row has no source of its own
     * @param options the column choice, parsing rules and {@link PurchaseRules}
     * @param header the column names, in order
     * @return the loader
     * @throws IllegalArgumentException naming a required column that {@code header} does not have
     */
    public static PurchaseRowLoader ofLines(String source, CsvOptions options, List<String> header) {
        return new PurchaseRowLoader(source, options, header, false);
    }

    /**
     * The 0-based indexes of the columns the rows read (customer, date, amount or unit price, and the category,
     * quantity, order, refunded and status columns that are used), without repeats.
     *
     * @return the indexes, in the order {@link #add} takes their values
     */
    public int[] usedColumns() {
        return used.clone();
    }

    /**
     * The 0-based index of the date column.
     *
     * @return the index
     */
    public int dateColumn() {
        return rows.dateIndex();
    }

    /**
     * The 0-based index of the customer column.
     *
     * @return the index
     */
    public int customerColumn() {
        return used[0];
    }

    /**
     * The 0-based indexes of the money columns (amount, unit price, refunded amount: those used).
     *
     * @return the indexes
     */
    public int[] moneyColumns() {
        return rows.moneyIndexes();
    }

    /**
     * One data row.
     *
     * @param rowSource the row's source for errors (its file), or the empty string for the loader's
     * @param line the 1-based line or row number, for errors and the summary's first lines
     * @param values the texts of {@link #usedColumns()}, in that order ({@code ""} for none)
     * @throws CsvFormatException naming the source, line, column and value of a field that cannot be read, or of a
     *     row the rules refuse
     */
    public void add(String rowSource, long line, String[] values) {
        if (values.length != used.length) {
            throw new IllegalArgumentException(
                    "expected " + used.length + " values (of the used columns), got " + values.length);
        }
        for (int i = 0; i < used.length; i++) {
            fields.set(used[i], Objects.requireNonNull(values[i], "a value must not be null (use \"\")"));
        }
        String named = rowSource.isEmpty() ? source : rowSource;
        Object[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (run == null || !run[2].equals(named)) {
            runs.add(new Object[] {line, line, named});
        } else {
            run[0] = Math.min((long) run[0], line);
            run[1] = Math.max((long) run[1], line);
        }
        try {
            rows.add(line, assembler);
        } catch (CsvFormatException e) {
            throw e.in(named, resultRows);
        }
    }

    /**
     * The table and the summary; call once, after the last row.
     *
     * @return the load
     * @throws CsvFormatException if an order is a refund and refunds are errors
     */
    public PurchaseLoad finish() {
        try {
            return assembler.finish();
        } catch (CsvFormatException e) {
            throw e.in(sourceOf(e.line()), resultRows);
        }
    }

    private String sourceOf(long line) {
        for (Object[] run : runs) {
            if ((long) run[0] <= line && line <= (long) run[1]) {
                return (String) run[2];
            }
        }
        return source;
    }

    /** For example {@code PurchaseRowLoader[orders, columns [1, 2, 3, 0]]}. */
    @Override
    public String toString() {
        return "PurchaseRowLoader[" + source + ", columns " + java.util.Arrays.toString(used) + "]";
    }
}
