package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitStatus;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.settings.OneStopProperties;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who works on which dossier, for the dossier's application services: the competent agency, the agencies of
 * its steps, and the desk — the one it was filed at, or the public-service centre of the agency's commune or
 * province. To anyone else a dossier does not exist (404); a capacity short of what an action needs is 403.
 */
@Component
class DossierScope {
    private final DossierQueries queries;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final OneStopProperties properties;
    private final Clock clock;

    DossierScope(DossierQueries queries, Authorizer authorizer, OfficialQueries officials, UnitQueries units,
                 OneStopProperties properties, Clock clock) {
        this.queries = queries;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The dossier, if the official works on it: in the competent agency or an agency of a step, or also at
     * the desk that received it ({@code deskToo}). Otherwise 404 to whoever has nothing to do with it, 403 to a
     * desk asking for the agency's work.
     */
    DossierView workedOn(String id, boolean deskToo) {
        Capacity capacity = capacityOn(id);
        if (!capacity.agency() && !(deskToo && capacity.desk()) && !capacity.step()) {
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        return capacity.dossier();
    }

    /**
     * In which capacities the signed-in official works on the dossier: the competent agency, its desk (the one it
     * was filed at, or the public-service centre of the agency's commune or province), the agency of a step.
     * None of them: the dossier does not exist for them (404).
     */
    record Capacity(DossierView dossier, boolean agency, boolean desk, boolean step) {
    }

    Capacity capacityOn(String id) {
        DossierView dossier = queries.find(id).orElseThrow(() -> new NotFound(DossierError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        boolean agency = authorizer.mayActFor(me, dossier.competentAgencyId());
        boolean desk = dossier.filedAtUnitId() != null && authorizer.mayActFor(me, dossier.filedAtUnitId());
        if (!agency && !desk) {
            Set<String> centre = servedByCentre(me); // a public-service centre is the desk of its commune or province
            desk = centre.contains(dossier.competentAgencyId()) || centre.contains(dossier.filedAtUnitId());
        }
        boolean step = queries.steps(id).stream().anyMatch(s -> authorizer.mayActFor(me, s.agencyId()));
        if (!agency && !step && !desk) {
            throw new NotFound(DossierError.NOT_FOUND, id);
        }
        return new Capacity(dossier, agency, desk, step);
    }

    /**
     * The dossier, if the official's agency is the competent one: it alone sends the dossier for processing, asks
     * for fees, resolves, apologises and stops. The agency of a step sees the dossier and completes its own step,
     * nothing more (403); whoever has nothing to do with it gets 404.
     */
    DossierView decidedHere(String id) {
        Capacity capacity = capacityOn(id);
        if (!capacity.agency()) {
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        return capacity.dossier();
    }

    /** The units whose dossiers the official works on: those they hold a role in and below, and their centre's. */
    Set<String> unitsOf(String officialId) {
        Set<String> roleUnits = officials.roles(officialId).stream().map(role -> role.unitId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> scope = units.list(false).stream().map(UnitView::id)
                .filter(unit -> units.selfAndAncestors(unit).stream().anyMatch(roleUnits::contains))
                .collect(Collectors.toCollection(HashSet::new));
        scope.addAll(servedByCentre(officialId));
        return scope;
    }

    /**
     * The units whose dossiers the public-service centres the official works in receive: a centre is the one-stop
     * desk of its commune (or province), so of every unit of that administrative level — down to, not into, the
     * communes below a province. Empty for an official of no centre.
     */
    private Set<String> servedByCentre(String me) {
        Set<String> served = new HashSet<>();
        officials.roles(me).stream().filter(role -> role.unitId() != null && role.validAt(clock.instant()))
                .map(role -> units.find(role.unitId()).orElse(null))
                .filter(unit -> unit != null && properties.citizens().isServiceCentre(unit.code()))
                .forEach(centre -> units.selfAndAncestors(centre.id()).stream()
                        .map(id -> units.find(id).orElse(null))
                        .filter(unit -> unit != null && unit.kind().administrative()).findFirst()
                        .ifPresent(level -> collectLevel(level.id(), served)));
        return served;
    }

    private void collectLevel(String unitId, Set<String> served) {
        if (served.add(unitId)) {
            units.children(unitId).stream().filter(child -> !child.kind().administrative())
                    .forEach(child -> collectLevel(child.id(), served));
        }
    }

    /**
     * The units a processing step may go to: the agencies and offices of the competent agency's own level
     * (its commune, or the province) and the province's agencies (a department that gives its opinion).
     */
    List<UnitView> stepAgencies(String competentAgencyId) {
        Set<String> candidates = new HashSet<>();
        List<String> chain = units.selfAndAncestors(competentAgencyId);
        chain.stream().map(unitId -> units.find(unitId).orElse(null))
                .filter(unit -> unit != null && unit.kind().administrative())
                .forEach(level -> collectLevel(level.id(), candidates));
        return units.findAll(candidates).values().stream()
                .filter(unit -> !unit.kind().administrative() && unit.status() == UnitStatus.ACTIVE)
                .sorted(Comparator.comparing((UnitView unit) -> !unit.id().equals(competentAgencyId))
                        .thenComparing(UnitView::name))
                .toList();
    }
}
