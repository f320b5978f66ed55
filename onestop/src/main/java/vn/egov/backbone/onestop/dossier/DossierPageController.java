package vn.egov.backbone.onestop.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.QrCodes;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ReceiveDossier;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.util.Map;

/**
 * The one-stop desk's pages: the dossiers of the official's units (online submissions awaiting
 * reception first), receiving one, and the two papers the applicant is handed — the receipt with the
 * appointment and the QR code of the citizen's lookup (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), and
 * for a late dossier the apology with a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả),
 * both printable from the browser.
 */
@Controller
class DossierPageController {
    private final DossierAccess access;
    private final JdbcClient jdbc;
    private final UnitDirectory units;
    private final PageActions pages;

    DossierPageController(DossierAccess access, JdbcClient jdbc, UnitDirectory units, PageActions pages) {
        this.access = access;
        this.jdbc = jdbc;
        this.units = units;
        this.pages = pages;
    }

    @GetMapping("/dossiers")
    String desk(@RequestParam(required = false) DossierStatus status, Model model) {
        String me = Authorizer.currentPrincipal().officialId();
        model.addAttribute("awaiting", access.list(me, DossierStatus.NEW));
        model.addAttribute("dossiers", access.list(me, status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", DossierStatus.values());
        return "onestop/desk";
    }

    /** Receives an online or posted dossier after checking it: the clock starts, the receipt can be printed. */
    @PostMapping("/dossiers/{id}/reception")
    String receive(@PathVariable String id, @RequestParam(defaultValue = "0") int digitisedComponents,
                   RedirectAttributes redirect) {
        return pages.runAndGo(redirect, "/dossiers", () -> {
            access.workedOn(id, false);
            pages.commands().send(new ReceiveDossier(id, digitisedComponents, 0));
            access.awaitReadModel(id); // the receipt shows the appointment the reception computed
            return new PageActions.Outcome("Đã tiếp nhận hồ sơ", "/dossiers/" + id + "/receipt");
        });
    }

    @GetMapping("/dossiers/{id}/receipt")
    String receipt(@PathVariable String id, Model model) {
        Map<String, Object> dossier = access.workedOn(id, true);
        String lookupUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/dossiers/{code}")
                .buildAndExpand(dossier.get("tracking_code")).toUriString();
        model.addAttribute("dossier", dossier);
        model.addAttribute("agency", unitName(dossier.get("competent_agency_id")));
        model.addAttribute("desk", unitName(dossier.get("filed_at_unit_id")));
        model.addAttribute("lookupUrl", lookupUrl);
        model.addAttribute("qrCode", QrCodes.svg(lookupUrl));
        return "onestop/receipt";
    }

    @GetMapping("/dossiers/{id}/apology-letter")
    String apology(@PathVariable String id, Model model) {
        Map<String, Object> dossier = access.workedOn(id, true);
        Map<String, Object> apology = jdbc.sql("SELECT * FROM dossier_apology WHERE dossier_id = :id ORDER BY seq DESC")
                .param("id", id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFound(DossierError.NO_APOLOGY, id));
        model.addAttribute("dossier", dossier);
        model.addAttribute("apology", apology);
        model.addAttribute("agency", unitName(dossier.get("competent_agency_id")));
        return "onestop/apology";
    }

    private String unitName(Object unitId) {
        return unitId == null ? null : units.find((String) unitId).map(UnitView::name).orElse(null);
    }
}
