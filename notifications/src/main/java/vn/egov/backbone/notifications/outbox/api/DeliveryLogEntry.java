package vn.egov.backbone.notifications.outbox.api;

import java.time.Instant;
import java.util.List;

/**
 * One message of the delivery log, with every attempt and the channel's answer to it.
 *
 * @param address where it went: an e-mail address or a phone number, shown masked ({@code 849******21})
 */
public record DeliveryLogEntry(long id, NotificationKind kind, String aboutId, String recipientId, Channel channel,
                               String address, DeliveryState state, int attempts, Instant notBefore,
                               Instant nextAttemptAt, Instant createdAt, List<Attempt> history) {

    /** @param outcome {@code SENT}, {@code RETRY} (failed, tried again later), {@code FAILED}, {@code FALLBACK} (sent by SMS instead) */
    public record Attempt(int attempt, Instant at, String outcome, String answer) {
    }
}
