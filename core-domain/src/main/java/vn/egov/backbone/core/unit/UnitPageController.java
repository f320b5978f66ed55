package vn.egov.backbone.core.unit;

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
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.Text;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Administration page of the administrative tree. */
@Controller
@RequestMapping("/admin/units")
class UnitPageController {
    private final UnitQueries directory;
    private final UnitActions administration;
    private final PageActions actions;
    private final MessageSource messages;

    UnitPageController(UnitQueries directory, UnitActions administration, PageActions actions,
                       MessageSource messages) {
        this.directory = directory;
        this.administration = administration;
        this.actions = actions;
        this.messages = messages;
    }

    /** A unit with its depth in the tree, for an indented list. */
    record Row(UnitView unit, int depth, String parentName) {
    }

    @GetMapping
    String page(Model model) {
        List<UnitView> units = directory.list(false);
        Map<String, List<UnitView>> byParent = new HashMap<>();
        Map<String, UnitView> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        List<UnitView> roots = new ArrayList<>();
        for (UnitView unit : units) {
            if (unit.parentId() == null || !byId.containsKey(unit.parentId())) {
                roots.add(unit);
            } else {
                byParent.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        List<Row> rows = new ArrayList<>();
        roots.forEach(root -> flatten(root, 0, byParent, byId, rows));
        model.addAttribute("rows", rows);
        model.addAttribute("count", units.size());
        model.addAttribute("kinds", UnitKind.values());
        return "units/admin";
    }

    private static void flatten(UnitView unit, int depth, Map<String, List<UnitView>> byParent, Map<String, UnitView> byId,
                                List<Row> rows) {
        UnitView parent = unit.parentId() == null ? null : byId.get(unit.parentId());
        rows.add(new Row(unit, Math.min(depth, 4), parent == null ? null : parent.name()));
        byParent.getOrDefault(unit.id(), List.of()).forEach(child -> flatten(child, depth + 1, byParent, byId, rows));
    }

    @PostMapping
    String create(@RequestParam String code, @RequestParam String name, @RequestParam UnitKind kind,
                  @RequestParam(required = false) String parentId, RedirectAttributes redirect) {
        String parent = parentId == null || parentId.isBlank() ? null : parentId;
        return actions.run(redirect, "/admin/units", () -> {
            administration.create(code, name, kind, parent);
            return messages.getMessage("units.created", new Object[]{name}, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/{id}/name")
    String rename(@PathVariable String id, @RequestParam String name, RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/units", () -> {
            administration.rename(id, name, null, null);
            return messages.getMessage("units.renamed", null, LocaleContextHolder.getLocale());
        });
    }

    /**
     * Communes, wards or agencies merged into a new one (the reorganisation of 1 July 2025 merged most communes):
     * the sources end, their documents and dossiers stay theirs and are read by the new unit's officials.
     */
    @PostMapping("/mergers")
    String merge(@RequestParam(name = "sourceUnitIds", required = false) List<String> sources, @RequestParam String code,
                 @RequestParam String name, @RequestParam UnitKind kind, @RequestParam(required = false) String parentId,
                 @RequestParam(required = false) String legalBasis, RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/units", () -> {
            administration.merge(code, name, kind, Text.blankToNull(parentId), sources == null ? List.of() : sources,
                    Text.blankToNull(legalBasis));
            return messages.getMessage("units.merged", new Object[]{name}, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/move")
    String move(@RequestParam String unitId, @RequestParam String parentId,
                @RequestParam(required = false) String legalBasis, RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/units", () -> {
            administration.move(unitId, parentId, Text.blankToNull(legalBasis));
            return messages.getMessage("units.moved", null, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/dissolution")
    String dissolve(@RequestParam String unitId, @RequestParam(required = false) String legalBasis,
                    RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/units", () -> {
            administration.dissolve(unitId, Text.blankToNull(legalBasis));
            return messages.getMessage("units.dissolved", null, LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/{id}/exchange-identifier")
    String assignExchangeIdentifier(@PathVariable String id, @RequestParam String identifier, RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/units", () -> {
            administration.assignExchangeIdentifier(id, identifier);
            return messages.getMessage("units.exchangeIdAssigned", null, LocaleContextHolder.getLocale());
        });
    }
}
