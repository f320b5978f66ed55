package vn.egov.backbone.core.official.api;

import java.time.Instant;

/** Events of officials' accounts. Stored forever: never change their meaning. */
public final class OfficialEvents {
    private OfficialEvents() {
    }

    public record OfficialRegistered(String officialId, String username, String fullName, String email,
                                     String position, String unitId, Clearance clearance) {
    }

    public record OfficialDetailsChanged(String officialId, String fullName, String email, String position) {
    }

    public record RoleGranted(String officialId, String unitId, Role role, Instant validUntil) {
    }

    public record RoleRevoked(String officialId, String unitId, Role role, String reason) {
    }

    /** A role granted until a date ended by itself (a persistent deadline fired). */
    public record RoleExpired(String officialId, String unitId, Role role) {
    }

    public record ClearanceChanged(String officialId, Clearance previous, Clearance clearance) {
    }

    public record OfficialTransferred(String officialId, String fromUnitId, String toUnitId) {
    }

    public record OfficialDeactivated(String officialId, String reason) {
    }

    public record OfficialReactivated(String officialId) {
    }

    /** Records that the password changed, and by whom (in the metadata); never the password or its hash. */
    public record OfficialPasswordChanged(String officialId) {
    }

    public record ApiTokenIssued(String officialId, String tokenId, String name, Instant expiresAt) {
    }

    public record ApiTokenRevoked(String officialId, String tokenId) {
    }
}
