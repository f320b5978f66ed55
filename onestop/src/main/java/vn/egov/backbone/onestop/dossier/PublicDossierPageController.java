package vn.egov.backbone.onestop.dossier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.backbone.core.shared.NotFound;

/**
 * The citizen's lookup page, without signing in: what the QR code on the receipt opens
 * ({@code /public/dossiers/{trackingCode}}), or a form to type the code.
 */
@Controller
class PublicDossierPageController {
    private final PublicDossierController lookups;

    PublicDossierPageController(PublicDossierController lookups) {
        this.lookups = lookups;
    }

    @GetMapping("/public/dossiers")
    String form(@RequestParam(required = false) String code) {
        return code == null || code.isBlank() ? "onestop/lookup" : "redirect:/public/dossiers/" + code.strip();
    }

    @GetMapping("/public/dossiers/{trackingCode}")
    String dossier(@PathVariable String trackingCode, HttpServletRequest request, Model model,
                   jakarta.servlet.http.HttpServletResponse response) {
        try {
            ResponseEntity<?> answer = lookups.lookup(trackingCode, request);
            if (answer.getStatusCode().value() == 429) {
                response.setStatus(429);
                model.addAttribute("message", "Tra cứu quá nhiều lần; vui lòng thử lại sau một phút.");
            } else {
                model.addAttribute("dossier", answer.getBody());
            }
        } catch (NotFound unknown) {
            response.setStatus(404);
            model.addAttribute("message", "Không tìm thấy hồ sơ có mã này.");
        }
        model.addAttribute("code", trackingCode);
        return "onestop/lookup";
    }
}
