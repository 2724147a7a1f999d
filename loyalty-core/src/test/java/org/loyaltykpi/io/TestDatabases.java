package org.loyaltykpi.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the JDBC tests run against: DuckDB in-process, and the PostgreSQL server that {@code .ci/postgres}
 * starts, given by the environment variables (or system properties of the same name in lower case with dots)
 * {@code LOYALTY_TEST_PG_URL}, {@code LOYALTY_TEST_PG_USER}, {@code LOYALTY_TEST_PG_PASSWORD}. Without a server the
 * PostgreSQL tests fail when {@code CI=true} and are skipped with a message otherwise.
 */
final class TestDatabases {
    private TestDatabases() {}

    static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static Connection postgres() throws SQLException {
        String url = setting("LOYALTY_TEST_PG_URL").orElse("");
        if (url.isEmpty()) {
            String why = "no PostgreSQL server: set LOYALTY_TEST_PG_URL, LOYALTY_TEST_PG_USER and"
                    + " LOYALTY_TEST_PG_PASSWORD (source .ci/postgres starts one)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true, so the PostgreSQL tests must run");
            }
            Assumptions.abort(why);
        }
        return DriverManager.getConnection(
                url,
                setting("LOYALTY_TEST_PG_USER").orElse(""),
                setting("LOYALTY_TEST_PG_PASSWORD").orElse(""));
    }

    private static Optional<String> setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }
}
