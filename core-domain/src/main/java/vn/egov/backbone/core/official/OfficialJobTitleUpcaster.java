package vn.egov.backbone.core.official;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.EventRevisions;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialDetailsChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialRegistered;

import java.util.Set;

/** {@link OfficialRegistered} and {@link OfficialDetailsChanged} of revision 1 called the job title {@code position}. */
@Component
class OfficialJobTitleUpcaster extends SingleEventUpcaster {
    private static final Set<String> TYPES = Set.of(OfficialRegistered.class.getName(), OfficialDetailsChanged.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPES.contains(event.getType().getName()) && EventRevisions.first(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), "2"), JsonNode.class, payload -> {
            ObjectNode fields = (ObjectNode) payload;
            fields.set("jobTitle", fields.remove("position"));
            return fields;
        });
    }
}
