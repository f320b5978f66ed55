package vn.egov.backbone.eoffice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.official.OfficialDirectory;
import vn.egov.backbone.core.official.api.OfficialView;

import java.time.Instant;
import java.util.List;

/** A document's timeline, read straight from its events: each step, who, for which unit, when. */
@Component
public class DocumentHistory {
    private final EventStore events;
    private final OfficialDirectory officials;
    private final ObjectMapper json;

    DocumentHistory(EventStore events, OfficialDirectory officials, ObjectMapper json) {
        this.events = events;
        this.officials = officials;
        this.json = json;
    }

    public record Step(long sequence, String type, Instant at, String actingOfficial, String actingName,
                       String actingUnit, JsonNode details) {
    }

    /** The current content of an outgoing draft: that of its last version. */
    public java.util.Optional<vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent> currentDraft(
            String documentId) {
        vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent[] last = {null};
        events.readEvents(documentId).asStream().forEach(event -> {
            if (event.getPayload() instanceof vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated created) {
                last[0] = created.content();
            } else if (event.getPayload() instanceof vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised revised) {
                last[0] = revised.content();
            }
        });
        return java.util.Optional.ofNullable(last[0]);
    }

    public List<Step> of(String documentId) {
        return events.readEvents(documentId).asStream().map(event -> {
            String actor = (String) event.getMetaData().get(ActingMetadata.ACTING_OFFICIAL);
            String name = actor == null || actor.equals(ActingMetadata.SYSTEM) ? actor
                    : officials.find(actor).map(OfficialView::fullName).orElse(actor);
            JsonNode details = json.valueToTree(event.getPayload());
            if (details.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) details).remove("documentId");
            }
            return new Step(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(), actor,
                    name, (String) event.getMetaData().get(ActingMetadata.ACTING_UNIT), details);
        }).toList();
    }
}
