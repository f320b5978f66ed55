package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Identity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Label;

import java.util.Set;

/**
 * The citizen's pages, without signing in: online submission of a procedure offered online
 * ({@code /public/dossiers/new}), and the lookup that the QR code on the receipt opens
 * ({@code /public/dossiers/{trackingCode}}), or a form to type the code.
 */
@Controller
class PublicDossierPageController {
    private final CitizenDossierActions dossiers;
    private final CitizenRequestLimit limit;
    private final Validator validator;
    private final ErrorMessages errors;
    private final MessageSource messages;

    PublicDossierPageController(CitizenDossierActions dossiers, CitizenRequestLimit limit, Validator validator,
                                ErrorMessages errors, MessageSource messages) {
        this.errors = errors;
        this.messages = messages;
        this.dossiers = dossiers;
        this.limit = limit;
        this.validator = validator;
    }

    @GetMapping("/public/dossiers/new")
    String submissionForm(Model model) {
        model.addAttribute("procedures", dossiers.onlineProcedures());
        model.addAttribute("communes", dossiers.communes());
        return "onestop/submit";
    }

    @PostMapping("/public/dossiers/new")
    String submit(@RequestParam String procedureCode, @RequestParam(required = false) String communeId,
                  @RequestParam String name, @RequestParam String idNumber, @RequestParam(required = false) String address,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "0") int components, @RequestParam(defaultValue = "false") boolean consentEmail,
                  @RequestParam(defaultValue = "false") boolean consentPhone, HttpServletRequest request,
                  jakarta.servlet.http.HttpServletResponse response, Model model) {
        PublicDossierController.Submission submission = new PublicDossierController.Submission(procedureCode,
                blankToNull(communeId), new PublicDossierController.OnlineApplicant(name, idNumber, blankToNull(address),
                blankToNull(phone), blankToNull(email)), components, new Consent(consentEmail, consentPhone));
        Set<ConstraintViolation<PublicDossierController.Submission>> violations = validator.validate(submission);
        try {
            if (!violations.isEmpty()) {
                throw new InvalidInput(null, DossierError.INVALID_FIELDS, violations.stream()
                        .map(v -> v.getPropertyPath().toString()).sorted().distinct().map(Label::field).toList());
            }
            if (limit.allows(request.getRemoteAddr())) {
                model.addAttribute("submitted", dossiers.submitOnline(submission.procedureCode(), submission.communeId(),
                        submission.applicant().toApplicant(), submission.components(), Identity.UNVERIFIED,
                        submission.consent()));
            } else {
                response.setStatus(429);
                model.addAttribute("error", message("submit.tooMany"));
            }
        } catch (IllegalArgumentException | BusinessRuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("error", errors.describe(refused));
        }
        return submissionForm(model);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @GetMapping("/public/dossiers")
    String form(@RequestParam(required = false) String code) {
        return code == null || code.isBlank() ? "onestop/lookup" : "redirect:/public/dossiers/" + code.strip();
    }

    @GetMapping("/public/dossiers/{trackingCode}")
    String dossier(@PathVariable String trackingCode, HttpServletRequest request, Model model,
                   jakarta.servlet.http.HttpServletResponse response) {
        try {
            if (limit.allows(request.getRemoteAddr())) {
                model.addAttribute("dossier", dossiers.lookUp(trackingCode));
            } else {
                response.setStatus(429);
                model.addAttribute("message", message("lookup.tooMany"));
            }
        } catch (NotFound unknown) {
            response.setStatus(404);
            model.addAttribute("message", message("lookup.unknown"));
        }
        model.addAttribute("code", trackingCode);
        return "onestop/lookup";
    }
}
