package vn.egov.backbone.onestop.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.onestop.dossier.DossierActions.Details;
import vn.egov.backbone.onestop.dossier.DossierActions.Registered;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView.Summary;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Dossiers at the one-stop desk and in the agencies. The desk receives a dossier under the current
 * version of its procedure and routes it to the competent authority — the province agency the
 * procedure names, or the people's committee of the commune the applicant chose — wherever in the
 * province it was filed. The competent agency's officials work it; the applicant's personal data is
 * shown only to them and to the desk that received it ({@link DossierActions} decides).
 */
@RestController
@RequestMapping("/api/v1")
class DossierController {
    private final DossierActions dossiers;
    private final PersonalDataActions personalData;

    DossierController(DossierActions dossiers, PersonalDataActions personalData) {
        this.dossiers = dossiers;
        this.personalData = personalData;
    }

    record Registration(@NotBlank String procedureCode, String communeId, @NotNull Channel channel,
                        @NotNull @Valid Applicant applicant, @Min(0) int components, @Min(0) int digitisedComponents,
                        @Min(0) int reusedComponents, Consent consent) {
    }

    record Reception(@Min(0) int digitisedComponents, @Min(0) int reusedComponents) {
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
        return dossiers.procedures();
    }

    /** The desk receives a dossier: submitted and received at once, with its appointment. */
    @PostMapping("/dossiers")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration request) {
        Registered registered = dossiers.register(request.procedureCode(), request.communeId(), request.channel(),
                request.applicant(), request.components(), request.digitisedComponents(), request.reusedComponents(),
                request.consent());
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + registered.id())).body(registered);
    }

    /**
     * The dossiers of the units the official works in (decided there or filed at their desk), newest
     * first, optionally in one status: {@code NEW} is what awaits reception, online submissions among it.
     */
    @GetMapping("/dossiers")
    List<Summary> list(@RequestParam(required = false) DossierStatus status) {
        return dossiers.list(status);
    }

    @GetMapping("/dossiers/{id}")
    Details get(@PathVariable String id) {
        return dossiers.details(id);
    }

    /** The files the applicant supplied online in answer to a supplement request. */
    @GetMapping("/dossiers/{id}/supplied-files")
    List<DossierQueries.SuppliedFileView> suppliedFiles(@PathVariable String id) {
        return dossiers.suppliedFiles(id);
    }

    @GetMapping("/dossiers/{id}/supplied-files/{sha256}")
    ResponseEntity<org.springframework.core.io.FileSystemResource> suppliedFile(@PathVariable String id,
                                                                             @PathVariable String sha256) {
        return SuppliedFileDownloads.respond(dossiers.suppliedFile(id, sha256),
                org.springframework.http.ContentDisposition.attachment());
    }

    /** The competent agency's desk checks an online (or posted) dossier and receives it: the clock starts. */
    @PostMapping("/dossiers/{id}/reception")
    ResponseEntity<Void> receive(@PathVariable String id, @Valid @RequestBody(required = false) Reception request) {
        dossiers.receive(id, request == null ? 0 : request.digitisedComponents(),
                request == null ? 0 : request.reusedComponents());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/refusal")
    ResponseEntity<Void> refuse(@PathVariable String id, @Valid @RequestBody Reason request) {
        dossiers.refuse(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/steps")
    ResponseEntity<Map<String, String>> startStep(@PathVariable String id, @Valid @RequestBody Step request) {
        String stepId = dossiers.startStep(id, request.agencyId(), request.task(), request.days());
        return ResponseEntity.status(201).body(Map.of("id", stepId));
    }

    @PostMapping("/dossiers/{id}/steps/{stepId}/completion")
    ResponseEntity<Void> completeStep(@PathVariable String id, @PathVariable String stepId,
                                      @RequestBody(required = false) Note note) {
        dossiers.completeStep(id, stepId, note == null ? null : note.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/supplement-request")
    ResponseEntity<Void> requestSupplement(@PathVariable String id, @Valid @RequestBody Reason request) {
        dossiers.requestSupplement(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/supplement")
    ResponseEntity<Void> supplement(@PathVariable String id) {
        dossiers.receiveSupplement(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/payment-request")
    ResponseEntity<Void> requestPayment(@PathVariable String id, @Valid @RequestBody Payment request) {
        dossiers.requestPayment(id, request.amountVnd(), request.purpose());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/payment")
    ResponseEntity<Void> pay(@PathVariable String id, @Valid @RequestBody Paid request) {
        dossiers.recordPayment(id, request.method());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody(required = false) Resolution request) {
        dossiers.resolve(id, request != null && request.resultDigitised());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/result-return")
    ResponseEntity<Void> returnResult(@PathVariable String id) {
        dossiers.returnResult(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/apology")
    ResponseEntity<Void> apologise(@PathVariable String id, @Valid @RequestBody Apology request) {
        dossiers.apologise(id, request.reason(), request.extraDays());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{id}/stop")
    ResponseEntity<Void> stop(@PathVariable String id, @Valid @RequestBody Reason request) {
        dossiers.stop(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    /** @param legalBasis the request or rule the erasure is done under (recorded in the event) */
    record Erasure(@NotBlank String legalBasis) {
    }

    @PostMapping("/dossiers/{id}/personal-data-erasure")
    ResponseEntity<Void> erasePersonalData(@PathVariable String id, @Valid @RequestBody Erasure request) {
        personalData.erasePersonalData(id, request.legalBasis());
        return ResponseEntity.noContent().build();
    }

    /** @param idNumber the data subject's identity number (in the body, so that it is in no address or log) */
    record PersonalDataRequest(String idNumber) {
    }

    @PostMapping("/personal-data/exports")
    List<PersonalDataActions.PersonalDataEntry> exportPersonalData(@RequestBody PersonalDataRequest request) {
        return personalData.personalDataExport(request.idNumber());
    }

    @PostMapping("/dossiers/{id}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String id, @Valid @RequestBody Reason request) {
        dossiers.withdraw(id, request.reason());
        return ResponseEntity.noContent().build();
    }
}
