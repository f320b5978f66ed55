package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.identity.CredentialStore;
import vn.egov.backbone.core.identity.ApiTokens;
import vn.egov.backbone.core.identity.PasswordRegistry;
import vn.egov.backbone.core.official.api.OfficialCommands.IssueApiToken;
import vn.egov.backbone.core.official.api.OfficialCommands.RevokeApiToken;
import vn.egov.backbone.core.official.api.OfficialEvents.ApiTokenIssued;
import vn.egov.backbone.core.official.api.OfficialEvents.ApiTokenRevoked;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangeClearance;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangeOfficialDetails;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangePassword;
import vn.egov.backbone.core.official.api.OfficialCommands.DeactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.GrantRole;
import vn.egov.backbone.core.official.api.OfficialCommands.ReactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RevokeRole;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.OfficialCommands.TransferOfficial;
import vn.egov.backbone.core.official.api.OfficialEvents.ClearanceChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialDeactivated;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialDetailsChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialPasswordChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialReactivated;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialRegistered;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialTransferred;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleExpired;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleGranted;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleRevoked;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.unit.UnitGuard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An official's account: identity, unit, roles per unit and clearance. A role may be granted until a
 * date (an acting leader, a delegation); a persistent deadline ends it then, also across restarts.
 */
@Aggregate
public class Official {
    static final String ROLE_EXPIRY_DEADLINE = "official-role-expiry";

    @AggregateIdentifier
    private String officialId;
    private String unitId;
    private Clearance clearance;
    private boolean active;
    private String fullName;
    private String email;
    private String position;
    /** Granted roles and until when (null: without end). */
    private final Map<RoleKey, Instant> roles = new HashMap<>();

    record RoleKey(String unitId, Role role) {
    }

    /** Payload of the role-expiry deadline. */
    public record RoleExpiry(String unitId, Role role, Instant validUntil) {
    }

    protected Official() {
        // for Axon
    }

    @CommandHandler
    public Official(RegisterOfficial command, PasswordRegistry credentials, UnitGuard unitGuard,
                    DeadlineManager deadlines, Clock clock) {
        String username = CredentialStore.normaliseUsername(command.username());
        String fullName = OfficialRules.requireFullName(command.fullName());
        String email = OfficialRules.optionalEmail(command.email());
        if (command.unitId() != null) {
            unitGuard.requireActive(command.unitId(), "register officials in");
        }
        List<RoleAssignment> assignments = command.roles() == null ? List.of() : command.roles();
        assignments.forEach(assignment -> OfficialRules.requireRole(assignment.role()));
        credentials.register(command.officialId(), username, command.password());
        apply(new OfficialRegistered(command.officialId(), username, fullName, email,
                OfficialRules.optionalPosition(command.position()), command.unitId(),
                command.clearance() == null ? Clearance.NONE : command.clearance()));
        // Events applied in a constructor reach the event sourcing handlers only after it returns,
        // so the identifier is passed on explicitly here.
        for (RoleAssignment assignment : assignments) {
            grant(command.officialId(), assignment.unitId(), assignment.role(), assignment.validUntil(), unitGuard,
                    deadlines, clock);
        }
    }

    @CommandHandler
    public void handle(ChangeOfficialDetails command) {
        requireActive();
        String fullName = OfficialRules.requireFullName(command.fullName());
        String email = OfficialRules.optionalEmail(command.email());
        String position = OfficialRules.optionalPosition(command.position());
        if (fullName.equals(this.fullName) && Objects.equals(email, this.email) && Objects.equals(position, this.position)) {
            return;
        }
        apply(new OfficialDetailsChanged(officialId, fullName, email, position));
    }

    @CommandHandler
    public void handle(GrantRole command, UnitGuard unitGuard, DeadlineManager deadlines, Clock clock) {
        requireActive();
        OfficialRules.requireRole(command.role());
        grant(officialId, command.unitId(), command.role(), command.validUntil(), unitGuard, deadlines, clock);
    }

    private void grant(String officialId, String unitId, Role role, Instant validUntil, UnitGuard unitGuard, DeadlineManager deadlines,
                       Clock clock) {
        RoleKey key = new RoleKey(unitId, role);
        if (roles.containsKey(key) && Objects.equals(roles.get(key), validUntil)) {
            return; // already held on the same terms
        }
        if (validUntil != null && !validUntil.isAfter(clock.instant())) {
            throw new InvalidInput("validUntil", OfficialError.VALID_UNTIL_PAST);
        }
        if (unitId != null) {
            unitGuard.requireActive(unitId, "grant roles in");
        }
        apply(new RoleGranted(officialId, unitId, role, validUntil));
        if (validUntil != null) {
            deadlines.schedule(validUntil, ROLE_EXPIRY_DEADLINE, new RoleExpiry(unitId, role, validUntil));
        }
    }

    @DeadlineHandler(deadlineName = ROLE_EXPIRY_DEADLINE)
    void onRoleExpiry(RoleExpiry expiry) {
        RoleKey key = new RoleKey(expiry.unitId(), expiry.role());
        // The role may have been revoked or re-granted on other terms since; then this deadline is stale.
        if (roles.containsKey(key) && Objects.equals(roles.get(key), expiry.validUntil())) {
            apply(new RoleExpired(officialId, expiry.unitId(), expiry.role()));
        }
    }

    @CommandHandler
    public void handle(RevokeRole command) {
        RoleKey key = new RoleKey(command.unitId(), command.role());
        if (!roles.containsKey(key)) {
            throw new BusinessRuleViolation(OfficialError.ROLE_NOT_HELD, command.role());
        }
        apply(new RoleRevoked(officialId, command.unitId(), command.role(), OfficialRules.optional(command.reason())));
    }

    @CommandHandler
    public void handle(ChangeClearance command) {
        requireActive();
        if (command.clearance() == null) {
            throw new InvalidInput("clearance", OfficialError.CLEARANCE_REQUIRED, List.of(Clearance.values()));
        }
        if (command.clearance() != clearance) {
            apply(new ClearanceChanged(officialId, clearance, command.clearance()));
        }
    }

    @CommandHandler
    public void handle(TransferOfficial command, UnitGuard unitGuard) {
        requireActive();
        if (command.unitId() == null || command.unitId().equals(unitId)) {
            throw new BusinessRuleViolation(OfficialError.ALREADY_IN_UNIT);
        }
        unitGuard.requireActive(command.unitId(), "transfer officials to");
        String from = unitId;
        apply(new OfficialTransferred(officialId, from, command.unitId()));
        for (RoleKey key : new ArrayList<>(roles.keySet())) {
            if (from != null && from.equals(key.unitId())) {
                apply(new RoleRevoked(officialId, key.unitId(), key.role(), "transferred"));
            }
        }
    }

    @CommandHandler
    public void handle(DeactivateOfficial command) {
        requireActive();
        apply(new OfficialDeactivated(officialId, OfficialRules.optional(command.reason())));
    }

    @CommandHandler
    public void handle(ReactivateOfficial command) {
        if (active) {
            throw new BusinessRuleViolation(OfficialError.ALREADY_ACTIVE);
        }
        apply(new OfficialReactivated(officialId));
    }

    @CommandHandler
    public void handle(ChangePassword command, PasswordRegistry credentials) {
        requireActive();
        credentials.changePassword(officialId, command.newPassword());
        apply(new OfficialPasswordChanged(officialId));
    }

    @CommandHandler
    public void handle(IssueApiToken command, ApiTokens tokens) {
        requireActive();
        String name = OfficialRules.optional(command.name());
        if (name == null || name.length() > 100) {
            throw new InvalidInput("name", OfficialError.TOKEN_NAME_LENGTH, 100);
        }
        tokens.store(command.tokenId(), officialId, name, command.tokenHash(), command.expiresAt());
        apply(new ApiTokenIssued(officialId, command.tokenId(), name, command.expiresAt()));
    }

    @CommandHandler
    public void handle(RevokeApiToken command, ApiTokens tokens) {
        if (!tokens.revoke(command.tokenId(), officialId)) {
            throw new vn.egov.backbone.core.shared.NotFound(OfficialError.TOKEN_NOT_FOUND, command.tokenId());
        }
        apply(new ApiTokenRevoked(officialId, command.tokenId()));
    }

    private void requireActive() {
        if (!active) {
            throw new BusinessRuleViolation(OfficialError.DEACTIVATED);
        }
    }

    @EventSourcingHandler
    void on(OfficialRegistered event) {
        officialId = event.officialId();
        unitId = event.unitId();
        clearance = event.clearance();
        fullName = event.fullName();
        email = event.email();
        position = event.jobTitle();
        active = true;
    }

    @EventSourcingHandler
    void on(OfficialDetailsChanged event) {
        fullName = event.fullName();
        email = event.email();
        position = event.jobTitle();
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.put(new RoleKey(event.unitId(), event.role()), event.validUntil());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(new RoleKey(event.unitId(), event.role()));
    }

    @EventSourcingHandler
    void on(RoleExpired event) {
        roles.remove(new RoleKey(event.unitId(), event.role()));
    }

    @EventSourcingHandler
    void on(ClearanceChanged event) {
        clearance = event.clearance();
    }

    @EventSourcingHandler
    void on(OfficialTransferred event) {
        unitId = event.toUnitId();
    }

    @EventSourcingHandler
    void on(OfficialDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(OfficialReactivated event) {
        active = true;
    }
}
