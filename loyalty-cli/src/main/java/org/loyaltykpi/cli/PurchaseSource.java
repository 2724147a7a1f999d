package org.loyaltykpi.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.LongConsumer;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.PurchaseJdbc;
import org.loyaltykpi.io.PurchaseLoad;
import picocli.CommandLine.Option;

/**
 * Purchases from outside CSV: a database query over JDBC ({@code --jdbc URL --query SQL}) or a Parquet file (read by
 * DuckDB's {@code read_parquet} through its JDBC driver). Both go through {@link PurchaseJdbc}, so their columns are
 * mapped by name with the same column options as a CSV file and bad rows get the same errors, naming the row.
 *
 * <p>Credentials never come from the command line: the user and password are read from {@code LOYALTY_JDBC_USER} and
 * {@code LOYALTY_JDBC_PASSWORD}, or from a properties file ({@code --jdbc-properties}, keys {@code user}, {@code
 * password} and any driver property); the environment wins over the file. A URL that carries a password is refused,
 * and messages name the URL without its parameters.
 */
final class PurchaseSource {
    static final String USER_VARIABLE = "LOYALTY_JDBC_USER";
    static final String PASSWORD_VARIABLE = "LOYALTY_JDBC_PASSWORD";

    @Option(
            names = "--jdbc",
            paramLabel = "URL",
            description = "Read purchases from a database: a JDBC URL such as jdbc:postgresql://host:5432/shop"
                    + " (PostgreSQL and DuckDB drivers are bundled), with --query. User and password come from"
                    + " LOYALTY_JDBC_USER and LOYALTY_JDBC_PASSWORD or --jdbc-properties, never from the URL.")
    Optional<String> jdbcUrl = Optional.empty();

    @Option(
            names = "--query",
            paramLabel = "SQL",
            description = "With --jdbc: the query whose result columns are the purchases, mapped by name with the"
                    + " column options (--customer-col, --date-col, ...). Streamed, never held whole in memory.")
    Optional<String> query = Optional.empty();

    @Option(
            names = "--jdbc-properties",
            paramLabel = "FILE",
            description = "With --jdbc: a Java properties file of connection properties (user, password, ssl, ...);"
                    + " LOYALTY_JDBC_USER and LOYALTY_JDBC_PASSWORD override its user and password.")
    Optional<Path> jdbcProperties = Optional.empty();

    @Option(
            names = "--jdbc-driver-jar",
            paramLabel = "JAR",
            description = "With --jdbc: a JDBC driver's jar for a database whose driver is not bundled"
                    + " (repeatable; the driver is found through its META-INF/services entry).")
    List<Path> driverJars = new ArrayList<>();

    @Option(
            names = "--input-format",
            paramLabel = "FORMAT",
            description = "Format of --transactions: csv or parquet. Default: parquet for a .parquet file, else csv.")
    Optional<String> inputFormat = Optional.empty();

    @picocli.CommandLine.Mixin
    QuietOption quiet;

    /** Where the variables come from; the process environment but in tests. */
    Map<String, String> environment = System.getenv();

    /** Whether purchases come from a database. */
    boolean isJdbc() {
        return jdbcUrl.isPresent();
    }

    /** Whether the purchase file is read as Parquet. */
    boolean isParquet(Path file) {
        if (inputFormat.isPresent()) {
            String format = inputFormat.get().strip().toLowerCase(Locale.ROOT);
            if (!format.equals("csv") && !format.equals("parquet")) {
                throw new IllegalArgumentException(
                        "--input-format: '" + inputFormat.get() + "' is not a format (csv or parquet)");
            }
            return format.equals("parquet");
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Checks the options that only make sense with others. */
    void check(boolean hasFile) {
        if (jdbcUrl.isPresent() && hasFile) {
            throw new IllegalArgumentException("--jdbc and --transactions both give the purchases: choose one");
        }
        if (jdbcUrl.isPresent() && query.isEmpty()) {
            throw new IllegalArgumentException("--jdbc needs --query SQL: the query that selects the purchases");
        }
        if (jdbcUrl.isEmpty() && (query.isPresent() || jdbcProperties.isPresent() || !driverJars.isEmpty())) {
            throw new IllegalArgumentException("--query, --jdbc-properties and --jdbc-driver-jar need --jdbc URL");
        }
        if (inputFormat.isPresent() && !hasFile) {
            throw new IllegalArgumentException("--input-format needs --transactions FILE");
        }
    }

    /** The purchases of the query, as the lenient reader gives them. */
    PurchaseLoad readJdbc(CsvOptions options, long maxBadRows, LongConsumer progress) {
        String url = jdbcUrl.orElseThrow().strip();
        String name = PurchaseJdbc.sourceName(url);
        refuseCredentialsIn(url, name);
        Properties properties = connectionProperties();
        Driver driver = driver(url, name);
        try (Connection connection = connect(driver, url, properties, name)) {
            return PurchaseJdbc.load(connection, query.orElseThrow(), name, options, maxBadRows, progress);
        } catch (SQLException e) {
            throw new IllegalArgumentException(name + ": the query failed: " + e.getMessage(), e);
        }
    }

    /** The purchases of a Parquet file, read by DuckDB's {@code read_parquet} and streamed. */
    static PurchaseLoad readParquet(Path file, CsvOptions options, long maxBadRows, LongConsumer progress) {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        String query = "SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", properties)) {
            return PurchaseJdbc.load(duckdb, query, file.toString(), options, maxBadRows, progress);
        } catch (SQLException e) {
            throw new IllegalArgumentException(file + ": cannot read as Parquet: " + e.getMessage(), e);
        }
    }

    private static void refuseCredentialsIn(String url, String name) {
        String lower = url.toLowerCase(Locale.ROOT);
        int authority = url.indexOf("//");
        boolean userInfo = authority >= 0
                && url.indexOf('@', authority) > authority
                && url.substring(authority + 2, url.indexOf('@', authority)).indexOf('/') < 0;
        if (lower.contains("password=") || userInfo) {
            throw new IllegalArgumentException(name + ": the JDBC URL holds credentials; give them in " + USER_VARIABLE
                    + " and " + PASSWORD_VARIABLE + " or in --jdbc-properties FILE instead");
        }
    }

    /** The properties file's entries, then the user and password of the environment over them. */
    Properties connectionProperties() {
        Properties properties = new Properties();
        if (jdbcProperties.isPresent()) {
            Path file = CsvLayout.existing(jdbcProperties.get());
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": not a properties file: " + e.getMessage(), e);
            }
        }
        String user = environment.get(USER_VARIABLE);
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        String password = environment.get(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The driver for the URL: from the given jars first, else a bundled or class-path one. */
    private Driver driver(String url, String name) {
        if (!driverJars.isEmpty()) {
            URL[] jars = new URL[driverJars.size()];
            for (int i = 0; i < jars.length; i++) {
                try {
                    jars[i] = CsvLayout.existing(driverJars.get(i)).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(driverJars.get(i) + ": not a jar: " + e.getMessage(), e);
                }
            }
            ClassLoader loader = new URLClassLoader(jars, PurchaseSource.class.getClassLoader());
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (accepts(driver, url)) {
                    return driver;
                }
            }
        }
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalArgumentException(name + ": no JDBC driver for this URL (bundled: jdbc:postgresql:,"
                    + " jdbc:duckdb:; give another with --jdbc-driver-jar JAR)");
        }
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(Driver driver, String url, Properties properties, String name) {
        try {
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new IllegalArgumentException(name + ": the driver does not take this URL");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalArgumentException(name + ": cannot connect: " + e.getMessage(), e);
        }
    }
}
