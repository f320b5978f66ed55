package vn.egov.backbone.core.eventing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as the projections' source, telling them when events arrive. Axon's pooled
 * streaming processor polls a caught-up stream every 500 ms unless the stream can call it back
 * (Axon 4.13, {@code Coordinator}); the embedded store's streams cannot, so every read model lagged
 * its command by up to half a second and a page that waits for its own write (read-your-writes)
 * waited that long. These streams call back shortly after a commit of this node, once more a little
 * later (the store's producer thread fetches the new events asynchronously), and every 500 ms in any
 * case, for events other nodes wrote.
 */
public final class EventArrivals implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    /**
     * When the streams are woken after a commit: commits within the first 15 ms share one wake-up (so
     * a busy node wakes its projections for batches, not for every event), and a later one catches
     * events the store's producer thread had not fetched yet.
     */
    private static final long[] AFTER_COMMIT_MILLIS = {15, 100};
    private static final long POLL_MILLIS = 500;

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-arrivals");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether a burst of callbacks after a commit is already on its way (commits in a burst share it). */
    private final AtomicBoolean burstScheduled = new AtomicBoolean();

    public EventArrivals(EventStore eventStore) {
        this.eventStore = eventStore;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> committed());
            } else {
                committed();
            }
        });
        timer.scheduleWithFixedDelay(this::wakeStreams, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void committed() {
        if (burstScheduled.compareAndSet(false, true)) {
            for (int i = 0; i < AFTER_COMMIT_MILLIS.length; i++) {
                boolean first = i == 0;
                timer.schedule(() -> {
                    if (first) {
                        burstScheduled.set(false);
                    }
                    wakeStreams();
                }, AFTER_COMMIT_MILLIS[i], TimeUnit.MILLISECONDS);
            }
        }
    }

    private void wakeStreams() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** The store's stream, with the callback registered while it is open. */
    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
