package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CheckIn;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.DelegateSeat;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.MarkAbsent;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RespondToInvitation;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.InvitationAccepted;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.InvitationDeclined;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ParticipantCheckedIn;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ParticipantMarkedAbsent;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SeatDelegated;
import vn.egov.backbone.meetings.meeting.api.Presence;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.egov.backbone.meetings.meeting.MeetingRules.require;
import static vn.egov.backbone.meetings.meeting.MeetingRules.requireText;

/**
 * The seats of a meeting: who is invited (the chair always is), who answered, who sends a deputy and who
 * is here. A part of the {@link Meeting} aggregate: its rules hold in the meeting's one sequence of events.
 */
class Attendance {
    enum Response { PENDING, ACCEPTED, DECLINED, DELEGATED }

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

    /** Not compared by Axon's test fixture (transient): the meeting this part belongs to. */
    private final transient Meeting meeting;
    private final Map<String, Seat> seats = new LinkedHashMap<>();

    Attendance(Meeting meeting) {
        this.meeting = meeting;
    }

    @CommandHandler
    void handle(RespondToInvitation command) {
        Seat seat = seat(command.seatId());
        requireMember(seat, command.actorId());
        meeting.requireNotOver();
        if (command.accept()) {
            if (seat.response() != Response.ACCEPTED || seat.deputyId() != null) {
                apply(new InvitationAccepted(meeting.id(), command.seatId()));
            }
        } else {
            if (command.seatId().equals(meeting.chairId())) {
                throw new BusinessRuleViolation(MeetingError.CHAIR_CANNOT_DECLINE);
            }
            apply(new InvitationDeclined(meeting.id(), command.seatId(), requireText(command.reason(), "reason", 1000)));
        }
    }

    @CommandHandler
    void handle(DelegateSeat command) {
        Seat seat = seat(command.seatId());
        requireMember(seat, command.actorId());
        meeting.requireNotOver();
        require(command.deputyId() != null && !command.deputyId().equals(seat.memberId()), "deputyId",
                MeetingError.DEPUTY_OTHER);
        if (seats.containsKey(command.deputyId())
                || seats.values().stream().anyMatch(s -> command.deputyId().equals(s.deputyId()))) {
            throw new BusinessRuleViolation(MeetingError.DEPUTY_HAS_SEAT);
        }
        if (seat.presence().present()) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_CHECKED_IN);
        }
        apply(new SeatDelegated(meeting.id(), command.seatId(), command.deputyId()));
    }

    @CommandHandler
    void handle(CheckIn command, Clock clock) {
        meeting.requireNotOver();
        require(command.presence() == Presence.IN_PERSON || command.presence() == Presence.ONLINE,
                "presence", MeetingError.PRESENCE_REQUIRED);
        Seat seat = seat(command.seatId());
        if (!meeting.isRunner(command.actorId())) {
            if (!Objects.equals(seat.actor(), command.actorId())) {
                throw new Forbidden(MeetingError.CHECK_IN_OWN_SEAT);
            }
            if (command.presence() == Presence.IN_PERSON && !meeting.checkInCode().equalsIgnoreCase(
                    Objects.requireNonNullElse(command.checkInCode(), "").strip())) {
                throw new BusinessRuleViolation(MeetingError.WRONG_CHECK_IN_CODE);
            }
        }
        if (seat.presence() == command.presence()
                || (seat.presence() == Presence.IN_PERSON && command.presence() == Presence.ONLINE)) {
            return; // already there; a second scan or a reconnection changes nothing
        }
        int present = presentSeats() + (seat.presence().present() ? 0 : 1);
        // the time the conference saw the join, unless it claims a moment still to come
        java.time.Instant now = clock.instant();
        java.time.Instant at = command.at() != null && command.at().isBefore(now) ? command.at() : now;
        apply(new ParticipantCheckedIn(meeting.id(), command.seatId(), seat.actor(), command.presence(), at,
                present, seats.size()));
    }

    @CommandHandler
    void handle(MarkAbsent command) {
        meeting.requireRunner(command.actorId());
        meeting.requireNotOver();
        Seat seat = seat(command.seatId());
        String reason = requireText(command.reason(), "reason", 1000);
        int present = presentSeats() - (seat.presence().present() ? 1 : 0);
        apply(new ParticipantMarkedAbsent(meeting.id(), command.seatId(), reason, present, seats.size()));
    }

    Seat seat(String seatId) {
        Seat seat = seatId == null ? null : seats.get(seatId);
        if (seat == null) {
            throw new BusinessRuleViolation(MeetingError.NO_SEAT);
        }
        return seat;
    }

    /** The seat of an invitation, null if there is no such seat. */
    Seat find(String seatId) {
        return seatId == null ? null : seats.get(seatId);
    }

    boolean isPresent(String seatId) {
        Seat seat = seats.get(seatId);
        return seat != null && seat.presence().present();
    }

    String seatActedBy(String actorId) {
        return seats.entrySet().stream().filter(e -> Objects.equals(e.getValue().actor(), actorId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    java.util.List<String> seatIds() {
        return java.util.List.copyOf(seats.keySet());
    }

    private int presentSeats() {
        return (int) seats.values().stream().filter(s -> s.presence().present()).count();
    }

    private void requireMember(Seat seat, String actorId) {
        if (!Objects.equals(seat.memberId(), actorId) && !meeting.isRunner(actorId)) {
            throw new Forbidden(MeetingError.ONLY_INVITEE_ANSWERS);
        }
    }

    @EventSourcingHandler
    void on(MeetingScheduled e) {
        e.details().inviteeIds().forEach(id -> seats.put(id, new Seat(id)));
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
    void on(ParticipantCheckedIn e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.at(e.presence()));
    }

    @EventSourcingHandler
    void on(ParticipantMarkedAbsent e) {
        seats.computeIfPresent(e.seatId(), (id, seat) -> seat.at(Presence.ABSENT));
    }
}
