package vn.egov.backbone.meetings.conference;

import vn.egov.backbone.meetings.meeting.MeetingError;
import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStarted;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.RecordRecordingStopped;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The secretary records a meeting through Jibri; the ops page shows Jitsi's health. */
@RestController
class RecordingController {
    private final MeetingQueries meetings;
    private final JitsiServices services;
    private final JitsiProperties jitsi;
    private final MeetingActions actions;

    RecordingController(MeetingQueries meetings, JitsiServices services, JitsiProperties jitsi, MeetingActions actions) {
        this.meetings = meetings;
        this.services = services;
        this.jitsi = jitsi;
        this.actions = actions;
    }

    @PostMapping("/api/v1/meetings/{id}/recording")
    ResponseEntity<Map<String, String>> start(@PathVariable String id) {
        MeetingRecord meeting = secretarysMeeting(id);
        if (meeting.status() != MeetingStatus.IN_PROGRESS) {
            throw new BusinessRuleViolation(MeetingError.RECORDING_DURING_MEETING);
        }
        if (meeting.recordingSession() != null) {
            throw new BusinessRuleViolation(MeetingError.ALREADY_RECORDING);
        }
        String sessionId = UUID.randomUUID().toString();
        services.startRecording(sessionId, meeting.roomSlug());
        try {
            actions.send(id, new RecordRecordingStarted(id, sessionId, me()));
        } catch (RuntimeException refused) {
            services.stopRecording(); // the meeting did not take it: do not leave Jibri recording
            throw refused;
        }
        return ResponseEntity.status(201).body(Map.of("sessionId", sessionId));
    }

    @DeleteMapping("/api/v1/meetings/{id}/recording")
    ResponseEntity<Void> stop(@PathVariable String id) {
        MeetingRecord meeting = secretarysMeeting(id);
        if (meeting.recordingSession() == null) {
            throw new BusinessRuleViolation(MeetingError.NOT_RECORDING);
        }
        services.stopRecording();
        actions.send(id, new RecordRecordingStopped(id, me()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/jitsi/health")
    Map<String, Object> health() {
        List<JitsiServices.Health> health = services.health();
        return Map.of("configured", jitsi.configured(), "services", health);
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
