package vn.egov.backbone.meetings.conference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomClosed;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomOpened;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prosody's mod_reservations asks here before it creates a room (handbook, reservation.md), so only
 * scheduled video meetings open rooms, for as long as the meeting lasts and for as many people as it
 * invited. Prosody passes a 4xx answer's {@code message} to the user as a reservation error.
 */
@RestController
@RequestMapping(path = "/jitsi/reservations/conference", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {
    /** Seats and endpoints, plus room for the secretary, presenters and technicians. */
    private static final int SPARE_OCCUPANTS = 10;
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(java.time.ZoneOffset.UTC);

    private final CallbackSecret secret;
    private final JitsiRooms rooms;
    private final MeetingQueries meetings;
    private final JitsiProperties jitsi;
    private final Commands commands;
    private final Clock clock;

    ReservationController(CallbackSecret secret, JitsiRooms rooms, MeetingQueries meetings, JitsiProperties jitsi,
                          Commands commands, Clock clock) {
        this.secret = secret;
        this.rooms = rooms;
        this.meetings = meetings;
        this.jitsi = jitsi;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> reserve(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @RequestParam String name, @RequestParam(name = "start_time", required = false) String startTime,
                                @RequestParam(name = "mail_owner", required = false) String mailOwner) {
        secret.check(authorization);
        MeetingRecord meeting = rooms.meetingOf(name);
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
        return reservation(meeting, name, mailOwner);
    }

    @GetMapping("/{conferenceId}")
    Map<String, Object> get(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                            @PathVariable long conferenceId) {
        secret.check(authorization);
        MeetingRecord meeting = byConference(conferenceId);
        return reservation(meeting, roomName(meeting), null);
    }

    @DeleteMapping("/{conferenceId}")
    Map<String, Object> delete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                               @PathVariable long conferenceId) {
        secret.check(authorization);
        MeetingRecord meeting = byConference(conferenceId);
        commands.send(new RecordRoomClosed(meeting.id(), clock.instant()));
        return Map.of("id", conferenceId);
    }

    private MeetingRecord byConference(long conferenceId) {
        return meetings.findByConference(conferenceId)
                .orElseThrow(() -> new NotFound(ConferenceError.NO_RESERVATION, conferenceId));
    }

    private Map<String, Object> reservation(MeetingRecord meeting, String name, String mailOwner) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", meeting.conferenceId());
        answer.put("name", name);
        answer.put("mail_owner", mailOwner == null ? "" : mailOwner);
        answer.put("start_time", START_TIME.format(meeting.startsAt()));
        // prosody (mod_reservations.lua, set_status_success): expires_at = start_time + duration, with the
        // start_time of this answer; so the duration runs from the meeting's start, whenever the room opens
        answer.put("duration", Duration.between(meeting.startsAt(), closesAt(meeting)).toSeconds());
        answer.put("max_occupants", meeting.seats() + meetings.endpoints(meeting.id()).size() + SPARE_OCCUPANTS);
        return answer;
    }

    private Instant closesAt(MeetingRecord meeting) {
        return meeting.endsAt().plus(jitsi.expiryMargin());
    }

    private String roomName(MeetingRecord meeting) {
        return JitsiProperties.present(jitsi.tenant()) ? "[" + jitsi.subject() + "]" + meeting.roomSlug() : meeting.roomSlug();
    }
}
