package vn.egov.backbone.core.shared;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for it to be handled, rethrowing the handler's own exception (a
 * {@link BusinessRuleViolation}, {@link NotFound}, {@link IllegalArgumentException}) so that the web
 * layer can answer with the right status.
 */
@Component
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof AggregateNotFoundException) {
                throw notFound();
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
    }

    /**
     * A command to an aggregate nobody created (an id typed or forged into a form or a path): the caller's own
     * "not found", which the API answers 404 and a page shows as its reason — Axon's exception reached pages as a 500.
     */
    private static NotFound notFound() {
        return new NotFound(RequestError.NOT_FOUND);
    }
}
