package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Component;
import vn.egov.backbone.onestop.settings.OneStopProperties;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many submissions and lookups a client address may make in a minute without signing in (a sliding
 * window), on the API and the pages together: tracking codes are not to be guessed by trying.
 */
@Component
class CitizenRequestLimit {
    private final Clock clock;
    private final int perMinute;
    /** Per client address, the times of its requests in the last minute. */
    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    CitizenRequestLimit(Clock clock, OneStopProperties settings) {
        this.clock = clock;
        this.perMinute = settings.citizens().lookupsPerMinute();
    }

    /** Counts the request, or answers false when the address has made its share this minute. */
    boolean allows(String clientAddress) {
        long now = clock.millis();
        boolean[] over = new boolean[1];
        recent.compute(clientAddress, (address, times) -> {
            ArrayDeque<Long> window = times == null ? new ArrayDeque<>() : times;
            while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
                window.pollFirst();
            }
            over[0] = window.size() >= perMinute;
            if (!over[0]) {
                window.addLast(now);
            }
            return window;
        });
        if (recent.size() > 100_000) { // forget addresses that went quiet, so that a sweep of addresses cannot fill the heap
            recent.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - 60_000);
        }
        return !over[0];
    }
}
