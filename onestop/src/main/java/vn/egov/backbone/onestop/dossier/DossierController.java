package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Forbidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dossiers at the one-stop desk and in the agencies. The desk receives a dossier under the current
 * version of its procedure and routes it to the competent authority — the province agency the
 * procedure names, or the people's committee of the commune the applicant chose — wherever in the
 * province it was filed. The competent agency's officials work it; the applicant's personal data is
 * shown only to them and to the desk that received it.
 */
@RestController
@RequestMapping("/api/v1")
class DossierController {
    private final Commands commands;
    private final ProcedureCatalogue catalogue;
    private final UnitDirectory units;
    private final Authorizer authorizer;
    private final JdbcClient jdbc;
    private final DossierRouting routing;
    private final DossierAccess access;

    DossierController(Commands commands, ProcedureCatalogue catalogue, UnitDirectory units, Authorizer authorizer,
                      JdbcClient jdbc, DossierRouting routing, DossierAccess access) {
        this.access = access;
        this.commands = commands;
        this.catalogue = catalogue;
        this.units = units;
        this.authorizer = authorizer;
        this.jdbc = jdbc;
        this.routing = routing;
    }

    record Registration(@NotBlank String procedureCode, String communeId, @NotNull Channel channel,
                        @NotNull @Valid Applicant applicant, @Min(0) int components, @Min(0) int digitisedComponents,
                        @Min(0) int reusedComponents) {
    }

    record Registered(String id, String trackingCode, String competentAgencyId, LocalDate appointmentOn) {
    }

    record Step(@NotBlank String agencyId, @NotBlank String task, @Min(0) int days) {
    }

    record Note(String note) {
    }

    record Reason(@NotBlank String reason) {
    }

    record Resolution(boolean resultDigitised) {
    }

    record Payment(@Min(1) long amountVnd, @NotBlank String purpose) {
    }

    record Paid(@NotNull PaymentMethod method) {
    }

    record Apology(@NotBlank String reason, @Min(1) int extraDays) {
    }

    @GetMapping("/procedures")
    List<ProcedureVersion> procedures() {
        return catalogue.current();
    }

    /** The desk receives a dossier: submitted and received at once, with its appointment. */
    @PostMapping("/dossiers")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration request) {
        OfficialPrincipal me = Authorizer.currentPrincipal();
        if (!authorizer.holds(me.officialId(), Role.RECORDS_CLERK, me.unitId())
                && !authorizer.holds(me.officialId(), Role.SPECIALIST, me.unitId())) {
            throw new Forbidden(DossierError.DESK_ROLE_REQUIRED);
        }
        ProcedureVersion procedure = catalogue.current(request.procedureCode())
                .orElseThrow(() -> new InvalidInput("procedureCode", DossierError.PROCEDURE_UNKNOWN));
        UnitView competent = routing.competentAuthority(procedure, me.unitId(), request.communeId());
        String id = UUID.randomUUID().toString();
        String trackingCode = routing.newTrackingCode();
        commands.send(new SubmitDossier(id, trackingCode, DossierRouting.terms(procedure, competent),
                request.channel(), request.applicant(), request.components(), me.unitId()));
        commands.send(new ReceiveDossier(id, request.digitisedComponents(), request.reusedComponents()));
        access.awaitReadModel(id);
        LocalDate appointment = jdbc.sql("SELECT appointment_on FROM dossier_view WHERE id = :id").param("id", id)
                .query(LocalDate.class).optional().orElse(null);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id))
                .body(new Registered(id, trackingCode, competent.id(), appointment));
    }

    record Reception(@Min(0) int digitisedComponents, @Min(0) int reusedComponents) {
    }

    /**
     * The dossiers of the units the official works in (decided there or filed at their desk), newest
     * first, optionally in one status: {@code NEW} is what awaits reception, online submissions among it.
     */
    @GetMapping("/dossiers")
    List<Map<String, Object>> list(@RequestParam(required = false) DossierStatus status) {
        return access.list(Authorizer.currentPrincipal().officialId(), status);
    }

    /** The competent agency's desk checks an online (or posted) dossier and receives it: the clock starts. */
    @PostMapping("/dossiers/{id}/reception")
    ResponseEntity<Void> receive(@PathVariable String id, @Valid @RequestBody(required = false) Reception request) {
        return agencyActs(id, new ReceiveDossier(id, request == null ? 0 : request.digitisedComponents(),
                request == null ? 0 : request.reusedComponents()));
    }

    @PostMapping("/dossiers/{id}/refusal")
    ResponseEntity<Void> refuse(@PathVariable String id, @Valid @RequestBody Reason request) {
        return agencyActs(id, new RefuseDossier(id, request.reason()));
    }

    @GetMapping("/dossiers/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Map<String, Object> dossier = access.workedOn(id, true);
        return Map.of("dossier", dossier, "steps", jdbc.sql("SELECT * FROM dossier_step WHERE dossier_id = :id ORDER BY"
                + " started_on, step_id").param("id", id).query().listOfRows());
    }

    @PostMapping("/dossiers/{id}/steps")
    ResponseEntity<Map<String, String>> startStep(@PathVariable String id, @Valid @RequestBody Step request) {
        access.workedOn(id, false);
        if (units.find(request.agencyId()).isEmpty()) {
            throw new InvalidInput("agencyId", DossierError.AGENCY_UNKNOWN);
        }
        String stepId = UUID.randomUUID().toString();
        send(id, new StartStep(id, stepId, request.agencyId(), request.task(), request.days()));
        return ResponseEntity.status(201).body(Map.of("id", stepId));
    }

    @PostMapping("/dossiers/{id}/steps/{stepId}/completion")
    ResponseEntity<Void> completeStep(@PathVariable String id, @PathVariable String stepId, @RequestBody(required = false) Note note) {
        String agency = jdbc.sql("SELECT agency_id FROM dossier_step WHERE dossier_id = :id AND step_id = :step")
                .param("id", id).param("step", stepId).query(String.class).optional()
                .orElseThrow(() -> new NotFound(DossierError.STEP_NOT_FOUND, stepId));
        Map<String, Object> dossier = access.workedOn(id, false);
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.mayActFor(me, agency) && !authorizer.mayActFor(me, (String) dossier.get("competent_agency_id"))) {
            throw new Forbidden(DossierError.STEP_AGENCY_ONLY);
        }
        return send(id, new CompleteStep(id, stepId, note == null ? null : note.note()));
    }

    @PostMapping("/dossiers/{id}/supplement-request")
    ResponseEntity<Void> requestSupplement(@PathVariable String id, @Valid @RequestBody Reason request) {
        return agencyActs(id, new RequestSupplement(id, request.reason()));
    }

    @PostMapping("/dossiers/{id}/supplement")
    ResponseEntity<Void> supplement(@PathVariable String id) {
        return agencyOrDeskActs(id, new ReceiveSupplement(id));
    }

    @PostMapping("/dossiers/{id}/payment-request")
    ResponseEntity<Void> requestPayment(@PathVariable String id, @Valid @RequestBody Payment request) {
        return agencyActs(id, new RequestPayment(id, request.amountVnd(), request.purpose()));
    }

    @PostMapping("/dossiers/{id}/payment")
    ResponseEntity<Void> pay(@PathVariable String id, @Valid @RequestBody Paid request) {
        return agencyOrDeskActs(id, new RecordPayment(id, request.method()));
    }

    @PostMapping("/dossiers/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody(required = false) Resolution request) {
        return agencyActs(id, new ResolveDossier(id, request != null && request.resultDigitised()));
    }

    @PostMapping("/dossiers/{id}/result-return")
    ResponseEntity<Void> returnResult(@PathVariable String id) {
        return agencyOrDeskActs(id, new ReturnResult(id));
    }

    @PostMapping("/dossiers/{id}/apology")
    ResponseEntity<Void> apologise(@PathVariable String id, @Valid @RequestBody Apology request) {
        return agencyActs(id, new IssueApology(id, request.reason(), request.extraDays()));
    }

    @PostMapping("/dossiers/{id}/stop")
    ResponseEntity<Void> stop(@PathVariable String id, @Valid @RequestBody Reason request) {
        return agencyActs(id, new StopProcessing(id, request.reason()));
    }

    @PostMapping("/dossiers/{id}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String id, @Valid @RequestBody Reason request) {
        return agencyOrDeskActs(id, new WithdrawDossier(id, request.reason()));
    }

    /** The competent agency (or an agency of a step) acts on the dossier. */
    private ResponseEntity<Void> agencyActs(String id, Object command) {
        access.workedOn(id, false);
        return send(id, command);
    }

    /** The agency, or the desk that received the dossier, acts on it (supplements, payments, the result). */
    private ResponseEntity<Void> agencyOrDeskActs(String id, Object command) {
        access.workedOn(id, true);
        return send(id, command);
    }

    private ResponseEntity<Void> send(String id, Object command) {
        commands.send(command);
        access.awaitReadModel(id);
        return ResponseEntity.noContent().build();
    }
}
