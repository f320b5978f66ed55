package vn.egov.backbone.core.unit.api;

import java.time.Instant;

/** A unit as the read model shows it. {@code parentId} is the current parent (after merges). */
public record UnitView(String id, String code, String name, UnitKind kind, String parentId, UnitStatus status,
                       String mergedInto, long version, Instant updatedAt) {
}
