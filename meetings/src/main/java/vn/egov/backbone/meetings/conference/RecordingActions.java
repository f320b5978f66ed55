package vn.egov.backbone.meetings.conference;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingError;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStarted;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStopped;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.util.List;
import java.util.UUID;

/**
 * Recording a meeting through Jibri: only its secretary, only while it is in progress, one recording at a time.
 * Jibri is started before the meeting records it, and stopped again if the meeting refuses, so that it never
 * records a meeting that does not know it.
 */
@Service
public class RecordingActions {
    private final MeetingQueries meetings;
    private final JitsiServices services;
    private final JitsiProperties jitsi;
    private final MeetingActions actions;

    RecordingActions(MeetingQueries meetings, JitsiServices services, JitsiProperties jitsi, MeetingActions actions) {
        this.meetings = meetings;
        this.services = services;
        this.jitsi = jitsi;
        this.actions = actions;
    }

    /** @return the recording session's id */
    public String start(String meetingId) {
        MeetingRecord meeting = secretarysMeeting(meetingId);
        if (meeting.status() != MeetingStatus.IN_PROGRESS) {
            throw new BusinessRuleViolation(MeetingError.RECORDING_DURING_MEETING);
        }
        if (meeting.recordingSession() != null) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_RECORDING);
        }
        String sessionId = UUID.randomUUID().toString();
        services.startRecording(sessionId, meeting.roomSlug());
        try {
            actions.send(meetingId, new RecordRecordingStarted(meetingId, sessionId, me()));
        } catch (RuntimeException refused) {
            services.stopRecording(); // the meeting did not take it: do not leave Jibri recording
            throw refused;
        }
        return sessionId;
    }

    public void stop(String meetingId) {
        MeetingRecord meeting = secretarysMeeting(meetingId);
        if (meeting.recordingSession() == null) {
            throw new BusinessRuleViolation(MeetingError.NOT_RECORDING);
        }
        services.stopRecording();
        actions.send(meetingId, new RecordRecordingStopped(meetingId, me()));
    }

    /** Whether Jitsi is configured, and the health of its services (Jibri among them). */
    public boolean configured() {
        return jitsi.configured();
    }

    public List<JitsiServices.Health> health() {
        return services.health();
    }

    private MeetingRecord secretarysMeeting(String id) {
        MeetingRecord meeting = meetings.visible(id, me());
        if (!me().equals(meeting.secretaryId())) {
            throw new Forbidden(MeetingError.SECRETARY_RECORDS);
        }
        return meeting;
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
