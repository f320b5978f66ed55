package vn.egov.backbone.onestop.portal;

import org.junit.jupiter.api.BeforeAll;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.List;

/** The portal's synchronisation again on PostgreSQL, the production store: its backlog queries and updates run there. */
class PostgresNationalPortalSyncTest extends NationalPortalSyncTest {

    @Override
    @BeforeAll
    protected void start() {
        startOn(List.of("postgres"), TestPostgres.newDatabase().datasourceSettings());
    }
}
