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
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.DeactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.ReactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Administration page of officials' accounts. */
@Controller
@RequestMapping("/admin/officials")
class OfficialPageController {
    private final OfficialDirectory officials;
    private final UnitDirectory units;
    private final Authorizer authorizer;
    private final PageActions actions;
    private final MessageSource messages;

    OfficialPageController(OfficialDirectory officials, UnitDirectory units, Authorizer authorizer, PageActions actions,
                           MessageSource messages) {
        this.officials = officials;
        this.units = units;
        this.authorizer = authorizer;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String unitId, Model model) {
        String filter = unitId == null || unitId.isBlank() ? null : unitId;
        List<UnitView> allUnits = units.list(false);
        model.addAttribute("officials", officials.list(filter, true));
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
            authorizer.require(Role.ADMINISTRATOR, unitId);
            List<RoleAssignment> roles = role == null ? List.of() : List.of(new RoleAssignment(unitId, role, null));
            actions.commands().send(new RegisterOfficial(UUID.randomUUID().toString(), username, fullName, email,
                    position, unitId, clearance, roles, password));
            return messages.getMessage("officials.created", new Object[]{fullName}, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(id, redirect, () -> new DeactivateOfficial(id, null));
    }

    @PostMapping("/{id}/reactivation")
    String reactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(id, redirect, () -> new ReactivateOfficial(id));
    }

    private String change(String id, RedirectAttributes redirect, java.util.function.Supplier<Object> command) {
        return actions.run(redirect, "/admin/officials", () -> {
            var official = officials.find(id).orElseThrow(() -> new NotFound("Official " + id + " does not exist"));
            authorizer.require(Role.ADMINISTRATOR, official.unitId());
            actions.commands().send(command.get());
            return messages.getMessage("officials.changed", null, LocaleContextHolder.getLocale());
        });
    }
}
