package org.loyaltykpi.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * DuckDB in-process, in the same JVM, holding the same purchases as a {@link PurchaseTable}: {@code purchases(customer
 * INTEGER, day DATE, amount BIGINT)}, customers as our dense index, amounts in cents. DuckDB gets its best
 * representation (integers, no strings), loaded before anything is measured.
 */
final class DuckDbShop implements AutoCloseable {

    /** The monthly cohort matrix, formulation 1: a join on first months with {@code count(DISTINCT customer)}. */
    static final String JOIN_COUNT_DISTINCT =
            "WITH p AS (SELECT customer, (year(day) - 1970) * 12 + month(day) - 1 AS m,"
                    + " amount FROM purchases),"
                    + " f AS (SELECT customer, min(m) AS cohort FROM p GROUP BY customer)"
                    + " SELECT f.cohort, p.m - f.cohort AS k, count(DISTINCT p.customer), count(*), sum(p.amount)::BIGINT"
                    + " FROM p JOIN f ON p.customer = f.customer GROUP BY 1, 2";

    /** Formulation 2: distinct customer-months first (with their purchases and revenue), then the join. */
    static final String CUSTOMER_MONTHS_THEN_JOIN = "WITH cm AS (SELECT customer,"
            + " (year(day) - 1970) * 12 + month(day) - 1 AS m, count(*) AS n, sum(amount) AS revenue"
            + " FROM purchases GROUP BY 1, 2),"
            + " f AS (SELECT customer, min(m) AS cohort FROM cm GROUP BY customer)"
            + " SELECT f.cohort, cm.m - f.cohort AS k, count(*), sum(cm.n)::BIGINT, sum(cm.revenue)::BIGINT"
            + " FROM cm JOIN f ON cm.customer = f.customer GROUP BY 1, 2";

    /** Formulation 3: distinct customer-months, the cohort by a window function instead of a join. */
    static final String CUSTOMER_MONTHS_WINDOW = "WITH cm AS (SELECT customer,"
            + " (year(day) - 1970) * 12 + month(day) - 1 AS m, count(*) AS n, sum(amount) AS revenue"
            + " FROM purchases GROUP BY 1, 2)"
            + " SELECT cohort, m - cohort AS k, count(*), sum(n)::BIGINT, sum(revenue)::BIGINT"
            + " FROM (SELECT *, min(m) OVER (PARTITION BY customer) AS cohort FROM cm) GROUP BY 1, 2";

    static final List<String> FORMULATIONS =
            List.of(JOIN_COUNT_DISTINCT, CUSTOMER_MONTHS_THEN_JOIN, CUSTOMER_MONTHS_WINDOW);

    private final Connection connection;

    DuckDbShop(int threads) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads TO " + threads);
            s.execute("SET preserve_insertion_order = false");
        }
    }

    /** Loads a table into {@code purchases}. */
    DuckDbShop load(PurchaseTable table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE purchases (customer INTEGER, day DATE, amount BIGINT)");
        }
        try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("main", "purchases")) {
            for (int row = 0; row < table.size(); row++) {
                appender.beginRow()
                        .append(table.customerIndex(row))
                        .appendEpochDays(table.epochDay(row))
                        .append(table.amountMinorUnits(row))
                        .endRow();
            }
        }
        return this;
    }

    /** Runs a cohort formulation and reads every cell into Java, as our engine returns its matrix. */
    CohortCells cohorts(String sql) throws SQLException {
        List<long[]> cells = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                cells.add(
                        new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)
                        });
            }
        }
        return CohortCells.of(cells);
    }

    /** Executes a statement and returns the first column of its first row as a long. */
    long scalar(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
