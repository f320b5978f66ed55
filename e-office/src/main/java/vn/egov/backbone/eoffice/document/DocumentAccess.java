package vn.egov.backbone.eoffice.document;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.eoffice.document.api.Classification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves an official's {@link ReaderScope} from the official read model at the moment of the read,
 * so that a role or clearance taken away counts from the next request on.
 */
@Service
public class DocumentAccess {
    private final OfficialQueries officials;
    private final Agencies agencies;
    private final UnitQueries units;
    private final Clock clock;

    public DocumentAccess(OfficialQueries officials, Agencies agencies, UnitQueries units, Clock clock) {
        this.officials = officials;
        this.agencies = agencies;
        this.units = units;
        this.clock = clock;
    }

    public ReaderScope scopeOf(String officialId) {
        Optional<OfficialView> official = officials.find(officialId);
        if (official.isEmpty() || official.get().status() != vn.egov.backbone.core.official.api.OfficialStatus.ACTIVE) {
            return ReaderScope.nothing(officialId);
        }
        Instant now = clock.instant();
        List<OfficialView.RoleView> roles = official.get().roles().stream()
                .filter(r -> r.validAt(now)).toList();
        boolean everywhere = roles.stream().anyMatch(r -> r.unitId() == null);
        Set<String> roleUnits = new LinkedHashSet<>();
        Set<String> agencyIds = new LinkedHashSet<>();
        Set<String> leaderAgencyIds = new LinkedHashSet<>();
        for (OfficialView.RoleView role : roles) {
            if (role.unitId() != null) {
                roleUnits.add(role.unitId());
                // A role on an administrative unit itself (a commune) gives no agency's registers to read.
                agencies.agencyIdOf(role.unitId()).ifPresent(agency -> {
                    // an agency keeps the documents of the agencies merged into it (since 1 July 2025
                    // many were): they stay filed under the agency that registered them
                    Set<String> archives = new LinkedHashSet<>();
                    archives.add(agency);
                    archives.addAll(units.mergedInto(agency));
                    agencyIds.addAll(archives);
                    if (role.role() == Role.LEADER || role.role() == Role.RECORDS_CLERK) {
                        leaderAgencyIds.addAll(archives);
                    }
                });
            }
        }
        Set<Classification> levels = EnumSet.noneOf(Classification.class);
        Clearance clearance = official.get().clearance();
        for (Classification c : Classification.values()) {
            if (c.classified() && clearance.covers(c.requiredClearance())) {
                levels.add(c);
            }
        }
        return new ReaderScope(officialId, everywhere, Set.copyOf(agencyIds), Set.copyOf(roleUnits), Set.copyOf(levels),
                Set.copyOf(leaderAgencyIds));
    }
}
