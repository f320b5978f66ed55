package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
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
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The administration of officials' accounts, for the API and the pages alike. The rules, in the order
 * they are checked:
 * <ol>
 *     <li>Nobody changes their own roles, clearance, unit, status or password here (their own password
 *     is changed under {@code /api/v1/me}, with the old one).</li>
 *     <li>An administrator acts on an official only when every unit the official belongs to or holds a
 *     role in lies within the administrator's scope (where they hold ADMINISTRATOR, or below); a
 *     system-wide role, such as the system administrator's, is touched by a system-wide administrator
 *     only.</li>
 *     <li>A role is granted or revoked only in a unit within the administrator's scope.</li>
 *     <li>A clearance above the administrator's own is given only by a system-wide administrator.</li>
 * </ol>
 * Each change returns once the read model shows it, so the very next request is decided on the new
 * rights, on this node and on every other (they read the same database).
 */
@Service
public class OfficialActions {
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final Commands commands;
    private final OfficialQueries directory;
    private final UnitQueries units;
    private final Authorizer authorizer;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    OfficialActions(Commands commands, OfficialQueries directory, UnitQueries units, Authorizer authorizer,
                           ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.units = units;
        this.authorizer = authorizer;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** What an official who does not administer the listed official sees of them. */
    public record OfficialSummary(String id, String fullName, String position, String unitId, OfficialStatus status) {
    }

    /** Every official, in full to those who administer them, as a name and a unit to everyone else. */
    public List<Object> list(String unitId, boolean includeInactive) {
        Scope scope = scope();
        return directory.list(unitId, includeInactive).stream()
                .map(o -> scope.covers(o) ? (Object) o : summary(o)).toList();
    }

    /** The officials the signed-in official administers, for the administration page. */
    public List<OfficialView> administered(String unitId, boolean includeInactive) {
        Scope scope = scope();
        return directory.list(unitId, includeInactive).stream().filter(scope::covers).toList();
    }

    public Object get(String id) {
        OfficialView official = official(id);
        return scope().covers(official) ? official : summary(official);
    }

    public String register(RegisterOfficial command) {
        authorizer.require(Role.ADMINISTRATOR, command.unitId());
        List<RoleAssignment> roles = command.roles() == null ? List.of() : command.roles();
        if (roles.stream().anyMatch(r -> r == null || r.role() == null)) {
            throw new InvalidInput("roles", OfficialError.ROLE_NAME_MISSING);
        }
        roles.forEach(r -> authorizer.require(Role.ADMINISTRATOR, r.unitId()));
        requireClearanceWithin(command.clearance());
        String id = command.officialId() == null ? UUID.randomUUID().toString() : command.officialId();
        commands.send(new RegisterOfficial(id, command.username(), command.fullName(), command.email(),
                command.position(), command.unitId(), command.clearance(), roles, command.password()));
        awaitReadModel(id);
        return id;
    }

    public void changeDetails(String id, String fullName, String email, String position, Long expectedVersion) {
        administer(id, false);
        send(id, new ChangeOfficialDetails(id, fullName, email, position, expectedVersion));
    }

    public void grant(String id, String unitId, Role role, Instant validUntil) {
        administer(id, true);
        authorizer.require(Role.ADMINISTRATOR, unitId);
        send(id, new GrantRole(id, unitId, role, validUntil));
    }

    public void revoke(String id, String unitId, Role role, String reason) {
        administer(id, true);
        authorizer.require(Role.ADMINISTRATOR, unitId);
        send(id, new RevokeRole(id, unitId, role, reason));
    }

    public void changeClearance(String id, Clearance clearance) {
        administer(id, true);
        requireClearanceWithin(clearance);
        send(id, new ChangeClearance(id, clearance));
    }

    public void transfer(String id, String unitId) {
        administer(id, true);
        authorizer.require(Role.ADMINISTRATOR, unitId);
        send(id, new TransferOfficial(id, unitId));
    }

    public void deactivate(String id, String reason) {
        administer(id, true);
        send(id, new DeactivateOfficial(id, reason));
    }

    public void reactivate(String id) {
        administer(id, true);
        send(id, new ReactivateOfficial(id));
    }

    public void resetPassword(String id, String newPassword) {
        administer(id, true);
        send(id, new ChangePassword(id, newPassword));
    }

    private void send(String id, Object command) {
        commands.send(command);
        awaitReadModel(id);
    }

    private void awaitReadModel(String id) {
        readYourWrites.await(id, () -> directory.findFresh(id).map(OfficialView::version), READ_MODEL_WAIT);
    }

    private void administer(String officialId, boolean notOneself) {
        OfficialView official = official(officialId);
        String me = Authorizer.currentPrincipal().officialId();
        if (notOneself && me.equals(officialId)) {
            throw new Forbidden(OfficialError.NOT_ONESELF);
        }
        if (!scope().covers(official)) {
            throw new Forbidden(OfficialError.OUTSIDE_SCOPE);
        }
    }

    private void requireClearanceWithin(Clearance requested) {
        if (requested == null || requested == Clearance.NONE || authorizer.holds(me(), Role.ADMINISTRATOR, null)) {
            return;
        }
        Clearance own = directory.find(me()).map(OfficialView::clearance).orElse(Clearance.NONE);
        if (!own.covers(requested)) {
            throw new Forbidden(OfficialError.CLEARANCE_ABOVE_OWN);
        }
    }

    private OfficialView official(String id) {
        return directory.find(id).orElseThrow(() -> new NotFound(OfficialError.NOT_FOUND, id));
    }

    private static OfficialSummary summary(OfficialView official) {
        return new OfficialSummary(official.id(), official.fullName(), official.position(), official.unitId(),
                official.status());
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }

    /** The units the signed-in official administers (and all below them), or everything. */
    private Scope scope() {
        Instant now = clock.instant();
        List<OfficialView.RoleView> administering = directory.roles(me()).stream()
                .filter(r -> r.role() == Role.ADMINISTRATOR && r.validAt(now)).toList();
        boolean everywhere = administering.stream().anyMatch(r -> r.unitId() == null);
        Set<String> roots = administering.stream().map(OfficialView.RoleView::unitId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return new Scope(everywhere, roots);
    }

    private final class Scope {
        private final boolean everywhere;
        private final Set<String> roots;

        Scope(boolean everywhere, Set<String> roots) {
            this.everywhere = everywhere;
            this.roots = roots;
        }

        /** Whether the official's own unit and every role they hold lie within this scope. */
        boolean covers(OfficialView official) {
            if (everywhere) {
                return true;
            }
            if (roots.isEmpty() || !within(official.unitId())) {
                return false;
            }
            return official.roles().stream().allMatch(r -> r.unitId() != null && within(r.unitId()));
        }

        private boolean within(String unitId) {
            return unitId != null && units.selfAndAncestors(unitId).stream().anyMatch(roots::contains);
        }
    }
}
