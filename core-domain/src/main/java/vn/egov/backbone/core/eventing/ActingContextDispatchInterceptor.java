package vn.egov.backbone.core.eventing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent through the gateway with the acting official, unit and client address.
 * Handlers never add these by hand; the correlation data provider copies them onto the events.
 */
@Component
public class ActingContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ActingContextResolver resolver;

    public ActingContextDispatchInterceptor(ActingContextResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(ActingMetadata.ACTING_OFFICIAL)) {
                return command; // already stamped, e.g. a command sent from within a handler
            }
            ActingContext acting = resolver.current();
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(ActingMetadata.ACTING_OFFICIAL, acting.officialId());
            metadata.put(ActingMetadata.ACTING_USERNAME, acting.username());
            if (acting.unitId() != null) {
                metadata.put(ActingMetadata.ACTING_UNIT, acting.unitId());
            }
            if (acting.clientAddress() != null) {
                metadata.put(ActingMetadata.CLIENT_ADDRESS, acting.clientAddress());
            }
            return command.andMetaData(metadata);
        };
    }
}
