package vn.egov.backbone.notifications.template;

import jakarta.servlet.http.HttpServletResponse;
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
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
import vn.egov.backbone.notifications.template.api.TemplateView;

/**
 * The templates page for system administrators: each kind of message with its e-mail subject and body and
 * its short text, the variables it may use, a preview filled with example values, and saving.
 */
@Controller
@RequestMapping("/admin/notification-templates")
class TemplatePageController {
    private final TemplateActions actions;
    private final PageActions pages;
    private final MessageSource messages;

    TemplatePageController(TemplateActions actions, PageActions pages, MessageSource messages) {
        this.actions = actions;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String kind, Model model) {
        var templates = actions.list();
        TemplateView selected = templates.stream().filter(t -> t.kind().name().equals(kind)).findFirst()
                .orElse(templates.get(0));
        model.addAttribute("templates", templates);
        model.addAttribute("selected", selected);
        model.addAttribute("subject", selected.subject());
        model.addAttribute("body", selected.body());
        model.addAttribute("shortText", selected.shortText());
        return "notifications/templates";
    }

    @PostMapping("/{kind}/preview")
    String preview(@PathVariable String kind, @RequestParam String subject, @RequestParam String body,
                   @RequestParam String shortText, Model model, HttpServletResponse response) {
        var templates = actions.list();
        NotificationKind parsed = TemplateActions.kind(kind);
        model.addAttribute("templates", templates);
        model.addAttribute("selected", templates.stream().filter(t -> t.kind() == parsed).findFirst().orElseThrow());
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("shortText", shortText);
        try {
            model.addAttribute("preview", actions.preview(kind, subject, body, shortText));
        } catch (IllegalArgumentException | BusinessRuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("error", pages.describe(refused));
        }
        return "notifications/templates";
    }

    @PostMapping("/{kind}")
    String save(@PathVariable String kind, @RequestParam String subject, @RequestParam String body,
                @RequestParam String shortText, RedirectAttributes redirect) {
        return pages.run(redirect, "/admin/notification-templates?kind=" + TemplateActions.kind(kind).name(), () -> {
            actions.revise(kind, subject, body, shortText);
            return messages.getMessage("templates.saved", null, LocaleContextHolder.getLocale());
        });
    }
}
