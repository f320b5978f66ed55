package vn.egov.backbone.core.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventMultiUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.EventRevisions;
import vn.egov.backbone.core.eventing.SplitEventPart;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedFrom;

import java.util.stream.Stream;

/**
 * {@code UnitFormedByMerger} (stored until 2026-12-03) was a unit's creation and the list of units it
 * was formed from in one event; it is read as the two events written since: {@link UnitCreated} with the
 * stored event's identifier, then {@link UnitMergedFrom} with one derived from it ({@link SplitEventPart}),
 * both at the stored event's sequence number.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class UnitMergerUpcaster extends EventMultiUpcaster {
    static final String FORMED_BY_MERGER = "vn.egov.backbone.core.unit.api.UnitEvents$UnitFormedByMerger";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().equals(FORMED_BY_MERGER);
    }

    @Override
    protected Stream<IntermediateEventRepresentation> doUpcast(IntermediateEventRepresentation event) {
        return Stream.of(
                event.upcastPayload(new SimpleSerializedType(UnitCreated.class.getName(), EventRevisions.FIRST),
                        JsonNode.class, payload -> fields(payload, "unitId", "code", "name", "kind", "parentId")),
                new SplitEventPart(event.upcastPayload(new SimpleSerializedType(UnitMergedFrom.class.getName(),
                        EventRevisions.FIRST), JsonNode.class, payload -> fields(payload, "unitId", "sourceUnitIds", "legalBasis"))));
    }

    private static JsonNode fields(JsonNode payload, String... names) {
        ObjectNode part = ((ObjectNode) payload).objectNode();
        for (String name : names) {
            part.set(name, payload.get(name));
        }
        return part;
    }
}
