package vn.egov.backbone.eoffice.workfile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.CloseWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.DestroyWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.FileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.OpenWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.TransferWorkFileToArchive;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.UnfileDocument;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Work files over HTTP. Officials of the agency open and fill them; the keeper or a leader closes
 * them; the records clerk transfers closed files to the archive; a leader destroys an archived file
 * once its retention period is over.
 */
@RestController
@RequestMapping("/api/v1/work-files")
class WorkFileController {
    private final Commands commands;
    private final DocumentActions documents;
    private final Authorizer authorizer;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkFileController(Commands commands, DocumentActions documents, Authorizer authorizer, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.documents = documents;
        this.authorizer = authorizer;
        this.jdbc = jdbc;
        this.clock = clock;
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
        UnitView agency = documents.actingAgency(request.agencyId());
        String me = Authorizer.currentPrincipal().officialId();
        if (!documents.worksIn(me, agency.id())) {
            throw new AccessDeniedException("Opening a work file needs a role in the agency");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new OpenWorkFile(id, agency.id(), request.year() == null ? today().getYear() : request.year(),
                request.code(), request.title(), request.retentionYears(), me));
        return ResponseEntity.created(URI.create("/api/v1/work-files/" + id)).body(new Created(id));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) String agencyId) {
        UnitView agency = documents.actingAgency(agencyId);
        return jdbc.sql("SELECT * FROM work_file_view WHERE agency_id = :agency AND list_year = :year ORDER BY code")
                .param("agency", agency.id()).param("year", year == null ? today().getYear() : year).query().listOfRows();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Map<String, Object> file = file(id);
        List<String> ids = jdbc.sql("SELECT document_id FROM work_file_document WHERE work_file_id = :id ORDER BY document_id")
                .param("id", id).query(String.class).list();
        // Only the documents the official may read are listed; the count is the file's own.
        List<DocumentView> visible = ids.stream().map(documentId -> {
            try {
                return documents.readable(documentId);
            } catch (NotFound hidden) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
        return Map.of("file", file, "documents", visible);
    }

    @PostMapping("/{id}/documents")
    ResponseEntity<Void> fileDocument(@PathVariable String id, @Valid @RequestBody FileRequest request) {
        Map<String, Object> file = file(id);
        DocumentView document = documents.readable(request.documentId());
        if (!document.agencyId().equals(file.get("agency_id"))) {
            throw new BusinessRuleViolation("A work file holds documents of its own agency");
        }
        commands.send(new FileDocument(id, request.documentId()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/documents/{documentId}")
    ResponseEntity<Void> unfileDocument(@PathVariable String id, @PathVariable String documentId) {
        file(id);
        commands.send(new UnfileDocument(id, documentId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<Void> close(@PathVariable String id) {
        Map<String, Object> file = file(id);
        String me = Authorizer.currentPrincipal().officialId();
        if (!me.equals(file.get("keeper_id")) && !authorizer.holds(me, Role.LEADER, (String) file.get("agency_id"))) {
            throw new AccessDeniedException("The file's keeper or a leader closes it");
        }
        commands.send(new CloseWorkFile(id, today()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/archive-transfer")
    ResponseEntity<Void> archive(@PathVariable String id) {
        Map<String, Object> file = file(id);
        authorizer.require(Role.RECORDS_CLERK, (String) file.get("agency_id"));
        commands.send(new TransferWorkFileToArchive(id, today()));
        return ResponseEntity.noContent().build();
    }

    record DestructionRequest(@NotBlank @Size(max = 300) String decision) {
    }

    /**
     * Destroys an archived file whose retention period is over, with its documents: the head of the
     * agency decides it (the decision's number and date are recorded with the event).
     */
    @PostMapping("/{id}/destruction")
    ResponseEntity<Void> destroy(@PathVariable String id, @Valid @RequestBody DestructionRequest request) {
        Map<String, Object> file = file(id);
        authorizer.require(Role.LEADER, (String) file.get("agency_id"));
        commands.send(new DestroyWorkFile(id, today(), request.decision()));
        return ResponseEntity.noContent().build();
    }

    /** The file, if it belongs to an agency the official works in. */
    private Map<String, Object> file(String id) {
        Map<String, Object> file = jdbc.sql("SELECT * FROM work_file_view WHERE id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFound("Work file " + id + " does not exist"));
        String me = Authorizer.currentPrincipal().officialId();
        UnitView agency = documents.actingAgency((String) file.get("agency_id"));
        if (!documents.worksIn(me, agency.id())) {
            throw new NotFound("Work file " + id + " does not exist");
        }
        return file;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }
}
