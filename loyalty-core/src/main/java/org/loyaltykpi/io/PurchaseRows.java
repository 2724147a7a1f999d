package org.loyaltykpi.io;

import java.util.List;
import java.util.Optional;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * The row rules of purchase input, shared by every purchase reader (CSV files, JDBC result sets, Parquet files read
 * through JDBC): the reader fills {@code fields} with one row's texts and calls {@link #add(long)}, which turns it
 * into one purchase or throws a {@link CsvFormatException} naming the source, row, column and value. Not
 * thread-safe: one reader, one instance.
 */
final class PurchaseRows {
    private final String source;
    private final CsvOptions options;
    private final DateParser dates;
    private final PurchaseTable.Builder table;
    private final Columns columns;

    private PurchaseRows(String source, CsvOptions options, CsvColumns columns, PurchaseTable.Builder table) {
        this.source = source;
        this.options = options;
        this.dates = DateParser.of(options.datePattern());
        this.table = table;
        this.columns = new Columns(columns, options);
    }

    /**
     * The rows of an input whose header (if any) is known.
     *
     * @param source the input's name for messages
     * @param options the column mapping and the value formats
     * @param columns the input's columns, reading the current row's fields
     * @param table where the purchases go
     * @return the row reader
     * @throws IllegalArgumentException naming a required column that the input does not have
     */
    static PurchaseRows of(String source, CsvOptions options, CsvColumns columns, PurchaseTable.Builder table) {
        return new PurchaseRows(source, options, columns, table);
    }

    /**
     * The 0-based indexes of the customer, date, amount, category and quantity columns ({@code -1} for an absent
     * optional column).
     */
    static int[] columnIndexes(String source, CsvOptions options, Optional<List<String>> header) {
        Columns columns = new Columns(CsvColumns.of(source, List.of(), header), options);
        return new int[] {
            columns.customer.index,
            columns.date.index,
            columns.amount.index,
            columns.category.map(c -> c.index).orElse(-1),
            columns.quantity.map(c -> c.index).orElse(-1)
        };
    }

    /** The 0-based index of the date column and of the amount column. */
    int dateIndex() {
        return columns.date.index;
    }

    int amountIndex() {
        return columns.amount.index;
    }

    int quantityIndex() {
        return columns.quantity.map(c -> c.index).orElse(-1);
    }

    /**
     * Adds the current row as a purchase.
     *
     * @param line the 1-based line (or row) number for messages
     * @throws CsvFormatException naming the column and value that cannot be read
     */
    void add(long line) {
        Column customer = columns.customer;
        String id = customer.value(line);
        int day = columns.date.epochDay(dates, options.datePattern(), line);
        long minorUnits = parseAmount(columns.amount, line);
        Optional<Column> category = columns.category;
        String categoryName = category.isPresent() ? category.get().value(line) : "";
        if (!categoryName.isEmpty() && categoryName.isBlank()) {
            throw new CsvFormatException(source, line, category.get().label, categoryName, "is not a category (blank)");
        }
        int items = columns.quantity.isPresent() ? parseQuantity(columns.quantity.get(), line) : 1;
        try {
            table.add(id, day, minorUnits, categoryName, items);
        } catch (IllegalArgumentException e) {
            throw customer.error(line, id, "is not a valid customer id: " + e.getMessage());
        }
    }

    private long parseAmount(Column column, long line) {
        String text = column.value(line);
        int scale = options.amountScale();
        int length = text.length();
        int i = 0;
        if (length > 0 && text.charAt(0) == '-') {
            throw column.error(line, text, "is negative; refunds are not purchases");
        }
        long units = 0;
        int decimals = -1;
        boolean digits = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= 0 && ++decimals > scale) {
                    throw column.error(
                            line,
                            text,
                            "has more than " + scale + " decimal places; raise the amount scale to keep it exact");
                }
                try {
                    units = Math.addExact(Math.multiplyExact(units, 10), c - '0');
                } catch (ArithmeticException e) {
                    throw column.error(line, text, "is too large");
                }
            } else if (c == options.decimalSeparator() && decimals < 0) {
                decimals = 0;
            } else {
                throw column.error(
                        line,
                        text,
                        "is not an amount (digits with an" + " optional '" + options.decimalSeparator()
                                + "' decimal separator)");
            }
        }
        if (!digits) {
            throw column.error(line, text, "is not an amount");
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            try {
                units = Math.multiplyExact(units, 10);
            } catch (ArithmeticException e) {
                throw column.error(line, text, "is too large");
            }
        }
        return units;
    }

    private static int parseQuantity(Column column, long line) {
        String text = column.value(line);
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw column.error(line, text, "is not a quantity (a whole number >= 1)");
    }

    /** The columns of a purchase input. */
    private static final class Columns {
        final Column customer;
        final Column date;
        final Column amount;
        final Optional<Column> category;
        final Optional<Column> quantity;

        Columns(CsvColumns columns, CsvOptions options) {
            customer = columns.required(options.customerColumn(), "customer");
            date = columns.required(options.dateColumn(), "date");
            amount = columns.required(options.amountColumn(), "amount");
            category = columns.optional(options.categoryColumn(), CsvOptions.CATEGORY, "category");
            quantity = columns.optional(options.quantityColumn(), CsvOptions.QUANTITY, "quantity");
        }
    }
}
