package vn.egov.backbone.onestop.kpi;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.kpi.KpiQueries.Figures;
import vn.egov.backbone.onestop.kpi.KpiQueries.LateDossier;
import vn.egov.backbone.onestop.kpi.KpiQueries.Period;
import vn.egov.backbone.onestop.kpi.KpiQueries.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The service KPIs of a unit and a period (optionally of one procedure), its children for the
 * drill-down, its late dossiers; export as CSV and as a spreadsheet.
 */
@RestController
@RequestMapping("/api/v1/kpi")
class KpiController {
    /** The exported columns: heading and value. */
    private static final List<Map.Entry<String, Function<Figures, Object>>> COLUMNS = List.of(
            Map.entry("Đơn vị", Figures::unitName),
            Map.entry("Kỳ", Figures::period),
            Map.entry("Tiếp nhận", Figures::received),
            Map.entry("Trực tuyến", Figures::receivedOnline),
            Map.entry("Tỷ lệ trực tuyến (%)", Figures::onlineRate),
            Map.entry("Không tiếp nhận", Figures::refused),
            Map.entry("Đã giải quyết", Figures::resolved),
            Map.entry("Trước hạn", Figures::early),
            Map.entry("Đúng hạn", Figures::onTime),
            Map.entry("Quá hạn", Figures::late),
            Map.entry("Tỷ lệ đúng hạn (%)", Figures::onTimeRate),
            Map.entry("Số hóa hồ sơ (%)", Figures::inputDigitisationRate),
            Map.entry("Số hóa kết quả (%)", Figures::resultDigitisationRate),
            Map.entry("Thanh toán trực tuyến (%)", Figures::onlinePaymentRate),
            Map.entry("Hài lòng (%)", Figures::satisfactionRate));

    private final KpiQueries kpis;

    KpiController(KpiQueries kpis) {
        this.kpis = kpis;
    }

    /** The unit's figures, its children's (to drill down into) and its late dossiers. */
    record Answer(Figures figures, List<Figures> children, List<LateDossier> lateDossiers) {
    }

    @GetMapping
    Answer kpis(@RequestParam String unitId, @RequestParam String period,
                @RequestParam(required = false) String procedureCode) {
        UnitView unit = kpis.readableUnit(unitId);
        Period p = Period.parse(period);
        Report report = kpis.report(unit, p, procedureCode);
        return new Answer(report.figures(), report.children(), kpis.lateDossiers(unit, p, procedureCode));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam String unitId, @RequestParam String period,
                               @RequestParam(required = false) String procedureCode) {
        Period p = Period.parse(period);
        StringBuilder csv = new StringBuilder("\uFEFF"); // a BOM, so that spreadsheet programs read Vietnamese as UTF-8
        csv.append(String.join(",", COLUMNS.stream().map(Map.Entry::getKey).toList())).append("\r\n");
        for (Figures row : rows(unitId, p, procedureCode)) {
            csv.append(String.join(",", COLUMNS.stream().map(column -> csvValue(column.getValue().apply(row))).toList()))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-" + p.label() + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping(path = "/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam String unitId, @RequestParam String period,
                                @RequestParam(required = false) String procedureCode) throws IOException {
        Period p = Period.parse(period);
        List<Figures> rows = rows(unitId, p, procedureCode);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Backbone", "1.0");
        Worksheet sheet = workbook.newWorksheet("Chỉ số " + p.label());
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, COLUMNS.get(c).getKey());
            sheet.style(0, c).bold().wrapText(true).set();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                Object value = COLUMNS.get(c).getValue().apply(rows.get(r));
                if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (value != null) {
                    sheet.value(r + 1, c, value.toString());
                }
            }
        }
        sheet.width(0, 40);
        workbook.finish();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-" + p.label() + ".xlsx\"")
                .body(out.toByteArray());
    }

    /** The unit's figures first, then its children's. */
    private List<Figures> rows(String unitId, Period period, String procedureCode) {
        Report report = kpis.report(kpis.readableUnit(unitId), period, procedureCode);
        List<Figures> rows = new ArrayList<>();
        rows.add(report.figures());
        rows.addAll(report.children());
        return rows;
    }

    private static String csvValue(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean needsQuotes = text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
