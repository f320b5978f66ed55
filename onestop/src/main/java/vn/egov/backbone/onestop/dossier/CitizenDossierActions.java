package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.dossier.api.DossierView.Step;
import vn.egov.backbone.onestop.dossier.api.PublicDossier;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.HistoryEntry;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.Status;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.StepView;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.Submitted;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;
import vn.egov.backbone.onestop.settings.OneStopProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dossier as citizens meet it, for the public API and pages: online submission, the lookup by tracking code
 * (nothing personal), and — for a citizen signed in through VNeID — their own dossiers, the files they supply
 * and their rating. A citizen's identity number comes from the checked ID token only; another's dossier does
 * not exist for them (404, as an unknown code).
 */
@Service
class CitizenDossierActions {
    private final DossierQueries queries;
    private final DossierRouting routing;
    private final DossierWrites writes;
    private final SuppliedFiles suppliedFiles;
    private final UnitQueries units;
    private final OneStopProperties properties;

    CitizenDossierActions(DossierQueries queries, DossierRouting routing, DossierWrites writes,
                          SuppliedFiles suppliedFiles, UnitQueries units, OneStopProperties properties) {
        this.queries = queries;
        this.routing = routing;
        this.writes = writes;
        this.suppliedFiles = suppliedFiles;
        this.units = units;
        this.properties = properties;
    }

    /** The procedures a citizen may submit online (fully online ones), and where a commune-level one is decided. */
    List<ProcedureVersion> onlineProcedures() {
        return routing.procedures().stream().filter(ProcedureVersion::fullyOnline).toList();
    }

    List<UnitView> communes() {
        return routing.communes();
    }

    /**
     * Online submission (kênh trực tuyến) of a procedure offered online: the dossier is new until the
     * competent agency's desk checks it and receives it (the clock starts then), asks for a supplement,
     * or refuses it.
     */
    Submitted submitOnline(String procedureCode, String communeId, Applicant applicant, int components, Identity identity,
                           Consent consent) {
        ProcedureVersion procedure = routing.procedure(procedureCode);
        if (!procedure.fullyOnline()) {
            throw new InvalidInput("procedureCode", DossierError.NOT_ONLINE);
        }
        if (!identity.verified() && properties.citizens().requiresVerifiedIdentity(procedure.code())) {
            throw new InvalidInput("procedureCode", DossierError.SIGN_IN_WITH_VNEID);
        }
        UnitView competent = routing.competentAuthority(procedure, null, communeId);
        String trackingCode = routing.newTrackingCode();
        String id = UUID.randomUUID().toString();
        // the citizen's "my dossiers", opened next, lists it
        writes.sendAndAwait(id, new SubmitDossier(id, trackingCode, DossierRouting.terms(procedure, competent),
                Channel.ONLINE, applicant, components, null, identity, consent));
        return new Submitted(trackingCode, procedure.name(), competent.name(), Status.of(DossierStatus.NEW),
                "/public/dossiers/" + trackingCode);
    }

    /**
     * The dossiers of a citizen signed in through the national identity provider: those filed under the
     * identity number the provider vouched for, newest first. Nobody else's: the number comes from the
     * checked ID token, never from the request.
     */
    List<PublicDossier> ofCitizen(String verifiedIdNumber) {
        return queries.byApplicantIdNumber(verifiedIdNumber).reversed().stream()
                .map(dossier -> lookUp(dossier.trackingCode())).toList();
    }

    /**
     * One of the signed-in citizen's dossiers, with what an open supplement request asks for and the files
     * they supplied. Another's dossier does not exist for them (404, as an unknown code).
     */
    record CitizenDossier(String trackingCode, PublicDossier dossier, String supplementReason,
                          List<DossierQueries.SuppliedFileView> suppliedFiles, boolean rated) {
    }

    CitizenDossier ofCitizen(String verifiedIdNumber, String trackingCode) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        return new CitizenDossier(dossier.trackingCode(), lookUp(dossier.trackingCode()),
                queries.supplementReason(dossier.id()).orElse(null), queries.suppliedFiles(dossier.id()),
                dossier.satisfaction() != null);
    }

    /** An upload as the web layer hands it over: read once, by the store. */
    interface Upload {
        java.io.InputStream open() throws java.io.IOException;
    }

    /**
     * The citizen answers the open supplement request with files (PDF, JPEG, PNG; each named by Backbone)
     * and a note. The files are stored first, then the dossier records them; the desk receives the supplement.
     */
    void provideSupplement(String verifiedIdNumber, String trackingCode, String note, List<Upload> uploads) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        if (dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new BusinessRuleViolation(DossierError.NO_SUPPLEMENT_REQUESTED);
        }
        if (uploads.isEmpty() || uploads.size() > ProcedureDossier.MAX_SUPPLIED_FILES) {
            throw new InvalidInput("files", DossierError.SUPPLIED_FILES_RANGE, ProcedureDossier.MAX_SUPPLIED_FILES);
        }
        int already = queries.suppliedFiles(dossier.id()).size();
        List<SuppliedFile> files = new ArrayList<>();
        for (Upload upload : uploads) {
            SuppliedFiles.Stored stored;
            try {
                stored = suppliedFiles.store(dossier.id(), upload.open());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            files.add(new SuppliedFile(stored.sha256(), "bo-sung-" + (already + files.size() + 1) + "." + stored.extension(),
                    stored.contentType(), stored.size()));
        }
        writes.sendAndAwait(dossier.id(), new ProvideSupplement(dossier.id(), note, files));
    }

    void rateAsCitizen(String verifiedIdNumber, String trackingCode, int score) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        writes.sendAndAwait(dossier.id(), new RateSatisfaction(dossier.id(), score));
    }

    private DossierView citizensOwn(String verifiedIdNumber, String trackingCode) {
        DossierView dossier = byTrackingCode(trackingCode);
        if (verifiedIdNumber == null || !verifiedIdNumber.equals(dossier.applicantIdNumber())) {
            throw new NotFound(DossierError.TRACKING_CODE_UNKNOWN);
        }
        return dossier;
    }

    /** The lookup by tracking code, for anyone holding it: nothing personal. */
    PublicDossier lookUp(String trackingCode) {
        DossierView dossier = byTrackingCode(trackingCode);
        List<Step> stepRows = queries.steps(dossier.id());
        // the agencies' names from the unit directory, not by joining core's table
        Map<String, UnitView> agencies = units.findAll(stepRows.stream().map(Step::agencyId).toList());
        List<StepView> steps = stepRows.stream().map(step -> new StepView(step.task(),
                Optional.ofNullable(agencies.get(step.agencyId())).map(UnitView::name).orElse(null),
                step.startedOn(), step.dueOn(), step.completedOn(), step.timeliness())).toList();
        List<HistoryEntry> history = queries.history(dossier.id()).stream()
                .map(change -> new HistoryEntry(change.at(), Status.of(change.status()))).toList();
        StepView current = steps.stream().filter(step -> step.completedOn() == null).reduce((a, b) -> b).orElse(null);
        return new PublicDossier(dossier.trackingCode(), dossier.procedureName(), Status.of(dossier.status()),
                dossier.receivedOn(), dossier.appointmentOn(), dossier.late(), current, steps, history);
    }

    /** After the result is returned the applicant rates the service once (1 to 5). */
    void rate(String trackingCode, int score) {
        writes.send(new RateSatisfaction(byTrackingCode(trackingCode).id(), score));
    }

    private DossierView byTrackingCode(String trackingCode) {
        return queries.findByTrackingCode(trackingCode).orElseThrow(() -> new NotFound(DossierError.TRACKING_CODE_UNKNOWN));
    }
}
