package jp.partnerflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests run on, found in this order:
 * <ol>
 * <li>{@code PARTNERFLOW_TEST_DB_URL} (with {@code PARTNERFLOW_TEST_DB_USER} / {@code _PASSWORD}):
 * used as it is; {@code .ci/run} prepares a fresh database and points here;</li>
 * <li>Testcontainers, where a Docker engine answers;</li>
 * <li>a server at localhost:5432 (user {@code postgres}, or {@code PGUSER}), in a fresh database
 * created for this run (the next run drops it).</li>
 * </ol>
 * If none is there the tests fail with a message saying so; they are never skipped.
 */
public final class TestDatabase {
    public record Connection(String url, String user, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = find();
        }
        return connection;
    }

    private static Connection find() {
        String url = System.getenv("PARTNERFLOW_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, env("PARTNERFLOW_TEST_DB_USER", "postgres"), env("PARTNERFLOW_TEST_DB_PASSWORD", ""));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return freshLocalDatabase();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Connection freshLocalDatabase() {
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        String server = "jdbc:postgresql://localhost:5432/";
        String database = "partnerflow_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (java.sql.Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            dropLeftovers(admin);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    The tests need PostgreSQL and found none: set PARTNERFLOW_TEST_DB_URL (and \
                    PARTNERFLOW_TEST_DB_USER / PARTNERFLOW_TEST_DB_PASSWORD), run a Docker engine for \
                    Testcontainers, or run a server on localhost:5432 that user '%s' can create databases on. \
                    (localhost:5432 said: %s)""".formatted(user, e.getMessage()), e);
        }
        return new Connection(server + database, user, password);
    }

    /** Databases of earlier runs; one still in use by a running test JVM refuses to drop and stays. */
    private static void dropLeftovers(java.sql.Connection admin) throws SQLException {
        java.util.List<String> old = new java.util.ArrayList<>();
        try (Statement query = admin.createStatement();
                java.sql.ResultSet rs = query.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'partnerflow\\_test\\_%'")) {
            while (rs.next()) {
                old.add(rs.getString(1));
            }
        }
        for (String name : old) {
            try (Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE " + name);
            } catch (SQLException inUse) {
                // another test run is using it
            }
        }
    }

    /**
     * A further, empty database on the same server, for tests that run their own nodes (a cluster)
     * and must not share the engine tables with the feature tests' running job executor.
     */
    public static synchronized Connection another(String purpose) {
        Connection main = get();
        int slash = main.url().lastIndexOf('/');
        int query = main.url().indexOf('?', slash);
        String server = main.url().substring(0, slash + 1);
        String database = ("partnerflow_test_" + purpose + "_" + ProcessHandle.current().pid() + "_"
                + System.currentTimeMillis()).toLowerCase();
        try (java.sql.Connection admin = DriverManager.getConnection(main.url(), main.user(), main.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a database for " + purpose + ": " + e.getMessage(), e);
        }
        return new Connection(server + database + (query >= 0 ? main.url().substring(query) : ""), main.user(),
                main.password());
    }

    /**
     * What the service sees of a PostgreSQL restart, confined to the tests' database: every open
     * connection is cut, and new ones are refused for {@code down}, then accepted again.
     */
    public static void restart(Duration down) throws InterruptedException {
        Connection main = get();
        String name = main.url().substring(main.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String server = main.url().substring(0, main.url().lastIndexOf('/') + 1) + "postgres";
        try (java.sql.Connection admin = DriverManager.getConnection(server, main.user(), main.password());
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            Thread.sleep(down.toMillis());
            statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the connections to " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database {@link #another} made, once its nodes have stopped. */
    public static void drop(Connection other) {
        Connection main = get();
        String name = other.url().substring(other.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (java.sql.Connection admin = DriverManager.getConnection(main.url(), main.user(), main.password());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + name + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
