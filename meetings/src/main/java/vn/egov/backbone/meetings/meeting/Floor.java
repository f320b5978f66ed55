package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.EndSpeech;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.GiveFloor;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RequestFloor;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.WithdrawFloorRequest;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.FloorGiven;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.FloorRequestWithdrawn;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.FloorRequested;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SpeechEnded;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.egov.backbone.meetings.meeting.MeetingRules.require;

/**
 * The speakers' list: requests for the floor on an agenda item, the chair giving it, one speech at a time.
 * A part of the {@link Meeting} aggregate.
 */
class Floor {
    enum State { WAITING, SPEAKING, DONE, WITHDRAWN }

    record Request(String seatId, String itemId, State state, Instant startedAt) {
        Request in(State newState, Instant started) {
            return new Request(seatId, itemId, newState, started);
        }
    }

    /** Not compared by Axon's test fixture (transient): the meeting this part belongs to. */
    private final transient Meeting meeting;
    private final Map<String, Request> requests = new HashMap<>();
    private String currentSpeech;

    Floor(Meeting meeting) {
        this.meeting = meeting;
    }

    @CommandHandler
    void handle(RequestFloor command, Clock clock) {
        meeting.requireNotOver();
        meeting.requireItem(command.itemId());
        require(command.kind() != null, "kind", MeetingError.FLOOR_KIND_REQUIRED);
        require(command.requestId() != null && !requests.containsKey(command.requestId()), "requestId",
                MeetingError.REQUEST_EXISTS);
        Attendance.Seat seat = meeting.attendance().seat(command.seatId());
        if (!Objects.equals(seat.actor(), command.actorId()) && !meeting.isRunner(command.actorId())) {
            throw new Forbidden(MeetingError.FLOOR_OWN_SEAT);
        }
        boolean waiting = requests.values().stream().anyMatch(r -> r.seatId().equals(command.seatId())
                && r.itemId().equals(command.itemId()) && r.state() == State.WAITING);
        if (waiting) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_WAITING);
        }
        apply(new FloorRequested(meeting.id(), command.requestId(), command.itemId(), command.seatId(), seat.actor(),
                command.kind(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawFloorRequest command) {
        Request request = request(command.requestId());
        if (!meeting.isRunner(command.actorId()) && !isSpeaker(request, command.actorId())) {
            throw new Forbidden(MeetingError.WITHDRAW_OWN_REQUEST);
        }
        if (request.state() != State.WAITING) {
            throw new BusinessRuleViolation(MeetingError.REQUEST_NOT_WAITING);
        }
        apply(new FloorRequestWithdrawn(meeting.id(), command.requestId()));
    }

    @CommandHandler
    void handle(GiveFloor command, Clock clock) {
        meeting.requireRunner(command.actorId());
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.FLOOR_DURING_MEETING);
        Request request = request(command.requestId());
        if (request.state() != State.WAITING) {
            throw new BusinessRuleViolation(MeetingError.REQUEST_NOT_WAITING);
        }
        require(command.speakingSeconds() >= 0 && command.speakingSeconds() <= 3600,
                "speakingSeconds", MeetingError.SPEAKING_SECONDS_RANGE, 3600);
        endCurrentSpeech(clock.instant());
        apply(new FloorGiven(meeting.id(), command.requestId(), meeting.attendance().seat(request.seatId()).actor(),
                command.speakingSeconds(), clock.instant()));
    }

    @CommandHandler
    void handle(EndSpeech command, Clock clock) {
        Request request = request(command.requestId());
        if (!meeting.isRunner(command.actorId()) && !isSpeaker(request, command.actorId())) {
            throw new Forbidden(MeetingError.END_OWN_SPEECH);
        }
        if (request.state() != State.SPEAKING) {
            throw new BusinessRuleViolation(MeetingError.NOBODY_SPEAKS);
        }
        endCurrentSpeech(clock.instant());
    }

    /** Whoever speaks stops when the chair gives the floor to another or the meeting ends. */
    void endCurrentSpeech(Instant now) {
        if (currentSpeech != null) {
            Request speaking = requests.get(currentSpeech);
            apply(new SpeechEnded(meeting.id(), currentSpeech,
                    Math.max(0, Duration.between(speaking.startedAt(), now).toSeconds()), now));
        }
    }

    private boolean isSpeaker(Request request, String actorId) {
        return Objects.equals(meeting.attendance().seat(request.seatId()).actor(), actorId);
    }

    private Request request(String requestId) {
        Request request = requestId == null ? null : requests.get(requestId);
        if (request == null) {
            throw new NotFound(MeetingError.REQUEST_NOT_FOUND, requestId);
        }
        return request;
    }

    @EventSourcingHandler
    void on(FloorRequested e) {
        requests.put(e.requestId(), new Request(e.seatId(), e.itemId(), State.WAITING, null));
    }

    @EventSourcingHandler
    void on(FloorRequestWithdrawn e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.in(State.WITHDRAWN, r.startedAt()));
    }

    @EventSourcingHandler
    void on(FloorGiven e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.in(State.SPEAKING, e.at()));
        currentSpeech = e.requestId();
    }

    @EventSourcingHandler
    void on(SpeechEnded e) {
        requests.computeIfPresent(e.requestId(), (id, r) -> r.in(State.DONE, r.startedAt()));
        currentSpeech = null;
    }
}
