package vn.egov.backbone.meetings.meeting.api;

import java.time.Instant;
import java.util.List;

/**
 * What is scheduled. {@code inviteeIds} are the members (each a seat: entitled to vote, counted for
 * the quorum; the chair always has a seat); {@code endpointUnitIds} the units whose halls connect by
 * video (điểm cầu), the host unit's hall among them; {@code quorumPercent}: more than this share of
 * seats present makes the quorum (50 by default).
 */
public record MeetingDetails(String title, MeetingKind kind, String chairId, String hostUnitId, Instant startsAt,
                             Instant endsAt, String location, List<String> endpointUnitIds, List<String> inviteeIds,
                             String secretaryId, int quorumPercent) {
}
