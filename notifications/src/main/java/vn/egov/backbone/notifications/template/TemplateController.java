package vn.egov.backbone.notifications.template;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.notifications.template.api.TemplateView;

import java.util.List;

/** Message templates, for system administrators: list, preview with example values, revise. */
@RestController
@RequestMapping("/api/v1/admin/notification-templates")
class TemplateController {
    private final TemplateActions actions;

    TemplateController(TemplateActions actions) {
        this.actions = actions;
    }

    record TemplateBody(String subject, String body, String shortText) {
    }

    @GetMapping
    List<TemplateView> list() {
        return actions.list();
    }

    @PutMapping("/{kind}")
    TemplateView revise(@PathVariable String kind, @RequestBody TemplateBody template) {
        return actions.revise(kind, template.subject(), template.body(), template.shortText());
    }

    @PostMapping("/{kind}/preview")
    TemplateView.Preview preview(@PathVariable String kind, @RequestBody TemplateBody template) {
        return actions.preview(kind, template.subject(), template.body(), template.shortText());
    }
}
