package vn.egov.backbone.eoffice.document;

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
import org.springframework.security.access.AccessDeniedException;
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
import vn.egov.backbone.core.eventing.ActingContextResolver;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.OfficialDirectory;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
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
import vn.egov.backbone.eoffice.incoming.IncomingDocuments.Registration;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AddIncomingAttachment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AssignIncomingDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.CompleteProcessing;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ForwardAssignment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RecordProgress;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RegisterIncomingDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ReturnToSender;
import vn.egov.backbone.eoffice.outgoing.api.IssuedDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.AddOutgoingAttachment;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ApproveDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.CreateDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.IssueOutgoingDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.RecallOutgoingDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReturnDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviewDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviseDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SubmitDraft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Official correspondence over HTTP. Every write is checked against the role it needs in the
 * document's agency (records clerk registers, issues and returns; a leader assigns and approves;
 * assignees record progress and complete); every read applies {@link DocumentQueries}' visibility.
 */
@RestController
@RequestMapping("/api/v1")
class DocumentController {
    private final Commands commands;
    private final DocumentQueries queries;
    private final DocumentHistory history;
    private final Agencies agencies;
    private final Authorizer authorizer;
    private final ActingContextResolver acting;
    private final AttachmentStore attachments;
    private final OfficialDirectory officials;

    DocumentController(Commands commands, DocumentQueries queries, DocumentHistory history, Agencies agencies,
                       Authorizer authorizer, ActingContextResolver acting, AttachmentStore attachments,
                       OfficialDirectory officials) {
        this.officials = officials;
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.agencies = agencies;
        this.authorizer = authorizer;
        this.acting = acting;
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

    record DocumentPage(DocumentView document, List<DocumentHistory.Step> history,
                        List<DocumentQueries.AttachmentRow> attachments, List<DocumentQueries.DeliveryRow> deliveries) {
    }

    // ---- incoming -------------------------------------------------------------------------------

    @PostMapping("/documents/incoming")
    ResponseEntity<Created> registerIncoming(@Valid @RequestBody IncomingRequest request) {
        UnitView agency = actingAgency(request.agencyId());
        authorizer.require(Role.RECORDS_CLERK, agency.id());
        requireClearance(request.classification());
        IncomingDetails details = new IncomingDetails(request.number(), request.issuer(), request.issuedOn(),
                request.type(), request.subject(), request.body(), request.urgency(), request.classification(),
                request.dueOn(), request.pageCount());
        Registration registration = commands.send(new RegisterIncomingDocument(UUID.randomUUID().toString(), agency.id(),
                details));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + registration.documentId()))
                .body(new Created(registration.documentId(), registration.registerYear(), registration.registerNumber()));
    }

    @PostMapping("/documents/{id}/assignment")
    ResponseEntity<Void> assign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request) {
        DocumentView document = incoming(id);
        authorizer.require(Role.LEADER, document.agencyId());
        commands.send(new AssignIncomingDocument(id, request.instruction(), request.lead().toAssignee(),
                assignees(request.cooperating()), assignees(request.forInformation()), request.deadline()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/progress")
    ResponseEntity<Void> progress(@PathVariable String id, @Valid @RequestBody NoteRequest request) {
        commands.send(new RecordProgress(id, asAssignee(id), request.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/forwarding")
    ResponseEntity<Void> forward(@PathVariable String id, @Valid @RequestBody ForwardRequest request) {
        Assignee from = asAssignee(id);
        if (!queries.withinUnitOf(from, request.toOfficialId())) {
            throw new BusinessRuleViolation("Forward only to an official of the same unit");
        }
        commands.send(new ForwardAssignment(id, from, Assignee.official(request.toOfficialId()), request.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/completion")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompletionRequest request) {
        commands.send(new CompleteProcessing(id, asAssignee(id), request.result(), request.replyDocumentId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/return")
    ResponseEntity<Void> returnToSender(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        DocumentView document = incoming(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        commands.send(new ReturnToSender(id, request.reason()));
        return ResponseEntity.noContent().build();
    }

    // ---- outgoing -------------------------------------------------------------------------------

    @PostMapping("/documents/outgoing")
    ResponseEntity<Created> draft(@Valid @RequestBody DraftRequest request) {
        UnitView agency = actingAgency(request.agencyId());
        OfficialPrincipal me = Authorizer.currentPrincipal();
        if (!worksIn(me.officialId(), agency.id())) {
            throw new AccessDeniedException("Drafting needs a role in the agency or one of its departments");
        }
        requireClearance(request.classification());
        String id = commands.send(new CreateDraft(UUID.randomUUID().toString(), agency.id(), me.officialId(),
                request.content()));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + id)).body(new Created(id, null, null));
    }

    @PutMapping("/documents/{id}/draft")
    ResponseEntity<Void> revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        outgoing(id);
        commands.send(new ReviseDraft(id, Authorizer.currentPrincipal().officialId(), request.content()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/submission")
    ResponseEntity<Void> submit(@PathVariable String id, @Valid @RequestBody SubmissionRequest request) {
        DocumentView document = outgoing(id);
        if (!authorizer.holds(request.approverId(), Role.LEADER, document.agencyId())) {
            throw new BusinessRuleViolation("The approver must be a leader of the agency");
        }
        commands.send(new SubmitDraft(id, Authorizer.currentPrincipal().officialId(), request.reviewerId(),
                request.approverId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/review")
    ResponseEntity<Void> review(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        outgoing(id);
        commands.send(new ReviewDraft(id, Authorizer.currentPrincipal().officialId(), request.accepted(),
                request.comment()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/approval")
    ResponseEntity<Void> approve(@PathVariable String id, @Valid @RequestBody(required = false) CommentRequest request) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.LEADER, document.agencyId());
        commands.send(new ApproveDraft(id, Authorizer.currentPrincipal().officialId(),
                request == null ? null : request.comment()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/draft-return")
    ResponseEntity<Void> returnDraft(@PathVariable String id, @Valid @RequestBody CommentRequest request) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.LEADER, document.agencyId());
        commands.send(new ReturnDraft(id, Authorizer.currentPrincipal().officialId(), request.comment()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/issue")
    ResponseEntity<IssuedDocument> issue(@PathVariable String id) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        return ResponseEntity.ok(commands.send(new IssueOutgoingDocument(id)));
    }

    @PostMapping("/documents/{id}/recall")
    ResponseEntity<Void> recall(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        commands.send(new RecallOutgoingDocument(id, request.reason()));
        return ResponseEntity.noContent().build();
    }

    // ---- attachments ----------------------------------------------------------------------------

    @PostMapping(path = "/documents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentRef> attach(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        DocumentView document = readable(id);
        OfficialPrincipal me = Authorizer.currentPrincipal();
        boolean incoming = document.direction() == Direction.INCOMING;
        if (incoming) {
            authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        } else if (!me.officialId().equals(document.drafterId())) {
            throw new AccessDeniedException("Only the drafter attaches files to a draft");
        }
        AttachmentRef stored;
        try (InputStream in = file.getInputStream()) {
            stored = attachments.store(in, file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands.send(incoming ? new AddIncomingAttachment(id, stored) : new AddOutgoingAttachment(id, stored));
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/documents/{id}/attachments/{attachmentId}")
    ResponseEntity<FileSystemResource> download(@PathVariable String id, @PathVariable String attachmentId) {
        readable(id);
        DocumentQueries.AttachmentRow row = queries.attachments(id).stream()
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFound("No attachment " + attachmentId));
        var path = attachments.content(row.sha256()).orElseThrow(() -> new NotFound("The file is missing"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(row.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(row.contentType()))
                .body(new FileSystemResource(path));
    }

    // ---- reads ----------------------------------------------------------------------------------

    @GetMapping("/documents/{id}")
    DocumentPage get(@PathVariable String id) {
        DocumentView document = readable(id);
        return new DocumentPage(document, history.of(id), queries.attachments(id), queries.deliveries(id));
    }

    @GetMapping("/documents")
    List<DocumentView> list(@RequestParam(required = false) Direction direction,
                            @RequestParam(required = false) DocumentStatus status,
                            @RequestParam(required = false) String agencyId, @RequestParam(required = false) Integer year,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("limit: 1 to 500, offset: 0 or more");
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
            default -> throw new IllegalArgumentException("direction: 'incoming' or 'outgoing'");
        };
        return queries.register(Authorizer.currentPrincipal().officialId(), agencyId, d, year);
    }

    @GetMapping("/documents/overview")
    List<DocumentQueries.OverdueCount> overview(@RequestParam(required = false) String agencyId) {
        UnitView agency = actingAgency(agencyId);
        authorizer.require(Role.LEADER, agency.id());
        return queries.overview(agency.id());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private UnitView actingAgency(String requested) {
        String unit = requested != null && !requested.isBlank() ? requested : acting.current().unitId();
        return agencies.agencyOf(unit);
    }

    /** Whether the official holds a role in the agency, one of its departments, or system-wide. */
    private boolean worksIn(String officialId, String agencyId) {
        return officials.roles(officialId).stream().anyMatch(role -> {
            if (role.unitId() == null) {
                return true;
            }
            try {
                return agencies.agencyOf(role.unitId()).id().equals(agencyId);
            } catch (RuntimeException notInAnAgency) {
                return false;
            }
        });
    }

    /** Handling a classified document needs the clearance for it. */
    private void requireClearance(Classification classification) {
        if (classification == null || !classification.classified()) {
            return;
        }
        var clearance = officials.find(Authorizer.currentPrincipal().officialId()).map(OfficialView::clearance)
                .orElse(vn.egov.backbone.core.official.api.Clearance.NONE);
        if (!clearance.covers(classification.requiredClearance())) {
            throw new AccessDeniedException("Handling a document classified " + classification + " needs that clearance");
        }
    }

    private DocumentView readable(String id) {
        return queries.get(Authorizer.currentPrincipal().officialId(), id);
    }

    private DocumentView incoming(String id) {
        DocumentView document = readable(id);
        if (document.direction() != Direction.INCOMING) {
            throw new BusinessRuleViolation("This is not an incoming document");
        }
        return document;
    }

    private DocumentView outgoing(String id) {
        DocumentView document = readable(id);
        if (document.direction() != Direction.OUTGOING) {
            throw new BusinessRuleViolation("This is not an outgoing document");
        }
        return document;
    }

    private Assignee asAssignee(String documentId) {
        incoming(documentId);
        return queries.actingAssignee(Authorizer.currentPrincipal().officialId(), documentId)
                .orElseThrow(() -> new AccessDeniedException("You are not assigned to handle this document"));
    }

    private static List<Assignee> assignees(List<AssigneeRequest> requests) {
        return requests == null ? List.of() : requests.stream().map(AssigneeRequest::toAssignee).toList();
    }
}
