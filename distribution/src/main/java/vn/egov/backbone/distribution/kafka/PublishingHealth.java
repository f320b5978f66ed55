package vn.egov.backbone.distribution.kafka;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * {@code /actuator/health} component {@code eventPublishing}: off when no Kafka is configured;
 * otherwise how far publishing is behind the event store, and whether it is stuck on an error (Kafka
 * unreachable: the backlog waits in the event store and drains when Kafka is back).
 */
@Component("eventPublishing")
class PublishingHealth implements HealthIndicator {
    private final Environment environment;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ObjectProvider<KafkaPublisher> kafkaPublisher;

    PublishingHealth(Environment environment, EventProcessingConfiguration processing, EventStore eventStore,
                     ObjectProvider<KafkaPublisher> kafkaPublisher) {
        this.environment = environment;
        this.processing = processing;
        this.eventStore = eventStore;
        this.kafkaPublisher = kafkaPublisher;
    }

    @Override
    public Health health() {
        String servers = PublishingEnabled.bootstrapServers(environment);
        if (servers == null) {
            return Health.up().withDetail("publishing", "off: no Kafka configured (backbone.kafka.bootstrap-servers)").build();
        }
        Health.Builder health = Health.up().withDetail("publishing", "on").withDetail("bootstrapServers", servers);
        processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, EventProcessor.class)
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .ifPresent(publisher -> {
                    long position = publisher.processingStatus().values().stream()
                            .map(status -> status.getCurrentPosition()).filter(OptionalLong::isPresent)
                            .mapToLong(OptionalLong::getAsLong).min().orElse(-1);
                    TrackingToken head = eventStore.createHeadToken();
                    long headPosition = head == null ? -1 : head.position().orElse(-1);
                    boolean error = publisher.processingStatus().values().stream().anyMatch(s -> s.isErrorState())
                            || kafkaPublisher.stream().anyMatch(KafkaPublisher::retrying);
                    health.withDetail("position", position).withDetail("head", headPosition)
                            .withDetail("backlog", Math.max(0, headPosition - position))
                            .withDetail("retrying", error);
                });
        return health.build();
    }
}
