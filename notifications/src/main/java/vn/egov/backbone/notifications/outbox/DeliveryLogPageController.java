package vn.egov.backbone.notifications.outbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delivery log as a page: all of it for system administrators, one's own messages for every official. */
@Controller
class DeliveryLogPageController {
    private static final int SHOWN = 100;

    private final DeliveryLogQueries log;

    DeliveryLogPageController(DeliveryLogQueries log) {
        this.log = log;
    }

    @GetMapping("/admin/notifications")
    String all(@RequestParam(required = false) String about, Model model) {
        model.addAttribute("entries", log.all(about, null, SHOWN));
        model.addAttribute("about", about);
        model.addAttribute("everyone", true);
        return "notifications/log";
    }

    @GetMapping("/me/notifications")
    String mine(Model model) {
        model.addAttribute("entries", log.mine(SHOWN));
        model.addAttribute("everyone", false);
        return "notifications/log";
    }
}
