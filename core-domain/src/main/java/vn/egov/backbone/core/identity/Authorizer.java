package vn.egov.backbone.core.identity;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView.RoleView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.unit.UnitQueries;

import java.time.Clock;
import java.util.List;

/**
 * Decides whether the signed-in official may act. A role held in a unit counts in that unit and
 * every unit below it; a role held without a unit (the system administrator) counts everywhere.
 * Roles are read from the read model at each check, so a revoked role stops working at once.
 */
@Service
public class Authorizer {
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final Clock clock;

    public Authorizer(OfficialQueries officials, UnitQueries units, Clock clock) {
        this.officials = officials;
        this.units = units;
        this.clock = clock;
    }

    public static OfficialPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OfficialPrincipal principal) {
            return principal;
        }
        throw new Forbidden(IdentityError.SIGN_IN_FIRST);
    }

    /** Whether the official holds {@code role} in {@code unitId} or above it; a null unit asks for a system-wide role. */
    public boolean holds(String officialId, Role role, String unitId) {
        List<RoleView> roles = officials.roles(officialId).stream()
                .filter(r -> r.role() == role)
                .filter(r -> r.validAt(clock.instant()))
                .toList();
        if (roles.stream().anyMatch(r -> r.unitId() == null)) {
            return true;
        }
        if (unitId == null) {
            return false;
        }
        List<String> chain = units.selfAndAncestors(unitId);
        return roles.stream().anyMatch(r -> chain.contains(r.unitId()));
    }

    /** @throws AccessDeniedException (HTTP 403) unless the signed-in official holds the role there */
    public OfficialPrincipal require(Role role, String unitId) {
        OfficialPrincipal principal = currentPrincipal();
        if (!holds(principal.officialId(), role, unitId)) {
            throw unitId == null ? new Forbidden(IdentityError.ROLE_REQUIRED_SYSTEM_WIDE, role)
                    : new Forbidden(IdentityError.ROLE_REQUIRED_IN_UNIT, role);
        }
        return principal;
    }

    /** Whether the official holds any role in the unit or above it: the units an official may act on behalf of. */
    public boolean mayActFor(String officialId, String unitId) {
        List<String> chain = units.selfAndAncestors(unitId);
        return officials.roles(officialId).stream()
                .filter(r -> r.validAt(clock.instant()))
                .anyMatch(r -> r.unitId() == null || chain.contains(r.unitId()));
    }
}
