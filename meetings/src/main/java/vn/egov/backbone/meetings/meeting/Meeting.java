package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.AddAgendaItem;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.AttachMeetingDocument;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CancelMeeting;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CommentOnMeetingDocument;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.EndMeeting;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.MoveAgendaItem;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RescheduleMeeting;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.ScheduleMeeting;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.StartMeeting;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.TakeUpAgendaItem;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.AgendaItemAdded;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.AgendaItemMoved;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.AgendaItemTakenUp;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingCancelled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingDocumentAttached;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingDocumentCommented;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingEnded;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingRescheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingStarted;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.egov.backbone.meetings.meeting.MeetingRules.require;
import static vn.egov.backbone.meetings.meeting.MeetingRules.requireText;
import static vn.egov.backbone.meetings.meeting.MeetingRules.requireTimes;

/**
 * A meeting, from scheduling to its conclusion notice. One aggregate, so that one vote per seat, the
 * quorum and the chair's control of the floor hold also when many tablets act at once; its parts hold
 * their own state and rules along the meeting's natural seams: {@link Attendance} (invitations, deputies,
 * check-in), {@link Floor} (the speakers' list), {@link Voting}, {@link MinutesAndConclusion} and the
 * {@link ConferenceRoom}. Axon routes each command to the part that handles it and every event to all.
 *
 * <p>This class keeps what the parts share: the meeting's status, who runs it (the chair and the
 * secretary), its agenda and its documents.
 */
@Aggregate
public class Meeting {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @AggregateIdentifier
    private String meetingId;
    private MeetingStatus status;
    private String chairId;
    private String secretaryId;
    private String checkInCode;
    private final List<String> agenda = new ArrayList<>();
    private final Set<String> documents = new LinkedHashSet<>();
    private final Map<String, Instant> documentVisibleFrom = new HashMap<>();

    @AggregateMember
    private final Attendance attendance = new Attendance(this);
    @AggregateMember
    private final Floor floor = new Floor(this);
    @AggregateMember
    private final Voting voting = new Voting(this);
    @AggregateMember
    private final MinutesAndConclusion minutes = new MinutesAndConclusion(this);
    @AggregateMember
    private final ConferenceRoom room = new ConferenceRoom(this);

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command) {
        MeetingDetails details = MeetingRules.validSchedule(command.details());
        String id = command.meetingId();
        apply(new MeetingScheduled(id, details, RoomSlug.of(details.title(), id),
                1 + RANDOM.nextLong(Long.MAX_VALUE - 1) % 9_000_000_000L, newCheckInCode()));
    }

    @CommandHandler
    public void handle(RescheduleMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, MeetingError.RESCHEDULE_ONLY_SCHEDULED);
        requireTimes(command.startsAt(), command.endsAt());
        String location = command.location() == null || command.location().isBlank() ? null : command.location().strip();
        MeetingRules.requireLocation(location);
        apply(new MeetingRescheduled(meetingId, command.startsAt(), command.endsAt(), location,
                requireText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        requireRunner(command.actorId());
        requireStatus(MeetingStatus.SCHEDULED, MeetingError.CANCEL_ONLY_SCHEDULED);
        apply(new MeetingCancelled(meetingId, requireText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.itemId() != null && !agenda.contains(command.itemId()), "itemId", MeetingError.ITEM_EXISTS);
        require(command.plannedMinutes() >= 0 && command.plannedMinutes() <= 600, "plannedMinutes",
                MeetingError.PLANNED_MINUTES_RANGE, 600);
        apply(new AgendaItemAdded(meetingId, command.itemId(), agenda.size() + 1,
                requireText(command.title(), "title", 500), command.presenterId(), command.plannedMinutes()));
    }

    @CommandHandler
    public void handle(MoveAgendaItem command) {
        requireRunner(command.actorId());
        requireNotOver();
        requireItem(command.itemId());
        require(command.position() >= 1 && command.position() <= agenda.size(), "position", MeetingError.POSITION_RANGE,
                agenda.size());
        if (agenda.indexOf(command.itemId()) + 1 != command.position()) {
            apply(new AgendaItemMoved(meetingId, command.itemId(), command.position()));
        }
    }

    @CommandHandler
    public void handle(AttachMeetingDocument command) {
        requireRunner(command.actorId());
        requireNotOver();
        require(command.documentId() != null && !documents.contains(command.documentId()), "documentId",
                MeetingError.DOCUMENT_EXISTS);
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
        if (!runner && attendance.seatActedBy(command.actorId()) == null) {
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
        if (voting.anyOpen()) {
            throw new BusinessRuleViolation(MeetingError.VOTE_STILL_OPEN);
        }
        floor.endCurrentSpeech(clock.instant());
        apply(new MeetingEnded(meetingId, clock.instant()));
    }

    // ---- what the parts ask of the meeting

    String id() {
        return meetingId;
    }

    MeetingStatus status() {
        return status;
    }

    String chairId() {
        return chairId;
    }

    String secretaryId() {
        return secretaryId;
    }

    String checkInCode() {
        return checkInCode;
    }

    Attendance attendance() {
        return attendance;
    }

    /** The chair and the secretary run the meeting. */
    boolean isRunner(String actorId) {
        return actorId != null && (actorId.equals(chairId) || actorId.equals(secretaryId));
    }

    void requireRunner(String actorId) {
        if (!isRunner(actorId)) {
            throw new Forbidden(MeetingError.CHAIR_OR_SECRETARY);
        }
    }

    void requireItem(String itemId) {
        if (itemId == null || !agenda.contains(itemId)) {
            throw new InvalidInput("itemId", MeetingError.ITEM_UNKNOWN);
        }
    }

    void requireStatus(MeetingStatus expected, MeetingError refusal) {
        if (status != expected) {
            throw new BusinessRuleViolation(refusal);
        }
    }

    void requireNotOver() {
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(status == MeetingStatus.CANCELLED ? MeetingError.CANCELLED : MeetingError.OVER);
        }
    }

    private static String newCheckInCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    // ---- state from events (the parts keep theirs)

    @EventSourcingHandler
    void on(MeetingScheduled e) {
        meetingId = e.meetingId();
        status = MeetingStatus.SCHEDULED;
        chairId = e.details().chairId();
        secretaryId = e.details().secretaryId();
        checkInCode = e.checkInCode();
    }

    @EventSourcingHandler
    void on(MeetingCancelled e) {
        status = MeetingStatus.CANCELLED;
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
}
