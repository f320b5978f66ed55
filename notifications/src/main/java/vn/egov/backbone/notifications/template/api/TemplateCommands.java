package vn.egov.backbone.notifications.template.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

public final class TemplateCommands {
    private TemplateCommands() {
    }

    /**
     * An administrator rewrites the template of one kind of message.
     *
     * @param shortText the SMS text (and the ZNS fallback): one line, at most 320 characters
     */
    public record ReviseTemplate(NotificationKind kind, String subject, String body, String shortText) {
        @TargetAggregateIdentifier
        public String templateId() {
            return idOf(kind);
        }
    }

    /** The aggregate's id: prefixed, since identifiers are unique across all of the event store. */
    public static String idOf(NotificationKind kind) {
        return "notification-template:" + kind.name();
    }
}
