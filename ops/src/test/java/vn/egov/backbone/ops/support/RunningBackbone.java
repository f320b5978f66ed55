package vn.egov.backbone.ops.support;

import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.core.testing.TestPostgres;
import vn.egov.backbone.ops.BackboneApplication;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole Backbone as one node, started the way {@code java -jar backbone.jar} starts it, so that tests
 * can stop and start nodes (restarts, two nodes on one database, PostgreSQL, Kafka).
 */
public final class RunningBackbone extends RunningNode {
    private RunningBackbone(org.springframework.context.ConfigurableApplicationContext context) {
        super(context);
    }

    /** A node on PostgreSQL (profile {@code postgres}) with the small test province. */
    public static RunningBackbone onPostgres(TestPostgres.Database database, Path dataDir) {
        return onPostgres(database, dataDir, Map.of());
    }

    public static RunningBackbone onPostgres(TestPostgres.Database database, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(extra);
        properties.putAll(database.datasourceSettings());
        return start(List.of("postgres"), properties, dataDir);
    }

    public static RunningBackbone start(List<String> profiles, Map<String, Object> extra, Path dataDir) {
        return start(profiles, extra, dataDir, new Class<?>[0]);
    }

    /** @param sources more bean sources, such as {@link MovableClock.Source} */
    public static RunningBackbone start(List<String> profiles, Map<String, Object> extra, Path dataDir,
                                        Class<?>... sources) {
        return new RunningBackbone(run(BackboneApplication.class, profiles, extra, dataDir, sources));
    }
}
