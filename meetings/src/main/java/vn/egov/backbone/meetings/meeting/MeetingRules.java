package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Label;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks of a command's values that need no state of the meeting; shared by the meeting and its parts. */
final class MeetingRules {
    /** The characters of a meeting's place its record ({@code meeting_view.location}) holds. */
    static final int LOCATION_LENGTH = 500;

    static final Duration LONGEST_MEETING = Duration.ofHours(24);

    private MeetingRules() {
    }

    /** The details as scheduled: the chair among the invitees, the host's hall among the endpoints of a video meeting. */
    static MeetingDetails validSchedule(MeetingDetails d) {
        require(d.title() != null && !d.title().isBlank() && d.title().length() <= 500, "title", MeetingError.TEXT_LENGTH,
                Label.field("title"), 500);
        require(d.kind() != null, "kind", MeetingError.KIND_REQUIRED);
        require(d.chairId() != null, "chairId", MeetingError.CHAIR_REQUIRED);
        require(d.secretaryId() != null, "secretaryId", MeetingError.SECRETARY_REQUIRED);
        require(d.hostUnitId() != null, "hostUnitId", MeetingError.HOST_REQUIRED);
        requireTimes(d.startsAt(), d.endsAt());
        requireLocation(d.location());
        require(d.quorumPercent() >= 0 && d.quorumPercent() < 100, "quorumPercent", MeetingError.QUORUM_RANGE);
        Set<String> invitees = new LinkedHashSet<>();
        invitees.add(d.chairId());
        if (d.inviteeIds() != null) {
            d.inviteeIds().stream().filter(Objects::nonNull).forEach(invitees::add);
        }
        require(invitees.size() <= 2000, "inviteeIds", MeetingError.TOO_MANY_INVITEES, 2000);
        Set<String> endpoints = new LinkedHashSet<>();
        if (d.kind().usesVideo()) {
            endpoints.add(d.hostUnitId());
            if (d.endpointUnitIds() != null) {
                d.endpointUnitIds().stream().filter(Objects::nonNull).forEach(endpoints::add);
            }
        } else {
            require(d.endpointUnitIds() == null || d.endpointUnitIds().isEmpty(),
                    "endpointUnitIds", MeetingError.IN_PERSON_NO_ENDPOINTS);
        }
        require(endpoints.size() <= 1000, "endpointUnitIds", MeetingError.TOO_MANY_ENDPOINTS, 1000);
        return new MeetingDetails(d.title().strip(), d.kind(), d.chairId(), d.hostUnitId(), d.startsAt(), d.endsAt(),
                d.location() == null ? null : d.location().strip(), List.copyOf(endpoints), List.copyOf(invitees),
                d.secretaryId(), d.quorumPercent() == 0 ? 50 : d.quorumPercent());
    }

    static void requireTimes(Instant startsAt, Instant endsAt) {
        require(startsAt != null && endsAt != null && endsAt.isAfter(startsAt), "endsAt", MeetingError.ENDS_BEFORE_START);
        require(!Duration.between(startsAt, endsAt).minus(LONGEST_MEETING).isPositive(),
                "endsAt", MeetingError.TOO_LONG_MEETING, 24);
    }

    /** A meeting's place, when it is scheduled or moved: no longer than its record holds. */
    static void requireLocation(String location) {
        require(location == null || location.length() <= LOCATION_LENGTH, "location", MeetingError.LOCATION_TOO_LONG,
                LOCATION_LENGTH);
    }

    static void require(boolean condition, String field, MeetingError refusal, Object... arguments) {
        if (!condition) {
            throw new InvalidInput(field, refusal, arguments);
        }
    }

    static String requireText(String text, String field, int max) {
        require(text != null && !text.isBlank() && text.length() <= max, field, MeetingError.TEXT_LENGTH,
                Label.field(field), max);
        return text.strip();
    }
}
