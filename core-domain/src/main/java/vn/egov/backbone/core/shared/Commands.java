package vn.egov.backbone.core.shared;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
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
            throw e.getCause() instanceof RuntimeException cause ? ours(cause) : e;
        } catch (AggregateNotFoundException | IncompatibleAggregateException | ConcurrencyException
                 | ConflictingModificationException | AggregateStreamCreationException e) {
            throw ours(e);
        }
    }

    /**
     * Axon's refusals as the caller's own, which the API answers and a page shows as its reason (pages caught only
     * ours: Axon's were a 500 there). A command to an aggregate nobody created, or to another kind of aggregate's id
     * (an id typed or forged into a form or a path; Axon finds no events, or another aggregate's — a 500 on the API
     * too): not found. A race lost to another writer, after Axon's retries (another node; a stale If-Match): the
     * concurrent update the API has always answered 409.
     */
    private static RuntimeException ours(RuntimeException refusal) {
        if (refusal instanceof AggregateNotFoundException || refusal instanceof IncompatibleAggregateException) {
            return new NotFound(RequestError.NOT_FOUND);
        }
        if (refusal instanceof ConcurrencyException || refusal instanceof ConflictingModificationException
                || refusal instanceof AggregateStreamCreationException) {
            return new BusinessRuleViolation(RequestError.CONCURRENT_UPDATE);
        }
        return refusal;
    }
}
