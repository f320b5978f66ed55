package vn.egov.backbone.onestop.dossier;

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
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.Level;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
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
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final Commands commands;
    private final ProcedureCatalogue catalogue;
    private final UnitDirectory units;
    private final Authorizer authorizer;
    private final JdbcClient jdbc;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    DossierController(Commands commands, ProcedureCatalogue catalogue, UnitDirectory units, Authorizer authorizer,
                      JdbcClient jdbc, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.units = units;
        this.authorizer = authorizer;
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
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
            throw new AccessDeniedException("Receiving dossiers needs the role RECORDS_CLERK or SPECIALIST at the desk");
        }
        ProcedureVersion procedure = catalogue.current(request.procedureCode())
                .orElseThrow(() -> new IllegalArgumentException("procedureCode: not in the catalogue"));
        UnitView competent = competentAuthority(procedure, me.unitId(), request.communeId());
        String id = UUID.randomUUID().toString();
        String trackingCode = "HS" + CODE_DATE.format(LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM)))
                + "-" + randomCode();
        commands.send(new SubmitDossier(id, trackingCode, new ProcedureTerms(procedure.code(), procedure.version(),
                procedure.name(), competent.id(), procedure.processingDays(), procedure.feeVnd(), procedure.fullyOnline()),
                request.channel(), request.applicant(), request.components(), me.unitId()));
        commands.send(new ReceiveDossier(id, request.digitisedComponents(), request.reusedComponents()));
        await(id);
        LocalDate appointment = jdbc.sql("SELECT appointment_on FROM dossier_view WHERE id = :id").param("id", id)
                .query(LocalDate.class).optional().orElse(null);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id))
                .body(new Registered(id, trackingCode, competent.id(), appointment));
    }

    /** Routing by competent authority, not by where the dossier was filed (NĐ 118/2025). */
    private UnitView competentAuthority(ProcedureVersion procedure, String deskUnitId, String communeId) {
        List<String> chain = units.selfAndAncestors(deskUnitId);
        UnitView province = units.find(chain.get(chain.size() - 1)).orElseThrow();
        String code;
        if (procedure.level() == Level.PROVINCE) {
            code = province.code() + "." + procedure.agency();
        } else {
            UnitView commune = communeId == null ? null : units.find(communeId).orElse(null);
            if (commune == null || !EnumSet.of(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE).contains(commune.kind())
                    || !units.selfAndAncestors(commune.id()).contains(province.id())) {
                throw new IllegalArgumentException("communeId: the commune, ward or special zone of the province that decides");
            }
            code = commune.code() + ".UBND";
        }
        return units.list(false).stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("procedureCode: no competent authority " + code
                        + " in this province"));
    }

    @GetMapping("/dossiers/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Map<String, Object> dossier = workedOn(id, true);
        return Map.of("dossier", dossier, "steps", jdbc.sql("SELECT * FROM dossier_step WHERE dossier_id = :id ORDER BY"
                + " started_on, step_id").param("id", id).query().listOfRows());
    }

    @PostMapping("/dossiers/{id}/steps")
    ResponseEntity<Map<String, String>> startStep(@PathVariable String id, @Valid @RequestBody Step request) {
        workedOn(id, false);
        if (units.find(request.agencyId()).isEmpty()) {
            throw new IllegalArgumentException("agencyId: a unit of the province");
        }
        String stepId = UUID.randomUUID().toString();
        send(id, new StartStep(id, stepId, request.agencyId(), request.task(), request.days()));
        return ResponseEntity.status(201).body(Map.of("id", stepId));
    }

    @PostMapping("/dossiers/{id}/steps/{stepId}/completion")
    ResponseEntity<Void> completeStep(@PathVariable String id, @PathVariable String stepId, @RequestBody(required = false) Note note) {
        String agency = jdbc.sql("SELECT agency_id FROM dossier_step WHERE dossier_id = :id AND step_id = :step")
                .param("id", id).param("step", stepId).query(String.class).optional()
                .orElseThrow(() -> new NotFound("Step " + stepId + " does not exist"));
        Map<String, Object> dossier = workedOn(id, false);
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.mayActFor(me, agency) && !authorizer.mayActFor(me, (String) dossier.get("competent_agency_id"))) {
            throw new AccessDeniedException("The step's agency completes it");
        }
        return send(id, new CompleteStep(id, stepId, note == null ? null : note.note()));
    }

    @PostMapping("/dossiers/{id}/supplement-request")
    ResponseEntity<Void> requestSupplement(@PathVariable String id, @Valid @RequestBody Reason request) {
        workedOn(id, false);
        return send(id, new RequestSupplement(id, request.reason()));
    }

    @PostMapping("/dossiers/{id}/supplement")
    ResponseEntity<Void> supplement(@PathVariable String id) {
        workedOn(id, true);
        return send(id, new ReceiveSupplement(id));
    }

    @PostMapping("/dossiers/{id}/payment-request")
    ResponseEntity<Void> requestPayment(@PathVariable String id, @Valid @RequestBody Payment request) {
        workedOn(id, false);
        return send(id, new RequestPayment(id, request.amountVnd(), request.purpose()));
    }

    @PostMapping("/dossiers/{id}/payment")
    ResponseEntity<Void> pay(@PathVariable String id, @Valid @RequestBody Paid request) {
        workedOn(id, true);
        return send(id, new RecordPayment(id, request.method()));
    }

    @PostMapping("/dossiers/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody(required = false) Resolution request) {
        workedOn(id, false);
        return send(id, new ResolveDossier(id, request != null && request.resultDigitised()));
    }

    @PostMapping("/dossiers/{id}/result-return")
    ResponseEntity<Void> returnResult(@PathVariable String id) {
        workedOn(id, true);
        return send(id, new ReturnResult(id));
    }

    @PostMapping("/dossiers/{id}/apology")
    ResponseEntity<Void> apologise(@PathVariable String id, @Valid @RequestBody Apology request) {
        workedOn(id, false);
        return send(id, new IssueApology(id, request.reason(), request.extraDays()));
    }

    @PostMapping("/dossiers/{id}/stop")
    ResponseEntity<Void> stop(@PathVariable String id, @Valid @RequestBody Reason request) {
        workedOn(id, false);
        return send(id, new StopProcessing(id, request.reason()));
    }

    @PostMapping("/dossiers/{id}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String id, @Valid @RequestBody Reason request) {
        workedOn(id, true);
        return send(id, new WithdrawDossier(id, request.reason()));
    }

    /**
     * The dossier, if the official works on it: in the competent agency, or also at the desk that
     * received it ({@code deskToo}: the desk hands over supplements, payments and results).
     */
    private Map<String, Object> workedOn(String id, boolean deskToo) {
        Map<String, Object> dossier = jdbc.sql("SELECT * FROM dossier_view WHERE id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFound("Dossier " + id + " does not exist"));
        String me = Authorizer.currentPrincipal().officialId();
        boolean agency = authorizer.mayActFor(me, (String) dossier.get("competent_agency_id"));
        boolean desk = dossier.get("filed_at_unit_id") != null && authorizer.mayActFor(me, (String) dossier.get("filed_at_unit_id"));
        boolean stepAgency = jdbc.sql("SELECT agency_id FROM dossier_step WHERE dossier_id = :id").param("id", id)
                .query(String.class).list().stream().anyMatch(unit -> authorizer.mayActFor(me, unit));
        if (!agency && !stepAgency && !desk) {
            throw new NotFound("Dossier " + id + " does not exist");
        }
        if (!agency && !(deskToo && desk) && !stepAgency) {
            throw new AccessDeniedException("The competent agency works the dossier");
        }
        return dossier;
    }

    private ResponseEntity<Void> send(String id, Object command) {
        commands.send(command);
        await(id);
        return ResponseEntity.noContent().build();
    }

    private void await(String id) {
        readYourWrites.await(id, () -> jdbc.sql("SELECT version FROM dossier_view WHERE id = :id").param("id", id)
                .query(Long.class).optional(), Duration.ofSeconds(3));
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
