package vn.egov.backbone.core.eventing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost an optimistic-locking race in the event store: another node appended
 * to the same aggregate first, or created the same aggregate (a year's register) at the same moment. The retry loads
 * the new state, so nothing is applied to stale state; any other failure is final.
 */
class ConcurrencyRetryScheduler implements RetryScheduler {
    private static final int MAX_RETRIES = 8;

    private final ScheduledExecutorService executor;

    ConcurrencyRetryScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > MAX_RETRIES || !causedByConcurrency(lastFailure)) {
            return false;
        }
        long delay = ThreadLocalRandom.current().nextLong(5, 20L * failures.size() + 5);
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean causedByConcurrency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A stream creation race: two nodes opening the same register (loadOrCreate) at once.
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
