package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.BeforeAll;
import vn.egov.backbone.notifications.outbox.NotificationsTest;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.List;
import java.util.Map;

/**
 * Every notifications test again on PostgreSQL, the production store: the outbox's idempotent inserts
 * ({@code ON CONFLICT DO NOTHING}), its claims and the delivery log's queries run there as in production.
 */
class PostgresNotificationsTest extends NotificationsTest {

    /** Instead of {@link NotificationsTest#start()}: the same tests, on their own PostgreSQL database. */
    @Override
    @BeforeAll
    protected void start() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        startOn(List.of("postgres"), Map.of("spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
                "management.endpoint.health.group.readiness.include", "readinessState,db"));
    }
}
