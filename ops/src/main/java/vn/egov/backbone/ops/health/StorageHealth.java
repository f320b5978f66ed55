package vn.egov.backbone.ops.health;

import vn.egov.backbone.core.settings.CoreProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What readiness depends on besides the database connection ({@code db}): that the event store's table
 * answers a read, and that the attachment store can take a file (written, read back and removed), so
 * that a node whose disk is full or read-only, or whose event store is gone, is taken out of the load
 * balancer instead of answering every upload or command with an error.
 */
@Configuration(proxyBeanMethods = false)
class StorageHealth {

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return () -> {
            try {
                TrackingToken head = eventStore.createHeadToken(); // a read of the event table
                return Health.up().withDetail("head", head == null ? -1 : head.position().orElse(-1)).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator attachmentStoreHealthIndicator(CoreProperties node) {
        Path root = node.dataDir().resolve("attachments");
        return () -> {
            try {
                Files.createDirectories(root);
                Path probe = Files.createTempFile(root, "health-", ".probe");
                try {
                    Files.write(probe, new byte[]{1});
                    if (Files.readAllBytes(probe).length != 1) {
                        return Health.down().withDetail("error", "read back failed").build();
                    }
                } finally {
                    Files.deleteIfExists(probe);
                }
                return Health.up().build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
