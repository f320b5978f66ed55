package vn.egov.backbone.core.admin;

import vn.egov.backbone.core.shared.Forbidden;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event store is the audit log: the full history of one aggregate, with who did each step, on
 * behalf of which unit, from where and when. Officials may read their own account's history; a
 * unit's history needs ADMINISTRATOR there; anything else a system-wide administrator.
 */
@Service
class AuditQueries {
    private final EventStore eventStore;
    private final Authorizer authorizer;
    private final UnitQueries units;
    private final ObjectMapper json;

    AuditQueries(EventStore eventStore, Authorizer authorizer, UnitQueries units, ObjectMapper json) {
        this.eventStore = eventStore;
        this.authorizer = authorizer;
        this.units = units;
        this.json = json;
    }

    record AuditEntry(long sequence, String type, String eventId, Instant timestamp, String actingOfficial,
                      String actingUsername, String actingUnit, String clientAddress, String correlationId,
                      String causationId, JsonNode payload) {
    }

    List<AuditEntry> history(String aggregateId) {
        authorise(aggregateId);
        List<AuditEntry> entries = new ArrayList<>();
        eventStore.readEvents(aggregateId).asStream().forEach(event -> entries.add(entry(event)));
        if (entries.isEmpty()) {
            throw new NotFound(AdminError.NO_HISTORY, aggregateId);
        }
        return entries;
    }

    private void authorise(String aggregateId) {
        OfficialPrincipal principal = Authorizer.currentPrincipal();
        if (aggregateId.equals(principal.officialId())) {
            return;
        }
        String unit = units.find(aggregateId).map(u -> aggregateId).orElse(null);
        if (!authorizer.holds(principal.officialId(), Role.ADMINISTRATOR, unit)) {
            throw new Forbidden(AdminError.HISTORY_NEEDS_ADMINISTRATOR);
        }
    }

    private AuditEntry entry(DomainEventMessage<?> event) {
        var meta = event.getMetaData();
        return new AuditEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getIdentifier(),
                event.getTimestamp(), text(meta.get(ActingMetadata.ACTING_OFFICIAL)),
                text(meta.get(ActingMetadata.ACTING_USERNAME)), text(meta.get(ActingMetadata.ACTING_UNIT)),
                text(meta.get(ActingMetadata.CLIENT_ADDRESS)), text(meta.get(ActingMetadata.CORRELATION_ID)),
                text(meta.get(ActingMetadata.CAUSATION_ID)), json.valueToTree(event.getPayload()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
