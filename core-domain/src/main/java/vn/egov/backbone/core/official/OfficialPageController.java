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
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.List;
import java.util.stream.Collectors;

/** Administration page of officials' accounts. */
@Controller
@RequestMapping("/admin/officials")
class OfficialPageController {
    private final UnitQueries units;
    private final OfficialActions administration;
    private final PageActions actions;
    private final MessageSource messages;

    OfficialPageController(UnitQueries units, OfficialActions administration,
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
                    RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        // refused, the form comes back as typed but for the password, which is never sent back to the browser
        return actions.runOrShowForm(redirect, model, response, () -> {
            List<RoleAssignment> roles = role == null ? List.of() : List.of(new RoleAssignment(unitId, role, null));
            administration.register(new RegisterOfficial(null, username, fullName, email,
                    position, unitId, clearance, roles, password));
            return new PageActions.Outcome(messages.getMessage("officials.created", new Object[]{fullName},
                    LocaleContextHolder.getLocale()), "/admin/officials");
        }, () -> page(null, model));
    }

    /**
     * One official's account as their administrator keeps it: details, roles (granted until a day, or revoked,
     * asked first), clearance, unit, a new password. An official outside the administrator's units is not found
     * (404), as in the API; what the administrator may not give (their own rights, more than they hold) the
     * application service refuses, and the page says why.
     */
    @GetMapping("/{id}")
    String official(@PathVariable String id, Model model) {
        if (!(administration.get(id) instanceof vn.egov.backbone.core.official.api.OfficialView official)) {
            throw new vn.egov.backbone.core.shared.NotFound(OfficialError.NOT_FOUND, id);
        }
        List<UnitView> allUnits = units.list(false);
        model.addAttribute("official", official);
        model.addAttribute("units", allUnits);
        model.addAttribute("unitNames", allUnits.stream().collect(Collectors.toMap(UnitView::id, UnitView::name)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("clearances", Clearance.values());
        return "officials/official";
    }

    @PostMapping("/{id}/details")
    String details(@PathVariable String id, @RequestParam String fullName, @RequestParam(required = false) String email,
                   @RequestParam(required = false) String position, RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.changeDetails(id, fullName, email, position, null));
    }

    @PostMapping("/{id}/roles")
    String grant(@PathVariable String id, @RequestParam(required = false) String unitId, @RequestParam Role role,
                 @RequestParam(required = false) String validThrough, RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.grant(id, vn.egov.backbone.core.shared.Text.blankToNull(unitId),
                role, endOf(validThrough)));
    }

    @PostMapping("/{id}/roles/revocation")
    String revoke(@PathVariable String id, @RequestParam(required = false) String unitId, @RequestParam Role role,
                  RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.revoke(id, vn.egov.backbone.core.shared.Text.blankToNull(unitId),
                role, null));
    }

    @PostMapping("/{id}/clearance")
    String clearance(@PathVariable String id, @RequestParam Clearance clearance, RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.changeClearance(id, clearance));
    }

    @PostMapping("/{id}/transfer")
    String transfer(@PathVariable String id, @RequestParam String unitId, RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.transfer(id, unitId));
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable String id, @RequestParam String newPassword, RedirectAttributes redirect) {
        return changeOne(id, redirect, () -> administration.resetPassword(id, newPassword));
    }

    /**
     * A role granted through a day holds until the day's end in Vietnam; no day, no end. A day that is none is refused
     * with the field's message, as the API refuses a moment that is none.
     */
    private static java.time.Instant endOf(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(vn.egov.backbone.core.shared.DisplayDates.VIETNAM)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException notADay) {
            throw new vn.egov.backbone.core.shared.InvalidInput("validUntil", OfficialError.VALID_UNTIL_PAST);
        }
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.deactivate(id, null));
    }

    @PostMapping("/{id}/reactivation")
    String reactivate(@PathVariable String id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.reactivate(id));
    }

    /** A change made on the official's own page, which shows it again with what happened or why it was refused. */
    private String changeOne(String id, RedirectAttributes redirect, Runnable change) {
        return actions.run(redirect, "/admin/officials/" + id, () -> {
            change.run();
            return messages.getMessage("officials.changed", null, LocaleContextHolder.getLocale());
        });
    }

    private String change(RedirectAttributes redirect, Runnable change) {
        return actions.run(redirect, "/admin/officials", () -> {
            change.run();
            return messages.getMessage("officials.changed", null, LocaleContextHolder.getLocale());
        });
    }
}
