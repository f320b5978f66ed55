package vn.egov.backbone.meetings.conference;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the meeting of a room as prosody names it: the MUC node, {@code [tenant]room} with a tenant (or
 * the bare {@code room}, as mod_reservations sends it), or a full JID {@code [tenant]room@conference.host}.
 * A room of another tenant is unknown here; room slugs end with the meeting's id, so a bare one names
 * one meeting.
 */
@Component
class JitsiRooms {
    private static final Pattern NODE = Pattern.compile("^(?:\\[([^\\]]+)])?([^@]+)(?:@.*)?$");

    private final JitsiProperties jitsi;
    private final MeetingQueries meetings;

    JitsiRooms(JitsiProperties jitsi, MeetingQueries meetings) {
        this.jitsi = jitsi;
        this.meetings = meetings;
    }

    MeetingRecord meetingOf(String roomName) {
        if (roomName == null || roomName.isBlank()) {
            throw new InvalidInput("room_name", ConferenceError.ROOM_REQUIRED);
        }
        Matcher m = NODE.matcher(roomName.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInput("room_name", ConferenceError.NOT_A_ROOM, roomName);
        }
        String tenant = m.group(1);
        // mod_reservations names the room by the node of the address the client asked for, before
        // mod_muc_domain_mapper rewrites it to [tenant]room: in a tenant deployment the bare room comes too
        boolean ourTenant = tenant == null
                || JitsiProperties.present(jitsi.tenant()) && jitsi.tenant().toLowerCase(Locale.ROOT).equals(tenant);
        if (!ourTenant) {
            throw new NotFound(ConferenceError.ROOM_NOT_OURS, roomName);
        }
        return meetings.findByRoom(m.group(2))
                .orElseThrow(() -> new NotFound(ConferenceError.NO_MEETING_IN_ROOM, roomName));
    }
}
