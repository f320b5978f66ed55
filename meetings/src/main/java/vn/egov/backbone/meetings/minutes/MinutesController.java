package vn.egov.backbone.meetings.minutes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The minutes over HTTP, beside the drafting and approval of {@code MeetingController}: a draft written from the
 * meeting's events (previewed, or kept as the next version), the PDF, and the signatures of the secretary and
 * the chair with what a check of them finds.
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}/minutes")
class MinutesController {
    private final MinutesActions minutes;

    MinutesController(MinutesActions minutes) {
        this.minutes = minutes;
    }

    record Signing(@NotBlank @Size(max = 200) String password) {
    }

    @GetMapping("/draft")
    Map<String, String> draft(@PathVariable String id) {
        return Map.of("text", minutes.draft(id));
    }

    @PostMapping("/composition")
    ResponseEntity<Map<String, Integer>> compose(@PathVariable String id) {
        return ResponseEntity.status(201).body(Map.of("version", minutes.compose(id)));
    }

    @GetMapping("/file")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        return pdf(minutes.file(id));
    }

    @PostMapping("/signatures")
    ResponseEntity<Void> sign(@PathVariable String id, @Valid @RequestBody Signing request) {
        minutes.sign(id, request.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/signatures")
    MinutesActions.Signatures signatures(@PathVariable String id) {
        return minutes.signatures(id);
    }

    static ResponseEntity<byte[]> pdf(MinutesActions.MinutesFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.pdf());
    }
}
