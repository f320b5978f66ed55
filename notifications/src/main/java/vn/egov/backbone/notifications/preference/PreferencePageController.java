package vn.egov.backbone.notifications.preference;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.shared.PageActions;

/** Each official's page to choose how they are told. */
@Controller
@RequestMapping("/me/notification-channels")
class PreferencePageController {
    private final PreferenceActions actions;
    private final PageActions pages;
    private final MessageSource messages;

    PreferencePageController(PreferenceActions actions, PageActions pages, MessageSource messages) {
        this.actions = actions;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("choice", actions.mine());
        return "notifications/channels";
    }

    @PostMapping
    String choose(@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean sms,
                  @RequestParam(defaultValue = "false") boolean zalo, @RequestParam(required = false) String phone,
                  RedirectAttributes redirect) {
        return pages.run(redirect, "/me/notification-channels", () -> {
            actions.choose(email, sms, zalo, phone);
            return messages.getMessage("channels.saved", null, LocaleContextHolder.getLocale());
        });
    }
}
