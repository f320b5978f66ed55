package vn.egov.backbone.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What goes on a topic for every domain event (schema: {@code docs/events.md}). The key is the
 * aggregate id, so one aggregate's events share a partition and arrive in order; {@code eventId} is
 * the event store's own id, the same on every redelivery, for consumers to drop duplicates.
 *
 * @param schemaVersion version of this envelope (fields are only added within a version)
 * @param type          the event's name, e.g. {@code IncomingDocumentRegistered}
 * @param version       the payload's revision; a change a consumer must notice gets a new revision
 * @param redacted      the payload holds identifiers only: the event concerns a classified document
 */
public record EventEnvelope(int schemaVersion, String eventId, String type, String version, String context,
                            String aggregateType, String aggregateId, Long sequence, Instant time,
                            String actingOfficial, String actingUnit, String correlationId, String causationId,
                            boolean redacted, JsonNode payload) {
    public static final int SCHEMA_VERSION = 1;
}
