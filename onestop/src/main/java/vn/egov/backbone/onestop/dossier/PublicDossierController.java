package vn.egov.backbone.onestop.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.shared.RequestError;
import vn.egov.backbone.core.web.ProblemResponses;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Identity;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.Submitted;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The citizen's side, without signing in: online submission, and the lookup by the tracking code on
 * the receipt (and its QR code) — the status, the current step, the appointment and the history of
 * steps, nothing personal. Limited per client address; an unknown code gives the same 404 whatever it
 * resembles.
 */
@RestController
@RequestMapping("/api/v1/public/dossiers")
class PublicDossierController {

    record Rating(@NotNull Integer score) {
    }

    /** What a citizen types to submit online: the procedure, the commune that decides (for commune procedures), who they are. */
    record Submission(@NotBlank String procedureCode, String communeId, @NotNull @Valid OnlineApplicant applicant,
                      @Min(0) @Max(200) int components, Consent consent) {
    }

    /** Online, the applicant identifies with the 12-digit citizen identity number (căn cước). */
    record OnlineApplicant(@NotBlank @Size(max = 200) String name,
                           @NotBlank @Pattern(regexp = "\\d{12}", message = "{dossier.idNumber.pattern}") String idNumber,
                           @Size(max = 500) String address, @Size(max = 30) String phone, @Email @Size(max = 200) String email) {
        Applicant toApplicant() {
            return new Applicant(name.strip(), idNumber, address, phone, email);
        }
    }

    private final CitizenDossierActions dossiers;
    private final CitizenRequestLimit limit;
    private final ProblemResponses problems;

    PublicDossierController(CitizenDossierActions dossiers, CitizenRequestLimit limit, ProblemResponses problems) {
        this.dossiers = dossiers;
        this.limit = limit;
        this.problems = problems;
    }

    /** Online submission of a procedure offered online; the answer is the tracking code to follow it by. */
    @PostMapping
    ResponseEntity<?> submit(@Valid @RequestBody Submission submission, HttpServletRequest request) {
        return limited(request, () -> {
            Submitted submitted = dossiers.submitOnline(submission.procedureCode(), submission.communeId(),
                    submission.applicant().toApplicant(), submission.components(), Identity.UNVERIFIED, submission.consent());
            return ResponseEntity.created(URI.create("/api/v1/public/dossiers/" + submitted.trackingCode())).body(submitted);
        });
    }

    @GetMapping("/{trackingCode}")
    ResponseEntity<?> lookup(@PathVariable String trackingCode, HttpServletRequest request) {
        return limited(request, () -> ResponseEntity.ok(dossiers.lookUp(trackingCode)));
    }

    /** After the result is returned the applicant rates the service once (1 to 5). */
    @PostMapping("/{trackingCode}/rating")
    ResponseEntity<?> rate(@PathVariable String trackingCode, @Valid @RequestBody Rating rating, HttpServletRequest request) {
        return limited(request, () -> {
            dossiers.rate(trackingCode, rating.score());
            return ResponseEntity.noContent().build();
        });
    }

    private ResponseEntity<?> limited(HttpServletRequest request, Supplier<ResponseEntity<?>> answer) {
        if (limit.allows(request.getRemoteAddr())) {
            return answer.get();
        }
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, RequestError.TOO_MANY_REQUESTS, new Object[0],
                        LocaleContextHolder.getLocale()));
    }
}
