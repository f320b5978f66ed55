package vn.egov.backbone.onestop.dossier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.onestop.dossier.PersonalDataActions.PersonalDataEntry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The administrator's page for a citizen's personal data: everything the desk holds about an identity
 * number in the units they administer, who read it, and its erasure on a lawful request. The number is
 * sent in a form's body, never in the address.
 */
@Controller
class PersonalDataPageController {
    private final PersonalDataActions dossiers;
    private final OfficialQueries officials;
    private final PageActions pages;
    private final MessageSource messages;

    PersonalDataPageController(PersonalDataActions dossiers, OfficialQueries officials, PageActions pages,
                               MessageSource messages) {
        this.dossiers = dossiers;
        this.officials = officials;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/personal-data")
    String page() {
        dossiers.requireAdministrator();
        return "onestop/personal-data";
    }

    @PostMapping("/personal-data")
    String find(@RequestParam String idNumber, Model model) {
        model.addAttribute("idNumber", idNumber);
        try {
            List<PersonalDataEntry> entries = dossiers.personalDataExport(idNumber);
            Map<String, String> names = officials.names(entries.stream().flatMap(entry -> entry.reads().stream())
                    .map(DossierQueries.PersonalDataRead::officialId).collect(Collectors.toSet())).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, name -> name.getValue().fullName()));
            model.addAttribute("entries", entries);
            model.addAttribute("readers", names);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", pages.describe(e));
        }
        return "onestop/personal-data";
    }

    @PostMapping("/personal-data/{dossierId}/erasure")
    String erase(@PathVariable String dossierId, @RequestParam(defaultValue = "") String legalBasis,
                 @RequestParam String trackingCode, RedirectAttributes redirect) {
        return pages.run(redirect, "/personal-data", () -> {
            dossiers.erasePersonalData(dossierId, legalBasis);
            return messages.getMessage("personalData.erased", new Object[]{trackingCode}, LocaleContextHolder.getLocale());
        });
    }
}
