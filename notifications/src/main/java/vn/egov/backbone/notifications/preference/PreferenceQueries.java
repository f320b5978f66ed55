package vn.egov.backbone.notifications.preference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.notifications.preference.api.ChannelChoice;

import java.util.Optional;

/** The preferences' query service. */
@Service
public class PreferenceQueries {
    private final JdbcClient jdbc;

    PreferenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChannelChoice of(String officialId) {
        return jdbc.sql("SELECT email, sms, zalo, phone FROM notification_preference WHERE official_id = :id")
                .param("id", officialId)
                .query((rs, n) -> new ChannelChoice(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4), true))
                .optional().orElse(ChannelChoice.DEFAULT);
    }

    Optional<Long> version(String officialId) {
        return jdbc.sql("SELECT version FROM notification_preference WHERE official_id = :id").param("id", officialId)
                .query(Long.class).optional();
    }
}
