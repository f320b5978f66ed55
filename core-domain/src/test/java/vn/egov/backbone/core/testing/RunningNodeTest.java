package vn.egov.backbone.core.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line a test node starts with. */
class RunningNodeTest {
    private static final String FREEMARKER = "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration";

    @Test
    void freeMarkerStaysExcludedWhenATestExcludesSomethingItself() {
        assertThat(RunningNode.arguments(Map.of(), Path.of("data")))
                .contains("--spring.autoconfigure.exclude=" + FREEMARKER);
        assertThat(RunningNode.arguments(Map.of("spring.autoconfigure.exclude", "com.example.OtherAutoConfiguration"),
                Path.of("data")))
                .filteredOn(argument -> argument.startsWith("--spring.autoconfigure.exclude="))
                .containsExactly("--spring.autoconfigure.exclude=com.example.OtherAutoConfiguration," + FREEMARKER);
    }

    @Test
    void aTestsOwnSettingsWinOverTheDefaults() {
        assertThat(RunningNode.arguments(Map.of("backbone.passwords.hash-cost", 10), Path.of("data")))
                .contains("--backbone.passwords.hash-cost=10")
                .doesNotContain("--backbone.passwords.hash-cost=4");
    }
}
