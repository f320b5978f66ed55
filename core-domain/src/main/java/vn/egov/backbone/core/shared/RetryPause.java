package vn.egov.backbone.core.shared;

import java.time.Duration;

/**
 * How long to wait before trying an external system again: {@code first} after the first failure, doubling with
 * each further one, never more than {@code max} — so a system that is down for hours is not called every few
 * seconds, and one back after a blip is tried again soon.
 */
public final class RetryPause {
    private RetryPause() {
    }

    /** The pause after failed attempt number {@code attempt} (1 for the first). */
    public static Duration after(int attempt, Duration first, Duration max) {
        Duration pause = first.multipliedBy(1L << Math.clamp(attempt - 1, 0, 20));
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
