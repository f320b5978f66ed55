package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.core.shared.Label;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Forbidden;
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
        require(d.title() != null && !d.title().isBlank() && d.title().length() <= 500, "title", MeetingError.TEXT_LENGTH, Label.field("title"), 500);
        require(d.kind() != null, "kind", MeetingError.KIND_REQUIRED);
        require(d.chairId() != null, "chairId", MeetingError.CHAIR_REQUIRED);
        require(d.secretaryId() != null, "secretaryId", MeetingError.SECRETARY_REQUIRED);
        require(d.hostUnitId() != null, "hostUnitId", MeetingError.HOST_REQUIRED);
        requireTimes(d.startsAt(), d.endsAt());
        require(d.location() == null || d.location().length() <= 500, "location", MeetingError.LOCATION_TOO_LONG, 500);
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

    @CommandHandler
    public void handle(RescheduleMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, MeetingError.RESCHEDULE_ONLY_SCHEDULED);
        requireTimes(command.startsAt(), command.endsAt());
        apply(new MeetingRescheduled(meetingId, command.startsAt(), command.endsAt(), command.location(),
                requireText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, MeetingError.CANCEL_ONLY_SCHEDULED);
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
                throw new BusinessRuleViolation(MeetingError.CHAIR_CANNOT_DECLINE);
            }
            apply(new InvitationDeclined(meetingId, command.seatId(), requireText(command.reason(), "reason", 1000)));
        }
    }

    @CommandHandler
    public void handle(DelegateSeat command) {
        Seat seat = seat(command.seatId());
        requireMember(seat, command.actorId());
        requireNotOver();
        require(command.deputyId() != null && !command.deputyId().equals(seat.memberId()), "deputyId", MeetingError.DEPUTY_OTHER);
        if (seats.containsKey(command.deputyId()) || seats.values().stream().anyMatch(s -> command.deputyId().equals(s.deputyId()))) {
            throw new BusinessRuleViolation(MeetingError.DEPUTY_HAS_SEAT);
        }
        if (seat.presence().present()) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_CHECKED_IN);
        }
        apply(new SeatDelegated(meetingId, command.seatId(), command.deputyId()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.itemId() != null && !agenda.contains(command.itemId()), "itemId", MeetingError.ITEM_EXISTS);
        require(command.plannedMinutes() >= 0 && command.plannedMinutes() <= 600, "plannedMinutes", MeetingError.PLANNED_MINUTES_RANGE, 600);
        apply(new AgendaItemAdded(meetingId, command.itemId(), agenda.size() + 1,
                requireText(command.title(), "title", 500), command.presenterId(), command.plannedMinutes()));
    }

    @CommandHandler
    public void handle(MoveAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        requireItem(command.itemId());
        require(command.position() >= 1 && command.position() <= agenda.size(), "position", MeetingError.POSITION_RANGE, agenda.size());
        if (agenda.indexOf(command.itemId()) + 1 != command.position()) {
            apply(new AgendaItemMoved(meetingId, command.itemId(), command.position()));
        }
    }

    @CommandHandler
    public void handle(AttachMeetingDocument command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.documentId() != null && !documents.contains(command.documentId()), "documentId", MeetingError.DOCUMENT_EXISTS);
        require((command.eofficeDocumentId() == null) != (command.fileKey() == null),
                "eofficeDocumentId", MeetingError.DOCUMENT_SOURCE);
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
            throw new NotFound(MeetingError.DOCUMENT_NOT_FOUND, command.documentId());
        }
        boolean runner = isRunner(command.actorId());
        if (!runner && seatActedBy(command.actorId()) == null) {
            throw new Forbidden(MeetingError.ONLY_MEMBERS_COMMENT);
        }
        Instant visibleFrom = documentVisibleFrom.get(command.documentId());
        if (!runner && visibleFrom != null && clock.instant().isBefore(visibleFrom)) {
            throw new BusinessRuleViolation(MeetingError.DOCUMENT_NOT_OPEN);
        }
        apply(new MeetingDocumentCommented(meetingId, command.documentId(), command.commentId(), command.actorId(),
                requireText(command.text(), "text", 5000), clock.instant()));
    }

    @CommandHandler
    public void handle(StartMeeting command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, MeetingError.ALREADY_STARTED);
        apply(new MeetingStarted(meetingId, clock.instant()));
    }

    @CommandHandler
    public void handle(TakeUpAgendaItem command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.NOT_IN_PROGRESS);
        requireItem(command.itemId());
        apply(new AgendaItemTakenUp(meetingId, command.itemId(), clock.instant()));
    }

    @CommandHandler
    public void handle(EndMeeting command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.NOT_IN_PROGRESS);
        if (votes.values().stream().anyMatch(b -> b.open)) {
            throw new BusinessRuleViolation(MeetingError.VOTE_STILL_OPEN);
        }
        endCurrentSpeech(clock.instant());
        apply(new MeetingEnded(meetingId, clock.instant()));
    }

    @CommandHandler
    public void handle(CheckIn command, Clock clock) {
        requireNotOver();
        require(command.presence() == Presence.IN_PERSON || command.presence() == Presence.ONLINE,
                "presence", MeetingError.PRESENCE_REQUIRED);
        Seat seat = seat(command.seatId());
        if (!isRunner(command.actorId())) {
            if (!Objects.equals(seat.actor(), command.actorId())) {
                throw new Forbidden(MeetingError.CHECK_IN_OWN_SEAT);
            }
            if (command.presence() == Presence.IN_PERSON && !checkInCode.equalsIgnoreCase(
                    Objects.requireNonNullElse(command.checkInCode(), "").strip())) {
                throw new BusinessRuleViolation(MeetingError.WRONG_CHECK_IN_CODE);
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
        require(command.kind() != null, "kind", MeetingError.FLOOR_KIND_REQUIRED);
        require(command.requestId() != null && !floorRequests.containsKey(command.requestId()), "requestId", MeetingError.REQUEST_EXISTS);
        Seat seat = seat(command.seatId());
        if (!Objects.equals(seat.actor(), command.actorId()) && !isRunner(command.actorId())) {
            throw new Forbidden(MeetingError.FLOOR_OWN_SEAT);
        }
        boolean waiting = floorRequests.values().stream().anyMatch(r -> r.seatId().equals(command.seatId())
                && r.itemId().equals(command.itemId()) && r.state() == FloorState.WAITING);
        if (waiting) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_WAITING);
        }
        apply(new FloorRequested(meetingId, command.requestId(), command.itemId(), command.seatId(), seat.actor(),
                command.kind(), clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawFloorRequest command) {
        FloorRequest request = floorRequest(command.requestId());
        if (!isRunner(command.actorId()) && !Objects.equals(seat(request.seatId()).actor(), command.actorId())) {
            throw new Forbidden(MeetingError.WITHDRAW_OWN_REQUEST);
        }
        if (request.state() != FloorState.WAITING) {
            throw new BusinessRuleViolation(MeetingError.REQUEST_NOT_WAITING);
        }
        apply(new FloorRequestWithdrawn(meetingId, command.requestId()));
    }

    @CommandHandler
    public void handle(GiveFloor command, Clock clock) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.FLOOR_DURING_MEETING);
        FloorRequest request = floorRequest(command.requestId());
        if (request.state() != FloorState.WAITING) {
            throw new BusinessRuleViolation(MeetingError.REQUEST_NOT_WAITING);
        }
        require(command.speakingSeconds() >= 0 && command.speakingSeconds() <= 3600,
                "speakingSeconds", MeetingError.SPEAKING_SECONDS_RANGE, 3600);
        endCurrentSpeech(clock.instant());
        apply(new FloorGiven(meetingId, command.requestId(), seat(request.seatId()).actor(), command.speakingSeconds(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(EndSpeech command, Clock clock) {
        FloorRequest request = floorRequest(command.requestId());
        if (!isRunner(command.actorId()) && !Objects.equals(seat(request.seatId()).actor(), command.actorId())) {
            throw new Forbidden(MeetingError.END_OWN_SPEECH);
        }
        if (request.state() != FloorState.SPEAKING) {
            throw new BusinessRuleViolation(MeetingError.NOBODY_SPEAKS);
        }
        endCurrentSpeech(clock.instant());
    }

    @CommandHandler
    public void handle(OpenVote command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.VOTES_DURING_MEETING);
        requireItem(command.itemId());
        require(command.voteId() != null && !votes.containsKey(command.voteId()), "voteId", MeetingError.VOTE_EXISTS);
        require(command.base() != null, "base", MeetingError.VOTE_BASE_REQUIRED);
        if (votes.values().stream().anyMatch(b -> b.open)) {
            throw new BusinessRuleViolation(MeetingError.VOTE_STILL_OPEN);
        }
        apply(new VoteOpened(meetingId, command.voteId(), command.itemId(),
                requireText(command.question(), "question", 1000), command.secret(), command.base(),
                List.copyOf(seats.keySet())));
    }

    @CommandHandler
    public void handle(CastVote command) {
        Ballot ballot = votes.get(command.voteId());
        if (ballot == null) {
            throw new NotFound(MeetingError.VOTE_NOT_FOUND, command.voteId());
        }
        require(command.choice() != null, "choice", MeetingError.CHOICE_REQUIRED);
        if (!ballot.open) {
            throw new BusinessRuleViolation(MeetingError.VOTE_CLOSED);
        }
        Seat seat = seats.get(command.seatId());
        if (seat == null || !ballot.entitled.contains(command.seatId())) {
            throw new Forbidden(MeetingError.NOT_ENTITLED_TO_VOTE);
        }
        boolean recordedBySecretary = command.writtenOpinion() && isRunner(command.actorId());
        if (!Objects.equals(seat.actor(), command.actorId()) && !recordedBySecretary) {
            throw new Forbidden(MeetingError.VOTE_OWN_SEAT);
        }
        if (ballot.voted.contains(command.seatId())) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_VOTED);
        }
        if (command.writtenOpinion() && seat.presence().present()) {
            throw new BusinessRuleViolation(MeetingError.WRITTEN_OPINION_FOR_ABSENT);
        }
        if (!command.writtenOpinion() && !seat.presence().present()) {
            throw new BusinessRuleViolation(MeetingError.CHECK_IN_BEFORE_VOTING);
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
            throw new NotFound(MeetingError.VOTE_NOT_FOUND, command.voteId());
        }
        if (!ballot.open) {
            throw new BusinessRuleViolation(MeetingError.VOTE_ALREADY_CLOSED);
        }
        int present = (int) ballot.entitled.stream()
                .filter(s -> seats.get(s).presence().present() || ballot.written.contains(s)).count();
        apply(new VoteClosed(meetingId, command.voteId(), VoteResult.count(ballot.entitled.size(), present, ballot.base,
                ballot.count(VoteChoice.YES), ballot.count(VoteChoice.NO), ballot.count(VoteChoice.ABSTAIN))));
    }

    @CommandHandler
    public void handle(DraftMinutes command) {
        if (!Objects.equals(command.actorId(), secretaryId) && !Objects.equals(command.actorId(), chairId)) {
            throw new Forbidden(MeetingError.SECRETARY_DRAFTS_MINUTES);
        }
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.SCHEDULED) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_AFTER_START);
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_FINAL);
        }
        apply(new MinutesDrafted(meetingId, minutesVersion + 1, requireText(command.text(), "text", 200_000)));
    }

    @CommandHandler
    public void handle(ApproveMinutes command) {
        if (!Objects.equals(command.actorId(), chairId)) {
            throw new Forbidden(MeetingError.CHAIR_APPROVES_MINUTES);
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_ALREADY_APPROVED);
        }
        if (minutesVersion == 0) {
            throw new BusinessRuleViolation(MeetingError.NO_MINUTES);
        }
        if (command.version() != minutesVersion) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_CHANGED, minutesVersion);
        }
        apply(new MinutesApproved(meetingId, minutesVersion));
    }

    @CommandHandler
    public void handle(IssueConclusionNotice command) {
        requireRunner(command.actorId());
        if (status != MeetingStatus.IN_PROGRESS && status != MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(MeetingError.CONCLUSION_AFTER_MEETING);
        }
        if (conclusionIssued) {
            throw new BusinessRuleViolation(MeetingError.CONCLUSION_ALREADY_ISSUED);
        }
        require(command.agencyId() != null, "agencyId", MeetingError.AGENCY_REQUIRED);
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
            throw new Forbidden(MeetingError.SECRETARY_RECORDS);
        }
        requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.RECORDING_DURING_MEETING);
        if (recordingSession != null) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_RECORDING);
        }
        apply(new RecordingStarted(meetingId, command.sessionId()));
    }

    @CommandHandler
    public void handle(RecordRecordingStopped command) {
        if (!Objects.equals(command.actorId(), secretaryId)) {
            throw new Forbidden(MeetingError.SECRETARY_RECORDS);
        }
        if (recordingSession == null) {
            throw new BusinessRuleViolation(MeetingError.NOT_RECORDING);
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
            throw new Forbidden(MeetingError.CHAIR_OR_SECRETARY);
        }
    }

    private void requireMember(Seat seat, String actorId) {
        if (!Objects.equals(seat.memberId(), actorId) && !isRunner(actorId)) {
            throw new Forbidden(MeetingError.ONLY_INVITEE_ANSWERS);
        }
    }

    private String seatActedBy(String actorId) {
        return seats.entrySet().stream().filter(e -> Objects.equals(e.getValue().actor(), actorId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private Seat seat(String seatId) {
        Seat seat = seatId == null ? null : seats.get(seatId);
        if (seat == null) {
            throw new BusinessRuleViolation(MeetingError.NO_SEAT);
        }
        return seat;
    }

    private FloorRequest floorRequest(String requestId) {
        FloorRequest request = requestId == null ? null : floorRequests.get(requestId);
        if (request == null) {
            throw new NotFound(MeetingError.REQUEST_NOT_FOUND, requestId);
        }
        return request;
    }

    private void requireItem(String itemId) {
        if (itemId == null || !agenda.contains(itemId)) {
            throw new InvalidInput("itemId", MeetingError.ITEM_UNKNOWN);
        }
    }

    private void requireStatus(MeetingStatus expected, MeetingError refusal) {
        if (status != expected) {
            throw new BusinessRuleViolation(refusal);
        }
    }

    private void requireNotOver() {
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(status == MeetingStatus.CANCELLED ? MeetingError.CANCELLED : MeetingError.OVER);
        }
    }

    private static void requireTimes(Instant startsAt, Instant endsAt) {
        require(startsAt != null && endsAt != null && endsAt.isAfter(startsAt), "endsAt", MeetingError.ENDS_BEFORE_START);
        require(!Duration.between(startsAt, endsAt).minus(LONGEST_MEETING).isPositive(),
                "endsAt", MeetingError.TOO_LONG_MEETING, 24);
    }

    private static void require(boolean condition, String field, MeetingError refusal, Object... arguments) {
        if (!condition) {
            throw new InvalidInput(field, refusal, arguments);
        }
    }

    private static String requireText(String text, String field, int max) {
        require(text != null && !text.isBlank() && text.length() <= max, field, MeetingError.TEXT_LENGTH, Label.field(field), max);
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
