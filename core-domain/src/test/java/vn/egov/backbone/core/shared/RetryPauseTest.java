package vn.egov.backbone.core.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPauseTest {

    @Test
    void doublesFromTheFirstPauseUpToTheLongest() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(RetryPause.after(1, first, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPause.after(2, first, max)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryPause.after(4, first, max)).isEqualTo(Duration.ofMinutes(4));
        assertThat(RetryPause.after(8, first, max)).isEqualTo(max);
        assertThat(RetryPause.after(1_000, first, max)).as("no overflow after many failures").isEqualTo(max);
        assertThat(RetryPause.after(0, first, max)).isEqualTo(first);
    }
}
