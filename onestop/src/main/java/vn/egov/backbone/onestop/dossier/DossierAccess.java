package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialDirectory;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who works on which dossier: the competent agency, the agencies of its steps, and the desk that
 * received it. Applicants' personal data is in the dossier read model, so every read of it for an
 * official goes through here; to everyone else a dossier they do not work on does not exist.
 */
@Component
class DossierAccess {
    private final JdbcClient jdbc;
    private final Authorizer authorizer;
    private final OfficialDirectory officials;
    private final UnitDirectory units;
    private final ReadYourWrites readYourWrites;

    DossierAccess(JdbcClient jdbc, Authorizer authorizer, OfficialDirectory officials, UnitDirectory units,
                  ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
        this.readYourWrites = readYourWrites;
    }

    /**
     * The dossier, if the official works on it: in the competent agency, or also at the desk that
     * received it ({@code deskToo}: the desk hands over supplements, payments and results).
     */
    Map<String, Object> workedOn(String id, boolean deskToo) {
        Map<String, Object> dossier = jdbc.sql("SELECT * FROM dossier_view WHERE id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFound(DossierError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        boolean agency = authorizer.mayActFor(me, (String) dossier.get("competent_agency_id"));
        boolean desk = dossier.get("filed_at_unit_id") != null && authorizer.mayActFor(me, (String) dossier.get("filed_at_unit_id"));
        boolean stepAgency = jdbc.sql("SELECT agency_id FROM dossier_step WHERE dossier_id = :id").param("id", id)
                .query(String.class).list().stream().anyMatch(unit -> authorizer.mayActFor(me, unit));
        if (!agency && !stepAgency && !desk) {
            throw new NotFound(DossierError.NOT_FOUND, id);
        }
        if (!agency && !(deskToo && desk) && !stepAgency) {
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        return dossier;
    }

    /** Waits (briefly) until the dossier read model shows the dossier's last event. */
    void awaitReadModel(String id) {
        readYourWrites.await(id, () -> jdbc.sql("SELECT version FROM dossier_view WHERE id = :id").param("id", id)
                .query(Long.class).optional(), Duration.ofSeconds(3));
    }

    /**
     * The dossiers decided in, filed at, or with a step in the units the official works in (and
     * below), newest first.
     */
    List<Map<String, Object>> list(String officialId, DossierStatus status) {
        Set<String> roleUnits = officials.roles(officialId).stream().map(role -> role.unitId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> scope = units.list(false).stream().map(UnitView::id)
                .filter(unit -> units.selfAndAncestors(unit).stream().anyMatch(roleUnits::contains)).toList();
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, tracking_code, procedure_code, procedure_name, channel, applicant_name, status,"
                        + " status_code, submitted_at, received_on, appointment_on, resolved_on, late FROM dossier_view"
                        + " WHERE (competent_agency_id IN (:scope) OR filed_at_unit_id IN (:scope)"
                        + " OR id IN (SELECT dossier_id FROM dossier_step WHERE agency_id IN (:scope)))"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY submitted_at DESC LIMIT 200")
                .param("scope", scope).param("status", status == null ? null : status.name()).query().listOfRows();
    }
}
