package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each module's settings are one validated record: a wrong value stops the start and names the setting. */
class SettingsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
            "backbone.attachments.text-workers, 0, textWorkers",
            "backbone.kpi.segments, 0, segments",
            "backbone.event-store.read-batch-size, -5, readBatchSize",
            "backbone.public.lookups-per-minute, 0, lookupsPerMinute"})
    void aWrongValueStopsTheStartAndNamesTheSetting(String setting, String value, String field) {
        assertThatThrownBy(() -> RunningBackbone.start(List.of(), Map.of(setting, value), dataDir).close())
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof BindValidationException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("a validation failure of the settings").isNotNull();
                    assertThat(cause.getMessage()).contains(field).contains("rejected value [" + value + "]");
                });
    }
}
