package vn.egov.backbone.meetings.conference;

import vn.egov.backbone.meetings.meeting.MeetingError;
import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who may join a meeting's video room, and with which token: the chair (moderator), the secretary
 * (recording), members in their own seat and deputies in theirs; and each endpoint's hall, never as a
 * moderator (a hall's screen runs nothing) unless the chair takes the hall's join himself: a commune's
 * hall for the officials of that commune, the host unit's hall for the chair, the secretary and the
 * invitees who work in the host unit — not for anyone else there. Only for a video meeting that is not
 * cancelled or over, and only from the start minus the margin to the end plus the margin (the token's
 * own nbf/exp).
 */
@Service
public class JoinActions {

    /** What a browser or a hall device needs to join: the URL with its token, or the IFrame API's options. */
    public record Join(String participantId, String displayName, boolean moderator, String url, String domain,
                       String roomName, String jwt, Instant expiresAt) {
    }

    private final JitsiProperties jitsi;
    private final JoinTokens tokens;
    private final MeetingQueries meetings;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final Authorizer authorizer;
    private final Clock clock;

    JoinActions(JitsiProperties jitsi, JoinTokens tokens, MeetingQueries meetings, OfficialQueries officials,
                    UnitQueries units, Authorizer authorizer, Clock clock) {
        this.jitsi = jitsi;
        this.tokens = tokens;
        this.meetings = meetings;
        this.officials = officials;
        this.units = units;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    public boolean configured() {
        return jitsi.configured();
    }

    /** The signed-in official's own join. */
    public Join forOfficial(String meetingId, String officialId) {
        MeetingRecord meeting = joinable(meetings.visible(meetingId, officialId));
        boolean chair = officialId.equals(meeting.chairId());
        boolean secretary = officialId.equals(meeting.secretaryId());
        if (!chair && !secretary && meetings.seatOf(meetingId, officialId).isEmpty()) {
            throw new Forbidden(ConferenceError.INVITEES_ONLY);
        }
        OfficialView official = officials.find(officialId).orElseThrow(() -> new NotFound(ConferenceError.OFFICIAL_NOT_FOUND, officialId));
        return join(meeting, new JoinTokens.Participant(ConferenceParticipant.official(officialId), official.fullName(),
                official.email(), chair, secretary));
    }

    /** An endpoint's join, for an official of that unit or the chair or secretary of the meeting. */
    public Join forEndpoint(String meetingId, String unitId, String officialId) {
        MeetingRecord meeting = find(meetingId);
        boolean runner = officialId.equals(meeting.chairId()) || officialId.equals(meeting.secretaryId());
        if (!meetings.endpoints(meetingId).contains(unitId)) {
            throw new NotFound(ConferenceError.NOT_AN_ENDPOINT, unitId);
        }
        if (!runner && !authorizer.mayActFor(officialId, unitId)) {
            throw new Forbidden(ConferenceError.ENDPOINT_OWN_UNIT);
        }
        if (!runner && unitId.equals(meeting.hostUnitId()) && meetings.seatOf(meetingId, officialId).isEmpty()) {
            throw new Forbidden(ConferenceError.INVITEES_ONLY); // working in the host unit is not an invitation
        }
        return endpoint(joinable(meeting), unitId, officialId.equals(meeting.chairId()) && unitId.equals(meeting.hostUnitId()));
    }

    /** Every endpoint's join, for the chair or the secretary to hand out (one token per hall). */
    public List<Join> allEndpoints(String meetingId, String officialId) {
        MeetingRecord meeting = joinable(find(meetingId));
        if (!officialId.equals(meeting.chairId()) && !officialId.equals(meeting.secretaryId())) {
            throw new Forbidden(MeetingError.CHAIR_OR_SECRETARY);
        }
        return meetings.endpoints(meetingId).stream().map(unitId -> endpoint(meeting, unitId, false)).toList();
    }

    /** @param chairSitsThere the chair runs the meeting from this hall's device: it moderates */
    private Join endpoint(MeetingRecord meeting, String unitId, boolean chairSitsThere) {
        String name = units.find(unitId).map(UnitView::name).orElse(unitId);
        return join(meeting, new JoinTokens.Participant(ConferenceParticipant.endpoint(unitId), "Điểm cầu " + name,
                null, chairSitsThere, false));
    }

    private Join join(MeetingRecord meeting, JoinTokens.Participant who) {
        String jwt = tokens.sign(meeting.roomSlug(), who, meeting.startsAt(), meeting.endsAt());
        URI base = URI.create(jitsi.baseUrl());
        String roomName = JitsiProperties.present(jitsi.tenant())
                ? jitsi.subject() + "/" + meeting.roomSlug() : meeting.roomSlug();
        return new Join(who.id(), who.name(), who.moderator(), jitsi.roomUrl(meeting.roomSlug()) + "?jwt=" + jwt,
                base.getAuthority(), roomName, jwt, meeting.endsAt().plus(jitsi.expiryMargin()));
    }

    private MeetingRecord find(String meetingId) {
        return meetings.find(meetingId).orElseThrow(() -> new NotFound(MeetingError.NOT_FOUND, meetingId));
    }

    private MeetingRecord joinable(MeetingRecord meeting) {
        if (!jitsi.configured()) {
            throw new BusinessRuleViolation(ConferenceError.NOT_CONFIGURED);
        }
        if (!meeting.kind().usesVideo()) {
            throw new BusinessRuleViolation(ConferenceError.IN_PERSON);
        }
        if (meeting.status() == MeetingStatus.CANCELLED || meeting.status() == MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(meeting.status() == MeetingStatus.CANCELLED ? MeetingError.CANCELLED : MeetingError.OVER);
        }
        Instant now = clock.instant();
        Instant opens = meeting.startsAt().minus(jitsi.notBeforeMargin());
        if (now.isBefore(opens)) {
            throw new BusinessRuleViolation(ConferenceError.OPENS_AT, opens);
        }
        if (!now.isBefore(meeting.endsAt().plus(jitsi.expiryMargin()))) {
            throw new BusinessRuleViolation(ConferenceError.TIME_OVER);
        }
        return meeting;
    }
}
