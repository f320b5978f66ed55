package vn.egov.backbone.core.unit.api;

import java.time.Instant;

/**
 * A unit as the read model shows it. {@code parentId} is the current parent (after merges); {@code exchangeId}
 * its electronic identifier for document exchange, or null.
 */
public record UnitView(String id, String code, String name, UnitKind kind, String parentId, UnitStatus status,
                       String mergedInto, long version, Instant updatedAt, String exchangeId) {
    /** How other systems address the unit in edXML ({@code OrganId}): its exchange identifier, else its code. */
    public String organId() {
        return exchangeId != null ? exchangeId : code;
    }

    /** Whether an edXML OrganId names this unit. */
    public boolean isAddressedAs(String organId) {
        return organId != null && (organId.strip().equalsIgnoreCase(code)
                || exchangeId != null && organId.strip().equalsIgnoreCase(exchangeId));
    }
}
