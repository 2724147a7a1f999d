package org.loyaltykpi.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer of {@code loyalty cohort --transactions FILE --format json} as a whole process, for {@link EndToEnd}: a JVM
 * that loads a purchase CSV with DuckDB's {@code read_csv} (column types given, so it does not sniff) and runs the
 * monthly cohort SQL (customers, purchases and revenue per cohort and month offset) on 2 threads, printing the cells.
 *
 * <p>Run: {@code java -cp loyalty-benchmarks/target/benchmarks.jar org.loyaltykpi.benchmarks.DuckDbCohortProcess
 * FILE}.
 */
public final class DuckDbCohortProcess {
    private DuckDbCohortProcess() {}

    /**
     * Loads the file and prints the cohort cells.
     *
     * @param args the CSV file ({@code customer_id,date,amount,category,quantity} with a header)
     * @throws SQLException if DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        String file = args[0].replace("'", "''");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = db.createStatement()) {
            s.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
            s.execute("SET preserve_insertion_order = false");
            s.execute("CREATE TABLE loaded AS SELECT customer_id AS customer, date AS day,"
                    + " CAST(amount * 100 AS BIGINT) AS amount FROM read_csv('" + file
                    + "', header = true, delim = ',',"
                    + " columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)',"
                    + " 'category': 'VARCHAR', 'quantity': 'INTEGER'})");
            String cohort = DuckDbShop.CUSTOMER_MONTHS_THEN_JOIN.replace("FROM purchases", "FROM loaded");
            StringBuilder out = new StringBuilder();
            long cells = 0;
            try (ResultSet rows = s.executeQuery(cohort + " ORDER BY 1, 2")) {
                while (rows.next()) {
                    out.append(rows.getLong(1))
                            .append(',')
                            .append(rows.getLong(2))
                            .append(',')
                            .append(rows.getLong(3))
                            .append(',')
                            .append(rows.getLong(4))
                            .append(',')
                            .append(rows.getLong(5))
                            .append('\n');
                    cells++;
                }
            }
            System.out.print(out);
            System.out.println(cells + " cells");
        }
    }
}
