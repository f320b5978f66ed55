package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitStatus;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.*;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingKind;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the signed-in official does in meetings, for the API and the pages alike: it checks what the
 * directories know (officials and units exist, the official organises the host unit), names the
 * official's seat, sends the command, and waits until the read model shows the change.
 */
@Service
public class MeetingActions {
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final Commands commands;
    private final MeetingQueries queries;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final Authorizer authorizer;
    private final DocumentActions documents;
    private final AttachmentStore files;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    MeetingActions(Commands commands, MeetingQueries queries, OfficialQueries officials, UnitQueries units,
                   Authorizer authorizer, DocumentActions documents, AttachmentStore files, ReadYourWrites readYourWrites,
                   Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.officials = officials;
        this.units = units;
        this.authorizer = authorizer;
        this.documents = documents;
        this.files = files;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /**
     * @param endpointKinds every active unit of these kinds in the host unit's province joins as an
     *                      endpoint (e.g. all communes, wards and special zones), besides {@code endpointUnitIds}
     */
    public record Schedule(String title, MeetingKind kind, String chairId, String hostUnitId, Instant startsAt,
                           Instant endsAt, String location, List<String> endpointUnitIds, List<UnitKind> endpointKinds,
                           List<String> inviteeIds, String secretaryId, Integer quorumPercent) {
    }

    public String schedule(Schedule s) {
        String me = me();
        if (s.hostUnitId() == null) {
            throw new InvalidInput("hostUnitId", MeetingError.HOST_REQUIRED);
        }
        UnitView host = activeUnit(s.hostUnitId(), "hostUnitId");
        if (!authorizer.holds(me, Role.LEADER, host.id()) && !authorizer.holds(me, Role.MEETING_SECRETARY, host.id())) {
            throw new Forbidden(MeetingError.SCHEDULING_NEEDS_ROLE);
        }
        if (s.endsAt() != null && !s.endsAt().isAfter(clock.instant())) {
            throw new InvalidInput("endsAt", MeetingError.NOT_IN_FUTURE);
        }
        activeOfficial(s.chairId(), "chairId");
        activeOfficial(s.secretaryId(), "secretaryId");
        List<String> invitees = s.inviteeIds() == null ? List.of() : s.inviteeIds();
        invitees.forEach(id -> activeOfficial(id, "inviteeIds"));
        Set<String> endpoints = new LinkedHashSet<>();
        if (s.endpointUnitIds() != null) {
            s.endpointUnitIds().forEach(id -> endpoints.add(activeUnit(id, "endpointUnitIds").id()));
        }
        if (s.endpointKinds() != null && !s.endpointKinds().isEmpty()) {
            endpoints.addAll(unitsOfKinds(host.id(), s.endpointKinds()));
        }
        String id = UUID.randomUUID().toString();
        commands.send(new ScheduleMeeting(id, new MeetingDetails(s.title(), s.kind(), s.chairId(), host.id(),
                s.startsAt(), s.endsAt(), s.location(), List.copyOf(endpoints), invitees, s.secretaryId(),
                s.quorumPercent() == null ? 0 : s.quorumPercent()), me));
        await(id);
        return id;
    }

    /** Active units of the kinds in the province (the root of the tree) the host unit belongs to. */
    private List<String> unitsOfKinds(String hostUnitId, Collection<UnitKind> kinds) {
        List<String> chain = units.selfAndAncestors(hostUnitId);
        String province = chain.get(chain.size() - 1);
        List<String> found = new ArrayList<>();
        for (UnitView unit : units.list(false)) {
            if (kinds.contains(unit.kind()) && units.selfAndAncestors(unit.id()).contains(province)) {
                found.add(unit.id());
            }
        }
        return found;
    }

    /** How long before a meeting its chair and secretary count it as work to prepare (invitations, agenda, papers). */
    static final java.time.Duration PREPARATION = java.time.Duration.ofDays(7);

    /** The menu's count of meetings for the official: invitations to answer, meetings of theirs to prepare. */
    public long waitingFor(String officialId) {
        Instant now = clock.instant();
        return queries.countWaiting(officialId, now, now.plus(PREPARATION));
    }

    public void reschedule(String meetingId, Instant startsAt, Instant endsAt, String location, String reason) {
        visible(meetingId);
        send(meetingId, new RescheduleMeeting(meetingId, startsAt, endsAt, location, reason, me()));
    }

    public void cancel(String meetingId, String reason) {
        visible(meetingId);
        send(meetingId, new CancelMeeting(meetingId, reason, me()));
    }

    public void respond(String meetingId, boolean accept, String reason) {
        visible(meetingId);
        send(meetingId, new RespondToInvitation(meetingId, me(), accept, reason, me()));
    }

    public void delegate(String meetingId, String deputyId) {
        visible(meetingId);
        activeOfficial(deputyId, "deputyId");
        send(meetingId, new DelegateSeat(meetingId, me(), deputyId, me()));
    }

    public String addAgendaItem(String meetingId, String title, String presenterId, Integer plannedMinutes) {
        visible(meetingId);
        if (presenterId != null) {
            activeOfficial(presenterId, "presenterId");
        }
        String itemId = UUID.randomUUID().toString();
        send(meetingId, new AddAgendaItem(meetingId, itemId, title, presenterId, plannedMinutes == null ? 0 : plannedMinutes, me()));
        return itemId;
    }

    public void moveAgendaItem(String meetingId, String itemId, int position) {
        visible(meetingId);
        send(meetingId, new MoveAgendaItem(meetingId, itemId, position, me()));
    }

    /** An e-office document the secretary may read becomes a meeting document, under its own subject unless titled. */
    public String attachEOfficeDocument(String meetingId, String eofficeDocumentId, String title, String itemId,
                                        Instant visibleFrom) {
        visible(meetingId);
        DocumentView document = documents.readable(eofficeDocumentId);
        List<String> uncleared = queries.seats(meetingId).stream()
                .flatMap(seat -> java.util.stream.Stream.of(seat.get("seatId"), seat.get("deputyId")))
                .filter(java.util.Objects::nonNull).map(Object::toString)
                .filter(official -> !documents.clearedFor(official, document.id())).toList();
        if (!uncleared.isEmpty()) {
            throw new BusinessRuleViolation(MeetingError.INVITEES_NOT_CLEARED, uncleared.size());
        }
        String documentId = UUID.randomUUID().toString();
        send(meetingId, new AttachMeetingDocument(meetingId, documentId, itemId,
                title == null || title.isBlank() ? document.subject() : title, document.id(), null, visibleFrom, me()));
        return documentId;
    }

    public String upload(String meetingId, InputStream content, String fileName, String title, String itemId,
                         Instant visibleFrom) {
        run(meetingId);
        AttachmentRef stored = files.store(content, fileName);
        String documentId = UUID.randomUUID().toString();
        send(meetingId, new AttachMeetingDocument(meetingId, documentId, itemId,
                title == null || title.isBlank() ? fileName : title, null, stored.sha256(), visibleFrom, me()));
        return documentId;
    }

    public void comment(String meetingId, String documentId, String text) {
        visible(meetingId);
        send(meetingId, new CommentOnMeetingDocument(meetingId, documentId, UUID.randomUUID().toString(), text, me()));
    }

    public void start(String meetingId) {
        visible(meetingId);
        send(meetingId, new StartMeeting(meetingId, me()));
    }

    public void takeUp(String meetingId, String itemId) {
        visible(meetingId);
        send(meetingId, new TakeUpAgendaItem(meetingId, itemId, me()));
    }

    public void end(String meetingId) {
        visible(meetingId);
        send(meetingId, new EndMeeting(meetingId, me()));
    }

    /** Checks a seat in: the official's own (in person with the room's code), or any seat for the secretary. */
    public void checkIn(String meetingId, String seatId, Presence presence, String code) {
        visible(meetingId);
        send(meetingId, new CheckIn(meetingId, seatId == null ? mySeat(meetingId) : seatId,
                presence == null ? Presence.IN_PERSON : presence, code, me()));
    }

    public void markAbsent(String meetingId, String seatId, String reason) {
        visible(meetingId);
        send(meetingId, new MarkAbsent(meetingId, seatId, reason, me()));
    }

    public String requestFloor(String meetingId, String itemId, SpeechKind kind, String seatId) {
        visible(meetingId);
        String requestId = UUID.randomUUID().toString();
        send(meetingId, new RequestFloor(meetingId, requestId, itemId, seatId == null ? mySeat(meetingId) : seatId,
                kind == null ? SpeechKind.SPEECH : kind, me()));
        return requestId;
    }

    public void withdrawFloorRequest(String meetingId, String requestId) {
        visible(meetingId);
        send(meetingId, new WithdrawFloorRequest(meetingId, requestId, me()));
    }

    public void giveFloor(String meetingId, String requestId, Integer speakingSeconds) {
        visible(meetingId);
        send(meetingId, new GiveFloor(meetingId, requestId, speakingSeconds == null ? 0 : speakingSeconds, me()));
    }

    public void endSpeech(String meetingId, String requestId) {
        visible(meetingId);
        send(meetingId, new EndSpeech(meetingId, requestId, me()));
    }

    public String openVote(String meetingId, String itemId, String question, boolean secret, PercentBase base) {
        visible(meetingId);
        String voteId = UUID.randomUUID().toString();
        send(meetingId, new OpenVote(meetingId, voteId, itemId, question, secret, base == null ? PercentBase.PRESENT : base, me()));
        return voteId;
    }

    /** The official's ballot in their seat; the secretary may record an absent member's written opinion ({@code seatId}). */
    public void vote(String meetingId, String voteId, VoteChoice choice, boolean writtenOpinion, String seatId) {
        visible(meetingId);
        String seat = seatId != null ? seatId : queries.seatOf(meetingId, me())
                .orElseThrow(() -> new Forbidden(MeetingError.NOT_ENTITLED_TO_VOTE));
        send(meetingId, new CastVote(meetingId, voteId, seat, choice, writtenOpinion, me()));
    }

    public void closeVote(String meetingId, String voteId) {
        visible(meetingId);
        send(meetingId, new CloseVote(meetingId, voteId, me()));
    }

    public void draftMinutes(String meetingId, String text) {
        visible(meetingId);
        send(meetingId, new DraftMinutes(meetingId, text, me()));
    }

    public void approveMinutes(String meetingId, int version) {
        visible(meetingId);
        send(meetingId, new ApproveMinutes(meetingId, version, me()));
    }

    /** The notice is drafted in e-office for the agency (the host unit's, unless named) and follows its approval. */
    public String issueConclusion(String meetingId, String agencyId, String subject, String body) {
        MeetingRecord meeting = visible(meetingId);
        UnitView agency = documents.actingAgency(agencyId == null || agencyId.isBlank() ? meeting.hostUnitId() : agencyId);
        // Drafted in an agency the caller works in; the host's meeting secretary may draft in the host's
        // agency only, never in an agency named at will.
        boolean hostAgency = documents.agencyIdOf(meeting.hostUnitId()).filter(agency.id()::equals).isPresent();
        if (!documents.worksIn(me(), agency.id())
                && !(hostAgency && authorizer.holds(me(), Role.MEETING_SECRETARY, meeting.hostUnitId()))) {
            throw new Forbidden(MeetingError.CONCLUSION_OWN_AGENCY);
        }
        String documentId = UUID.randomUUID().toString();
        send(meetingId, new IssueConclusionNotice(meetingId, documentId, agency.id(), subject, body, me()));
        return documentId;
    }

    /**
     * The meeting's documents the signed-in official may open now; one taken from e-office only when their
     * clearance covers its classification (an official invited after it was attached included).
     */
    public List<Map<String, Object>> documentsFor(MeetingRecord meeting) {
        String me = me();
        return queries.documents(meeting, me, clock.instant()).stream()
                .filter(d -> d.get("eofficeDocumentId") == null
                        || documents.clearedFor(me, d.get("eofficeDocumentId").toString()))
                .toList();
    }

    /**
     * The meeting's votes with their ballots, as the signed-in official may see them: an open vote's live counts
     * only for the chair and the secretary (null for everyone else); everyone sees a closed vote's result.
     */
    public List<Map<String, Object>> votesFor(MeetingRecord meeting) {
        boolean runner = isRunner(meeting);
        return queries.votes(meeting.id()).stream().map(vote -> {
            Map<String, Object> shown = new java.util.LinkedHashMap<>(vote);
            if (Boolean.TRUE.equals(vote.get("open")) && !runner) {
                shown.put("yesCount", null);
                shown.put("noCount", null);
                shown.put("abstainCount", null);
            }
            shown.put("ballots", queries.ballots(meeting.id(), (String) vote.get("voteId")));
            return shown;
        }).toList();
    }

    public MeetingRecord visible(String meetingId) {
        return queries.visible(meetingId, me());
    }

    /** The meeting, if the signed-in official chairs it or is its secretary: who runs the room. */
    public MeetingRecord run(String meetingId) {
        MeetingRecord meeting = visible(meetingId);
        if (!isRunner(meeting)) {
            throw new Forbidden(MeetingError.CHAIR_OR_SECRETARY);
        }
        return meeting;
    }

    public boolean isRunner(MeetingRecord meeting) {
        String me = me();
        return me.equals(meeting.chairId()) || me.equals(meeting.secretaryId());
    }

    private String mySeat(String meetingId) {
        return queries.seatOf(meetingId, me())
                .orElseThrow(() -> new BusinessRuleViolation(MeetingError.NO_SEAT));
    }

    /** Sends a command to the meeting and waits until its read model shows the change. */
    public void send(String meetingId, Object command) {
        commands.send(command);
        await(meetingId);
    }

    private void await(String meetingId) {
        readYourWrites.await(meetingId, () -> queries.version(meetingId), READ_YOUR_WRITES);
    }

    private void activeOfficial(String id, String field) {
        OfficialView official = id == null ? null : officials.find(id).orElse(null);
        if (official == null || official.status() != OfficialStatus.ACTIVE) {
            throw new InvalidInput(field, MeetingError.NOT_AN_ACTIVE_OFFICIAL, id);
        }
    }

    private UnitView activeUnit(String id, String field) {
        UnitView unit = units.find(id).orElse(null);
        if (unit == null || unit.status() != UnitStatus.ACTIVE) {
            throw new InvalidInput(field, MeetingError.NOT_AN_ACTIVE_UNIT, id);
        }
        return unit;
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
