package vn.egov.backbone.core.official;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.List;
import java.util.stream.Collectors;

/** Administration page of officials' accounts. */
@Controller
@RequestMapping("/admin/officials")
class OfficialPageController {
    private final UnitDirectory units;
    private final OfficialAdministration administration;
    private final PageActions actions;
    private final MessageSource messages;

    OfficialPageController(UnitDirectory units, OfficialAdministration administration,
                           PageActions actions, MessageSource messages) {
        this.units = units;
        this.administration = administration;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String unitId, Model model) {
        String filter = unitId == null || unitId.isBlank() ? null : unitId;
        List<UnitView> allUnits = units.list(false);
        model.addAttribute("officials", administration.administered(filter, true));
        model.addAttribute("units", allUnits);
        model.addAttribute("unitNames", allUnits.stream().collect(Collectors.toMap(UnitView::id, UnitView::name)));
        model.addAttribute("selectedUnit", filter);
        model.addAttribute("roles", Role.values());
        model.addAttribute("clearances", Clearance.values());
        return "officials/admin";
    }

    @PostMapping
    String register(@RequestParam String username, @RequestParam String fullName,
                    @RequestParam(required = false) String email, @RequestParam(required = false) String position,
                    @RequestParam String unitId, @RequestParam(required = false) Role role,
                    @RequestParam(defaultValue = "NONE") Clearance clearance, @RequestParam String password,
                    RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/officials", () -> {
            List<RoleAssignment> roles = role == null ? List.of() : List.of(new RoleAssignment(unitId, role, null));
            administration.register(new RegisterOfficial(null, username, fullName, email,
                    position, unitId, clearance, roles, password));
            return messages.getMessage("officials.created", new Object[]{fullName}, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.deactivate(id, null));
    }

    @PostMapping("/{id}/reactivation")
    String reactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.reactivate(id));
    }

    private String change(RedirectAttributes redirect, Runnable change) {
        return actions.run(redirect, "/admin/officials", () -> {
            change.run();
            return messages.getMessage("officials.changed", null, LocaleContextHolder.getLocale());
        });
    }
}
