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
 * Finds the meeting of a room as prosody names it: the MUC node, {@code [tenant]room} with a tenant,
 * or a full JID {@code [tenant]room@conference.host}. A room of another tenant is unknown here.
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
        boolean ourTenant = JitsiProperties.present(jitsi.tenant())
                ? jitsi.tenant().toLowerCase(Locale.ROOT).equals(tenant) : tenant == null;
        if (!ourTenant) {
            throw new NotFound(ConferenceError.ROOM_NOT_OURS, roomName);
        }
        return meetings.findByRoom(m.group(2))
                .orElseThrow(() -> new NotFound(ConferenceError.NO_MEETING_IN_ROOM, roomName));
    }
}
