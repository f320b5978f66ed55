package vn.egov.backbone.core.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void anAddressThatKeepsGuessingWaitsLongerEachTimeAndNobodyElseWaits() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("nguyenvana", "203.0.113.7");
        }
        assertThat(throttle.blockedUntil("nguyenvana", "203.0.113.7")).isNull();
        throttle.failed("nguyenvana", "203.0.113.7");
        assertThat(throttle.blockedUntil("nguyenvana", "203.0.113.7")).isEqualTo(now.plus(Duration.ofSeconds(30)));
        assertThat(throttle.blockedUntil("nguyenvana", "10.1.2.3")).as("the owner at the office").isNull();
        assertThat(throttle.blockedUntil("tranthib", "203.0.113.7")).as("another account").isNull();

        now = now.plus(Duration.ofSeconds(31));
        throttle.failed("NguyenVanA", "203.0.113.7");
        assertThat(throttle.blockedUntil("nguyenvana", "203.0.113.7")).isEqualTo(now.plus(Duration.ofSeconds(60)));
        for (int i = 0; i < 20; i++) {
            throttle.failed("nguyenvana", "203.0.113.7");
        }
        assertThat(throttle.blockedUntil("nguyenvana", "203.0.113.7")).isEqualTo(now.plus(LoginThrottle.MAX_WAIT));

        throttle.succeeded("nguyenvana", "203.0.113.7");
        assertThat(throttle.blockedUntil("nguyenvana", "203.0.113.7")).isNull();
    }
}
