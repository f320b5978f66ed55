package vn.egov.backbone.meetings.conference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.meetings.conference.api.ConferenceCommands.RecordJoin;
import vn.egov.backbone.meetings.conference.api.ConferenceCommands.RecordLeave;
import vn.egov.backbone.meetings.conference.api.ConferenceEvents.ConferenceJoined;
import vn.egov.backbone.meetings.conference.api.ConferenceEvents.ConferenceLeft;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One participant's connections to a meeting's video room. Small on purpose: a join storm of a whole
 * province's endpoints spreads over one stream per endpoint instead of queueing on the meeting, and
 * the duplicates event_sync's retries bring (it has no idempotency key) are recognised here by the
 * connection's occupant JID and join time.
 */
@Aggregate
public class ConferenceAttendance {
    @AggregateIdentifier
    private String attendanceId;
    private final Set<String> joined = new HashSet<>();
    private final Set<String> left = new HashSet<>();

    protected ConferenceAttendance() {
        // for Axon, and for the first connection (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordJoin command) {
        if (!joined.contains(connection(command.occupantJid(), command.joinedAt().getEpochSecond()))) {
            apply(new ConferenceJoined(command.attendanceId(), command.meetingId(), command.participant(),
                    command.occupantJid(), command.displayName(), command.joinedAt()));
        }
    }

    /** A leave is recorded once; one that arrives before its join is recorded all the same (webhooks race). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLeave command) {
        if (!left.contains(connection(command.occupantJid(), command.joinedAt().getEpochSecond()))) {
            apply(new ConferenceLeft(command.attendanceId(), command.meetingId(), command.participant(),
                    command.occupantJid(), command.joinedAt(), command.leftAt(), command.dominantSpeakerMillis()));
        }
    }

    private static String connection(String occupantJid, long joinedAt) {
        return occupantJid + "@" + joinedAt;
    }

    @EventSourcingHandler
    void on(ConferenceJoined e) {
        attendanceId = e.attendanceId();
        joined.add(connection(e.occupantJid(), e.joinedAt().getEpochSecond()));
    }

    @EventSourcingHandler
    void on(ConferenceLeft e) {
        attendanceId = e.attendanceId();
        left.add(connection(e.occupantJid(), e.joinedAt().getEpochSecond()));
    }
}
