package vn.egov.backbone.core.identity;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without handing anyone a way to lock others out. Failures are counted per
 * account <em>and</em> client address: after {@link #FREE_FAILURES} in a row, that address must wait
 * before its next try for that account, 30 seconds doubling with each further failure up to
 * {@link #MAX_WAIT}. The same account from another address, and the account's API tokens, are not
 * affected; a success from the address clears its count.
 *
 * <p>Kept in memory on each node: a restart forgives, and an attacker spreading tries over several
 * nodes gets a few more of them, which the doubling wait still makes useless.
 */
@Component
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Until when this address must wait before trying this account again; null when it may try now. */
    public Instant blockedUntil(String username, String address) {
        Failures current = failures.get(key(username, address));
        return current != null && current.blockedUntil() != null && current.blockedUntil().isAfter(clock.instant())
                ? current.blockedUntil() : null;
    }

    public void failed(String username, String address) {
        if (failures.size() >= MAX_TRACKED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.blockedUntil() == null || f.blockedUntil().isBefore(now));
        }
        failures.compute(key(username, address), (key, current) -> {
            int count = current == null ? 1 : current.count() + 1;
            if (count < FREE_FAILURES) {
                return new Failures(count, null);
            }
            long doublings = Math.min(count - FREE_FAILURES, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return new Failures(count, clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait));
        });
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\n" + (address == null ? "" : address);
    }
}
