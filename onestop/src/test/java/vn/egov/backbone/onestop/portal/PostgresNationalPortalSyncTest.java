package vn.egov.backbone.onestop.portal;

import org.junit.jupiter.api.BeforeAll;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.List;
import java.util.Map;

/** The portal's synchronisation again on PostgreSQL, the production store: its backlog queries and updates run there. */
class PostgresNationalPortalSyncTest extends NationalPortalSyncTest {

    @Override
    @BeforeAll
    protected void start() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        startOn(List.of("postgres"), Map.of("spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
                "management.endpoint.health.group.readiness.include", "readinessState,db"));
    }
}
