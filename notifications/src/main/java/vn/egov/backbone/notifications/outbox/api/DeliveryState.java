package vn.egov.backbone.notifications.outbox.api;

/**
 * Where a message is. {@code PENDING}: waiting for its time, its first attempt or a retry; {@code SENDING}:
 * a node is handing it to its channel; {@code SENT}: the channel accepted it; {@code DELIVERED}: the channel
 * reported it reached the person's device (Zalo's delivery receipt); {@code FAILED}: refused for good,
 * or every attempt failed; {@code CANCELLED}: no longer true (a reminder of a meeting moved or cancelled, of a
 * document already handled, a citizen's data erased); {@code SKIPPED}: nobody to send it to (no address, no
 * channel chosen).
 */
public enum DeliveryState { PENDING, SENDING, SENT, DELIVERED, FAILED, CANCELLED, SKIPPED }
