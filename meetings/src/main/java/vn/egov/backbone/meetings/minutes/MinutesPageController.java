package vn.egov.backbone.meetings.minutes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.shared.PageActions;

/** The minutes' form actions on the meeting page: a draft from the meeting's events, the PDF, signing. */
@Controller
class MinutesPageController {
    private final MinutesActions minutes;
    private final PageActions pages;
    private final MessageSource messages;

    MinutesPageController(MinutesActions minutes, PageActions pages, MessageSource messages) {
        this.minutes = minutes;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/meetings/{id}/minutes/composition")
    String compose(@PathVariable String id, RedirectAttributes redirect) {
        return pages.run(redirect, "/meetings/" + id + "#minutes",
                () -> message("meetings.minutes.composed", minutes.compose(id)));
    }

    @GetMapping("/meetings/{id}/minutes/file")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        return MinutesController.pdf(minutes.file(id));
    }

    @PostMapping("/meetings/{id}/minutes/signatures")
    String sign(@PathVariable String id, @RequestParam String password, RedirectAttributes redirect) {
        return pages.run(redirect, "/meetings/" + id + "#minutes", () -> {
            minutes.sign(id, password);
            return message("meetings.minutes.signed");
        });
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
