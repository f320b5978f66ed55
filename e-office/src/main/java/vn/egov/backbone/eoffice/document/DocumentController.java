package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.core.shared.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler.Registration;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.outgoing.api.IssuedDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Official correspondence over HTTP: requests in, {@link DocumentActions} and {@link DocumentQueries} behind. */
@RestController
@RequestMapping("/api/v1")
class DocumentController {
    private final DocumentActions actions;
    private final DocumentQueries queries;
    private final DocumentHistoryQueries history;
    private final AttachmentStore attachments;

    DocumentController(DocumentActions actions, DocumentQueries queries, DocumentHistoryQueries history,
                       AttachmentStore attachments) {
        this.actions = actions;
        this.queries = queries;
        this.history = history;
        this.attachments = attachments;
    }

    // ---- requests -------------------------------------------------------------------------------

    record IncomingRequest(@NotBlank @Size(max = 100) String number, @NotBlank @Size(max = 255) String issuer,
                           @NotNull LocalDate issuedOn, @NotNull DocumentType type, @NotBlank @Size(max = 1000) String subject,
                           @Size(max = 1_000_000) String body, Urgency urgency, Classification classification,
                           LocalDate dueOn, @Min(0) @Max(100_000) Integer pageCount, String agencyId) {
    }

    record AssigneeRequest(@NotNull Assignee.Kind kind, @NotBlank String id) {
        Assignee toAssignee() {
            return new Assignee(kind, id);
        }
    }

    record AssignmentRequest(@Size(max = 2000) String instruction, @NotNull @Valid AssigneeRequest lead,
                             List<@Valid AssigneeRequest> cooperating, List<@Valid AssigneeRequest> forInformation,
                             LocalDate deadline) {
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String note) {
    }

    record ForwardRequest(@NotBlank String toOfficialId, @Size(max = 4000) String note) {
    }

    record CompletionRequest(@NotBlank @Size(max = 4000) String result, String replyDocumentId) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DraftRequest(@NotNull DocumentType type, @NotBlank @Size(max = 1000) String subject,
                        @Size(max = 1_000_000) String body, List<String> internalRecipients,
                        List<@Size(max = 255) String> externalRecipients, Urgency urgency, Classification classification,
                        LocalDate dueOn, String replacesDocumentId, String agencyId) {
        DraftContent content() {
            return new DraftContent(type, subject, body, internalRecipients, externalRecipients, urgency, classification,
                    dueOn, replacesDocumentId);
        }
    }

    record SubmissionRequest(String reviewerId, @NotBlank String approverId) {
    }

    record ReviewRequest(@NotNull Boolean accepted, @Size(max = 4000) String comment) {
    }

    record CommentRequest(@Size(max = 4000) String comment) {
    }

    record Created(String id, Integer registerYear, Long registerNumber) {
    }

    record DocumentPage(DocumentView document, List<DocumentHistoryQueries.Step> history,
                        List<DocumentQueries.AttachmentRow> attachments, List<DocumentQueries.DeliveryRow> deliveries) {
    }

    // ---- incoming -------------------------------------------------------------------------------

    @PostMapping("/documents/incoming")
    ResponseEntity<Created> registerIncoming(@Valid @RequestBody IncomingRequest request) {
        Registration registration = actions.registerIncoming(new IncomingDetails(request.number(), request.issuer(),
                request.issuedOn(), request.type(), request.subject(), request.body(), request.urgency(),
                request.classification(), request.dueOn(), request.pageCount()), request.agencyId());
        return ResponseEntity.created(URI.create("/api/v1/documents/" + registration.documentId()))
                .body(new Created(registration.documentId(), registration.registerYear(), registration.registerNumber()));
    }

    @PostMapping("/documents/{id}/assignment")
    ResponseEntity<Void> assign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request) {
        actions.assign(id, request.instruction(), request.lead().toAssignee(), assignees(request.cooperating()),
                assignees(request.forInformation()), request.deadline());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/progress")
    ResponseEntity<Void> progress(@PathVariable String id, @Valid @RequestBody NoteRequest request) {
        actions.recordProgress(id, request.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/forwarding")
    ResponseEntity<Void> forward(@PathVariable String id, @Valid @RequestBody ForwardRequest request) {
        actions.forward(id, request.toOfficialId(), request.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/completion")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompletionRequest request) {
        actions.complete(id, request.result(), request.replyDocumentId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/return")
    ResponseEntity<Void> returnToSender(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        actions.returnToSender(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    // ---- outgoing -------------------------------------------------------------------------------

    @PostMapping("/documents/outgoing")
    ResponseEntity<Created> draft(@Valid @RequestBody DraftRequest request) {
        String id = actions.draft(request.content(), request.agencyId());
        return ResponseEntity.created(URI.create("/api/v1/documents/" + id)).body(new Created(id, null, null));
    }

    @PutMapping("/documents/{id}/draft")
    ResponseEntity<Void> revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        actions.revise(id, request.content());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/submission")
    ResponseEntity<Void> submit(@PathVariable String id, @Valid @RequestBody SubmissionRequest request) {
        actions.submit(id, request.reviewerId(), request.approverId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/review")
    ResponseEntity<Void> review(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        actions.review(id, request.accepted(), request.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/approval")
    ResponseEntity<Void> approve(@PathVariable String id, @Valid @RequestBody(required = false) CommentRequest request) {
        actions.approve(id, request == null ? null : request.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/draft-return")
    ResponseEntity<Void> returnDraft(@PathVariable String id, @Valid @RequestBody CommentRequest request) {
        actions.returnDraft(id, request.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/issue")
    ResponseEntity<IssuedDocument> issue(@PathVariable String id) {
        return ResponseEntity.ok(actions.issue(id));
    }

    @PostMapping("/documents/{id}/recall")
    ResponseEntity<Void> recall(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        actions.recall(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    // ---- attachments ----------------------------------------------------------------------------

    @PostMapping(path = "/documents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentRef> attach(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(201).body(actions.attach(id, in, file.getOriginalFilename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/documents/{id}/attachments/{attachmentId}")
    ResponseEntity<FileSystemResource> download(@PathVariable String id, @PathVariable String attachmentId) {
        actions.readable(id);
        DocumentQueries.AttachmentRow row = queries.attachments(id).stream()
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFound(DocumentError.ATTACHMENT_NOT_FOUND, attachmentId));
        var path = attachments.content(row.sha256()).orElseThrow(() -> new NotFound(DocumentError.FILE_MISSING));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(row.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(row.contentType()))
                .body(new FileSystemResource(path));
    }

    // ---- reads ----------------------------------------------------------------------------------

    @GetMapping("/documents/{id}")
    DocumentPage get(@PathVariable String id) {
        DocumentView document = actions.readable(id);
        return new DocumentPage(document, history.of(id), queries.attachments(id), queries.deliveries(id));
    }

    @GetMapping("/documents")
    List<DocumentView> list(@RequestParam(required = false) Direction direction,
                            @RequestParam(required = false) DocumentStatus status,
                            @RequestParam(required = false) String agencyId, @RequestParam(required = false) Integer year,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new InvalidInput("limit", DocumentError.LIST_RANGE, 500);
        }
        return queries.list(Authorizer.currentPrincipal().officialId(),
                new DocumentQueries.Filter(direction, status, agencyId, year, limit, offset));
    }

    @GetMapping("/inbox")
    List<DocumentQueries.InboxEntry> inbox(@RequestParam(defaultValue = "TODO") DocumentQueries.InboxTab tab) {
        return queries.inbox(Authorizer.currentPrincipal().officialId(), tab);
    }

    @GetMapping("/registers/{agencyId}/{year}/{direction}")
    List<DocumentView> register(@PathVariable String agencyId, @PathVariable int year, @PathVariable String direction) {
        Direction d = switch (direction) {
            case "incoming" -> Direction.INCOMING;
            case "outgoing" -> Direction.OUTGOING;
            default -> throw new InvalidInput("direction", DocumentError.DIRECTION_UNKNOWN);
        };
        return queries.register(Authorizer.currentPrincipal().officialId(), agencyId, d, year);
    }

    @GetMapping("/documents/overview")
    List<DocumentQueries.OverdueCount> overview(@RequestParam(required = false) String agencyId) {
        return actions.overview(agencyId);
    }

    private static List<Assignee> assignees(List<AssigneeRequest> requests) {
        return requests == null ? List.of() : requests.stream().map(AssigneeRequest::toAssignee).toList();
    }
}
