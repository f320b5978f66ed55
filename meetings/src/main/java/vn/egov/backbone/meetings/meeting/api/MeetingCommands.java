package vn.egov.backbone.meetings.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * What officials ask of a meeting. {@code actorId} is the official asking (the same as the event
 * metadata's): the meeting itself decides whether that official may (the chair, the secretary, the
 * member of a seat or their deputy).
 */
public final class MeetingCommands {
    private MeetingCommands() {
    }

    public record ScheduleMeeting(String meetingId, MeetingDetails details, String actorId) {
    }

    public record RescheduleMeeting(@TargetAggregateIdentifier String meetingId, Instant startsAt, Instant endsAt,
                                    String location, String reason, String actorId) {
    }

    public record CancelMeeting(@TargetAggregateIdentifier String meetingId, String reason, String actorId) {
    }

    /** A member accepts ({@code accept}) or declines with a reason. */
    public record RespondToInvitation(@TargetAggregateIdentifier String meetingId, String seatId, boolean accept,
                                      String reason, String actorId) {
    }

    /** A member sends a deputy, who attends, speaks and votes in the member's seat. */
    public record DelegateSeat(@TargetAggregateIdentifier String meetingId, String seatId, String deputyId,
                               String actorId) {
    }

    public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, String title,
                                String presenterId, int plannedMinutes, String actorId) {
    }

    public record MoveAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, int position,
                                 String actorId) {
    }

    /**
     * A meeting document: an e-office document ({@code eofficeDocumentId}) or an uploaded file
     * ({@code fileKey}), shown to members only from {@code visibleFrom} (null: at once).
     */
    public record AttachMeetingDocument(@TargetAggregateIdentifier String meetingId, String documentId, String itemId,
                                        String title, String eofficeDocumentId, String fileKey, Instant visibleFrom,
                                        String actorId) {
    }

    public record CommentOnMeetingDocument(@TargetAggregateIdentifier String meetingId, String documentId,
                                           String commentId, String text, String actorId) {
    }

    public record StartMeeting(@TargetAggregateIdentifier String meetingId, String actorId) {
    }

    public record TakeUpAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, String actorId) {
    }

    public record EndMeeting(@TargetAggregateIdentifier String meetingId, String actorId) {
    }

    /**
     * Checks a seat in: by the secretary, by the member with the room's check-in code (the QR code on
     * the tablet), or online when the member's Jitsi join is recorded ({@code checkInCode} then null
     * and the actor the system).
     */
    /** @param at when the participant arrived, if known from elsewhere (prosody's {@code joined_at}); null: now */
    public record CheckIn(@TargetAggregateIdentifier String meetingId, String seatId, Presence presence,
                          String checkInCode, String actorId, java.time.Instant at) {
        public CheckIn(String meetingId, String seatId, Presence presence, String checkInCode, String actorId) {
            this(meetingId, seatId, presence, checkInCode, actorId, null);
        }
    }

    public record MarkAbsent(@TargetAggregateIdentifier String meetingId, String seatId, String reason, String actorId) {
    }

    public record RequestFloor(@TargetAggregateIdentifier String meetingId, String requestId, String itemId,
                               String seatId, SpeechKind kind, String actorId) {
    }

    public record WithdrawFloorRequest(@TargetAggregateIdentifier String meetingId, String requestId, String actorId) {
    }

    public record GiveFloor(@TargetAggregateIdentifier String meetingId, String requestId, int speakingSeconds,
                            String actorId) {
    }

    public record EndSpeech(@TargetAggregateIdentifier String meetingId, String requestId, String actorId) {
    }

    public record OpenVote(@TargetAggregateIdentifier String meetingId, String voteId, String itemId, String question,
                           boolean secret, PercentBase base, String actorId) {
    }

    /** {@code writtenOpinion}: the absent member's written opinion form (phiếu lấy ý kiến). */
    public record CastVote(@TargetAggregateIdentifier String meetingId, String voteId, String seatId, VoteChoice choice,
                           boolean writtenOpinion, String actorId) {
    }

    public record CloseVote(@TargetAggregateIdentifier String meetingId, String voteId, String actorId) {
    }

    public record DraftMinutes(@TargetAggregateIdentifier String meetingId, String text, String actorId) {
    }

    public record ApproveMinutes(@TargetAggregateIdentifier String meetingId, int version, String actorId) {
    }

    /**
     * The approved minutes, signed as a PDF by the chair or the secretary. {@code basedOnFileKey} is the file the
     * signature was added to (null for the first signature, rendered from the approved text): a signature on a file
     * that another signature has since replaced would leave that one out, so it is refused.
     */
    public record SignMinutes(@TargetAggregateIdentifier String meetingId, int version, MinutesSignatory signatory,
                              String basedOnFileKey, String fileKey, String fileName, long size,
                              String certificateSubject, String actorId) {
    }

    /** The conclusion notice (thông báo kết luận) becomes an outgoing e-office draft of {@code agencyId}. */
    public record IssueConclusionNotice(@TargetAggregateIdentifier String meetingId, String documentId, String agencyId,
                                        String subject, String body, String actorId) {
    }

    /** The video room opened (Jitsi asked for it through mod_reservations) or closed. */
    public record RecordRoomOpened(@TargetAggregateIdentifier String meetingId, Instant at) {
    }

    public record RecordRoomClosed(@TargetAggregateIdentifier String meetingId, Instant at) {
    }

    public record RecordRecordingStarted(@TargetAggregateIdentifier String meetingId, String sessionId, String actorId) {
    }

    public record RecordRecordingStopped(@TargetAggregateIdentifier String meetingId, String actorId) {
    }
}
