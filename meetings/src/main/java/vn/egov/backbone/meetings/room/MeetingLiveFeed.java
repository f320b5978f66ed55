package vn.egov.backbone.meetings.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.egov.backbone.meetings.meeting.MeetingQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live room: tablets, the meeting page and the secretary's screen are told within a fraction of a second
 * that the meeting changed, over server-sent events. What is watched is the read model, not the event bus:
 * every event of a meeting sets {@code meeting_view.version} to its sequence number, each join or leave of its
 * video room adds one to its count of connection changes, and this feed looks at the sum of the two for the
 * meetings someone is watching four times a second, so a page told "version N" and then fetching itself shows N
 * or later — on whichever node the event was handled. Each message's id is that number; a tablet that lost its
 * connection comes back with {@code Last-Event-ID} and is told at once if it missed something.
 */
@Component
class MeetingLiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingLiveFeed.class);
    /** A browser reconnects by itself; a connection older than this is closed so that none lingers. */
    static final Duration CONNECTION = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 250;
    private static final int HEARTBEAT_EVERY = 100; // polls: 25 s, below common proxies' idle timeouts
    /** Connections one node keeps at most (a province's hall holds a few hundred tablets). */
    static final int MAX_CONNECTIONS = 5_000;
    /**
     * Connections one official keeps at most on a node: their tablet, laptop, the room screen and the endpoints
     * board, several tabs of each. Without it one account — a script, or a page gone wrong reconnecting in a loop —
     * could hold all {@link #MAX_CONNECTIONS} and leave every tablet of the hall refused.
     */
    static final int MAX_CONNECTIONS_PER_OFFICIAL = 20;

    private record Watcher(SseEmitter emitter, long[] seen, String officialId) {
    }

    /** What {@link #watch} answers: the open channel, or the status that refuses it. */
    record Watch(SseEmitter emitter, HttpStatus refused) {
    }

    private final MeetingQueries queries;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Integer> connectionsPerOfficial = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meeting-live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private long polls;

    MeetingLiveFeed(MeetingQueries queries) {
        this.queries = queries;
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * @param lastSeen the version the browser last saw ({@code Last-Event-ID}), or -1: then it is up to date
     *                 with the page it just loaded, which showed the current version
     * @return refused 429 when the official already keeps {@link #MAX_CONNECTIONS_PER_OFFICIAL} on this node,
     *         503 when the node keeps {@link #MAX_CONNECTIONS}
     */
    Watch watch(String meetingId, long lastSeen, String officialId) {
        long current = queries.liveVersions(List.of(meetingId)).getOrDefault(meetingId, 0L);
        boolean[] admitted = {false};
        connectionsPerOfficial.compute(officialId, (official, held) -> {
            int now = held == null ? 0 : held;
            if (now >= MAX_CONNECTIONS_PER_OFFICIAL) {
                return held;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            return new Watch(null, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (connections.incrementAndGet() > MAX_CONNECTIONS) {
            connections.decrementAndGet();
            releaseOfficial(officialId);
            return new Watch(null, HttpStatus.SERVICE_UNAVAILABLE);
        }
        SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
        Watcher watcher = new Watcher(emitter, new long[] {lastSeen < 0 ? current : lastSeen}, officialId);
        // added inside the map's own step for the meeting, as the poll drops a meeting's empty list in its own: added
        // after, to a list the poll had just dropped, the watcher would never be told anything
        List<Watcher> list = watchers.compute(meetingId, (key, watching) -> {
            List<Watcher> now = watching == null ? new CopyOnWriteArrayList<>() : watching;
            now.add(watcher);
            return now;
        });
        Runnable forget = () -> forget(list, watcher);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        try {
            // sent at once, and the answer's headers with it: until its first bytes a browser's EventSource is not
            // open (a page back after a refusal fetches itself on "open"), and the first change or heartbeat could be
            // 25 s away
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException notSentYet) {
            // before the answer has begun, a send is only kept for it
            throw new UncheckedIOException(notSentYet);
        }
        return new Watch(emitter, null);
    }

    /** Once per watcher, whichever of its end, its time-out, an error or a failed send comes first. */
    private void forget(List<Watcher> list, Watcher watcher) {
        if (list.remove(watcher)) {
            connections.decrementAndGet();
            releaseOfficial(watcher.officialId());
        }
    }

    private void releaseOfficial(String officialId) {
        connectionsPerOfficial.computeIfPresent(officialId, (official, held) -> held <= 1 ? null : held - 1);
    }

    private void poll() {
        try {
            watchers.keySet().forEach(meetingId ->
                    watchers.computeIfPresent(meetingId, (key, watching) -> watching.isEmpty() ? null : watching));
            if (watchers.isEmpty()) {
                return;
            }
            boolean heartbeat = ++polls % HEARTBEAT_EVERY == 0;
            Map<String, Long> versions = queries.liveVersions(watchers.keySet());
            watchers.forEach((meetingId, list) -> {
                long version = versions.getOrDefault(meetingId, 0L);
                for (Watcher watcher : list) {
                    try {
                        if (watcher.seen()[0] < version) {
                            watcher.emitter().send(SseEmitter.event().id(Long.toString(version)).name("changed")
                                    .data(Long.toString(version)));
                            watcher.seen()[0] = version;
                        } else if (heartbeat) {
                            watcher.emitter().send(SseEmitter.event().comment("still here"));
                        }
                    } catch (IOException | IllegalStateException gone) {
                        watcher.emitter().completeWithError(gone); // the browser left: forgotten by onError
                        forget(list, watcher);
                    }
                }
            });
        } catch (RuntimeException e) {
            // the database was unreachable for a moment: the next poll tries again
            LOG.debug("Live feed poll failed", e);
        }
    }

    /** Connections open now on this node. */
    int connections() {
        return connections.get();
    }

    /**
     * Closed when the node starts to stop, before the web server's graceful shutdown: it waits for open
     * requests, and a live connection would hold it for its whole grace period. Browsers reconnect to
     * another node.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        poller.shutdownNow();
        watchers.values().forEach(list -> list.forEach(watcher -> {
            try {
                watcher.emitter().complete();
            } catch (RuntimeException alreadyGone) {
                // nothing to close
            }
        }));
        watchers.clear();
    }
}
