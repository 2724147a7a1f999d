package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseTable;

/** {@link PurchaseJdbc} against real databases: DuckDB in-process and a PostgreSQL server. */
class PurchaseJdbcTest {

    private static final String CSV = """
            customer_id,date,amount,category,quantity
            C2,2024-02-01,12.00,books,1
            C1,2024-01-05,20.00,,2
            C1,2024-03-09,7.50,music,1
            C3,2024-03-09,0.00,books,3
            """;

    @Test
    void sourceNamesDropCredentialsAndParameters() {
        assertThat(PurchaseJdbc.sourceName("jdbc:postgresql://ann:secret@db:5432/shop?password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(PurchaseJdbc.sourceName("jdbc:sqlserver://db;user=ann;password=secret"))
                .isEqualTo("jdbc:sqlserver://db");
        assertThat(PurchaseJdbc.sourceName("jdbc:duckdb:")).isEqualTo("jdbc:duckdb:");
    }

    /** The same laws on every database. */
    abstract static class OnEveryDatabase {
        Connection db;

        abstract Connection connect() throws SQLException;

        @BeforeEach
        void open() throws SQLException {
            db = connect();
            execute("CREATE TEMP TABLE orders (customer_id VARCHAR(20), date DATE, amount DECIMAL(12,4),"
                    + " category VARCHAR(20), quantity INTEGER, placed_at TIMESTAMP, paid_at TIMESTAMPTZ,"
                    + " total_text VARCHAR(20), day_text VARCHAR(20))");
            execute("INSERT INTO orders VALUES"
                    + " ('C2', DATE '2024-02-01', 12.0000, 'books', 1, TIMESTAMP '2024-02-01 09:00:00',"
                    + "   TIMESTAMPTZ '2024-02-01 09:00:00+00', '12,00', '01.02.2024'),"
                    + " ('C1', DATE '2024-01-05', 20, NULL, 2, TIMESTAMP '2024-01-05 23:59:59',"
                    + "   TIMESTAMPTZ '2024-01-05 23:59:59+00', '20,00', '05.01.2024'),"
                    + " ('C1', DATE '2024-03-09', 7.5, 'music', 1, TIMESTAMP '2024-03-09 00:00:00',"
                    + "   TIMESTAMPTZ '2024-03-09 00:00:00+00', '7,50', '09.03.2024'),"
                    + " ('C3', DATE '2024-03-09', 0, 'books', 3, TIMESTAMP '2024-03-09 12:00:00',"
                    + "   TIMESTAMPTZ '2024-03-09 12:00:00+00', '0,00', '09.03.2024')");
        }

        @AfterEach
        void close() throws SQLException {
            if (db != null) { // null when the set-up was aborted (no PostgreSQL server outside CI)
                db.close();
            }
        }

        void execute(String sql) throws SQLException {
            try (Statement statement = db.createStatement()) {
                statement.execute(sql);
            }
        }

        PurchaseTable csv() {
            return PurchaseCsv.read(new StringReader(CSV), "orders.csv", CsvOptions.defaults());
        }

        @Test
        void aQueryWithTheDefaultColumnNamesGivesTheSameTableAsTheSameDataInCsv() throws SQLException {
            PurchaseTable table = PurchaseJdbc.read(
                    db, "SELECT customer_id, date, amount, category, quantity FROM orders", CsvOptions.defaults());

            assertThat(table).isEqualTo(csv());
        }

        @Test
        void columnsAreMappedByNameWithTheCsvColumnOptions() throws SQLException {
            PurchaseTable table = PurchaseJdbc.read(
                    db,
                    "SELECT quantity AS items, amount AS total, customer_id AS buyer, placed_at, category FROM orders",
                    CsvOptions.defaults()
                            .withCustomerColumn(ColumnRef.named("buyer"))
                            .withDateColumn(ColumnRef.named("PLACED_AT"))
                            .withAmountColumn(ColumnRef.named("total"))
                            .withQuantityColumn(ColumnRef.named("items")));

            assertThat(table).isEqualTo(csv());
        }

        @Test
        void timestampsWithAndWithoutZoneGiveTheirDate() throws SQLException {
            String query = "SELECT customer_id, %s AS date, amount, category, quantity FROM orders";

            assertThat(PurchaseJdbc.read(db, query.formatted("placed_at"), CsvOptions.defaults()))
                    .isEqualTo(csv());
            assertThat(PurchaseJdbc.read(db, query.formatted("paid_at"), CsvOptions.defaults()))
                    .isEqualTo(csv());
        }

        @Test
        void textColumnsAreReadWithTheDatePatternAndDecimalSeparator() throws SQLException {
            PurchaseTable table = PurchaseJdbc.read(
                    db,
                    "SELECT customer_id, day_text AS date, total_text AS amount, category, quantity FROM orders",
                    CsvOptions.defaults()
                            .withDelimiter(Delimiter.SEMICOLON)
                            .withDatePattern("dd.MM.yyyy")
                            .withDecimalSeparator(','));

            assertThat(table).isEqualTo(csv());
        }

        @Test
        void aNegativeAmountIsARefundNettedAsInCsvOrTheSameErrorNamingTheRowAndColumn() throws SQLException {
            execute("UPDATE orders SET amount = -5 WHERE customer_id = 'C3'");
            String query = "SELECT customer_id, date, amount FROM orders ORDER BY customer_id";

            PurchaseTable netted = PurchaseJdbc.read(db, query, CsvOptions.defaults());
            CsvFormatException e = catchThrowableOfType(
                    CsvFormatException.class,
                    () -> PurchaseJdbc.read(
                            db,
                            query,
                            CsvOptions.defaults()
                                    .withRules(PurchaseRules.defaults().withRefunds(PurchaseRules.Refunds.ERROR))));

            assertThat(netted.size()).isEqualTo(3);
            assertThat(netted.refundCount()).isEqualTo(1);
            assertThat(netted.refundMinorUnits(0)).isEqualTo(-500);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).contains("'amount' (#3)");
            assertThat(e.getMessage()).contains(": row 4: column 'amount' (#3): '-5.00' is negative");
        }

        @Test
        void orderLinesAreOnePurchasePerOrderThroughTheSamePipelineAsCsv() throws SQLException {
            execute("CREATE TEMP TABLE lines (order_id VARCHAR(10), customer_id VARCHAR(10), date DATE,"
                    + " unit_price DECIMAL(10,2), quantity INTEGER, category VARCHAR(10))");
            execute("INSERT INTO lines VALUES ('A1', 'C1', DATE '2024-01-05', 10.00, 2, 'books'),"
                    + " ('A1', 'C1', DATE '2024-01-05', 5.50, 1, 'music'), ('A2', 'C2', DATE '2024-01-06', 3.00, 1,"
                    + " 'books')");
            CsvOptions lines = CsvOptions.defaults()
                    .withRules(PurchaseRules.defaults()
                            .withOrderColumn(ColumnRef.named("order_id"))
                            .withUnitPriceColumn(ColumnRef.named("unit_price")));

            PurchaseTable table = PurchaseJdbc.read(db, "SELECT * FROM lines", lines);
            PurchaseTable csv = PurchaseCsv.read(
                    new StringReader("order_id,customer_id,date,unit_price,quantity,category\n"
                            + "A1,C1,2024-01-05,10.00,2,books\nA1,C1,2024-01-05,5.50,1,music\n"
                            + "A2,C2,2024-01-06,3.00,1,books\n"),
                    "lines.csv",
                    lines);

            assertThat(table).isEqualTo(csv);
            assertThat(table.size()).isEqualTo(2);
            assertThat(table.amountMinorUnits(0)).isEqualTo(2550);
            assertThat(table.hasSeveralCategories(0)).isTrue();
        }

        @Test
        void aNullDateOrCustomerIsAnErrorNamingTheRow() throws SQLException {
            execute("UPDATE orders SET date = NULL WHERE customer_id = 'C2'");

            assertThatThrownBy(() -> PurchaseJdbc.read(
                            db,
                            "SELECT customer_id, date, amount FROM orders ORDER BY customer_id",
                            CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageEndingWith(": row 3: column 'date' (#2): '' is not a date of pattern yyyy-MM-dd");
        }

        @Test
        void moreDecimalPlacesThanTheScaleAreAnErrorNeverRounded() throws SQLException {
            execute("UPDATE orders SET amount = 12.3456 WHERE customer_id = 'C2'");

            assertThatThrownBy(() -> PurchaseJdbc.read(
                            db, "SELECT customer_id, date, amount FROM orders", CsvOptions.defaults()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("column 'amount' (#3): '12.3456' has more than 2 decimal places");
            assertThat(PurchaseJdbc.read(
                                    db,
                                    "SELECT customer_id, date, amount FROM orders",
                                    CsvOptions.defaults().withAmountScale(4))
                            .amountMinorUnits(2))
                    .isEqualTo(123_456L);
        }

        @Test
        void theLenientReadSkipsAndCountsBadRows() throws SQLException {
            execute("UPDATE orders SET date = NULL WHERE customer_id = 'C3'");

            CsvRead<PurchaseTable> read = PurchaseJdbc.readSkippingBadRows(
                    db,
                    "SELECT customer_id, date, amount FROM orders ORDER BY customer_id, date",
                    "orders query",
                    CsvOptions.defaults(),
                    1);

            assertThat(read.value().size()).isEqualTo(3);
            assertThat(read.skippedRows()).isEqualTo(1);
            assertThat(read.summary())
                    .isEqualTo("1 bad row skipped: orders query: row 4: column 'date' (#2): '' is not a date of"
                            + " pattern yyyy-MM-dd");
        }

        @Test
        void aMissingColumnIsAnErrorNamingItAndTheResultColumns() {
            assertThatThrownBy(() ->
                            PurchaseJdbc.read(db, "SELECT customer_id, amount FROM orders", CsvOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no date column 'date' in the header [customer_id, amount]");
        }

        @Test
        void anEmptyResultIsTheEmptyTable() throws SQLException {
            assertThat(PurchaseJdbc.read(
                            db, "SELECT customer_id, date, amount FROM orders WHERE 1 = 0", CsvOptions.defaults()))
                    .isEqualTo(PurchaseTable.empty());
        }

        @Test
        void aResultLargerThanOneFetchIsReadWholeAndTheConnectionKeepsItsAutoCommit() throws SQLException {
            int rows = 3 * PurchaseJdbc.FETCH_SIZE + 7;
            execute("CREATE TEMP TABLE many AS SELECT 'C' || (i % 1000) AS customer_id,"
                    + " DATE '2024-01-01' + CAST(i % 300 AS INTEGER) AS date, CAST(i % 100 AS DECIMAL(10,2)) AS amount"
                    + " FROM generate_series(1, " + rows + ") AS s(i)");

            PurchaseTable table = PurchaseJdbc.read(db, "SELECT * FROM many", CsvOptions.defaults());

            assertThat(table.size()).isEqualTo(rows);
            assertThat(table.customerCount()).isEqualTo(1000);
            assertThat(db.getAutoCommit()).isTrue();
        }

        @Test
        void theRowRulesAreTheCsvReadersOnes() throws SQLException {
            assertThat(PurchaseJdbc.read(db, "SELECT * FROM orders WHERE customer_id = 'C3'", CsvOptions.defaults()))
                    .isEqualTo(PurchaseTable.of(Purchase.of("C3", "2024-03-09", "0.00")
                            .withCategory("books")
                            .withQuantity(3)));
        }
    }

    @Nested
    class DuckDb extends OnEveryDatabase {
        @Override
        Connection connect() throws SQLException {
            return TestDatabases.duckdb();
        }
    }

    @Nested
    class PostgreSql extends OnEveryDatabase {
        @Override
        Connection connect() throws SQLException {
            return TestDatabases.postgres();
        }
    }
}
