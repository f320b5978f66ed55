package vn.egov.backbone.onestop.kpi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.kpi.KpiQueries.Period;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The KPI dashboard: the unit's indicators as charts (Chart.js, served with the app), its children to
 * drill down into, and its late dossiers; optionally for one procedure. Opens on the official's own unit and the current year.
 */
@Controller
class KpiPageController {
    private final KpiQueries kpis;
    private final ProcedureCatalogue catalogue;
    private final Clock clock;
    private final ErrorMessages errors;

    KpiPageController(KpiQueries kpis, ProcedureCatalogue catalogue, Clock clock, ErrorMessages errors) {
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/kpi")
    String dashboard(@RequestParam(required = false) String unitId, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String procedureCode, Model model) {
        UnitView view = kpis.readableUnit(unitId != null && !unitId.isBlank() ? unitId : kpis.homeUnitId());
        String thisYear = String.valueOf(LocalDate.now(clock.withZone(DisplayDates.VIETNAM)).getYear());
        Period p;
        try {
            p = Period.parse(period != null && !period.isBlank() ? period : thisYear);
        } catch (InvalidInput mistyped) {
            // the page stays: this year's figures, and what was wrong with what was typed
            model.addAttribute("periodError", errors.describe((vn.egov.backbone.core.shared.CodedError) mistyped));
            p = Period.parse(thisYear);
        }
        model.addAttribute("readableUnits", kpis.readableUnits());
        model.addAttribute("unit", view);
        model.addAttribute("period", p);
        String procedure = procedureCode == null || procedureCode.isBlank() ? null : procedureCode;
        KpiQueries.Report report = kpis.report(view, p, procedure);
        model.addAttribute("procedureCode", procedure);
        model.addAttribute("procedures", catalogue.current());
        model.addAttribute("figures", report.figures());
        model.addAttribute("children", report.children());
        model.addAttribute("late", kpis.lateDossiers(view, p, procedure));
        kpis.readableParentId(view).ifPresent(parent -> model.addAttribute("parentId", parent));
        return "onestop/kpi";
    }
}
