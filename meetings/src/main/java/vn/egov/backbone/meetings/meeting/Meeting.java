package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.security.access.AccessDeniedException;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.*;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.*;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A meeting, from scheduling to its conclusion notice: invitations, agenda, documents, check-in,
 * the speakers' list and votes are all decided here, so that one vote per seat, the quorum and the
 * chair's control of the floor hold also when many tablets act at once.
 *
 * <p>Seats belong to the invited members (the chair always has one). A member may send a deputy, who
 * then acts in the seat. The chair and the secretary run the meeting.
 */
@Aggregate
public class Meeting {
    static final Duration LONGEST_MEETING = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    enum Response { PENDING, ACCEPTED, DECLINED, DELEGATED }

    enum FloorState { WAITING, SPEAKING, DONE, WITHDRAWN }

    /** Who sits in a seat and whether they are here; replaced, never changed, when an event changes it. */
    record Seat(String memberId, String deputyId, Response response, Presence presence) {
        Seat(String memberId) {
            this(memberId, null, Response.PENDING, Presence.NOT_CHECKED_IN);
        }

        String actor() {
            return deputyId != null ? deputyId : memberId;
        }

        Seat answered(Response newResponse, String newDeputy) {
            return new Seat(memberId, newDeputy, newResponse, presence);
        }

        Seat at(Presence newPresence) {
            return new Seat(memberId, deputyId, response, newPresence);
        }
    }

    record FloorRequest(String seatId, String itemId, FloorState state, Instant startedAt) {
        FloorRequest in(FloorState newState, Instant started) {
            return new FloorRequest(seatId, itemId, newState, started);
        }
    }

    static final class Ballot {
        final Set<String> entitled;
        final PercentBase base;
        final boolean secret;
        final Set<String> voted = new HashSet<>();
        final Set<String> written = new HashSet<>();
        final Map<VoteChoice, Integer> counts = new EnumMap<>(VoteChoice.class);
        boolean open = true;

        Ballot(List<String> entitled, PercentBase base, boolean secret) {
            this.entitled = new HashSet<>(entitled);
            this.base = base;
            this.secret = secret;
        }

        int count(VoteChoice choice) {
            return counts.getOrDefault(choice, 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ballot b && b.entitled.equals(entitled) && b.base == base && b.secret == secret
                    && b.voted.equals(voted) && b.written.equals(written) && b.counts.equals(counts) && b.open == open;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entitled, base, secret, voted, written, counts, open);
        }
    }

    @AggregateIdentifier
    private String meetingId;
    private MeetingStatus status;
    private String chairId;
    private String secretaryId;
    private String checkInCode;
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final List<String> agenda = new ArrayList<>();
    private final Set<String> documents = new LinkedHashSet<>();
    private final Map<String, Instant> documentVisibleFrom = new HashMap<>();
    private final Map<String, FloorRequest> floorRequests = new HashMap<>();
    private String currentSpeech;
    private final Map<String, Ballot> votes = new HashMap<>();
    private int minutesVersion;
    private boolean minutesApproved;
    private boolean conclusionIssued;
    private boolean roomOpen;
    private String recordingSession;

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command) {
        MeetingDetails details = validSchedule(command.details());
        String id = command.meetingId();
        apply(new MeetingScheduled(id, details, RoomSlug.of(details.title(), id),
                1 + RANDOM.nextLong(Long.MAX_VALUE - 1) % 9_000_000_000L, newCheckInCode()));
    }

    private static MeetingDetails validSchedule(MeetingDetails d) {
        require(d.title() != null && !d.title().isBlank() && d.title().length() <= 500, "title: 1 to 500 characters");
        require(d.kind() != null, "kind: IN_PERSON, VIDEO_CONFERENCE or HYBRID");
        require(d.chairId() != null, "chairId: who chairs the meeting");
        require(d.secretaryId() != null, "secretaryId: who keeps the meeting's records");
        require(d.hostUnitId() != null, "hostUnitId: the unit that hosts the meeting");
        requireTimes(d.startsAt(), d.endsAt());
        require(d.location() == null || d.location().length() <= 500, "location: at most 500 characters");
        require(d.quorumPercent() >= 0 && d.quorumPercent() < 100, "quorumPercent: 0 to 99 (more than this share of seats)");
        Set<String> invitees = new LinkedHashSet<>();
        invitees.add(d.chairId());
        if (d.inviteeIds() != null) {
            d.inviteeIds().stream().filter(Objects::nonNull).forEach(invitees::add);
        }
        require(invitees.size() <= 2000, "inviteeIds: at most 2000 members");
        Set<String> endpoints = new LinkedHashSet<>();
        if (d.kind().usesVideo()) {
            endpoints.add(d.hostUnitId());
            if (d.endpointUnitIds() != null) {
                d.endpointUnitIds().stream().filter(Objects::nonNull).forEach(endpoints::add);
            }
        } else {
            require(d.endpointUnitIds() == null || d.endpointUnitIds().isEmpty(),
                    "endpointUnitIds: an in-person meeting has no video endpoints");
        }
        require(endpoints.size() <= 1000, "endpointUnitIds: at most 1000 endpoints");
        return new MeetingDetails(d.title().strip(), d.kind(), d.chairId(), d.hostUnitId(), d.startsAt(), d.endsAt(),
                d.location() == null ? null : d.location().strip(), List.copyOf(endpoints), List.copyOf(invitees),
                d.secretaryId(), d.quorumPercent() == 0 ? 50 : d.quorumPercent());
    }

    @CommandHandler
    public void handle(RescheduleMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, "Only a meeting that has not started can be rescheduled");
        requireTimes(command.startsAt(), command.endsAt());
        apply(new MeetingRescheduled(meetingId, command.startsAt(), command.endsAt(), command.location(),
                requireText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, "Only a meeting that has not started can be cancelled");
        apply(new MeetingCancelled(meetingId, requireText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(RespondToInvitation command) {
        Seat seat = seat(command.seatId());
        requireMember(seat, command.actorId());
        requireNotOver();
        if (command.accept()) {
            if (seat.response() != Response.ACCEPTED || seat.deputyId() != null) {
                apply(new InvitationAccepted(meetingId, command.seatId()));
            }
        } else {
            if (command.seatId().equals(chairId)) {
                throw new BusinessRuleViolation("The chair cannot decline; reschedule or name another chair");
            }
            apply(new InvitationDeclined(meetingId, command.seatId(), requireText(command.reason(), "reason", 1000)));
        }
    }

    @CommandHandler
    public void handle(DelegateSeat command) {
        Seat seat = seat(command.seatId());
        requireMember(seat, command.actorId());
        requireNotOver();
        require(command.deputyId() != null && !command.deputyId().equals(seat.memberId()), "deputyId: another official");
        if (seats.containsKey(command.deputyId()) || seats.values().stream().anyMatch(s -> command.deputyId().equals(s.deputyId()))) {
            throw new BusinessRuleViolation("The deputy already has a seat in this meeting");
        }
        if (seat.presence().present()) {
            throw new BusinessRuleViolation("The member is already checked in");
        }
        apply(new SeatDelegated(meetingId, command.seatId(), command.deputyId()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.itemId() != null && !agenda.contains(command.itemId()), "itemId: a new item");
        require(command.plannedMinutes() >= 0 && command.plannedMinutes() <= 600, "plannedMinutes: 0 to 600");
        apply(new AgendaItemAdded(meetingId, command.itemId(), agenda.size() + 1,
                requireText(command.title(), "title", 500), command.presenterId(), command.plannedMinutes()));
    }

    @CommandHandler
    public void handle(MoveAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        requireItem(command.itemId());
        require(command.position() >= 1 && command.position() <= agenda.size(), "position: 1 to " + agenda.size());
        if (agenda.indexOf(command.itemId()) + 1 != command.position()) {
            apply(new AgendaItemMoved(meetingId, command.itemId(), command.position()));
        }
    }

    @CommandHandler
    public void handle(AttachMeetingDocument command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.documentId() != null && !documents.contains(command.documentId()), "documentId: a new document");
        require((command.eofficeDocumentId() == null) != (command.fileKey() == null),
                "eofficeDocumentId or an uploaded file, one of them");
        if (command.itemId() != null) {
            requireItem(command.itemId());
        }
        apply(new MeetingDocumentAttached(meetingId, command.documentId(), command.itemId(),
                requireText(command.title(), "title", 500), command.eofficeDocumentId(), command.fileKey(),
                command.visibleFrom()));
    }

    @CommandHandler
    public void handle(CommentOnMeetingDocument command, Clock clock) {
        if (!documents.contains(command.documentId())) {
            throw new NotFound("Meeting document " + command.documentId() + " does not exist");
        }
        boolean runner = isRunner(command.actorId());
        if (!runner && seatActedBy(command.actorId()) == null) {
            throw new AccessDeniedException("Only the meeting's members comment on its documents");
        }
        Instant visibleFrom = documentVisibleFrom.get(command.documentId());
        if (!runner && visibleFrom != null && clock.instant().isBefore(visibleFrom)) {
            throw new BusinessRuleViolation("The document is not open to members yet");
        }
        apply(new MeetingDocumentCommented(meetingId, command.documentId(), command.commentId(), command.actorId(),
                requireText(command.text(), "text", 5000), clock.instant()));
    }

    @CommandHandler
    public void handle(StartMeeting command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, "The meeting has already started or is over");
        apply(new MeetingStarted(meetingId, clock.instant()));
    }

    @CommandHandler
    public void handle(TakeUpAgendaItem command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, "The meeting is not in progress");
        requireItem(command.itemId());
        apply(new AgendaItemTakenUp(meetingId, command.itemId(), clock.instant()));
    }

    @CommandHandler
    public void handle(EndMeeting command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, "The meeting is not in progress");
        if (votes.values().stream().anyMatch(b -> b.open)) {
            throw new BusinessRuleViolation("A vote is still open; close it first");
        }
        endCurrentSpeech(clock.instant());
        apply(new MeetingEnded(meetingId, clock.instant()));
    }

    @CommandHandler
    public void handle(CheckIn command, Clock clock) {
        requireNotOver();
        require(command.presence() == Presence.IN_PERSON || command.presence() == Presence.ONLINE,
                "presence: IN_PERSON or ONLINE");
        Seat seat = seat(command.seatId());
        if (!isRunner(command.actorId())) {
            if (!Objects.equals(seat.actor(), command.actorId())) {
                throw new AccessDeniedException("Members check themselves in; the secretary checks anyone in");
            }
            if (command.presence() == Presence.IN_PERSON && !checkInCode.equalsIgnoreCase(
                    Objects.requireNonNullElse(command.checkInCode(), "").strip())) {
                throw new BusinessRuleViolation("The check-in code is not this meeting's: scan the QR code in the room");
            }
        }
        if (seat.presence() == command.presence() || (seat.presence() == Presence.IN_PERSON && command.presence() == Presence.ONLINE)) {
            return; // already there; a second scan or a reconnection changes nothing
        }
        int present = presentSeats() + (seat.presence().present() ? 0 : 1);
        apply(new ParticipantCheckedIn(meetingId, command.seatId(), seat.actor(), command.presence(), clock.instant(),
                present, seats.size()));
    }

    @CommandHandler
    public void handle(MarkAbsent command) {
        requireRunner(command.actorId());
        requireNotOver();
        Seat seat = seat(command.seatId());
        String reason = requireText(command.reason(), "reason", 1000);
        int present = presentSeats() - (seat.presence().present() ? 1 : 0);
        apply(new ParticipantMarkedAbsent(meetingId, command.seatId(), reason, present, seats.size()));
    }

    @CommandHandler
    public void handle(RequestFloor command, Clock clock) {
        requireNotOver();
        requireItem(command.itemId());
        require(command.kind() != null, "kind: SPEECH, FOR, AGAINST or POINT_OF_ORDER");
        require(command.requestId() != null && !floorRequests.containsKey(command.requestId()), "requestId: a new request");
        Seat seat = seat(command.seatId());
        if (!Objects.equals(seat.actor(), command.actorId()) && !isRunner(command.actorId())) {
            throw new AccessDeniedException("Members ask for the floor for their own seat");
        }
        boolean waiting = floorRequests.values().stream().anyMatch(r -> r.seatId().equals(command.seatId())
                && r.itemId().equals(command.itemId()) && r.state() == FloorState.WAITING);
        if (waiting) {
            throw new BusinessRuleViolation("This seat already waits for the floor on this item");
        }
        apply(new FloorRequested(meetingId, command.requestId(), command.itemId(), command.seatId(), seat.actor(),
                command.kind(), clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawFloorRequest command) {
        FloorRequest request = floorRequest(command.requestId());
        if (!isRunner(command.actorId()) && !Objects.equals(seat(request.seatId()).actor(), command.actorId())) {
            throw new AccessDeniedException("Only the speaker or the chair withdraws a request");
        }
        if (request.state() != FloorState.WAITING) {
            throw new BusinessRuleViolation("The request is no longer waiting");
        }
        apply(new FloorRequestWithdrawn(meetingId, command.requestId()));
    }

    @CommandHandler
    public void handle(GiveFloor command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, "The floor is given during the meeting");
        FloorRequest request = floorRequest(command.requestId());
        if (request.state() != FloorState.WAITING) {
            throw new BusinessRuleViolation("The request is not waiting for the floor");
        }
        require(command.speakingSeconds() >= 0 && command.speakingSeconds() <= 3600,
                "speakingSeconds: 0 (no limit) to 3600");
        endCurrentSpeech(clock.instant());
        apply(new FloorGiven(meetingId, command.requestId(), seat(request.seatId()).actor(), command.speakingSeconds(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(EndSpeech command, Clock clock) {
        FloorRequest request = floorRequest(command.requestId());
        if (!isRunner(command.actorId()) && !Objects.equals(seat(request.seatId()).actor(), command.actorId())) {
            throw new AccessDeniedException("Only the speaker or the chair ends a speech");
        }
        if (request.state() != FloorState.SPEAKING) {
            throw new BusinessRuleViolation("Nobody speaks on this request");
        }
        endCurrentSpeech(clock.instant());
    }

    @CommandHandler
    public void handle(OpenVote command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, "Votes are taken during the meeting");
        requireItem(command.itemId());
        require(command.voteId() != null && !votes.containsKey(command.voteId()), "voteId: a new vote");
        require(command.base() != null, "base: PRESENT or ENTITLED");
        if (votes.values().stream().anyMatch(b -> b.open)) {
            throw new BusinessRuleViolation("Another vote is open; close it first");
        }
        apply(new VoteOpened(meetingId, command.voteId(), command.itemId(),
                requireText(command.question(), "question", 1000), command.secret(), command.base(),
                List.copyOf(seats.keySet())));
    }

    @CommandHandler
    public void handle(CastVote command) {
        Ballot ballot = votes.get(command.voteId());
        if (ballot == null) {
            throw new NotFound("Vote " + command.voteId() + " does not exist");
        }
        require(command.choice() != null, "choice: YES, NO or ABSTAIN");
        if (!ballot.open) {
            throw new BusinessRuleViolation("The vote is closed; no more ballots");
        }
        Seat seat = seats.get(command.seatId());
        if (seat == null || !ballot.entitled.contains(command.seatId())) {
            throw new AccessDeniedException("This seat is not entitled to vote");
        }
        boolean recordedBySecretary = command.writtenOpinion() && isRunner(command.actorId());
        if (!Objects.equals(seat.actor(), command.actorId()) && !recordedBySecretary) {
            throw new AccessDeniedException("Only the member in the seat (or their deputy) votes");
        }
        if (ballot.voted.contains(command.seatId())) {
            throw new BusinessRuleViolation("This seat has already voted; a ballot cannot be changed");
        }
        if (command.writtenOpinion() && seat.presence().present()) {
            throw new BusinessRuleViolation("Members present vote in the room; written opinions are for absent members");
        }
        if (!command.writtenOpinion() && !seat.presence().present()) {
            throw new BusinessRuleViolation("Check in before voting, or send a written opinion");
        }
        if (ballot.secret) {
            apply(new VoteCast(meetingId, command.voteId(), command.seatId(), seat.actor(), null, command.writtenOpinion()));
            apply(new SecretBallotDeposited(meetingId, command.voteId(), command.choice()));
        } else {
            apply(new VoteCast(meetingId, command.voteId(), command.seatId(), seat.actor(), command.choice(),
                    command.writtenOpinion()));
        }
    }

    @CommandHandler
    public void handle(CloseVote command) {
        requireRunner(command.actorId());
        Ballot ballot = votes.get(command.voteId());
        if (ballot == null) {
            throw new NotFound("Vote " + command.voteId() + " does not exist");
        }
        if (!ballot.open) {
            throw new BusinessRuleViolation("The vote is already closed");
        }
        int present = (int) ballot.entitled.stream()
                .filter(s -> seats.get(s).presence().present() || ballot.written.contains(s)).count();
        apply(new VoteClosed(meetingId, command.voteId(), VoteResult.count(ballot.entitled.size(), present, ballot.base,
                ballot.count(VoteChoice.YES), ballot.count(VoteChoice.NO), ballot.count(VoteChoice.ABSTAIN))));
    }

    @CommandHandler
    public void handle(DraftMinutes command) {
        if (!Objects.equals(command.actorId(), secretaryId) && !Objects.equals(command.actorId(), chairId)) {
            throw new AccessDeniedException("The secretary drafts the minutes");
        }
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.SCHEDULED) {
            throw new BusinessRuleViolation("Minutes are kept once the meeting has started");
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation("The minutes are approved and final");
        }
        apply(new MinutesDrafted(meetingId, minutesVersion + 1, requireText(command.text(), "text", 200_000)));
    }

    @CommandHandler
    public void handle(ApproveMinutes command) {
        if (!Objects.equals(command.actorId(), chairId)) {
            throw new AccessDeniedException("The chair approves the minutes");
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation("The minutes are already approved");
        }
        if (minutesVersion == 0) {
            throw new BusinessRuleViolation("There are no minutes to approve yet");
        }
        if (command.version() != minutesVersion) {
            throw new BusinessRuleViolation("The minutes changed (version " + minutesVersion + "); read them again before approving");
        }
        apply(new MinutesApproved(meetingId, minutesVersion));
    }

    @CommandHandler
    public void handle(IssueConclusionNotice command) {
        requireRunner(command.actorId());
        if (status != MeetingStatus.IN_PROGRESS && status != MeetingStatus.ENDED) {
            throw new BusinessRuleViolation("A conclusion notice follows a meeting that took place");
        }
        if (conclusionIssued) {
            throw new BusinessRuleViolation("The conclusion notice has already been issued");
        }
        require(command.agencyId() != null, "agencyId: the agency that issues the notice");
        apply(new ConclusionNoticeRequested(meetingId, command.documentId(), command.agencyId(), command.actorId(),
                requireText(command.subject(), "subject", 1000), requireText(command.body(), "body", 200_000)));
    }

    @CommandHandler
    public void handle(RecordRoomOpened command) {
        if (!roomOpen) {
            apply(new ConferenceRoomOpened(meetingId, command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordRoomClosed command) {
        if (roomOpen) {
            apply(new ConferenceRoomClosed(meetingId, command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordRecordingStarted command) {
        if (!Objects.equals(command.actorId(), secretaryId)) {
            throw new AccessDeniedException("The secretary records the meeting");
        }
        requireStatus(MeetingStatus.IN_PROGRESS, "Recording is for a meeting in progress");
        if (recordingSession != null) {
            throw new BusinessRuleViolation("The meeting is already being recorded");
        }
        apply(new RecordingStarted(meetingId, command.sessionId()));
    }

    @CommandHandler
    public void handle(RecordRecordingStopped command) {
        if (!Objects.equals(command.actorId(), secretaryId)) {
            throw new AccessDeniedException("The secretary records the meeting");
        }
        if (recordingSession == null) {
            throw new BusinessRuleViolation("The meeting is not being recorded");
        }
        apply(new RecordingStopped(meetingId, recordingSession));
    }

    // ---- rules shared by the handlers

    private void endCurrentSpeech(Instant now) {
        if (currentSpeech != null) {
            FloorRequest speaking = floorRequests.get(currentSpeech);
            apply(new SpeechEnded(meetingId, currentSpeech,
                    Math.max(0, Duration.between(speaking.startedAt(), now).toSeconds()), now));
        }
    }

    private int presentSeats() {
        return (int) seats.values().stream().filter(s -> s.presence().present()).count();
    }

    private boolean isRunner(String actorId) {
        return actorId != null && (actorId.equals(chairId) || actorId.equals(secretaryId));
    }

    private void requireRunner(String actorId) {
        if (!isRunner(actorId)) {
            throw new AccessDeniedException("Only the chair or the secretary of the meeting may do this");
        }
    }

    private void requireMember(Seat seat, String actorId) {
        if (!Objects.equals(seat.memberId(), actorId) && !isRunner(actorId)) {
            throw new AccessDeniedException("Only the invited member answers the invitation");
        }
    }

    private String seatActedBy(String actorId) {
        return seats.entrySet().stream().filter(e -> Objects.equals(e.getValue().actor(), actorId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private Seat seat(String seatId) {
        Seat seat = seatId == null ? null : seats.get(seatId);
        if (seat == null) {
            throw new BusinessRuleViolation("The official has no seat in this meeting");
        }
        return seat;
    }

    private FloorRequest floorRequest(String requestId) {
        FloorRequest request = requestId == null ? null : floorRequests.get(requestId);
        if (request == null) {
            throw new NotFound("Request for the floor " + requestId + " does not exist");
        }
        return request;
    }

    private void requireItem(String itemId) {
        if (itemId == null || !agenda.contains(itemId)) {
            throw new IllegalArgumentException("itemId: an item of this meeting's agenda");
        }
    }

    private void requireStatus(MeetingStatus expected, String message) {
        if (status != expected) {
            throw new BusinessRuleViolation(message);
        }
    }

    private void requireNotOver() {
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.ENDED) {
            throw new BusinessRuleViolation("The meeting is " + (status == MeetingStatus.CANCELLED ? "cancelled" : "over"));
        }
    }

    private static void requireTimes(Instant startsAt, Instant endsAt) {
        require(startsAt != null && endsAt != null && endsAt.isAfter(startsAt), "endsAt: after startsAt");
        require(!Duration.between(startsAt, endsAt).minus(LONGEST_MEETING).isPositive(),
                "endsAt: a meeting lasts at most 24 hours");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String requireText(String text, String field, int max) {
        require(text != null && !text.isBlank() && text.length() <= max, field + ": 1 to " + max + " characters");
        return text.strip();
    }

    private static String newCheckInCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    // ---- state from events

    @EventSourcingHandler
    void on(MeetingScheduled e) {
        meetingId = e.meetingId();
        status = MeetingStatus.SCHEDULED;
        chairId = e.details().chairId();
        secretaryId = e.details().secretaryId();
        checkInCode = e.checkInCode();
        e.details().inviteeIds().forEach(id -> seats.put(id, new Seat(id)));
    }

    @EventSourcingHandler
    void on(MeetingCancelled e) {
        status = MeetingStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(InvitationAccepted e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.answered(Response.ACCEPTED, null));
    }

    @EventSourcingHandler
    void on(InvitationDeclined e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.answered(Response.DECLINED, null));
    }

    @EventSourcingHandler
    void on(SeatDelegated e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.answered(Response.DELEGATED, e.deputyId()));
    }

    @EventSourcingHandler
    void on(AgendaItemAdded e) {
        agenda.add(e.itemId());
    }

    @EventSourcingHandler
    void on(AgendaItemMoved e) {
        agenda.remove(e.itemId());
        agenda.add(e.position() - 1, e.itemId());
    }

    @EventSourcingHandler
    void on(MeetingDocumentAttached e) {
        documents.add(e.documentId());
        if (e.visibleFrom() != null) {
            documentVisibleFrom.put(e.documentId(), e.visibleFrom());
        }
    }

    @EventSourcingHandler
    void on(MeetingStarted e) {
        status = MeetingStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(MeetingEnded e) {
        status = MeetingStatus.ENDED;
    }

    @EventSourcingHandler
    void on(ParticipantCheckedIn e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.at(e.presence()));
    }

    @EventSourcingHandler
    void on(ParticipantMarkedAbsent e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.at(Presence.ABSENT));
    }

    @EventSourcingHandler
    void on(FloorRequested e) {
        floorRequests.put(e.requestId(), new FloorRequest(e.seatId(), e.itemId(), FloorState.WAITING, null));
    }

    @EventSourcingHandler
    void on(FloorRequestWithdrawn e) {
        floorRequests.computeIfPresent(e.requestId(), (id, r) -> r.in(FloorState.WITHDRAWN, r.startedAt()));
    }

    @EventSourcingHandler
    void on(FloorGiven e) {
        floorRequests.computeIfPresent(e.requestId(), (id, r) -> r.in(FloorState.SPEAKING, e.at()));
        currentSpeech = e.requestId();
    }

    @EventSourcingHandler
    void on(SpeechEnded e) {
        floorRequests.computeIfPresent(e.requestId(), (id, r) -> r.in(FloorState.DONE, r.startedAt()));
        currentSpeech = null;
    }

    @EventSourcingHandler
    void on(VoteOpened e) {
        votes.put(e.voteId(), new Ballot(e.entitledSeats(), e.base(), e.secret()));
    }

    @EventSourcingHandler
    void on(VoteCast e) {
        Ballot ballot = votes.get(e.voteId());
        ballot.voted.add(e.seatId());
        if (e.writtenOpinion()) {
            ballot.written.add(e.seatId());
        }
        if (e.choice() != null) {
            ballot.counts.merge(e.choice(), 1, Integer::sum);
        }
    }

    @EventSourcingHandler
    void on(SecretBallotDeposited e) {
        votes.get(e.voteId()).counts.merge(e.choice(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(VoteClosed e) {
        votes.get(e.voteId()).open = false;
    }

    @EventSourcingHandler
    void on(MinutesDrafted e) {
        minutesVersion = e.version();
    }

    @EventSourcingHandler
    void on(MinutesApproved e) {
        minutesApproved = true;
    }

    @EventSourcingHandler
    void on(ConclusionNoticeRequested e) {
        conclusionIssued = true;
    }

    @EventSourcingHandler
    void on(ConferenceRoomOpened e) {
        roomOpen = true;
    }

    @EventSourcingHandler
    void on(ConferenceRoomClosed e) {
        roomOpen = false;
    }

    @EventSourcingHandler
    void on(RecordingStarted e) {
        recordingSession = e.sessionId();
    }

    @EventSourcingHandler
    void on(RecordingStopped e) {
        recordingSession = null;
    }
}
