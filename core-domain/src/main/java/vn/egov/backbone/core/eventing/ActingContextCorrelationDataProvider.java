package vn.egov.backbone.core.eventing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the acting context from the message being handled onto every message it causes, and links
 * them: {@code causationId} is the identifier of the handled message, {@code correlationId} that of
 * the first message of the chain (usually the command an official sent).
 */
@Component
public class ActingContextCorrelationDataProvider implements CorrelationDataProvider {

    private static final String[] COPIED = {
            ActingMetadata.ACTING_OFFICIAL, ActingMetadata.ACTING_USERNAME,
            ActingMetadata.ACTING_UNIT, ActingMetadata.CLIENT_ADDRESS
    };

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(ActingMetadata.ACTING_OFFICIAL, ActingMetadata.SYSTEM);
        data.put(ActingMetadata.CAUSATION_ID, message.getIdentifier());
        data.put(ActingMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(ActingMetadata.CORRELATION_ID, message.getIdentifier()));
        return data;
    }
}
