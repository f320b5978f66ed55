package vn.egov.backbone.notifications.preference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.preference.api.PreferenceEvents.ChannelsChosen;

@Component
@ProcessingGroup("notification-settings")
class PreferenceProjection {
    private final JdbcClient jdbc;

    PreferenceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChannelsChosen e, @SequenceNumber long seq) {
        jdbc.sql("DELETE FROM notification_preference WHERE official_id = :id").param("id", e.officialId()).update();
        jdbc.sql("INSERT INTO notification_preference (official_id, email, sms, zalo, phone, version) VALUES (:id, :email,"
                        + " :sms, :zalo, :phone, :seq)")
                .param("id", e.officialId()).param("email", e.email()).param("sms", e.sms()).param("zalo", e.zalo())
                .param("phone", e.phone()).param("seq", seq).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM notification_preference").update();
    }
}
