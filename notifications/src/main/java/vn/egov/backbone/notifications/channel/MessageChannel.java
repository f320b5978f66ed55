package vn.egov.backbone.notifications.channel;

import vn.egov.backbone.notifications.outbox.api.Channel;

/** One way of reaching a person. Implementations never throw for what the far side answers: they say it. */
public interface MessageChannel {
    Channel channel();

    /** False when its settings are missing: its messages wait, and the log says why. */
    boolean configured();

    ChannelAnswer send(OutgoingMessage message);
}
