package vn.egov.backbone.meetings.conference.api;

import java.time.Instant;

public final class ConferenceEvents {
    private ConferenceEvents() {
    }

    /** @param participant {@code official:<id>}, {@code endpoint:<unit id>}, or {@code guest:<occupant>} */
    public record ConferenceJoined(String attendanceId, String meetingId, String participant, String occupantJid,
                                   String displayName, Instant joinedAt) {
    }

    public record ConferenceLeft(String attendanceId, String meetingId, String participant, String occupantJid,
                                 Instant joinedAt, Instant leftAt, Long dominantSpeakerMillis) {
    }
}
