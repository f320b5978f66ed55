package vn.egov.backbone.meetings.conference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.meetings.conference.api.ConferenceEvents.ConferenceJoined;
import vn.egov.backbone.meetings.conference.api.ConferenceEvents.ConferenceLeft;

import java.sql.Timestamp;

/** Connections per participant for the endpoint board and the attendance record ({@code meeting_connection}). */
@Component
@ProcessingGroup("meeting-attendance")
class ConferenceAttendanceProjection {
    private final JdbcClient jdbc;

    ConferenceAttendanceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConferenceJoined e) {
        jdbc.sql("INSERT INTO meeting_connection (meeting_id, participant, occupant_jid, joined_at) VALUES (:meeting,"
                        + " :participant, :jid, :joined) ON CONFLICT DO NOTHING")
                .param("meeting", e.meetingId()).param("participant", e.participant()).param("jid", e.occupantJid())
                .param("joined", Timestamp.from(e.joinedAt())).update();
        changed(e.meetingId());
    }

    @EventHandler
    void on(ConferenceLeft e) {
        // The leave may come before its join: the row is made here and the join then finds it.
        jdbc.sql("INSERT INTO meeting_connection (meeting_id, participant, occupant_jid, joined_at) VALUES (:meeting,"
                        + " :participant, :jid, :joined) ON CONFLICT DO NOTHING")
                .param("meeting", e.meetingId()).param("participant", e.participant()).param("jid", e.occupantJid())
                .param("joined", Timestamp.from(e.joinedAt())).update();
        jdbc.sql("UPDATE meeting_connection SET left_at = :left WHERE meeting_id = :meeting AND participant = :participant"
                        + " AND occupant_jid = :jid AND joined_at = :joined")
                .param("left", Timestamp.from(e.leftAt())).param("meeting", e.meetingId())
                .param("participant", e.participant()).param("jid", e.occupantJid())
                .param("joined", Timestamp.from(e.joinedAt())).update();
        changed(e.meetingId());
    }

    /** The live feed's count of connection changes (never reset: see the migration V3_3). */
    private void changed(String meetingId) {
        jdbc.sql("INSERT INTO meeting_connection_change (meeting_id, changes) VALUES (:meeting, 0) ON CONFLICT DO NOTHING")
                .param("meeting", meetingId).update();
        jdbc.sql("UPDATE meeting_connection_change SET changes = changes + 1 WHERE meeting_id = :meeting")
                .param("meeting", meetingId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM meeting_connection").update();
    }
}
