package org.loyaltykpi.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the JDBC tests run against: the one {@code .ci/postgres} starts, given by the environment
 * variables (or system properties of the same name in lower case with dots) {@code LOYALTY_TEST_PG_URL}, {@code
 * LOYALTY_TEST_PG_USER}, {@code LOYALTY_TEST_PG_PASSWORD}. Without a server the PostgreSQL tests fail when {@code
 * CI=true} and are skipped with a message otherwise.
 */
final class TestDatabases {
    private TestDatabases() {}

    static Connection postgres() throws SQLException {
        return DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
    }

    /** The server's URL; fails in CI and skips elsewhere when there is none. */
    static String postgresUrl() {
        String url = setting("LOYALTY_TEST_PG_URL").orElse("");
        if (url.isEmpty()) {
            String why = "no PostgreSQL server: set LOYALTY_TEST_PG_URL, LOYALTY_TEST_PG_USER and"
                    + " LOYALTY_TEST_PG_PASSWORD (source .ci/postgres starts one)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true, so the PostgreSQL tests must run");
            }
            Assumptions.abort(why);
        }
        return url;
    }

    static String postgresUser() {
        return setting("LOYALTY_TEST_PG_USER").orElse("");
    }

    static String postgresPassword() {
        return setting("LOYALTY_TEST_PG_PASSWORD").orElse("");
    }

    private static Optional<String> setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }
}
