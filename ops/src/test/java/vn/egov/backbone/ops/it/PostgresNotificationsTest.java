package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.BeforeAll;
import vn.egov.backbone.notifications.outbox.NotificationsTest;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.HashMap;
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
        Map<String, Object> settings = new HashMap<>(TestPostgres.newDatabase().datasourceSettings());
        // without the storage health contributors that the whole Backbone's readiness group names
        settings.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        startOn(List.of("postgres"), settings);
    }
}
