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
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;

import java.time.Duration;
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
    private final RoomActions room;
    private final MeetingQueries meetings;
    private final JitsiProperties jitsi;

    ReservationController(CallbackSecret secret, RoomActions room, MeetingQueries meetings, JitsiProperties jitsi) {
        this.secret = secret;
        this.room = room;
        this.meetings = meetings;
        this.jitsi = jitsi;
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> reserve(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @RequestParam String name, @RequestParam(name = "start_time", required = false) String startTime,
                                @RequestParam(name = "mail_owner", required = false) String mailOwner) {
        secret.check(authorization);
        MeetingRecord meeting = room.reserve(name);
        return reservation(meeting, name, mailOwner);
    }

    @GetMapping("/{conferenceId}")
    Map<String, Object> get(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                            @PathVariable long conferenceId) {
        secret.check(authorization);
        MeetingRecord meeting = room.reservation(conferenceId);
        return reservation(meeting, roomName(meeting), null);
    }

    @DeleteMapping("/{conferenceId}")
    Map<String, Object> delete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                               @PathVariable long conferenceId) {
        secret.check(authorization);
        room.endReservation(conferenceId);
        return Map.of("id", conferenceId);
    }

    private Map<String, Object> reservation(MeetingRecord meeting, String name, String mailOwner) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", meeting.conferenceId());
        answer.put("name", name);
        answer.put("mail_owner", mailOwner == null ? "" : mailOwner);
        answer.put("start_time", START_TIME.format(meeting.startsAt()));
        // prosody (mod_reservations.lua, set_status_success): expires_at = start_time + duration, with the
        // start_time of this answer; so the duration runs from the meeting's start, whenever the room opens
        answer.put("duration", Duration.between(meeting.startsAt(), room.closesAt(meeting)).toSeconds());
        answer.put("max_occupants", meeting.seats() + meetings.endpoints(meeting.id()).size() + SPARE_OCCUPANTS);
        return answer;
    }

    private String roomName(MeetingRecord meeting) {
        return JitsiProperties.present(jitsi.tenant()) ? "[" + jitsi.subject() + "]" + meeting.roomSlug() : meeting.roomSlug();
    }
}
