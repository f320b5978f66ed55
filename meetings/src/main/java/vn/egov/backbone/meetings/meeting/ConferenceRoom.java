package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStarted;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStopped;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomClosed;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRoomOpened;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ConferenceRoomClosed;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ConferenceRoomOpened;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.RecordingStarted;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.RecordingStopped;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The meeting's video room as Jitsi reports it (opened, closed) and its recording by Jibri, which only the
 * secretary starts and stops. A part of the {@link Meeting} aggregate.
 */
class ConferenceRoom {
    /** Not compared by Axon's test fixture (transient): the meeting this part belongs to. */
    private final transient Meeting meeting;
    private boolean roomOpen;
    private String recordingSession;

    ConferenceRoom(Meeting meeting) {
        this.meeting = meeting;
    }

    /** Prosody may report a room twice (a retry, two nodes): the second report changes nothing. */
    @CommandHandler
    void handle(RecordRoomOpened command) {
        if (!roomOpen) {
            apply(new ConferenceRoomOpened(meeting.id(), command.at()));
        }
    }

    @CommandHandler
    void handle(RecordRoomClosed command) {
        if (roomOpen) {
            apply(new ConferenceRoomClosed(meeting.id(), command.at()));
        }
    }

    @CommandHandler
    void handle(RecordRecordingStarted command) {
        if (!Objects.equals(command.actorId(), meeting.secretaryId())) {
            throw new Forbidden(MeetingError.SECRETARY_RECORDS);
        }
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, MeetingError.RECORDING_DURING_MEETING);
        if (recordingSession != null) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_RECORDING);
        }
        apply(new RecordingStarted(meeting.id(), command.sessionId()));
    }

    @CommandHandler
    void handle(RecordRecordingStopped command) {
        if (!Objects.equals(command.actorId(), meeting.secretaryId())) {
            throw new Forbidden(MeetingError.SECRETARY_RECORDS);
        }
        if (recordingSession == null) {
            throw new BusinessRuleViolation(MeetingError.NOT_RECORDING);
        }
        apply(new RecordingStopped(meeting.id(), recordingSession));
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
