package vn.egov.backbone.meetings.conference;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.conference.api.ConferenceCommands;
import vn.egov.backbone.meetings.conference.api.ConferenceCommands.RecordJoin;
import vn.egov.backbone.meetings.conference.api.ConferenceCommands.RecordLeave;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CheckIn;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomClosed;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomOpened;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;
import vn.egov.backbone.meetings.meeting.api.Presence;

import java.time.Clock;
import java.time.Instant;

/**
 * What Jitsi's prosody asks and reports about a meeting's video room, for its callbacks (the caller proved by
 * {@link CallbackSecret} in the controllers): whether the room may open now (mod_reservations), that it
 * opened or closed, who joined and who left (event_sync). Each report becomes the meeting's or the
 * attendance's command; the aggregates ignore a report they already hold, so prosody's retries are harmless.
 */
@Service
class RoomActions {
    private final JitsiRooms rooms;
    private final MeetingQueries meetings;
    private final JitsiProperties jitsi;
    private final Commands commands;
    private final Clock clock;

    RoomActions(JitsiRooms rooms, MeetingQueries meetings, JitsiProperties jitsi, Commands commands, Clock clock) {
        this.rooms = rooms;
        this.meetings = meetings;
        this.jitsi = jitsi;
        this.commands = commands;
        this.clock = clock;
    }

    /** The meeting a room name (as prosody writes it, tenant included) belongs to; 404 for any other room. */
    MeetingRecord meetingOf(String roomName) {
        return rooms.meetingOf(roomName);
    }

    /**
     * Prosody is about to create the meeting's room: only for a video meeting neither cancelled nor over, from
     * {@code notBeforeMargin} before its start until {@link #closesAt}; the room's opening is recorded now.
     */
    MeetingRecord reserve(String roomName) {
        MeetingRecord meeting = rooms.meetingOf(roomName);
        Instant now = clock.instant();
        if (!meeting.kind().usesVideo()) {
            throw new BusinessRuleViolation(ConferenceError.IN_PERSON);
        }
        if (meeting.status() == MeetingStatus.CANCELLED || meeting.status() == MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(ConferenceError.MEETING_STATUS, meeting.status());
        }
        if (now.isBefore(meeting.startsAt().minus(jitsi.notBeforeMargin()))) {
            throw new BusinessRuleViolation(ConferenceError.OPENS_BEFORE, jitsi.notBeforeMargin().toMinutes());
        }
        if (!now.isBefore(closesAt(meeting))) {
            throw new BusinessRuleViolation(ConferenceError.TIME_OVER);
        }
        commands.send(new RecordRoomOpened(meeting.id(), now));
        return meeting;
    }

    /** When the room's reservation ends: the meeting's planned end and the expiry margin after it. */
    Instant closesAt(MeetingRecord meeting) {
        return meeting.endsAt().plus(jitsi.expiryMargin());
    }

    /** The meeting of a reservation prosody holds by its conference id; 404 for an unknown one. */
    MeetingRecord reservation(long conferenceId) {
        return meetings.findByConference(conferenceId)
                .orElseThrow(() -> new NotFound(ConferenceError.NO_RESERVATION, conferenceId));
    }

    /** Prosody ends the reservation (the room is gone): the room closed now. */
    void endReservation(long conferenceId) {
        commands.send(new RecordRoomClosed(reservation(conferenceId).id(), clock.instant()));
    }

    void roomOpened(MeetingRecord meeting, Instant at) {
        commands.send(new RecordRoomOpened(meeting.id(), at));
    }

    void roomClosed(MeetingRecord meeting, Instant at) {
        commands.send(new RecordRoomClosed(meeting.id(), at));
    }

    /**
     * A participant joined the room: the evidence recorded; an official's first join checks their seat in as
     * present online.
     */
    void joined(MeetingRecord meeting, String participant, String occupantJid, String name, Instant joinedAt) {
        commands.send(new RecordJoin(ConferenceCommands.attendanceId(meeting.id(), participant), meeting.id(), participant,
                occupantJid, name, joinedAt));
        if (participant.startsWith(ConferenceParticipant.OFFICIAL)) {
            String officialId = participant.substring(ConferenceParticipant.OFFICIAL.length());
            meetings.seatOf(meeting.id(), officialId).ifPresent(seat -> {
                try {
                    commands.send(new CheckIn(meeting.id(), seat, Presence.ONLINE, null, officialId, joinedAt));
                } catch (BusinessRuleViolation | AccessDeniedException notNow) {
                    // A meeting that is over keeps the evidence of the join without a check-in.
                }
            });
        }
    }

    void left(MeetingRecord meeting, String participant, String occupantJid, Instant joinedAt, Instant leftAt,
              Long dominantSpeakerSeconds) {
        commands.send(new RecordLeave(ConferenceCommands.attendanceId(meeting.id(), participant), meeting.id(), participant,
                occupantJid, joinedAt, leftAt, dominantSpeakerSeconds));
    }
}
