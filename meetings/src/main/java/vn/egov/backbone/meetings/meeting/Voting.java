package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CastVote;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CloseVote;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.OpenVote;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SecretBallotDeposited;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.VoteCast;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.VoteClosed;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.VoteOpened;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.egov.backbone.meetings.meeting.MeetingRules.require;
import static vn.egov.backbone.meetings.meeting.MeetingRules.requireText;

/**
 * The votes of a meeting: one open at a time, one ballot per entitled seat (in the room, or a written
 * opinion for an absent member), secret ballots counted without their voter. A part of the {@link Meeting}
 * aggregate, so that one vote per seat holds when many tablets vote at once.
 */
class Voting {
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

    /** Not compared by Axon's test fixture (transient): the meeting this part belongs to. */
    private final transient Meeting meeting;
    private final Map<String, Ballot> votes = new HashMap<>();

    Voting(Meeting meeting) {
        this.meeting = meeting;
    }

    @CommandHandler
    void handle(OpenVote command, BallotBox ballotBox) {
        meeting.requireRunner(command.actorId());
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.VOTES_DURING_MEETING);
        meeting.requireItem(command.itemId());
        require(command.voteId() != null && !votes.containsKey(command.voteId()), "voteId", MeetingError.VOTE_EXISTS);
        require(command.base() != null, "base", MeetingError.VOTE_BASE_REQUIRED);
        if (anyOpen()) {
            throw new BusinessRuleViolation(MeetingError.VOTE_STILL_OPEN);
        }
        apply(new VoteOpened(meeting.id(), command.voteId(), command.itemId(),
                requireText(command.question(), "question", 1000), command.secret(), command.base(),
                meeting.attendance().seatIds()));
        if (command.secret()) {
            ballotBox.open(command.voteId());
        }
    }

    @CommandHandler
    void handle(CastVote command, BallotBox ballotBox) {
        Ballot ballot = ballot(command.voteId());
        require(command.choice() != null, "choice", MeetingError.CHOICE_REQUIRED);
        if (!ballot.open) {
            throw new BusinessRuleViolation(MeetingError.VOTE_CLOSED);
        }
        Attendance.Seat seat = meeting.attendance().find(command.seatId());
        if (seat == null || !ballot.entitled.contains(command.seatId())) {
            throw new Forbidden(MeetingError.NOT_ENTITLED_TO_VOTE);
        }
        boolean recordedBySecretary = command.writtenOpinion() && meeting.isRunner(command.actorId());
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
            // the seat voted (an event); its choice only into the box, in the same transaction
            apply(new VoteCast(meeting.id(), command.voteId(), command.seatId(), seat.actor(), null, command.writtenOpinion()));
            ballotBox.deposit(command.voteId(), command.choice());
        } else {
            apply(new VoteCast(meeting.id(), command.voteId(), command.seatId(), seat.actor(), command.choice(),
                    command.writtenOpinion()));
        }
    }

    @CommandHandler
    void handle(CloseVote command, BallotBox ballotBox) {
        meeting.requireRunner(command.actorId());
        Ballot ballot = ballot(command.voteId());
        if (!ballot.open) {
            throw new BusinessRuleViolation(MeetingError.VOTE_ALREADY_CLOSED);
        }
        int present = (int) ballot.entitled.stream()
                .filter(s -> meeting.attendance().isPresent(s) || ballot.written.contains(s)).count();
        // a secret vote's choices are in the box (and, for votes cast before it existed, in the events)
        Map<VoteChoice, Integer> boxed = ballot.secret ? ballotBox.counts(command.voteId()) : Map.of();
        apply(new VoteClosed(meeting.id(), command.voteId(), VoteResult.count(ballot.entitled.size(), present, ballot.base,
                ballot.count(VoteChoice.YES) + boxed.getOrDefault(VoteChoice.YES, 0),
                ballot.count(VoteChoice.NO) + boxed.getOrDefault(VoteChoice.NO, 0),
                ballot.count(VoteChoice.ABSTAIN) + boxed.getOrDefault(VoteChoice.ABSTAIN, 0))));
    }

    boolean anyOpen() {
        return votes.values().stream().anyMatch(b -> b.open);
    }

    private Ballot ballot(String voteId) {
        Ballot ballot = votes.get(voteId);
        if (ballot == null) {
            throw new NotFound(MeetingError.VOTE_NOT_FOUND, voteId);
        }
        return ballot;
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

    /** Stored by votes before the ballot box: still counted when such a meeting is loaded. */
    @EventSourcingHandler
    void on(SecretBallotDeposited e) {
        votes.get(e.voteId()).counts.merge(e.choice(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(VoteClosed e) {
        votes.get(e.voteId()).open = false;
    }
}
