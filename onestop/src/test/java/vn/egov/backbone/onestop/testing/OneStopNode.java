package vn.egov.backbone.onestop.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import vn.egov.backbone.core.testing.TestPostgres;

import java.util.HashMap;
import java.util.Map;

/**
 * The one-stop desk with core as a node, for one-stop's own feature tests (on H2, and on PostgreSQL with the
 * profile {@code postgres} and {@link #onPostgres}). Not a {@code @Configuration}: started by name, never found by
 * another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.onestop"})
public final class OneStopNode {
    private OneStopNode() {
    }

    /** The settings of a node on a new database of the tests' PostgreSQL. */
    public static Map<String, Object> onPostgres() {
        Map<String, Object> settings = new HashMap<>(TestPostgres.newDatabase().datasourceSettings());
        // without the storage health contributors that the whole Backbone's readiness group names
        settings.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        return settings;
    }
}
