package org.loyaltykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Purchases from PostgreSQL ({@code --jdbc URL --query SQL}) and from Parquet files give the same numbers as the
 * same data in CSV, for every command that reads purchases; credentials never come from the command line.
 */
class PurchaseSourceTest {

    /** The commands of the acceptance test, each as it is run on the CSV file (the input options are added). */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("retention", "--period", "2024-03-01/2024-04-01", "--format", "json"),
            List.of("cohort", "--format", "json"),
            List.of("rfm", "--calibration-end", "2024-06-30", "--holdout-end", "2025-06-30"),
            List.of("clv", "fit", "--model", "bg-nbd", "--calibration-end", "2024-12-31", "--time-unit", "weeks"),
            List.of("report"),
            List.of("report", "--format", "json"));

    @TempDir
    static Path dir;

    static Path csv;

    @BeforeAll
    static void writeTheSampleShop() {
        csv = dir.resolve("shop.csv");
        LoyaltyCliTest.Run sample = LoyaltyCliTest.run("sample", "--out", csv.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
    }

    static List<String> with(List<String> command, String... input) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(input));
        return args;
    }

    static void assertSameOutput(List<String> command, String name, String... input) {
        LoyaltyCliTest.Run fromCsv = LoyaltyCliTest.run(
                with(command, "--transactions", csv.toString()).toArray(String[]::new));
        LoyaltyCliTest.Run other = LoyaltyCliTest.run(with(command, input).toArray(String[]::new));
        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.err()).isEqualTo(fromCsv.err().replace(csv.toString(), name));
        assertThat(other.out())
                .as(String.join(" ", command))
                .isEqualTo(fromCsv.out().replace(csv.toString(), name));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PostgreSql {
        String url;
        Path credentials;

        @BeforeAll
        void loadTheShopIntoATable() throws SQLException, IOException {
            url = TestDatabases.postgresUrl();
            try (Connection db = TestDatabases.postgres();
                    Statement statement = db.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS cli_orders");
                statement.execute("CREATE TABLE cli_orders (buyer TEXT NOT NULL, ordered_at TIMESTAMPTZ NOT NULL,"
                        + " total NUMERIC(12,2) NOT NULL, category TEXT, quantity INTEGER NOT NULL)");
                try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    db.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn("COPY cli_orders FROM STDIN (FORMAT csv, HEADER true)", in);
                }
            }
            Properties properties = new Properties();
            properties.setProperty("user", TestDatabases.postgresUser());
            properties.setProperty("password", TestDatabases.postgresPassword());
            credentials = dir.resolve("db.properties");
            try (var out = Files.newBufferedWriter(credentials, StandardCharsets.UTF_8)) {
                properties.store(out, "test credentials");
            }
        }

        String[] input() {
            return new String[] {
                "--jdbc",
                url,
                "--jdbc-properties",
                credentials.toString(),
                "--query",
                "SELECT buyer, ordered_at, total, category, quantity FROM cli_orders",
                "--customer-col",
                "buyer",
                "--date-col",
                "ordered_at",
                "--amount-col",
                "total"
            };
        }

        @Test
        void retentionCohortRfmClvFitAndReportGiveTheSameNumbersAsTheSameDataInCsv() {
            for (List<String> command : COMMANDS) {
                assertSameOutput(command, url, input());
            }
        }

        @Test
        void badDataIsAnErrorNamingTheRowAndColumnAndNeverThePassword() {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run(with(
                            List.of("cohort"),
                            "--jdbc",
                            url,
                            "--jdbc-properties",
                            credentials.toString(),
                            "--query",
                            "SELECT 'c1' AS customer_id, DATE '2024-01-05' AS date, 'x5.00' AS amount")
                    .toArray(String[]::new));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("loyalty cohort: " + url + ": row 1: column 'amount' (#3): 'x5.00' is not an amount")
                    .hasLineCount(1);
        }

        @Test
        void aWrongPasswordIsAOneLineErrorThatDoesNotShowIt() throws IOException {
            Path wrong = dir.resolve("wrong.properties");
            Files.writeString(wrong, "user=" + TestDatabases.postgresUser() + "\npassword=not-the-password-4711\n");

            LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                    "cohort", "--jdbc", url, "--jdbc-properties", wrong.toString(), "--query", "SELECT 1");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("loyalty cohort: " + url + ": cannot connect: ");
            assertThat(run.err()).doesNotContain("not-the-password-4711").hasLineCount(1);
        }

        @Test
        void aDriverJarGivenOnTheCommandLineIsUsed() throws Exception {
            Path driverJar = Path.of(org.postgresql.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> args = new ArrayList<>(List.of("--jdbc-driver-jar", driverJar.toString()));
            args.addAll(List.of(input()));

            assertSameOutput(List.of("cohort", "--format", "json"), url, args.toArray(String[]::new));
        }

        @Test
        void aMissingDriverJarIsAOneLineError() {
            List<String> args = new ArrayList<>(List.of("cohort", "--jdbc-driver-jar", "no-such-driver.jar"));
            args.addAll(List.of(input()));

            LoyaltyCliTest.Run run = LoyaltyCliTest.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("loyalty cohort: no-such-driver.jar: no such file\n");
        }

        @Test
        void aBadQueryIsAOneLineErrorNamingTheDatabase() {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                    "cohort",
                    "--jdbc",
                    url,
                    "--jdbc-properties",
                    credentials.toString(),
                    "--query",
                    "SELECT * FROM no_such_table");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("loyalty cohort: " + url + ": the query failed: ")
                    .contains("no_such_table")
                    .hasLineCount(1);
        }
    }

    @Nested
    class Credentials {
        @Test
        void theEnvironmentGivesUserAndPasswordOverThePropertiesFile() throws IOException {
            Path file = dir.resolve("env.properties");
            Files.writeString(file, "user=from-file\npassword=file-secret\nssl=false\n");
            PurchaseSource source = new PurchaseSource();
            source.jdbcProperties = java.util.Optional.of(file);
            source.environment =
                    Map.of(PurchaseSource.USER_VARIABLE, "ann", PurchaseSource.PASSWORD_VARIABLE, "env-secret");

            Properties properties = source.connectionProperties();

            assertThat(properties)
                    .containsEntry("user", "ann")
                    .containsEntry("password", "env-secret")
                    .containsEntry("ssl", "false");
        }

        @Test
        void aUrlWithAPasswordIsRefusedWithoutRepeatingIt() {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run(
                    "cohort", "--jdbc", "jdbc:postgresql://db/shop?user=ann&password=s3cret", "--query", "SELECT 1");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("loyalty cohort: jdbc:postgresql://db/shop: the JDBC URL holds credentials; give them"
                            + " in LOYALTY_JDBC_USER and LOYALTY_JDBC_PASSWORD or in --jdbc-properties FILE instead\n");
        }

        @Test
        void aQueryWithoutJdbcAndJdbcWithoutQueryAreUsageErrors() {
            assertThat(LoyaltyCliTest.run("cohort", "--query", "SELECT 1").err())
                    .contains("--query, --jdbc-properties and --jdbc-driver-jar need --jdbc URL");
            assertThat(LoyaltyCliTest.run("cohort", "--jdbc", "jdbc:duckdb:").err())
                    .contains("--jdbc needs --query SQL");
        }
    }

    @Nested
    class ProgressLine {
        String shown(boolean quiet, boolean terminal) {
            java.io.StringWriter err = new java.io.StringWriter();
            Progress progress = new Progress(new java.io.PrintWriter(err), terminal);
            progress.quiet(quiet);
            progress.command("loyalty cohort");
            progress.accept(2_000_000);
            progress.clear();
            return err.toString();
        }

        @Test
        void onATerminalALoadShowsRowsReadAndRateAndClearsTheLineAtTheEnd() {
            assertThat(shown(false, true))
                    .startsWith("\rloyalty cohort: 2,000,000 rows read (")
                    .contains(" rows/s)")
                    .endsWith("\r\u001b[K");
        }

        @Test
        void nothingIsShownWhenPipedOrWithQuiet() {
            assertThat(shown(false, false)).isEmpty();
            assertThat(shown(true, true)).isEmpty();
        }

        @Test
        void quietIsAnOptionOfEveryCommandThatReadsPurchases() {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run("cohort", "--quiet", "--transactions", csv.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
        }
    }

    @Nested
    class DuckDb {
        @Test
        void anInProcessDuckDbQueryReadsLikeAnyOtherDatabase() {
            String query = "SELECT * FROM read_csv('" + csv + "', header = true,"
                    + " columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(12,2)',"
                    + " 'category': 'VARCHAR', 'quantity': 'INTEGER'})";
            assertSameOutput(
                    List.of("cohort", "--format", "json"), "jdbc:duckdb:", "--jdbc", "jdbc:duckdb:", "--query", query);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Parquet {
        Path parquet;

        /** DuckDB writes the file: a timestamp column, a DECIMAL amount and dictionary-encoded string ids. */
        @BeforeAll
        void writeTheShopAsParquet() throws SQLException {
            parquet = dir.resolve("orders.parquet");
            try (Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duckdb.createStatement()) {
                statement.execute("COPY (SELECT customer_id AS buyer, CAST(date AS TIMESTAMP) + INTERVAL 13 HOUR"
                        + " AS ordered_at, CAST(amount AS DECIMAL(12,2)) AS total, category, quantity"
                        + " FROM read_csv('" + csv + "', header = true, columns = {'customer_id': 'VARCHAR',"
                        + " 'date': 'DATE', 'amount': 'VARCHAR', 'category': 'VARCHAR', 'quantity': 'INTEGER'}))"
                        + " TO '" + parquet + "' (FORMAT parquet)");
                try (ResultSet columns = statement.executeQuery("SELECT path_in_schema, type, encodings"
                        + " FROM parquet_metadata('" + parquet + "') WHERE row_group_id = 0 ORDER BY column_id")) {
                    List<String> found = new ArrayList<>();
                    while (columns.next()) {
                        found.add(columns.getString(1) + " " + columns.getString(2) + " " + columns.getString(3));
                    }
                    assertThat(found.get(0)).startsWith("buyer BYTE_ARRAY").contains("DICTIONARY");
                    assertThat(found.get(1)).startsWith("ordered_at INT64");
                    assertThat(found.get(2)).startsWith("total INT64");
                }
                try (ResultSet schema = statement.executeQuery("SELECT name, logical_type FROM parquet_schema('"
                        + parquet + "') WHERE name IN ('ordered_at', 'total') ORDER BY name")) {
                    schema.next();
                    assertThat(schema.getString(2)).contains("TimestampType");
                    schema.next();
                    assertThat(schema.getString(2)).contains("DecimalType");
                }
            }
        }

        @Test
        void retentionCohortRfmClvFitAndReportGiveTheSameNumbersAsTheSameDataInCsv() {
            for (List<String> command : COMMANDS) {
                assertSameOutput(
                        command,
                        parquet.toString(),
                        "--transactions",
                        parquet.toString(),
                        "--customer-col",
                        "buyer",
                        "--date-col",
                        "ordered_at",
                        "--amount-col",
                        "total");
            }
        }

        @Test
        void inputFormatParquetReadsAFileOfAnyName() throws IOException {
            Path renamed = Files.copy(parquet, dir.resolve("orders.bin"));
            assertSameOutput(
                    List.of("cohort", "--format", "json"),
                    renamed.toString(),
                    "--transactions",
                    renamed.toString(),
                    "--input-format",
                    "parquet",
                    "--customer-col",
                    "buyer",
                    "--date-col",
                    "ordered_at",
                    "--amount-col",
                    "total");
        }

        @Test
        void aMissingColumnNamesTheFileAndTheColumnsItHas() {
            LoyaltyCliTest.Run run = LoyaltyCliTest.run("cohort", "--transactions", parquet.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("loyalty cohort: " + parquet + ":1: no customer column 'customer_id' in the header"
                            + " [buyer, ordered_at, total, category, quantity]\n");
        }
    }
}
