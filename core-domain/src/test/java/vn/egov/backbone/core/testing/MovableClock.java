package vn.egov.backbone.core.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, which a test can move forward (and back) to let a deadline pass. Given to a
 * backbone as an extra source ({@link RunningNode#start(java.util.List, java.util.Map, java.nio.file.Path, Class[])}),
 * it replaces the application's clock everywhere, aggregates included. Not a {@code @Configuration},
 * so that no other test's backbone picks it up by scanning.
 */
public final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** The bean, marked primary over the application's own clock. */
    public static final class Source {
        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock();
        }
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
