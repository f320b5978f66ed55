package vn.egov.backbone.meetings.conference;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The secretary records a meeting through Jibri ({@link RecordingActions}); the ops page shows Jitsi's health. */
@RestController
class RecordingController {
    private final RecordingActions recording;

    RecordingController(RecordingActions recording) {
        this.recording = recording;
    }

    @PostMapping("/api/v1/meetings/{id}/recording")
    ResponseEntity<Map<String, String>> start(@PathVariable String id) {
        return ResponseEntity.status(201).body(Map.of("sessionId", recording.start(id)));
    }

    @DeleteMapping("/api/v1/meetings/{id}/recording")
    ResponseEntity<Void> stop(@PathVariable String id) {
        recording.stop(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/jitsi/health")
    Map<String, Object> health() {
        return Map.of("configured", recording.configured(), "services", recording.health());
    }
}
