package vn.egov.backbone.meetings.conference.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Attendance evidence from Jitsi, one stream per participant of a meeting ({@code attendanceId} =
 * meeting id + {@code |} + participant). A connection is known by its occupant JID and join time,
 * as event_sync sends them; the same connection reported twice is recorded once.
 */
public final class ConferenceCommands {
    private ConferenceCommands() {
    }

    public record RecordJoin(@TargetAggregateIdentifier String attendanceId, String meetingId, String participant,
                             String occupantJid, String displayName, Instant joinedAt) {
    }

    public record RecordLeave(@TargetAggregateIdentifier String attendanceId, String meetingId, String participant,
                              String occupantJid, Instant joinedAt, Instant leftAt, Long dominantSpeakerMillis) {
    }

    public static String attendanceId(String meetingId, String participant) {
        return meetingId + "|" + participant;
    }
}
