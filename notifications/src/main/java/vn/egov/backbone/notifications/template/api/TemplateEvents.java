package vn.egov.backbone.notifications.template.api;

import vn.egov.backbone.notifications.outbox.api.NotificationKind;

/** Events of message templates. Stored forever: never change their meaning. Who revised it is in the metadata. */
public final class TemplateEvents {
    private TemplateEvents() {
    }

    public record TemplateRevised(NotificationKind kind, String subject, String body, String shortText) {
    }
}
