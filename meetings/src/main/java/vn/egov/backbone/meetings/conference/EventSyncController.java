package vn.egov.backbone.meetings.conference;

import vn.egov.backbone.core.shared.InvalidInput;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.meetings.meeting.MeetingRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The jitsi-contrib event_sync webhooks ({@code POST {api_prefix}/events/room/created|destroyed},
 * {@code /events/occupant/joined|left}): attendance evidence, recorded per participant as events,
 * each connection once however often prosody retries it ({@link RoomActions} records them). Here: the wire
 * format — which event each path carries, the epoch seconds, who a participant is.
 */
@RestController
@RequestMapping(path = "/jitsi/events", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class EventSyncController {
    private static final Map<String, String> EVENT_NAMES = Map.of(
            "room/created", "muc-room-created", "room/destroyed", "muc-room-destroyed",
            "occupant/joined", "muc-occupant-joined", "occupant/left", "muc-occupant-left");

    record Occupant(@JsonProperty("occupant_jid") String occupantJid, @JsonProperty("joined_at") Long joinedAt,
                    @JsonProperty("left_at") Long leftAt, String name, String email, String id,
                    @JsonProperty("total_dominant_speaker_time") Long dominantSpeakerTime) {
    }

    record RoomEvent(@JsonProperty("event_name") String eventName, @JsonProperty("room_name") String roomName,
                     @JsonProperty("room_jid") String roomJid, @JsonProperty("created_at") Long createdAt,
                     @JsonProperty("destroyed_at") Long destroyedAt, @JsonProperty("is_breakout") Boolean breakout,
                     Occupant occupant,
                     // prosody's JSON encoder writes an empty Lua table as {}: one empty object, not a list
                     @JsonProperty("all_occupants") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                     List<Occupant> allOccupants) {
        /** A breakout room reports under its main room's name: its creation and end are not the conference's. */
        boolean breakoutRoom() {
            return Boolean.TRUE.equals(breakout);
        }
    }

    private final CallbackSecret secret;
    private final RoomActions room;

    EventSyncController(CallbackSecret secret, RoomActions room) {
        this.secret = secret;
        this.room = room;
    }

    @PostMapping("/{subject}/{action}")
    Map<String, Object> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @PathVariable String subject, @PathVariable String action,
                                @RequestBody RoomEvent event) {
        secret.check(authorization);
        String expected = EVENT_NAMES.get(subject + "/" + action);
        if (expected == null) {
            throw new vn.egov.backbone.core.shared.NotFound(ConferenceError.NO_EVENT_SYNC_ENDPOINT, subject + "/" + action);
        }
        if (!expected.equals(event.eventName())) {
            throw new InvalidInput("event_name", ConferenceError.WRONG_EVENT, expected);
        }
        MeetingRecord meeting = room.meetingOf(event.roomName());
        switch (expected) {
            case "muc-room-created" -> {
                Instant created = seconds(event.createdAt(), "created_at");
                if (!event.breakoutRoom()) {
                    room.roomOpened(meeting, created);
                }
            }
            case "muc-room-destroyed" -> {
                Instant destroyed = seconds(event.destroyedAt(), "destroyed_at");
                // Whoever was still in the room left when it was destroyed.
                for (Occupant occupant : event.allOccupants() == null ? List.<Occupant>of() : event.allOccupants()) {
                    if (occupant != null && occupant.occupantJid() != null && occupant.joinedAt() != null) {
                        leave(meeting, occupant, occupant.leftAt() == null ? destroyed : Instant.ofEpochSecond(occupant.leftAt()));
                    }
                }
                if (!event.breakoutRoom()) {
                    room.roomClosed(meeting, destroyed);
                }
            }
            case "muc-occupant-joined" -> join(meeting, valid(event.occupant()));
            default -> {
                Occupant occupant = valid(event.occupant());
                leave(meeting, occupant, seconds(occupant.leftAt(), "occupant.left_at"));
            }
        }
        return Map.of("meetingId", meeting.id(), "event", expected);
    }

    private void join(MeetingRecord meeting, Occupant occupant) {
        room.joined(meeting, participant(occupant), occupant.occupantJid(), occupant.name(),
                Instant.ofEpochSecond(occupant.joinedAt()));
    }

    private void leave(MeetingRecord meeting, Occupant occupant, Instant leftAt) {
        room.left(meeting, participant(occupant), occupant.occupantJid(), Instant.ofEpochSecond(occupant.joinedAt()),
                leftAt, occupant.dominantSpeakerTime());
    }

    /** Backbone's token names the participant ({@code context.user.id}); anyone else is a guest known by their JID. */
    private static String participant(Occupant occupant) {
        String id = occupant.id();
        if (id != null && (id.startsWith(ConferenceParticipant.OFFICIAL) || id.startsWith(ConferenceParticipant.ENDPOINT))
                && id.length() <= 100) {
            return id;
        }
        String guest = ConferenceParticipant.GUEST + occupant.occupantJid();
        return guest.length() <= 100 ? guest : guest.substring(0, 100);
    }

    private static Occupant valid(Occupant occupant) {
        if (occupant == null || occupant.occupantJid() == null || occupant.occupantJid().isBlank()
                || occupant.occupantJid().length() > 300) {
            throw new InvalidInput("occupant.occupant_jid", ConferenceError.OCCUPANT_JID_REQUIRED);
        }
        seconds(occupant.joinedAt(), "occupant.joined_at");
        return occupant;
    }

    private static Instant seconds(Long epochSeconds, String field) {
        if (epochSeconds == null || epochSeconds <= 0 || epochSeconds > 32503680000L) {
            throw new InvalidInput(field, ConferenceError.EPOCH_SECONDS);
        }
        return Instant.ofEpochSecond(epochSeconds);
    }
}
