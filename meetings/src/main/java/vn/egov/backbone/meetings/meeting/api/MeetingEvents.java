package vn.egov.backbone.meetings.meeting.api;

import java.time.Instant;
import java.util.List;

/**
 * What happened in a meeting. Who did it, for which unit and when is in every event's metadata;
 * times that matter to the rules (check-in, speaking time) are also in the payload.
 */
public final class MeetingEvents {
    private MeetingEvents() {
    }

    /**
     * @param roomSlug      the Jitsi room, {@code [a-z0-9-]} only
     * @param conferenceId  the number Jitsi's mod_reservations knows the room by
     * @param checkInCode   what the QR code in the room encodes; a member presenting it is present in person
     */
    public record MeetingScheduled(String meetingId, MeetingDetails details, String roomSlug, long conferenceId,
                                   String checkInCode) {
    }

    public record MeetingRescheduled(String meetingId, Instant startsAt, Instant endsAt, String location,
                                     String reason) {
    }

    public record MeetingCancelled(String meetingId, String reason) {
    }

    public record InvitationAccepted(String meetingId, String seatId) {
    }

    public record InvitationDeclined(String meetingId, String seatId, String reason) {
    }

    public record SeatDelegated(String meetingId, String seatId, String deputyId) {
    }

    public record AgendaItemAdded(String meetingId, String itemId, int position, String title, String presenterId,
                                  int plannedMinutes) {
    }

    public record AgendaItemMoved(String meetingId, String itemId, int position) {
    }

    public record MeetingDocumentAttached(String meetingId, String documentId, String itemId, String title,
                                          String eofficeDocumentId, String fileKey, Instant visibleFrom) {
    }

    public record MeetingDocumentCommented(String meetingId, String documentId, String commentId, String authorId,
                                           String text, Instant at) {
    }

    public record MeetingStarted(String meetingId, Instant at) {
    }

    public record AgendaItemTakenUp(String meetingId, String itemId, Instant at) {
    }

    public record MeetingEnded(String meetingId, Instant at) {
    }

    /** @param attendeeId who sits in the seat: the member or their deputy */
    public record ParticipantCheckedIn(String meetingId, String seatId, String attendeeId, Presence presence,
                                       Instant at, int presentSeats, int seats) {
    }

    public record ParticipantMarkedAbsent(String meetingId, String seatId, String reason, int presentSeats, int seats) {
    }

    public record FloorRequested(String meetingId, String requestId, String itemId, String seatId, String speakerId,
                                 SpeechKind kind, Instant at) {
    }

    public record FloorRequestWithdrawn(String meetingId, String requestId) {
    }

    public record FloorGiven(String meetingId, String requestId, String speakerId, int speakingSeconds, Instant at) {
    }

    public record SpeechEnded(String meetingId, String requestId, long spokeSeconds, Instant at) {
    }

    /** @param entitledSeats the seats that may vote, fixed when the vote opens */
    public record VoteOpened(String meetingId, String voteId, String itemId, String question, boolean secret,
                             PercentBase base, List<String> entitledSeats) {
    }

    /**
     * A seat voted. In a secret vote {@code choice} is null: the choice is counted in the ballot box,
     * outside the event store, and only the totals are recorded, in {@link VoteClosed}.
     */
    public record VoteCast(String meetingId, String voteId, String seatId, String voterId, VoteChoice choice,
                           boolean writtenOpinion) {
    }

    /**
     * A secret ballot, without its seat, as secret votes stored it before the ballot box: its order and
     * time next to the seat's {@link VoteCast} could link the two. No longer written; kept so that the
     * meetings that have it still load.
     */
    public record SecretBallotDeposited(String meetingId, String voteId, VoteChoice choice) {
    }

    public record VoteClosed(String meetingId, String voteId, VoteResult result) {
    }

    public record MinutesDrafted(String meetingId, int version, String text) {
    }

    public record MinutesApproved(String meetingId, int version) {
    }

    /**
     * The approved minutes were signed (PAdES) by the chair or the secretary: {@code fileKey} is the signed PDF in
     * the attachment store (SHA-256), holding every signature made before it.
     */
    public record MinutesSigned(String meetingId, int version, MinutesSignatory signatory, String signerId,
                                String fileKey, String fileName, long size, String certificateSubject) {
    }

    public record ConclusionNoticeRequested(String meetingId, String documentId, String agencyId, String drafterId,
                                            String subject, String body) {
    }

    public record ConferenceRoomOpened(String meetingId, Instant at) {
    }

    public record ConferenceRoomClosed(String meetingId, Instant at) {
    }

    public record RecordingStarted(String meetingId, String sessionId) {
    }

    public record RecordingStopped(String meetingId, String sessionId) {
    }
}
