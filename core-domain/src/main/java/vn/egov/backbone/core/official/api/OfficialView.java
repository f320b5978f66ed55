package vn.egov.backbone.core.official.api;

import java.time.Instant;
import java.util.List;

public record OfficialView(String id, String username, String fullName, String email, String position, String unitId,
                           Clearance clearance, OfficialStatus status, List<RoleView> roles, long version,
                           Instant updatedAt) {

    public record RoleView(String unitId, Role role, Instant validUntil) {
        /** A role granted until a moment counts before it, not after. */
        public boolean validAt(Instant moment) {
            return validUntil == null || validUntil.isAfter(moment);
        }
    }
}
