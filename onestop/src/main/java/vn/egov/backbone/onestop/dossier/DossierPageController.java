package vn.egov.backbone.onestop.dossier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.QrCodes;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

/**
 * The one-stop desk's pages: the dossiers of the official's units (online submissions awaiting
 * reception first), receiving one, and the two papers the applicant is handed — the receipt with the
 * appointment and the QR code of the citizen's lookup (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), and
 * for a late dossier the apology with a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả),
 * both printable from the browser.
 */
@Controller
class DossierPageController {
    private final DossierActions dossiers;
    private final PageActions pages;
    private final MessageSource messages;

    DossierPageController(DossierActions dossiers, PageActions pages, MessageSource messages) {
        this.dossiers = dossiers;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/dossiers")
    String desk(@RequestParam(required = false) DossierStatus status, Model model) {
        model.addAttribute("awaiting", dossiers.list(DossierStatus.NEW));
        model.addAttribute("supplemented", dossiers.supplementsAnswered());
        model.addAttribute("dossiers", dossiers.list(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", DossierStatus.values());
        return "onestop/desk";
    }

    /** Receives an online or posted dossier after checking it: the clock starts, the receipt can be printed. */
    @PostMapping("/dossiers/{id}/reception")
    String receive(@PathVariable String id, @RequestParam(defaultValue = "0") int digitisedComponents,
                   RedirectAttributes redirect) {
        return pages.runAndGo(redirect, "/dossiers", () -> {
            dossiers.receive(id, digitisedComponents, 0); // waits: the receipt shows the appointment the reception computed
            return new PageActions.Outcome(messages.getMessage("desk.received", null, LocaleContextHolder.getLocale()), "/dossiers/" + id + "/receipt");
        });
    }

    /** The desk, checking what was sent online or by post, asks the applicant for what is missing (with the reason). */
    @PostMapping("/dossiers/{id}/supplement-request")
    String requestSupplement(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return pages.run(redirect, "/dossiers", () -> {
            dossiers.requestSupplement(id, reason);
            return messages.getMessage("desk.supplementRequested", null, LocaleContextHolder.getLocale());
        });
    }

    /** The desk, having checked what the applicant sent online, receives the supplement: the clock resumes. */
    @PostMapping("/dossiers/{id}/supplement")
    String receiveSupplement(@PathVariable String id, RedirectAttributes redirect) {
        return pages.run(redirect, "/dossiers", () -> {
            dossiers.receiveSupplement(id);
            return messages.getMessage("desk.supplementReceived", null, LocaleContextHolder.getLocale());
        });
    }

    @GetMapping("/dossiers/{id}/supplied-files/{sha256}")
    ResponseEntity<FileSystemResource> suppliedFile(@PathVariable String id, @PathVariable String sha256) {
        return SuppliedFileDownloads.respond(dossiers.suppliedFile(id, sha256), ContentDisposition.inline());
    }

    @GetMapping("/dossiers/{id}/receipt")
    String receipt(@PathVariable String id, Model model) {
        DossierActions.Receipt receipt = dossiers.receipt(id);
        String lookupUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/dossiers/{code}")
                .buildAndExpand(receipt.dossier().trackingCode()).toUriString();
        model.addAttribute("dossier", receipt.dossier());
        model.addAttribute("agency", receipt.agency());
        model.addAttribute("desk", receipt.desk());
        model.addAttribute("lookupUrl", lookupUrl);
        model.addAttribute("qrCode", QrCodes.svg(lookupUrl));
        return "onestop/receipt";
    }

    @GetMapping("/dossiers/{id}/apology-letter")
    String apology(@PathVariable String id, Model model) {
        DossierActions.ApologyLetter letter = dossiers.apologyLetter(id);
        model.addAttribute("dossier", letter.dossier());
        model.addAttribute("apology", letter.apology());
        model.addAttribute("agency", letter.agency());
        return "onestop/apology";
    }
}
