package vn.egov.backbone.onestop.kpi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.kpi.ServiceKpis.Figures;
import vn.egov.backbone.onestop.kpi.ServiceKpis.Period;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service KPIs of a unit and a period, its children for the drill-down, its late dossiers; CSV export. */
@RestController
@RequestMapping("/api/v1/kpi")
class KpiController {
    private final ServiceKpis kpis;
    private final UnitDirectory units;
    private final Authorizer authorizer;

    KpiController(ServiceKpis kpis, UnitDirectory units, Authorizer authorizer) {
        this.kpis = kpis;
        this.units = units;
        this.authorizer = authorizer;
    }

    @GetMapping
    Map<String, Object> kpis(@RequestParam String unitId, @RequestParam String period) {
        UnitView unit = readable(unitId);
        Period p = Period.parse(period);
        return Map.of("figures", kpis.figures(unit, p), "children", kpis.children(unit, p),
                "lateDossiers", kpis.lateDossiers(unit, p));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam String unitId, @RequestParam String period) {
        UnitView unit = readable(unitId);
        Period p = Period.parse(period);
        List<Figures> rows = new ArrayList<>();
        rows.add(kpis.figures(unit, p));
        rows.addAll(kpis.children(unit, p));
        StringBuilder csv = new StringBuilder("\uFEFF" // a BOM, so that spreadsheet programs read Vietnamese as UTF-8
                + "Đơn vị,Kỳ,Tiếp nhận,Trực tuyến,Tỷ lệ trực tuyến (%),Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,"
                + "Tỷ lệ đúng hạn (%),Số hóa hồ sơ (%),Số hóa kết quả (%),Thanh toán trực tuyến (%),Hài lòng (%)\r\n");
        for (Figures f : rows) {
            csv.append(String.join(",", quote(f.unitName()), f.period(), String.valueOf(f.received()),
                    String.valueOf(f.receivedOnline()), value(f.onlineRate()), String.valueOf(f.resolved()),
                    String.valueOf(f.early()), String.valueOf(f.onTime()), String.valueOf(f.late()), value(f.onTimeRate()),
                    value(f.inputDigitisationRate()), value(f.resultDigitisationRate()), value(f.onlinePaymentRate()),
                    value(f.satisfactionRate()))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-" + p.label() + ".csv\"")
                .body(csv.toString());
    }

    /** Officials see the KPIs of the units they work in and everything below them. */
    private UnitView readable(String unitId) {
        UnitView unit = units.find(unitId).orElseThrow(() -> new NotFound("Unit " + unitId + " does not exist"));
        if (!authorizer.mayActFor(Authorizer.currentPrincipal().officialId(), unit.id())) {
            throw new AccessDeniedException("The KPIs of a unit are for the officials of that unit and above");
        }
        return unit;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String value(Double rate) {
        return rate == null ? "" : String.valueOf(rate);
    }
}
