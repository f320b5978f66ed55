package vn.egov.backbone.notifications.channel;

/**
 * What a channel said. {@code ACCEPTED}: taken for delivery; {@code RETRY}: failed for now (the network, a
 * 5xx, a quota), try again later; {@code REFUSED}: never going to work (an address that does not exist);
 * {@code FALLBACK}: this channel cannot reach the person (ZNS: no Zalo account), send by SMS instead.
 *
 * @param answer    the far side's own words (status code, error code and message, message id), for the log
 * @param messageId the channel's own id of an accepted message (ZNS {@code msg_id}), or null
 */
public record ChannelAnswer(Outcome outcome, String answer, String messageId) {
    public ChannelAnswer(Outcome outcome, String answer) {
        this(outcome, answer, null);
    }

    public enum Outcome { ACCEPTED, RETRY, REFUSED, FALLBACK }

    public static ChannelAnswer accepted(String answer) {
        return new ChannelAnswer(Outcome.ACCEPTED, answer);
    }

    public static ChannelAnswer accepted(String answer, String messageId) {
        return new ChannelAnswer(Outcome.ACCEPTED, answer, messageId);
    }

    public static ChannelAnswer retry(String answer) {
        return new ChannelAnswer(Outcome.RETRY, answer);
    }

    public static ChannelAnswer refused(String answer) {
        return new ChannelAnswer(Outcome.REFUSED, answer);
    }

    public static ChannelAnswer fallback(String answer) {
        return new ChannelAnswer(Outcome.FALLBACK, answer);
    }
}
