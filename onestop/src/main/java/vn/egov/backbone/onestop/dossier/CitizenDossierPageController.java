package vn.egov.backbone.onestop.dossier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.egov.backbone.core.shared.PageActions;
import java.util.List;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.onestop.citizen.SignedInCitizen;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Identity;
import vn.egov.backbone.onestop.settings.OneStopProperties;

/**
 * The pages of a citizen signed in with VNeID: "my dossiers" with their status; one of them, where they answer
 * a supplement request with files and rate the service once the result is returned; and online submission
 * with the verified identity (name and identity number from the ID token, not typed). And the public sign-in page.
 */
@Controller
class CitizenDossierPageController {
    private final CitizenDossierActions dossiers;
    private final PublicDossierPageController publicPages;
    private final OneStopProperties properties;
    private final ObjectProvider<ClientRegistrationRepository> provider;
    private final ErrorMessages errors;
    private final PageActions pages;
    private final MessageSource messages;

    CitizenDossierPageController(CitizenDossierActions dossiers, PublicDossierPageController publicPages,
                                 OneStopProperties properties, ObjectProvider<ClientRegistrationRepository> provider,
                                 ErrorMessages errors, PageActions pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
        this.dossiers = dossiers;
        this.publicPages = publicPages;
        this.properties = properties;
        this.provider = provider;
        this.errors = errors;
    }

    @GetMapping("/public/sign-in")
    String signIn(Model model) {
        model.addAttribute("configured", provider.getIfAvailable() != null);
        return "onestop/sign-in";
    }

    @GetMapping("/citizen/dossiers")
    String mine(Model model) {
        SignedInCitizen citizen = citizen();
        model.addAttribute("citizen", citizen);
        model.addAttribute("dossiers", dossiers.ofCitizen(citizen.idNumber()));
        return "onestop/my-dossiers";
    }

    @GetMapping("/citizen/dossiers/new")
    String form(Model model) {
        model.addAttribute("citizen", citizen());
        return publicPages.submissionForm(model);
    }

    @PostMapping("/citizen/dossiers/new")
    String submit(@RequestParam String procedureCode, @RequestParam(required = false) String communeId,
                  @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, @RequestParam(defaultValue = "0") int components,
                  @RequestParam(defaultValue = "false") boolean consentEmail,
                  @RequestParam(defaultValue = "false") boolean consentPhone, HttpServletResponse response, Model model) {
        SignedInCitizen citizen = citizen();
        model.addAttribute("citizen", citizen);
        try {
            model.addAttribute("submitted", dossiers.submitOnline(procedureCode, blank(communeId),
                    new Applicant(citizen.name(), citizen.idNumber(), blank(address), blank(phone), blank(email)), components,
                    new Identity(Identity.Verification.VNEID, citizen.issuer()), new Consent(consentEmail, consentPhone)));
        } catch (IllegalArgumentException | BusinessRuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("error", errors.describe(refused));
        }
        return publicPages.submissionForm(model);
    }

    @GetMapping("/citizen/dossiers/{trackingCode}")
    String dossier(@PathVariable String trackingCode, Model model) {
        SignedInCitizen citizen = citizen();
        model.addAttribute("citizen", citizen);
        model.addAttribute("mine", dossiers.ofCitizen(citizen.idNumber(), trackingCode));
        return "onestop/my-dossier";
    }

    @PostMapping("/citizen/dossiers/{trackingCode}/supplement")
    String supplement(@PathVariable String trackingCode, @RequestParam(required = false) String note,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        SignedInCitizen citizen = citizen();
        List<CitizenDossierActions.Upload> uploads = (files == null ? List.<MultipartFile>of() : files).stream()
                .filter(file -> !file.isEmpty()).<CitizenDossierActions.Upload>map(file -> file::getInputStream).toList();
        return pages.run(redirect, "/citizen/dossiers/" + trackingCode, () -> {
            dossiers.provideSupplement(citizen.idNumber(), trackingCode, note, uploads);
            return message("mine.supplementSent");
        });
    }

    @PostMapping("/citizen/dossiers/{trackingCode}/rating")
    String rate(@PathVariable String trackingCode, @RequestParam(defaultValue = "0") int score, RedirectAttributes redirect) {
        SignedInCitizen citizen = citizen();
        return pages.run(redirect, "/citizen/dossiers/" + trackingCode, () -> {
            dossiers.rateAsCitizen(citizen.idNumber(), trackingCode, score);
            return message("mine.rated");
        });
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** The security chain lets only a citizen with a verified identity in; this is its second lock. */
    private SignedInCitizen citizen() {
        return SignedInCitizen.current(properties.citizens()).orElseThrow(() -> new Forbidden(DossierError.SIGN_IN_WITH_VNEID));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
