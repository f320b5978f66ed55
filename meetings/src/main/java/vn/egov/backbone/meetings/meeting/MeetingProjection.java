package vn.egov.backbone.meetings.meeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.*;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Read models of meetings: the meeting, its seats, endpoints, agenda, documents and comments, the
 * speakers' list, votes and ballots, and the notices invitees get when a meeting changes. Every
 * event sets {@code meeting_view.version} to its sequence number, so a page can wait for its own write.
 */
@Component
@ProcessingGroup("meetings")
class MeetingProjection {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(DisplayDates.VIETNAM);

    private final JdbcClient jdbc;

    MeetingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MeetingScheduled e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        MeetingDetails d = e.details();
        jdbc.sql("INSERT INTO meeting_view (id, title, kind, status, chair_id, secretary_id, host_unit_id, starts_at,"
                        + " ends_at, location, room_slug, conference_id, check_in_code, quorum_percent, seats, present_seats,"
                        + " room_open, minutes_version, minutes_approved, version) VALUES (:id, :title, :kind, 'SCHEDULED',"
                        + " :chair, :secretary, :host, :starts, :ends, :location, :slug, :conference, :code, :quorum, :seats, 0,"
                        + " FALSE, 0, FALSE, :seq)")
                .param("id", e.meetingId()).param("title", d.title()).param("kind", d.kind().name())
                .param("chair", d.chairId()).param("secretary", d.secretaryId()).param("host", d.hostUnitId())
                .param("starts", ts(d.startsAt())).param("ends", ts(d.endsAt())).param("location", d.location())
                .param("slug", e.roomSlug()).param("conference", e.conferenceId()).param("code", e.checkInCode())
                .param("quorum", d.quorumPercent()).param("seats", d.inviteeIds().size()).param("seq", seq).update();
        for (String seat : d.inviteeIds()) {
            jdbc.sql("INSERT INTO meeting_seat (meeting_id, seat_id, response, presence) VALUES (:id, :seat, 'PENDING',"
                    + " 'NOT_CHECKED_IN')").param("id", e.meetingId()).param("seat", seat).update();
        }
        for (String unit : d.endpointUnitIds()) {
            jdbc.sql("INSERT INTO meeting_endpoint (meeting_id, unit_id) VALUES (:id, :unit)")
                    .param("id", e.meetingId()).param("unit", unit).update();
        }
        notifyEveryone(e.meetingId(), seq, at, "Giấy mời họp: " + d.title() + ", " + WHEN.format(d.startsAt())
                + (d.location() == null ? "" : ", tại " + d.location()));
    }

    @EventHandler
    void on(MeetingRescheduled e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE meeting_view SET starts_at = :starts, ends_at = :ends,"
                        + " location = COALESCE(:location, location), version = :seq WHERE id = :id")
                .param("starts", ts(e.startsAt())).param("ends", ts(e.endsAt())).param("location", e.location())
                .param("seq", seq).param("id", e.meetingId()).update();
        notifyEveryone(e.meetingId(), seq, at, "Thay đổi lịch họp: " + title(e.meetingId()) + " chuyển sang "
                + WHEN.format(e.startsAt()) + (e.location() == null ? "" : ", tại " + e.location())
                + ". Lý do: " + e.reason());
    }

    @EventHandler
    void on(MeetingCancelled e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE meeting_view SET status = 'CANCELLED', cancel_reason = :reason, version = :seq WHERE id = :id")
                .param("reason", e.reason()).param("seq", seq).param("id", e.meetingId()).update();
        notifyEveryone(e.meetingId(), seq, at, "Hủy cuộc họp: " + title(e.meetingId()) + ". Lý do: " + e.reason());
    }

    @EventHandler
    void on(InvitationAccepted e, @SequenceNumber long seq) {
        seat(e.meetingId(), e.seatId(), "response = 'ACCEPTED', deputy_id = NULL, decline_reason = NULL", null, seq);
    }

    @EventHandler
    void on(InvitationDeclined e, @SequenceNumber long seq) {
        seat(e.meetingId(), e.seatId(), "response = 'DECLINED', deputy_id = NULL, decline_reason = :value", e.reason(), seq);
    }

    @EventHandler
    void on(SeatDelegated e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        seat(e.meetingId(), e.seatId(), "response = 'DELEGATED', deputy_id = :value", e.deputyId(), seq);
        notify(e.deputyId(), e.meetingId(), seq, at, "Anh/chị được cử dự họp thay: " + title(e.meetingId()));
    }

    @EventHandler
    void on(AgendaItemAdded e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_agenda_item (meeting_id, item_id, position, title, presenter_id, planned_minutes)"
                        + " VALUES (:id, :item, :position, :title, :presenter, :minutes)")
                .param("id", e.meetingId()).param("item", e.itemId()).param("position", e.position())
                .param("title", e.title()).param("presenter", e.presenterId()).param("minutes", e.plannedMinutes())
                .update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(AgendaItemMoved e, @SequenceNumber long seq) {
        List<String> order = new ArrayList<>(jdbc.sql("SELECT item_id FROM meeting_agenda_item WHERE meeting_id = :id"
                + " ORDER BY position").param("id", e.meetingId()).query(String.class).list());
        order.remove(e.itemId());
        order.add(e.position() - 1, e.itemId());
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE meeting_agenda_item SET position = :position WHERE meeting_id = :id AND item_id = :item")
                    .param("position", i + 1).param("id", e.meetingId()).param("item", order.get(i)).update();
        }
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(MeetingDocumentAttached e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_document (meeting_id, document_id, item_id, title, eoffice_document_id, file_key,"
                        + " visible_from) VALUES (:id, :document, :item, :title, :eoffice, :file, :visible)")
                .param("id", e.meetingId()).param("document", e.documentId()).param("item", e.itemId())
                .param("title", e.title()).param("eoffice", e.eofficeDocumentId()).param("file", e.fileKey())
                .param("visible", ts(e.visibleFrom())).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(MeetingDocumentCommented e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_document_comment (meeting_id, document_id, comment_id, author_id, text, at)"
                        + " VALUES (:id, :document, :comment, :author, :text, :at)")
                .param("id", e.meetingId()).param("document", e.documentId()).param("comment", e.commentId())
                .param("author", e.authorId()).param("text", e.text()).param("at", ts(e.at())).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(MeetingStarted e, @SequenceNumber long seq) {
        status(e.meetingId(), MeetingStatus.IN_PROGRESS, seq);
    }

    @EventHandler
    void on(MeetingEnded e, @SequenceNumber long seq) {
        status(e.meetingId(), MeetingStatus.ENDED, seq);
    }

    @EventHandler
    void on(AgendaItemTakenUp e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET current_item_id = :item, version = :seq WHERE id = :id")
                .param("item", e.itemId()).param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(ParticipantCheckedIn e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_seat SET presence = :presence, absent_reason = NULL, checked_in_at = :at"
                        + " WHERE meeting_id = :id AND seat_id = :seat")
                .param("presence", e.presence().name()).param("at", ts(e.at())).param("id", e.meetingId())
                .param("seat", e.seatId()).update();
        presentSeats(e.meetingId(), e.presentSeats(), seq);
    }

    @EventHandler
    void on(ParticipantMarkedAbsent e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_seat SET presence = :presence, absent_reason = :reason"
                        + " WHERE meeting_id = :id AND seat_id = :seat")
                .param("presence", Presence.ABSENT.name()).param("reason", e.reason()).param("id", e.meetingId())
                .param("seat", e.seatId()).update();
        presentSeats(e.meetingId(), e.presentSeats(), seq);
    }

    @EventHandler
    void on(FloorRequested e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_floor_request (meeting_id, request_id, item_id, seat_id, speaker_id, kind, state,"
                        + " requested_at) VALUES (:id, :request, :item, :seat, :speaker, :kind, 'WAITING', :at)")
                .param("id", e.meetingId()).param("request", e.requestId()).param("item", e.itemId())
                .param("seat", e.seatId()).param("speaker", e.speakerId()).param("kind", e.kind().name())
                .param("at", ts(e.at())).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(FloorRequestWithdrawn e, @SequenceNumber long seq) {
        floor(e.meetingId(), e.requestId(), "state = 'WITHDRAWN'", seq);
    }

    @EventHandler
    void on(FloorGiven e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_floor_request SET state = 'SPEAKING', started_at = :at, speaking_seconds = :limit"
                        + " WHERE meeting_id = :id AND request_id = :request")
                .param("at", ts(e.at())).param("limit", e.speakingSeconds()).param("id", e.meetingId())
                .param("request", e.requestId()).update();
        jdbc.sql("UPDATE meeting_view SET current_speech_id = :request, version = :seq WHERE id = :id")
                .param("request", e.requestId()).param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(SpeechEnded e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_floor_request SET state = 'DONE', spoke_seconds = :spoke"
                        + " WHERE meeting_id = :id AND request_id = :request")
                .param("spoke", e.spokeSeconds()).param("id", e.meetingId()).param("request", e.requestId()).update();
        jdbc.sql("UPDATE meeting_view SET current_speech_id = NULL, version = :seq WHERE id = :id")
                .param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(VoteOpened e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_vote (meeting_id, vote_id, item_id, question, secret, base, open, entitled, ballots,"
                        + " yes_count, no_count, abstain_count, opened_seq) VALUES (:id, :vote, :item, :question, :secret,"
                        + " :base, TRUE, :entitled, 0, 0, 0, 0, :seq)")
                .param("id", e.meetingId()).param("vote", e.voteId()).param("item", e.itemId())
                .param("question", e.question()).param("secret", e.secret()).param("base", e.base().name())
                .param("entitled", e.entitledSeats().size()).param("seq", seq).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(VoteCast e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO meeting_ballot (meeting_id, vote_id, seat_id, voter_id, choice, written)"
                        + " VALUES (:id, :vote, :seat, :voter, :choice, :written)")
                .param("id", e.meetingId()).param("vote", e.voteId()).param("seat", e.seatId())
                .param("voter", e.voterId()).param("choice", e.choice() == null ? null : e.choice().name())
                .param("written", e.writtenOpinion()).update();
        jdbc.sql("UPDATE meeting_vote SET ballots = ballots + 1 WHERE meeting_id = :id AND vote_id = :vote")
                .param("id", e.meetingId()).param("vote", e.voteId()).update();
        if (e.choice() != null) {
            count(e.meetingId(), e.voteId(), e.choice());
        }
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(SecretBallotDeposited e, @SequenceNumber long seq) {
        count(e.meetingId(), e.voteId(), e.choice());
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(VoteClosed e, @SequenceNumber long seq) {
        VoteResult r = e.result();
        jdbc.sql("UPDATE meeting_vote SET open = FALSE, yes_count = :yes, no_count = :no, abstain_count = :abstain,"
                        + " present = :present, base_count = :base, not_voted = :notVoted, yes_percent = :yesPct,"
                        + " no_percent = :noPct, abstain_percent = :abstainPct, adopted = :adopted"
                        + " WHERE meeting_id = :id AND vote_id = :vote")
                .param("yes", r.yes()).param("no", r.no()).param("abstain", r.abstain()).param("present", r.present())
                .param("base", r.base()).param("notVoted", r.notVoted()).param("yesPct", r.yesPercent())
                .param("noPct", r.noPercent()).param("abstainPct", r.abstainPercent()).param("adopted", r.adopted())
                .param("id", e.meetingId()).param("vote", e.voteId()).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(MinutesDrafted e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET minutes_version = :version, minutes_text = :text, version = :seq WHERE id = :id")
                .param("version", e.version()).param("text", e.text()).param("seq", seq).param("id", e.meetingId())
                .update();
    }

    @EventHandler
    void on(MinutesApproved e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET minutes_approved = TRUE, version = :seq WHERE id = :id")
                .param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(MinutesSigned e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("INSERT INTO meeting_minutes_signature (meeting_id, signatory, signer_id, minutes_version, file_key,"
                        + " file_name, file_size, certificate_subject, signed_at, seq) VALUES (:id, :signatory, :signer,"
                        + " :version, :file, :name, :size, :subject, :at, :seq)")
                .param("id", e.meetingId()).param("signatory", e.signatory().name()).param("signer", e.signerId())
                .param("version", e.version()).param("file", e.fileKey()).param("name", e.fileName())
                .param("size", e.size()).param("subject", e.certificateSubject()).param("at", Timestamp.from(at))
                .param("seq", seq).update();
        version(e.meetingId(), seq);
    }

    @EventHandler
    void on(ConclusionNoticeRequested e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET conclusion_document_id = :document, version = :seq WHERE id = :id")
                .param("document", e.documentId()).param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(ConferenceRoomOpened e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET room_open = TRUE, version = :seq WHERE id = :id")
                .param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(ConferenceRoomClosed e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET room_open = FALSE, version = :seq WHERE id = :id")
                .param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(RecordingStarted e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET recording_session = :session, version = :seq WHERE id = :id")
                .param("session", e.sessionId()).param("seq", seq).param("id", e.meetingId()).update();
    }

    @EventHandler
    void on(RecordingStopped e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE meeting_view SET recording_session = NULL, version = :seq WHERE id = :id")
                .param("seq", seq).param("id", e.meetingId()).update();
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("meeting_minutes_signature", "meeting_notification", "meeting_ballot", "meeting_vote", "meeting_floor_request",
                "meeting_document_comment", "meeting_document", "meeting_agenda_item", "meeting_endpoint", "meeting_seat",
                "meeting_view")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private void count(String meetingId, String voteId, VoteChoice choice) {
        String column = switch (choice) {
            case YES -> "yes_count";
            case NO -> "no_count";
            case ABSTAIN -> "abstain_count";
        };
        jdbc.sql("UPDATE meeting_vote SET " + column + " = " + column + " + 1 WHERE meeting_id = :id AND vote_id = :vote")
                .param("id", meetingId).param("vote", voteId).update();
    }

    private void seat(String meetingId, String seatId, String assignments, String value, long seq) {
        jdbc.sql("UPDATE meeting_seat SET " + assignments + " WHERE meeting_id = :id AND seat_id = :seat")
                .param("id", meetingId).param("seat", seatId).param("value", value).update();
        version(meetingId, seq);
    }

    private void floor(String meetingId, String requestId, String assignments, long seq) {
        jdbc.sql("UPDATE meeting_floor_request SET " + assignments + " WHERE meeting_id = :id AND request_id = :request")
                .param("id", meetingId).param("request", requestId).update();
        version(meetingId, seq);
    }

    private void presentSeats(String meetingId, int present, long seq) {
        jdbc.sql("UPDATE meeting_view SET present_seats = :present, version = :seq WHERE id = :id")
                .param("present", present).param("seq", seq).param("id", meetingId).update();
    }

    private void status(String meetingId, MeetingStatus status, long seq) {
        jdbc.sql("UPDATE meeting_view SET status = :status, version = :seq WHERE id = :id")
                .param("status", status.name()).param("seq", seq).param("id", meetingId).update();
    }

    private void version(String meetingId, long seq) {
        jdbc.sql("UPDATE meeting_view SET version = :seq WHERE id = :id").param("seq", seq).param("id", meetingId).update();
    }

    private String title(String meetingId) {
        return jdbc.sql("SELECT title FROM meeting_view WHERE id = :id").param("id", meetingId).query(String.class).single();
    }

    /** Everyone concerned hears of it: members, their deputies, the secretary. */
    private void notifyEveryone(String meetingId, long seq, Instant at, String text) {
        List<String> people = jdbc.sql("SELECT COALESCE(deputy_id, seat_id) FROM meeting_seat WHERE meeting_id = :id"
                        + " UNION SELECT secretary_id FROM meeting_view WHERE id = :id")
                .param("id", meetingId).query(String.class).list();
        people.forEach(person -> notify(person, meetingId, seq, at, text));
        version(meetingId, seq);
    }

    private void notify(String officialId, String meetingId, long seq, Instant at, String text) {
        jdbc.sql("INSERT INTO meeting_notification (official_id, meeting_id, seq, text, at) VALUES (:official, :id, :seq,"
                        + " :text, :at)")
                .param("official", officialId).param("id", meetingId).param("seq", seq)
                .param("text", text.length() > 2000 ? text.substring(0, 2000) : text).param("at", ts(at)).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
