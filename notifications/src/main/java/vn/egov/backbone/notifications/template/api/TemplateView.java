package vn.egov.backbone.notifications.template.api;

import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.util.List;

/**
 * A kind's template as messages use it now.
 *
 * @param revised false while it is the default that comes with Backbone
 */
public record TemplateView(NotificationKind kind, String subject, String body, String shortText,
                           List<String> variables, boolean revised) {

    /** A template filled with example values, as the administrator sees it before saving. */
    public record Preview(String subject, String body, String shortText) {
    }
}
