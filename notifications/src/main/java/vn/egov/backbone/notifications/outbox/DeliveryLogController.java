package vn.egov.backbone.notifications.outbox;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.notifications.outbox.api.DeliveryLogEntry;

import java.util.List;

/** The delivery log: every message decided, where it is, and each attempt with the channel's answer. */
@RestController
class DeliveryLogController {
    private final DeliveryLogQueries log;

    DeliveryLogController(DeliveryLogQueries log) {
        this.log = log;
    }

    @GetMapping("/api/v1/admin/notifications")
    List<DeliveryLogEntry> all(@RequestParam(required = false) String about, @RequestParam(required = false) String recipient,
                               @RequestParam(defaultValue = "100") int limit) {
        return log.all(about, recipient, limit);
    }

    @GetMapping("/api/v1/me/notifications")
    List<DeliveryLogEntry> mine(@RequestParam(defaultValue = "100") int limit) {
        return log.mine(limit);
    }
}
