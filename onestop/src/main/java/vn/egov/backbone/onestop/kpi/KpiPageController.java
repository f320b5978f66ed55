package vn.egov.backbone.onestop.kpi;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialDirectory;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.kpi.ServiceKpis.Period;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The KPI dashboard: the unit's indicators as charts (Chart.js, served with the app), its children to
 * drill down into, and its late dossiers; optionally for one procedure. Opens on the official's own unit and the current year.
 */
@Controller
class KpiPageController {
    private final ServiceKpis kpis;
    private final UnitDirectory units;
    private final OfficialDirectory officials;
    private final Authorizer authorizer;
    private final ProcedureCatalogue catalogue;
    private final Clock clock;

    KpiPageController(ServiceKpis kpis, UnitDirectory units, OfficialDirectory officials, Authorizer authorizer,
                      ProcedureCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.kpis = kpis;
        this.units = units;
        this.officials = officials;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    @GetMapping("/kpi")
    String dashboard(@RequestParam(required = false) String unitId, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String procedureCode, Model model) {
        String me = Authorizer.currentPrincipal().officialId();
        String unit = unitId != null ? unitId : topUnit(me);
        UnitView view = units.find(unit).filter(u -> authorizer.mayActFor(me, u.id()))
                .orElseThrow(() -> new Forbidden(KpiError.UNIT_NOT_READABLE));
        Period p = Period.parse(period != null ? period : String.valueOf(LocalDate.now(clock.withZone(DisplayDates.VIETNAM)).getYear()));
        model.addAttribute("unit", view);
        model.addAttribute("period", p);
        String procedure = procedureCode == null || procedureCode.isBlank() ? null : procedureCode;
        ServiceKpis.Report report = kpis.report(view, p, procedure);
        model.addAttribute("procedureCode", procedure);
        model.addAttribute("procedures", catalogue.current());
        model.addAttribute("figures", report.figures());
        model.addAttribute("children", report.children());
        model.addAttribute("late", kpis.lateDossiers(view, p, procedure));
        if (view.parentId() != null && authorizer.mayActFor(me, view.parentId())) {
            model.addAttribute("parentId", view.parentId());
        }
        return "onestop/kpi";
    }

    /** The highest unit the official holds a role in: where their dashboard opens. */
    private String topUnit(String officialId) {
        return officials.roles(officialId).stream().map(r -> r.unitId()).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparingInt(u -> units.selfAndAncestors(u).size()))
                .orElseGet(() -> units.roots().get(0).id());
    }
}
