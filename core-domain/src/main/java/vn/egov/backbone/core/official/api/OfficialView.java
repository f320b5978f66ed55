package vn.egov.backbone.core.official.api;

import java.time.Instant;
import java.util.List;

public record OfficialView(String id, String username, String fullName, String email, String position, String unitId,
                           Clearance clearance, OfficialStatus status, List<RoleView> roles, long version,
                           Instant updatedAt) {

    public record RoleView(String unitId, Role role, Instant validUntil) {
    }
}
