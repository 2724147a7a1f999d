package org.loyaltykpi.io;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.loyaltykpi.io.CsvColumns.Column;

/**
 * The field rules of purchase input, shared by every reader that has a row's fields as texts (the general CSV reader,
 * JDBC result sets, Parquet files read through JDBC): the reader fills the fields of {@link CsvColumns} with one row
 * and calls {@link #add(long, PurchaseAssembler)}, which parses them (dates, amounts, quantities, unit prices,
 * refunded amounts) and hands the row to the {@link PurchaseAssembler}, or throws a {@link CsvFormatException}
 * naming the source, row, column and value. Not thread-safe: one reader, one instance.
 */
final class PurchaseRows {
    private final String source;
    private final CsvOptions options;
    private final DateParser dates;
    private final AmountText amounts;
    private final boolean grouped;
    private final PurchaseColumns columns;

    private PurchaseRows(String source, CsvOptions options, CsvColumns columns) {
        this.source = source;
        this.options = options;
        this.dates = DateParser.of(options.datePattern(), options.timeZone());
        this.amounts = AmountText.of(options);
        this.grouped = options.rules().orderColumn().isPresent();
        this.columns = PurchaseColumns.resolve(columns, options);
    }

    /**
     * The rows of an input whose header (if any) is known.
     *
     * @throws IllegalArgumentException naming a required column that the input does not have
     */
    static PurchaseRows of(String source, CsvOptions options, CsvColumns columns) {
        return new PurchaseRows(source, options, columns);
    }

    /**
     * The 0-based indexes of the customer, date, amount, category, quantity, order, unit price, refunded and status
     * columns ({@code -1} for an absent optional column), resolved exactly as the general reader does.
     */
    static int[] columnIndexes(String source, CsvOptions options, Optional<List<String>> header) {
        PurchaseColumns columns = PurchaseColumns.resolve(CsvColumns.of(source, List.of(), header), options);
        return new int[] {
            columns.customer.index,
            columns.date.index,
            columns.amount.map(c -> c.index).orElse(-1),
            columns.category.map(c -> c.index).orElse(-1),
            columns.quantity.map(c -> c.index).orElse(-1),
            columns.order.map(c -> c.index).orElse(-1),
            columns.unitPrice.map(c -> c.index).orElse(-1),
            columns.refunded.map(c -> c.index).orElse(-1),
            columns.status.map(c -> c.index).orElse(-1)
        };
    }

    /** The labels of the customer and amount (or unit price) columns, for the messages of the row rules. */
    static String[] columnLabels(String source, CsvOptions options, Optional<List<String>> header) {
        PurchaseColumns columns = PurchaseColumns.resolve(CsvColumns.of(source, List.of(), header), options);
        return new String[] {
            columns.customer.label,
            columns.amount.or(() -> columns.unitPrice).map(c -> c.label).orElse("")
        };
    }

    /** The 0-based indexes of every column the rows read, without repeats. */
    int[] usedIndexes() {
        return IntStream.of(
                        columns.customer.index,
                        columns.date.index,
                        index(columns.amount),
                        index(columns.category),
                        index(columns.quantity),
                        index(columns.order),
                        index(columns.unitPrice),
                        index(columns.refunded),
                        index(columns.status))
                .filter(i -> i >= 0)
                .distinct()
                .toArray();
    }

    /** The 0-based index of the date column. */
    int dateIndex() {
        return columns.date.index;
    }

    /** The 0-based indexes of the money columns: amount, unit price, refunded amount (those present). */
    int[] moneyIndexes() {
        return IntStream.of(index(columns.amount), index(columns.unitPrice), index(columns.refunded))
                .filter(i -> i >= 0)
                .toArray();
    }

    private static int index(Optional<Column> column) {
        return column.map(c -> c.index).orElse(-1);
    }

    /** A new pipeline for this input's rows. */
    PurchaseAssembler assembler() {
        return new PurchaseAssembler(
                source,
                options.rules(),
                options.amountScale(),
                columns.customer.label,
                columns.amount.or(() -> columns.unitPrice).map(c -> c.label).orElse(""));
    }

    /**
     * Parses the current row's fields and adds the row to the pipeline.
     *
     * @param line the 1-based line (or row) number for messages
     * @param assembler the pipeline
     * @throws CsvFormatException naming the column and value that cannot be read, or the row the rules refuse
     */
    void add(long line, PurchaseAssembler assembler) {
        addRow(columns, line, assembler);
    }

    private void addRow(PurchaseColumns columns, long line, PurchaseAssembler assembler) {
        String id = columns.customer.value(line);
        String status = columns.status.isPresent() ? columns.status.get().value(line) : "";
        String order = columns.order.isPresent() ? columns.order.get().value(line) : "";
        int day = columns.date.epochDay(dates, options.datePattern(), line);
        long minorUnits;
        long items;
        if (columns.unitPrice.isPresent()) {
            long price = parseAmount(columns.unitPrice.get(), line, false);
            items = columns.quantity.isPresent() ? parseSignedQuantity(columns.quantity.get(), line) : 1;
            try {
                minorUnits = Math.multiplyExact(price, items);
            } catch (ArithmeticException e) {
                throw columns.unitPrice
                        .get()
                        .error(line, columns.unitPrice.get().value(line), "x quantity is too large");
            }
        } else {
            minorUnits = parseAmount(columns.amount.get(), line, grouped);
            items = columns.quantity.isPresent()
                    ? (minorUnits < 0
                            ? parseSignedQuantity(columns.quantity.get(), line)
                            : parseQuantity(columns.quantity.get(), line))
                    : 1;
        }
        long refunded = 0;
        if (columns.refunded.isPresent()) {
            refunded = parseAmount(columns.refunded.get(), line, true);
            if (refunded < 0) {
                refunded = -refunded; // written either way: "-20.00" or "20.00" refunded is 20.00 back
            }
        }
        String categoryName =
                columns.category.isPresent() ? columns.category.get().value(line) : "";
        if (!categoryName.isEmpty() && categoryName.isBlank()) {
            throw new CsvFormatException(
                    source, line, columns.category.get().label, categoryName, "is not a category (blank)");
        }
        assembler.add(line, id, order, day, minorUnits, refunded, status, categoryName, items);
    }

    /** A signed amount; an empty field is 0 when {@code emptyIsZero}, an error otherwise. */
    private long parseAmount(Column column, long line, boolean emptyIsZero) {
        String text = column.value(line);
        if (text.isEmpty() && emptyIsZero) {
            return 0;
        }
        try {
            return amounts.parse(text, line);
        } catch (IllegalArgumentException e) {
            throw column.error(line, text, e.getMessage());
        }
    }

    private int parseQuantity(Column column, long line) {
        String text = column.value(line);
        // ASCII digits only, as for amounts: no sign, no other script's digits
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw column.error(line, text, "is not a quantity (a whole number >= 1)");
    }

    /** A quantity of a line that may be a return: a whole number other than 0. */
    private int parseSignedQuantity(Column column, long line) {
        String text = column.value(line);
        try {
            int value = Integer.parseInt(text);
            if (value != 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw column.error(line, text, "is not a quantity (a whole number other than 0; negative for a return)");
    }

    /** The columns of a purchase input. */
    private static final class PurchaseColumns {
        final Column customer;
        final Column date;
        final Optional<Column> amount;
        final Optional<Column> category;
        final Optional<Column> quantity;
        final Optional<Column> order;
        final Optional<Column> unitPrice;
        final Optional<Column> refunded;
        final Optional<Column> status;

        private PurchaseColumns(CsvColumns columns, CsvOptions options) {
            PurchaseRules rules = options.rules();
            customer = columns.required(options.customerColumn(), "customer");
            date = columns.required(options.dateColumn(), "date");
            // With a unit price the amount is quantity x unit price: the amount column is not needed.
            amount = rules.unitPriceColumn().isPresent()
                    ? Optional.empty()
                    : Optional.of(columns.required(options.amountColumn(), "amount"));
            category = columns.optional(options.categoryColumn(), CsvOptions.CATEGORY, "category");
            quantity = columns.optional(options.quantityColumn(), CsvOptions.QUANTITY, "quantity");
            order = rules.orderColumn().map(c -> columns.required(c, "order"));
            unitPrice = rules.unitPriceColumn().map(c -> columns.required(c, "unit price"));
            refunded = rules.refundedColumn().map(c -> columns.required(c, "refunded amount"));
            status = rules.statusColumn().map(c -> columns.required(c, "status"));
        }

        static PurchaseColumns resolve(CsvColumns columns, CsvOptions options) {
            return new PurchaseColumns(columns, options);
        }
    }
}
