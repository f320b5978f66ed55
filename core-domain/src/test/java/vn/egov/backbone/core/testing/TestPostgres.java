package vn.egov.backbone.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for the tests. By default an embedded server (binaries from Maven Central, so
 * a fresh machine needs nothing installed); with {@code BACKBONE_TEST_POSTGRES_URL} (and optionally
 * {@code BACKBONE_TEST_POSTGRES_USER}/{@code _PASSWORD}) an existing server, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test}. Each call to {@link #newDatabase()} gives a fresh,
 * empty database so that tests never see each other's events.
 */
public final class TestPostgres {
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    public record Database(String url, String username, String password) {
        /** The node's settings that put its store on this database (with the profile {@code postgres}). */
        public Map<String, Object> datasourceSettings() {
            return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }
    }

    public static synchronized Database newDatabase() {
        String name = "backbone_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("BACKBONE_TEST_POSTGRES_URL");
        String user;
        String password;
        String adminUrl;
        if (external != null && !external.isBlank()) {
            user = System.getenv().getOrDefault("BACKBONE_TEST_POSTGRES_USER", "postgres");
            password = System.getenv().getOrDefault("BACKBONE_TEST_POSTGRES_PASSWORD", "");
            adminUrl = external;
        } else {
            if (embedded == null) {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            user = "postgres";
            password = "postgres";
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Database(url, user, password);
    }
}
