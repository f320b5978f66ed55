package vn.egov.backbone.ops.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;

/**
 * Whether this node reads the words of scans (Tesseract with its Vietnamese data). Without it the node
 * still serves everything else, so it reports {@code UNKNOWN} — which does not take it out of the load
 * balancer — with the reason, for the administrator to install {@code tesseract-ocr-vie}.
 */
@Configuration(proxyBeanMethods = false)
class ScanReadingHealth {

    @Bean
    HealthIndicator scanReadingHealthIndicator(AttachmentStore attachments) {
        return () -> attachments.readsScans()
                ? Health.up().withDetail("engine", attachments.scanReader()).build()
                : Health.unknown().withDetail("error", "scans are kept but their words are not read: "
                        + attachments.scanReader()).build();
    }
}
