package org.loyaltykpi.io;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * Reads purchases from a SQL query into a {@link PurchaseTable}: the result's columns are mapped by name (the
 * column labels, case-insensitive) or 1-based position with the same {@link CsvOptions} as a CSV file, and every row
 * goes through the same row rules, so bad data gets the same errors, naming the 1-based row number instead of a line.
 *
 * <p>The result is streamed: the statement is forward-only and read-only with a fetch size of {@link #FETCH_SIZE}
 * rows, so no more than one fetch of the result is held beside the table being built. PostgreSQL streams only inside
 * a transaction, so a connection in auto-commit mode is switched out of it for the read, rolled back (reading never
 * changes the database) and switched back. Typed columns are read by type: {@code DATE}, {@code TIMESTAMP} (its
 * date) and {@code TIMESTAMP WITH TIME ZONE} (its date at the offset the driver gives, UTC for PostgreSQL) need no
 * date pattern; numeric amounts and quantities need no decimal separator and are kept exact (an amount with more
 * decimal places than the scale, after dropping trailing zeros, is an error, never rounded). Text columns are read
 * with the options' date pattern and decimal separator, as in a CSV file. A {@code NULL} is an empty field: an error
 * for the customer, date and amount, no category.
 *
 * <pre>{@code
 * try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost/shop", user, password)) {
 *     PurchaseTable orders = PurchaseJdbc.read(db,
 *             "SELECT customer_id, order_date AS date, total AS amount FROM orders",
 *             CsvOptions.defaults());
 * }
 * // with other column names: CsvOptions.defaults().withDateColumn(ColumnRef.named("order_date"))
 * }</pre>
 *
 * <p>Stateless and thread-safe; a {@link Connection} is used by one read at a time.
 */
public final class PurchaseJdbc {

    /** Rows fetched from the database per round trip: {@value}. */
    public static final int FETCH_SIZE = 10_000;

    /** Rows between two calls of a progress listener: {@value}. */
    public static final int PROGRESS_ROWS = 1 << 20;

    private PurchaseJdbc() {}

    /**
     * Reads every row of a query as a purchase; the first bad row fails the read.
     *
     * @param connection an open connection; not closed
     * @param query a query whose result has the customer, date and amount columns of {@code options}
     * @param options the column mapping, rules, date pattern, decimal separator and amount scale (delimiter and header
     *     do not apply)
     * @return the purchases
     * @throws CsvFormatException naming the source, row, column and value of the first bad row
     * @throws IllegalArgumentException if the result lacks a required column
     * @throws SQLException if the database fails
     */
    public static PurchaseTable read(Connection connection, String query, CsvOptions options) throws SQLException {
        return read(connection, query, sourceName(connection), options, BadRows.strict(), rows -> {})
                .table();
    }

    /**
     * Reads a query's rows as purchases, skipping up to {@code maxBadRows} rows that cannot be read and recording
     * them (see {@link CsvRead}).
     *
     * @param connection an open connection; not closed
     * @param query the query
     * @param sourceName the name used in error messages, for example {@link #sourceName(String)} of the URL
     * @param options the column mapping, rules and value formats
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @return the purchases of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws IllegalArgumentException if the result lacks a required column
     * @throws SQLException if the database fails
     */
    public static CsvRead<PurchaseTable> readSkippingBadRows(
            Connection connection, String query, String sourceName, CsvOptions options, long maxBadRows)
            throws SQLException {
        return readSkippingBadRows(connection, query, sourceName, options, maxBadRows, rows -> {});
    }

    /**
     * Reads a query's rows like {@link #readSkippingBadRows(Connection, String, String, CsvOptions, long)}, telling
     * {@code progress} how many rows are read so far every {@value #PROGRESS_ROWS} rows (on the reading thread).
     *
     * @param connection an open connection; not closed
     * @param query the query
     * @param sourceName the name used in error messages
     * @param options the column mapping, rules and value formats
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @param progress takes the number of rows read so far
     * @return the purchases of the good rows and the record of the skipped ones
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws IllegalArgumentException if the result lacks a required column
     * @throws SQLException if the database fails
     */
    public static CsvRead<PurchaseTable> readSkippingBadRows(
            Connection connection,
            String query,
            String sourceName,
            CsvOptions options,
            long maxBadRows,
            LongConsumer progress)
            throws SQLException {
        BadRows badRows = BadRows.upTo(maxBadRows);
        return badRows.result(
                read(connection, query, sourceName, options, badRows, progress).table());
    }

    /**
     * Reads a query's rows as purchases with what the load did to them (see {@link LoadSummary}), skipping up to
     * {@code maxBadRows} rows that cannot be read, and telling {@code progress} how many rows are read so far every
     * {@value #PROGRESS_ROWS} rows (on the reading thread).
     *
     * @param connection an open connection; not closed
     * @param query the query
     * @param sourceName the name used in error messages
     * @param options the column mapping, rules and value formats
     * @param maxBadRows how many bad rows may be skipped, {@code >= 0}; 0 reads strictly
     * @param progress takes the number of rows read so far
     * @return the purchases and the summary
     * @throws CsvFormatException naming the first bad row past the allowed number
     * @throws IllegalArgumentException if the result lacks a required column
     * @throws SQLException if the database fails
     */
    public static PurchaseLoad load(
            Connection connection,
            String query,
            String sourceName,
            CsvOptions options,
            long maxBadRows,
            LongConsumer progress)
            throws SQLException {
        return read(connection, query, sourceName, options, BadRows.upTo(maxBadRows), progress);
    }

    /**
     * A JDBC URL fit for messages: without its parameters (after {@code ?} or {@code ;}) and without a user or
     * password written before {@code @}, which may hold secrets.
     *
     * <pre>{@code
     * PurchaseJdbc.sourceName("jdbc:postgresql://ann:secret@db:5432/shop?password=secret");
     * // "jdbc:postgresql://db:5432/shop"
     * }</pre>
     *
     * @param url the URL
     * @return the URL without parameters and credentials
     */
    public static String sourceName(String url) {
        String name = url;
        int parameters = indexOfAny(name, '?', ';');
        if (parameters >= 0) {
            name = name.substring(0, parameters);
        }
        int authority = name.indexOf("//");
        int at = name.indexOf('@', Math.max(authority, 0));
        if (authority >= 0 && at > authority) {
            name = name.substring(0, authority + 2) + name.substring(at + 1);
        }
        return name;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String sourceName(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        return url == null ? "query" : sourceName(url);
    }

    private static PurchaseLoad read(
            Connection connection,
            String query,
            String source,
            CsvOptions options,
            BadRows badRows,
            LongConsumer progress)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try (Statement statement =
                connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet result = statement.executeQuery(query)) {
                return load(result, source, options, badRows, progress);
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static PurchaseLoad load(
            ResultSet result, String source, CsvOptions options, BadRows badRows, LongConsumer progress)
            throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        int count = meta.getColumnCount();
        List<String> labels = new ArrayList<>(count);
        Kind[] kinds = new Kind[count];
        for (int c = 0; c < count; c++) {
            labels.add(meta.getColumnLabel(c + 1));
            kinds[c] = Kind.of(meta.getColumnType(c + 1), meta.getColumnTypeName(c + 1));
        }
        List<String> fields = new ArrayList<>(Collections.nCopies(count, ""));
        CsvColumns columns = CsvColumns.of(source, fields, Optional.of(labels));
        PurchaseRows probe = PurchaseRows.of(source, options, columns);
        // A typed date column is written as an ISO date or date-time, which the ISO pattern reads (in the time zone
        // of the options, if any); typed money is written with the options' decimal separator and no grouping.
        CsvOptions rowOptions =
                kinds[probe.dateIndex()].isDate() ? options.withDatePattern(CsvOptions.ISO_DATE) : options;
        PurchaseRows rows = rowOptions == options ? probe : PurchaseRows.of(source, rowOptions, columns);
        int[] used = rows.usedIndexes();
        boolean[] money = new boolean[count];
        for (int c : rows.moneyIndexes()) {
            money[c] = true;
        }
        char decimal = options.decimalSeparator();
        PurchaseAssembler assembler = rows.assembler();
        long row = 0;
        while (result.next()) {
            row++;
            for (int c : used) {
                fields.set(c, text(result, c + 1, kinds[c], money[c] ? options.amountScale() : 0, decimal));
            }
            try {
                rows.add(row, assembler);
            } catch (CsvFormatException e) {
                CsvFormatException inRow = e.inResultRow();
                badRows.skip(inRow);
                assembler.badRow(inRow);
            }
            if (row % PROGRESS_ROWS == 0) {
                progress.accept(row);
            }
        }
        return assembler.finish();
    }

    /** A column's value as the row rules read it; {@code ""} for {@code NULL}. */
    private static String text(ResultSet result, int column, Kind kind, int scale, char decimal) throws SQLException {
        switch (kind) {
            case DATE: {
                LocalDate date = result.getObject(column, LocalDate.class);
                return date == null ? "" : date.toString();
            }
            case TIMESTAMP: {
                LocalDateTime time = result.getObject(column, LocalDateTime.class);
                return time == null ? "" : time.toString();
            }
            case TIMESTAMP_WITH_ZONE: {
                OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
                return time == null ? "" : time.toString();
            }
            case NUMBER: {
                BigDecimal number = result.getBigDecimal(column);
                if (number == null) {
                    return "";
                }
                if (number.scale() > scale) {
                    number = number.stripTrailingZeros();
                }
                String plain = number.toPlainString();
                return decimal == '.' ? plain : plain.replace('.', decimal);
            }
            default: {
                String text = result.getString(column);
                return text == null ? "" : text;
            }
        }
    }

    /** How a column's values are read. */
    private enum Kind {
        TEXT,
        DATE,
        TIMESTAMP,
        TIMESTAMP_WITH_ZONE,
        NUMBER;

        boolean isDate() {
            return this == DATE || this == TIMESTAMP || this == TIMESTAMP_WITH_ZONE;
        }

        static Kind of(int sqlType, String typeName) {
            String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
            switch (sqlType) {
                case Types.DATE:
                    return DATE;
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return TIMESTAMP_WITH_ZONE;
                case Types.TIMESTAMP:
                    // PostgreSQL reports timestamptz as TIMESTAMP; its driver reads it as an OffsetDateTime only
                    return name.contains("tz") || name.contains("with time zone") ? TIMESTAMP_WITH_ZONE : TIMESTAMP;
                case Types.TINYINT:
                case Types.SMALLINT:
                case Types.INTEGER:
                case Types.BIGINT:
                case Types.DECIMAL:
                case Types.NUMERIC:
                case Types.REAL:
                case Types.FLOAT:
                case Types.DOUBLE:
                    return NUMBER;
                default:
                    return TEXT;
            }
        }
    }
}
