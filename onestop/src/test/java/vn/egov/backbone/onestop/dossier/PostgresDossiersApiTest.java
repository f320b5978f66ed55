package vn.egov.backbone.onestop.dossier;

import org.junit.jupiter.api.BeforeAll;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.List;

/**
 * Every dossier test of the one-stop module again on PostgreSQL, the production store: the KPI projection writes its facts
 * and counters there with array parameters ({@code unnest}), which H2 never runs, and the
 * hand-computed indicators must come out the same.
 */
class PostgresDossiersApiTest extends DossiersApiTest {

    /** Instead of {@link DossiersApiTest#start()}: the same tests, on their own PostgreSQL database. */
    @Override
    @BeforeAll
    protected void start() {
        startOn(List.of("postgres"), TestPostgres.newDatabase().datasourceSettings());
    }
}
