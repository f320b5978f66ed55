package vn.egov.backbone.meetings.meeting.api;

import java.time.Instant;

/** Parts of a meeting as its read model holds them, for the API and the pages (names as the API has served them). */
public final class MeetingViews {
    private MeetingViews() {
    }

    /** A signature on the approved minutes; the last one's file holds them all. */
    public record MinutesSignature(String meetingId, String signatory, String signerId, int minutesVersion, String fileKey,
                                   String fileName, long fileSize, String certificateSubject, Instant signedAt, long seq,
                                   String signerName) {
    }

    /** A hall (điểm cầu) invited to the meeting's video room: connected now ({@code connections}), joined earlier, or never. */
    public record EndpointState(String unitId, String unitName, String unitKind, long connections, Instant firstJoinedAt) {
    }

    /** What the official was told of a meeting (invited, moved, cancelled), newest first. */
    public record Notice(String meetingId, String text, Instant at) {
    }
}
