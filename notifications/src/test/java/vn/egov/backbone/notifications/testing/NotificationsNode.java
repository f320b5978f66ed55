package vn.egov.backbone.notifications.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Notifications with every module whose events they decide on, as a node, for notifications' own tests.
 * Not a {@code @Configuration}: started by name, never found by another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.eoffice", "vn.egov.backbone.meetings",
        "vn.egov.backbone.onestop", "vn.egov.backbone.notifications"})
public final class NotificationsNode {
    private NotificationsNode() {
    }
}
