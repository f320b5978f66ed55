package vn.egov.backbone.core.official.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** Commands on officials' accounts. Passwords travel in commands only; events never hold them. */
public final class OfficialCommands {
    private OfficialCommands() {
    }

    /** A role in a unit; {@code unitId} null means every unit (the system administrator). */
    public record RoleAssignment(String unitId, Role role, Instant validUntil) {
    }

    public record RegisterOfficial(String officialId, String username, String fullName, String email, String position,
                                   String unitId, Clearance clearance, List<RoleAssignment> roles, String password) {
        @Override
        public String toString() {
            return "RegisterOfficial[" + officialId + ", " + username + "]"; // never log the password
        }
    }

    public record ChangeOfficialDetails(@TargetAggregateIdentifier String officialId, String fullName, String email,
                                        String position, @TargetAggregateVersion Long expectedVersion) {
    }

    public record GrantRole(@TargetAggregateIdentifier String officialId, String unitId, Role role, Instant validUntil) {
    }

    public record RevokeRole(@TargetAggregateIdentifier String officialId, String unitId, Role role, String reason) {
    }

    public record ChangeClearance(@TargetAggregateIdentifier String officialId, Clearance clearance) {
    }

    /** Moves an official to another unit; the roles held in the old unit end with the move. */
    public record TransferOfficial(@TargetAggregateIdentifier String officialId, String unitId) {
    }

    public record DeactivateOfficial(@TargetAggregateIdentifier String officialId, String reason) {
    }

    public record ReactivateOfficial(@TargetAggregateIdentifier String officialId) {
    }

    public record ChangePassword(@TargetAggregateIdentifier String officialId, String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[" + officialId + "]";
        }
    }

    /** Issues a personal API token; the command carries only the token's hash. */
    public record IssueApiToken(@TargetAggregateIdentifier String officialId, String tokenId, String name,
                                String tokenHash, Instant expiresAt) {
    }

    public record RevokeApiToken(@TargetAggregateIdentifier String officialId, String tokenId) {
    }
}
