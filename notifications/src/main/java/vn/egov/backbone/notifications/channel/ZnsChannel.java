package vn.egov.backbone.notifications.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.settings.NotificationProperties;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zalo Notification Service, as Zalo's "Gửi thông báo ZNS" API takes it: {@code POST
 * https://business.openapi.zalo.me/message/template}, header {@code access_token}, body {@code phone} (84…),
 * {@code template_id} (a template Zalo approved for the OA), {@code template_data} (its parameters) and
 * {@code tracking_id} (ours, for reconciliation). Zalo answers HTTP 200 with {@code "error": 0} and
 * {@code data.msg_id} when it took the message, and a negative {@code error} with a {@code message} when not.
 * The errors of {@code fallbackErrors} mean this person cannot be reached on Zalo: the message goes by SMS.
 */
@Component
class ZnsChannel implements MessageChannel {
    private final NotificationProperties.Zns settings;
    private final JsonGateway gateway = new JsonGateway();

    ZnsChannel(NotificationProperties properties) {
        this.settings = properties.zns();
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public ChannelAnswer send(OutgoingMessage message) {
        String templateId = settings.templates().get(message.kind().name());
        if (templateId == null || templateId.isBlank()) {
            return ChannelAnswer.fallback("No ZNS template approved for " + message.kind());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", message.address());
        body.put("template_id", templateId);
        body.put("template_data", message.data());
        body.put("tracking_id", Long.toString(message.trackingId()));
        try {
            JsonGateway.Answer answer = gateway.post(settings.url(), Map.of("access_token", settings.accessToken()), body);
            if (answer.status() != 200) {
                return ChannelAnswer.retry("HTTP " + answer.status() + ": " + answer.shortBody());
            }
            JsonNode json = answer.json();
            JsonNode error = json.path("error");
            if (!error.isInt()) {
                return ChannelAnswer.retry("Unreadable answer: " + answer.shortBody());
            }
            if (error.intValue() == 0) {
                String messageId = json.path("data").path("msg_id").asText();
                return ChannelAnswer.accepted("ZNS msg_id " + messageId, messageId.isBlank() ? null : messageId);
            }
            String said = "ZNS error " + error.intValue() + ": " + json.path("message").asText();
            return settings.fallbackErrors().contains(error.intValue()) ? ChannelAnswer.fallback(said) : ChannelAnswer.retry(said);
        } catch (IOException e) {
            return ChannelAnswer.retry("No answer from ZNS: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChannelAnswer.retry("Interrupted");
        }
    }
}
