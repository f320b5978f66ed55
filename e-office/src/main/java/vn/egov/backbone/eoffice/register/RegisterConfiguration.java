package vn.egov.backbone.eoffice.register;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers are long-lived aggregates with an event per number: a snapshot every 100 numbers bounds
 * what a load replays, and a cache keeps a busy register in memory. With several nodes the cache is
 * safe: a node holding a stale register loses the append on the unique sequence number, and the
 * command is retried on the fresh state.
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {
    static final String SNAPSHOT_TRIGGER = "registerSnapshotTrigger";
    static final String CACHE = "registerCache";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition registerSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    @Bean(CACHE)
    Cache registerCache() {
        return new WeakReferenceCache();
    }
}
