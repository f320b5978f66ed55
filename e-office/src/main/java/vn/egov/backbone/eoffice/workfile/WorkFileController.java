package vn.egov.backbone.eoffice.workfile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.egov.backbone.eoffice.workfile.api.WorkFileView;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Work files over HTTP ({@link WorkFileActions} says who may do what). */
@RestController
@RequestMapping("/api/v1/work-files")
class WorkFileController {
    private final WorkFileActions workFiles;

    WorkFileController(WorkFileActions workFiles) {
        this.workFiles = workFiles;
    }

    record OpenRequest(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 1000) String title,
                       @Min(2000) @Max(2100) Integer year, @Min(1) @Max(100) Integer retentionYears, String agencyId) {
    }

    record FileRequest(@NotBlank String documentId) {
    }

    record Created(String id) {
    }

    @PostMapping
    ResponseEntity<Created> open(@Valid @RequestBody OpenRequest request) {
        String id = workFiles.open(request.agencyId(), request.year(), request.code(), request.title(),
                request.retentionYears());
        return ResponseEntity.created(URI.create("/api/v1/work-files/" + id)).body(new Created(id));
    }

    @GetMapping
    List<WorkFileView> list(@RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String agencyId) {
        return workFiles.list(agencyId, year);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        WorkFileActions.Contents contents = workFiles.get(id);
        return Map.of("file", contents.file(), "documents", contents.documents());
    }

    @PostMapping("/{id}/documents")
    ResponseEntity<Void> fileDocument(@PathVariable String id, @Valid @RequestBody FileRequest request) {
        workFiles.fileDocument(id, request.documentId());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/documents/{documentId}")
    ResponseEntity<Void> unfileDocument(@PathVariable String id, @PathVariable String documentId) {
        workFiles.unfileDocument(id, documentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<Void> close(@PathVariable String id) {
        workFiles.close(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/archive-transfer")
    ResponseEntity<Void> archive(@PathVariable String id) {
        workFiles.transferToArchive(id);
        return ResponseEntity.noContent().build();
    }

    record DestructionRequest(@NotBlank @Size(max = 300) String decision) {
    }

    @PostMapping("/{id}/destruction")
    ResponseEntity<Void> destroy(@PathVariable String id, @Valid @RequestBody DestructionRequest request) {
        workFiles.destroy(id, request.decision());
        return ResponseEntity.noContent().build();
    }
}
