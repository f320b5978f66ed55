package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.onestop.dossier.DossierQueries.PersonalDataRead;
import vn.egov.backbone.onestop.dossier.DossierQueries.ReadPurpose;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ErasePersonalData;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.dossier.api.DossierView.StatusChange;
import vn.egov.backbone.onestop.dossier.api.DossierView.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The applicants' personal data as the law on its protection asks of the one-stop desk (Luật Bảo vệ dữ liệu cá
 * nhân 91/2025/QH15): what is held about a person, with every read of it, and its erasure — both for
 * administrators only, each over the dossiers of their own units.
 */
@Service
class PersonalDataActions {
    private final DossierQueries queries;
    private final DossierScope scope;
    private final DossierWrites writes;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final Clock clock;

    PersonalDataActions(DossierQueries queries, DossierScope scope, DossierWrites writes, Authorizer authorizer,
                        OfficialQueries officials, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.writes = writes;
        this.authorizer = authorizer;
        this.officials = officials;
        this.clock = clock;
    }

    /** What a dossier holds about its applicant, with who read it: one entry of a data subject's export. */
    record PersonalDataEntry(DossierView dossier, List<Step> steps, List<StatusChange> history,
                             List<PersonalDataRead> reads) {
    }

    /**
     * Everything the one-stop desk holds about the person with this identity number (the data subject's
     * right of access): the dossiers in units where the caller is an administrator, with their steps,
     * status history and every recorded read of the personal data — this export included.
     */
    List<PersonalDataEntry> personalDataExport(String idNumber) {
        if (idNumber == null || !idNumber.strip().matches("\\d{9}|\\d{12}")) {
            throw new InvalidInput("idNumber", DossierError.ID_NUMBER_FORMAT);
        }
        String me = requireAdministrator();
        Instant now = clock.instant();
        List<PersonalDataEntry> entries = new ArrayList<>();
        for (DossierView dossier : queries.byApplicantIdNumber(idNumber.strip())) {
            if (authorizer.holds(me, Role.ADMINISTRATOR, dossier.competentAgencyId())
                    || dossier.filedAtUnitId() != null && authorizer.holds(me, Role.ADMINISTRATOR, dossier.filedAtUnitId())) {
                queries.recordRead(dossier.id(), me, ReadPurpose.EXPORT, now);
                entries.add(new PersonalDataEntry(dossier, queries.steps(dossier.id()), queries.history(dossier.id()),
                        queries.reads(dossier.id())));
            }
        }
        return entries;
    }

    /** The signed-in official, if they are an administrator somewhere (where, each dossier decides). */
    String requireAdministrator() {
        String me = Authorizer.currentPrincipal().officialId();
        if (officials.roles(me).stream().noneMatch(role -> role.role() == Role.ADMINISTRATOR && role.validAt(clock.instant()))) {
            throw new Forbidden(DossierError.EXPORT_NEEDS_ADMINISTRATOR);
        }
        return me;
    }

    /**
     * Erases the applicant's personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): an administrator of
     * the competent agency (or above it), under a stated legal basis. Whoever has nothing to do with the
     * dossier gets 404, an official who works on it without that role 403.
     */
    void erasePersonalData(String id, String legalBasis) {
        DossierView dossier = queries.find(id).orElseThrow(() -> new NotFound(DossierError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.holds(me, Role.ADMINISTRATOR, dossier.competentAgencyId())) {
            scope.workedOn(id, true);
            throw new Forbidden(DossierError.ERASURE_NEEDS_ADMINISTRATOR);
        }
        writes.sendAndAwait(id, new ErasePersonalData(id, legalBasis));
    }
}
