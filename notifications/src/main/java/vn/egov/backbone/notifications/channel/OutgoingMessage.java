package vn.egov.backbone.notifications.channel;

import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.util.Map;

/**
 * A message rendered for its channel.
 *
 * @param trackingId the outbox row's id: the same on every attempt, so the gateway (ZNS {@code tracking_id},
 *                   the SMS {@code reference}, the e-mail's {@code Message-ID}) sees a repeat as one message
 * @param data       the template's variables, as ZNS sends them ({@code template_data})
 */
public record OutgoingMessage(long trackingId, NotificationKind kind, String address, String subject, String body,
                              String shortText, Map<String, String> data) {
}
