package vn.egov.backbone.notifications.outbox;

import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.time.Instant;
import java.util.Map;

/**
 * A message decided: to whom, on which channel, about what, from when on.
 *
 * @param key     the idempotency key: the event (or the reminder's deadline), the recipient and the channel;
 *                deciding the same key again adds nothing
 * @param aboutId the document, meeting or dossier it is about
 */
public record Decision(String key, NotificationKind kind, String aboutId, RecipientKind recipientKind, String recipientId,
                       Channel channel, Map<String, String> data, Instant notBefore) {

    public enum RecipientKind { OFFICIAL, CITIZEN }
}
