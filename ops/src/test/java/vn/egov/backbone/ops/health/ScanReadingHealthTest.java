package vn.egov.backbone.ops.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.unit.DataSize;
import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A node without Tesseract says so in its health, without being taken out of service. */
class ScanReadingHealthTest {
    @TempDir
    Path dataDir;

    @Test
    void withoutTheEngineHealthSaysWhyAndIsNotDown() {
        AttachmentStore attachments = new AttachmentStore(
                new CoreProperties(dataDir, "", new CoreProperties.EventStore(1000), null, null, null, null, null),
                new EOfficeProperties(new EOfficeProperties.Attachments(DataSize.ofMegabytes(50), DataSize.ofMegabytes(256), 1,
                        Duration.ofSeconds(60)), new EOfficeProperties.Exchange(DataSize.ofMegabytes(60)),
                        new EOfficeProperties.Signing(null, null), new EOfficeProperties.Ocr(
                        dataDir.resolve("no-tesseract").toString(), "vie", Duration.ofSeconds(60), 10, 60), EOfficeProperties.DocumentAxis.off()), event -> { });
        try {
            Health health = new ScanReadingHealth().scanReadingHealthIndicator(attachments).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails().get("error").toString()).contains("not read").contains("not found");
        } finally {
            attachments.destroy();
        }
    }
}
