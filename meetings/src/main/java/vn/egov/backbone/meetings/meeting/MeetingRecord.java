package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.meetings.meeting.api.MeetingKind;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.time.Instant;

/** A meeting's row in the read model. */
public record MeetingRecord(String id, String title, MeetingKind kind, MeetingStatus status, String chairId,
                            String secretaryId, String hostUnitId, Instant startsAt, Instant endsAt, String location,
                            String roomSlug, long conferenceId, String checkInCode, int quorumPercent, int seats,
                            int presentSeats, String currentItemId, String currentSpeechId, boolean roomOpen,
                            String recordingSession, int minutesVersion, String minutesText, boolean minutesApproved,
                            String conclusionDocumentId, String cancelReason, long version) {

    /** The same meeting without the room's check-in code, for everyone but the chair and the secretary. */
    public MeetingRecord withoutCheckInCode() {
        return new MeetingRecord(id, title, kind, status, chairId, secretaryId, hostUnitId, startsAt, endsAt, location,
                roomSlug, conferenceId, null, quorumPercent, seats, presentSeats, currentItemId, currentSpeechId, roomOpen,
                recordingSession, minutesVersion, minutesText, minutesApproved, conclusionDocumentId, cancelReason, version);
    }

    /** More than the quorum share of the seats are present. */
    public boolean quorumReached() {
        return seats > 0 && presentSeats * 100 > quorumPercent * seats;
    }
}
