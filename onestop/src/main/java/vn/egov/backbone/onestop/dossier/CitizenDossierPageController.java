package vn.egov.backbone.onestop.dossier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.onestop.citizen.SignedInCitizen;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Identity;
import vn.egov.backbone.onestop.settings.OneStopProperties;

/**
 * The pages of a citizen signed in with VNeID: "my dossiers" with their status, and online submission with
 * the verified identity (name and identity number from the ID token, not typed). And the public sign-in page.
 */
@Controller
class CitizenDossierPageController {
    private final DossierActions dossiers;
    private final PublicDossierPageController publicPages;
    private final OneStopProperties properties;
    private final ObjectProvider<ClientRegistrationRepository> provider;
    private final ErrorMessages errors;

    CitizenDossierPageController(DossierActions dossiers, PublicDossierPageController publicPages,
                                 OneStopProperties properties, ObjectProvider<ClientRegistrationRepository> provider,
                                 ErrorMessages errors) {
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
            if (components < 0 || components > 200) {
                throw new InvalidInput("components", DossierError.COMPONENTS_RANGE, 200);
            }
            model.addAttribute("submitted", dossiers.submitOnline(procedureCode, blank(communeId),
                    new Applicant(citizen.name(), citizen.idNumber(), blank(address), blank(phone), blank(email)), components,
                    new Identity(Identity.Verification.VNEID, citizen.issuer()), new Consent(consentEmail, consentPhone)));
        } catch (IllegalArgumentException | BusinessRuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("error", errors.describe(refused));
        }
        return publicPages.submissionForm(model);
    }

    /** The security chain lets only a citizen with a verified identity in; this is its second lock. */
    private SignedInCitizen citizen() {
        return SignedInCitizen.current(properties.citizens()).orElseThrow(() -> new Forbidden(DossierError.SIGN_IN_WITH_VNEID));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
