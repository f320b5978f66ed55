package vn.egov.backbone.notifications.template;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.template.api.TemplateEvents.TemplateRevised;

/** The revised templates. Its own processor, so that a page can wait for its write without waiting for the outbox. */
@Component
@ProcessingGroup("notification-settings")
class TemplateProjection {
    private final JdbcClient jdbc;

    TemplateProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TemplateRevised e, @SequenceNumber long seq) {
        int updated = jdbc.sql("UPDATE notification_template SET subject = :subject, body = :body, short_text = :short,"
                        + " version = :seq WHERE kind = :kind")
                .param("subject", e.subject()).param("body", e.body()).param("short", e.shortText()).param("seq", seq)
                .param("kind", e.kind().name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notification_template (kind, subject, body, short_text, version) VALUES (:kind, :subject,"
                            + " :body, :short, :seq)")
                    .param("subject", e.subject()).param("body", e.body()).param("short", e.shortText()).param("seq", seq)
                    .param("kind", e.kind().name()).update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM notification_template").update();
    }
}
