package vn.egov.backbone.distribution.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import vn.egov.backbone.core.eventing.ActingMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every domain event to Kafka. It is a tracking projection of the event store, so the event
 * store is the outbox: its position advances only when Kafka has acknowledged every event of the
 * batch; if Kafka (or this node) is down, the batch is retried later from the same position and the
 * backlog drains when Kafka is back. Events of one aggregate are handled in order by one segment and
 * keyed by the aggregate id, so they stay in order on one partition. A retried batch may publish an
 * event twice; it carries the same {@code eventId}.
 */
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {
    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin admin;
    private final ClassifiedDocuments classified;
    private final ObjectMapper json;
    private final String topicPrefix;
    private final Duration acknowledgementTimeout;
    /**
     * Whether the last batch went unacknowledged, until one is acknowledged. Axon's processing status does not
     * say it: a failed batch's segment is released while it waits to retry, so no status is in error then.
     */
    private volatile boolean lastBatchUnacknowledged;

    KafkaPublisher(KafkaTemplate<String, String> kafka, KafkaAdmin admin, ClassifiedDocuments classified,
                   ObjectMapper json, String topicPrefix, Duration acknowledgementTimeout) {
        this.kafka = kafka;
        this.admin = admin;
        this.classified = classified;
        this.json = json;
        this.topicPrefix = topicPrefix;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) throws JsonProcessingException {
        classified.learn(payload);
        EventEnvelope envelope = envelope(payload, event);
        pending().add(kafka.send(topicPrefix + envelope.context(), envelope.aggregateId(), json.writeValueAsString(envelope)));
    }

    EventEnvelope envelope(Object payload, EventMessage<?> event) {
        JsonNode content = json.valueToTree(payload);
        Optional<JsonNode> redacted = classified.redact(content);
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return new EventEnvelope(EventEnvelope.SCHEMA_VERSION, event.getIdentifier(), payload.getClass().getSimpleName(),
                revision == null ? "1" : revision.value(), Topics.contextOf(event.getPayloadType()), aggregateType, aggregateId, sequence, event.getTimestamp(),
                text(event, ActingMetadata.ACTING_OFFICIAL), text(event, ActingMetadata.ACTING_UNIT),
                text(event, ActingMetadata.CORRELATION_ID), text(event, ActingMetadata.CAUSATION_ID),
                redacted.isPresent(), redacted.orElse(content));
    }

    private void createTopicsIfMissing() {
        try {
            admin.initialize();
        } catch (RuntimeException stillDown) {
            // the next attempt tries again
        }
    }

    /** Whether publishing is retrying: its last batch was not acknowledged, and none has been since. */
    boolean retrying() {
        return lastBatchUnacknowledged;
    }

    private static String text(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** The sends of this batch; before the batch's position is stored, every one must be acknowledged. */
    private List<CompletableFuture<?>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        kafka.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            lastBatchUnacknowledged = false;
        } catch (ExecutionException | TimeoutException e) {
            lastBatchUnacknowledged = true;
            // The next attempt starts with a new producer (this one may hold state of a cluster that is gone)
            // and with the topics in place (Kafka may have been down when Backbone started, or replaced).
            kafka.getProducerFactory().reset();
            createTopicsIfMissing();
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be published again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
