package vn.egov.backbone.core.eventing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Projections run asynchronously, so a page shown right after a command could show the state before
 * it. A page that must show the official's own change waits here, briefly, until the read model has
 * caught up with the aggregate's last event (its version equals the aggregate's sequence number).
 */
@Component
public class ReadYourWrites {
    private static final Duration STEP = Duration.ofMillis(25);

    private final EventStore eventStore;

    public ReadYourWrites(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param viewVersion the version the read model holds for the aggregate, empty if it has no row yet
     * @return whether the read model caught up within {@code timeout}
     */
    public boolean await(String aggregateId, Supplier<Optional<Long>> viewVersion, Duration timeout) {
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateId);
        if (stored.isEmpty()) {
            return viewVersion.get().isPresent();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Long> seen = viewVersion.get();
            if (seen.isPresent() && seen.get() >= stored.get()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
