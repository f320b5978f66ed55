package vn.egov.backbone.ops.it;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.ops.support.RunningBackbone;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database made by an earlier Backbone takes the migrations added since, even when a module's new
 * migration numbers below another module's last one (each module has its own range: e-office 2.x,
 * one-stop 6.x). Without {@code spring.flyway.out-of-order} the node refused to start ("Detected resolved
 * migration not applied to database: 2.4").
 */
class DatabaseUpgradeTest {
    /** Added after one-stop's 6.x migrations existed. */
    static final String NEWER = "V2_4__exchange_log_agency.sql";

    @TempDir
    Path dataDir;
    @TempDir
    Path olderMigrations;

    @Test
    void aDatabaseOfAnEarlierVersionTakesTheMigrationsAddedSince() throws IOException {
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            if (!NEWER.equals(migration.getFilename())) {
                try (InputStream in = migration.getInputStream()) {
                    Files.copy(in, olderMigrations.resolve(migration.getFilename()));
                }
            }
        }
        // as application.yml names the embedded database
        Flyway.configure().dataSource("jdbc:h2:file:" + dataDir.resolve("backbone")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")
                .locations("filesystem:" + olderMigrations).load().migrate();

        try (RunningBackbone backbone = RunningBackbone.start(List.of(), Map.of(), dataDir)) {
            JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2.4' AND success")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(agency_id) FROM exchange_message").query(Long.class).single()).isZero();
        }
    }

    /**
     * A store that grew before the event chain existed: its events are linked at the first start with
     * the chain (from the migration's {@code legacy_until}), and the verification walks them all.
     */
    @Test
    void eventsStoredBeforeTheEventChainAreLinkedAtTheFirstStartWithIt() {
        long events;
        try (RunningBackbone first = RunningBackbone.start(List.of(), Map.of(), dataDir)) {
            JdbcClient jdbc = JdbcClient.create(first.bean(DataSource.class));
            // As the store was before V1_3: no chain, no trace of its migration.
            jdbc.sql("DROP TABLE event_chain_link").update();
            jdbc.sql("DROP TABLE event_chain_head").update();
            jdbc.sql("DELETE FROM flyway_schema_history WHERE version = '1.3'").update();
            events = jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
            assertThat(events).as("the seed's events").isGreaterThan(50);
        }
        try (RunningBackbone second = RunningBackbone.start(List.of(), Map.of(), dataDir)) {
            JdbcClient jdbc = JdbcClient.create(second.bean(DataSource.class));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_chain_link")
                    .query(Long.class).single() >= events);
            Api.Response verification = second.admin().post("/api/v1/admin/event-chain/verifications", Map.of());
            assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
            assertThat(verification.body().get("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.body().get("eventsChecked").asLong()).isGreaterThanOrEqualTo(events);
        }
    }
}
