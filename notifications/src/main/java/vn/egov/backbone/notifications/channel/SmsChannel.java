package vn.egov.backbone.notifications.channel;

import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.settings.NotificationProperties;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through the province's brandname gateway over HTTP ({@code backbone.notifications.sms.*}). The short
 * text of the template, to the number in {@code 84…} form. A 2xx is accepted; a 4xx other than 408 and 429
 * is the gateway refusing this message for good; everything else is tried again.
 */
@Component
class SmsChannel implements MessageChannel {
    private final NotificationProperties.Sms settings;
    private final JsonGateway gateway = new JsonGateway();

    SmsChannel(NotificationProperties properties) {
        this.settings = properties.sms();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public ChannelAnswer send(OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.address());
        body.put("text", message.shortText());
        body.put("brandname", settings.brandname());
        body.put("reference", "backbone-" + message.trackingId());
        try {
            JsonGateway.Answer answer = gateway.post(settings.url(), Map.of("Authorization", "Bearer " + settings.apiKey()), body);
            String said = "HTTP " + answer.status() + ": " + answer.shortBody();
            if (answer.status() / 100 == 2) {
                return ChannelAnswer.accepted(said);
            }
            if (answer.status() / 100 == 4 && answer.status() != 408 && answer.status() != 429) {
                return ChannelAnswer.refused(said);
            }
            return ChannelAnswer.retry(said);
        } catch (IOException e) {
            return ChannelAnswer.retry("No answer from the SMS gateway: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChannelAnswer.retry("Interrupted");
        }
    }
}
