package vn.egov.backbone.core.official.api;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/** Events of officials' accounts. Stored forever: never change their meaning. */
public final class OfficialEvents {
    private OfficialEvents() {
    }

    /**
     * Revision 2: {@code position} renamed {@code jobTitle} (chức vụ; "position" is the event's place in the
     * store). Revision 1 is read through {@code OfficialJobTitleUpcaster}.
     */
    @Revision("2")
    public record OfficialRegistered(String officialId, String username, String fullName, String email,
                                     String jobTitle, String unitId, Clearance clearance) {
    }

    /** Revision 2: {@code position} renamed {@code jobTitle}, as in {@link OfficialRegistered}. */
    @Revision("2")
    public record OfficialDetailsChanged(String officialId, String fullName, String email, String jobTitle) {
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
