package vn.egov.backbone.core.shared;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
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
            if (e.getCause() instanceof AggregateNotFoundException
                    || e.getCause() instanceof IncompatibleAggregateException) {
                throw notFound();
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw notFound();
        }
    }

    /**
     * A command to an aggregate nobody created, or to the id of another kind of aggregate (an id typed or forged into
     * a form or a path; Axon finds no events, or another aggregate's): the caller's own "not found", which the API
     * answers 404 and a page shows as its reason — Axon's exceptions reached pages as a 500, and the second the API too.
     */
    private static NotFound notFound() {
        return new NotFound(RequestError.NOT_FOUND);
    }
}
