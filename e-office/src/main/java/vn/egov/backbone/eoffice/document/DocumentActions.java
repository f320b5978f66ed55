package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ActingContextResolver;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler.Registration;
import vn.egov.backbone.eoffice.incoming.RegistrationBatcher;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AddIncomingAttachment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AssignIncomingDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.CompleteProcessing;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ForwardAssignment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RecordProgress;
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

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The writes of official correspondence, for the API and the pages alike. Each checks the role it
 * needs in the document's agency (a records clerk registers, returns, issues and recalls; a leader
 * assigns and approves; assignees record progress, forward and complete; handling a classified
 * document needs the clearance) and then sends the command.
 */
@Service
public class DocumentActions {
    private final Commands commands;
    private final DocumentQueries queries;
    private final Agencies agencies;
    private final Authorizer authorizer;
    private final ActingContextResolver acting;
    private final AttachmentStore attachments;
    private final OfficialQueries officials;
    private final RegistrationBatcher registrations;
    private final ReadYourWrites readYourWrites;

    DocumentActions(Commands commands, DocumentQueries queries, Agencies agencies, Authorizer authorizer,
                    ActingContextResolver acting, AttachmentStore attachments, OfficialQueries officials,
                    RegistrationBatcher registrations, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.registrations = registrations;
        this.commands = commands;
        this.queries = queries;
        this.agencies = agencies;
        this.authorizer = authorizer;
        this.acting = acting;
        this.attachments = attachments;
        this.officials = officials;
    }

    // ---- incoming -------------------------------------------------------------------------------

    public Registration registerIncoming(IncomingDetails details, String agencyId) {
        UnitView agency = actingAgency(agencyId);
        authorizer.require(Role.RECORDS_CLERK, agency.id());
        requireClearance(details.classification());
        Registration registration = registrations.register(agency.id(), details, acting.current());
        awaitReadModel(registration.documentId());
        return registration;
    }

    public void assign(String id, String instruction, Assignee lead, List<Assignee> cooperating,
                       List<Assignee> forInformation, LocalDate deadline) {
        DocumentView document = incoming(id);
        authorizer.require(Role.LEADER, document.agencyId());
        Stream.of(Stream.ofNullable(lead), Stream.ofNullable(cooperating).flatMap(List::stream),
                        Stream.ofNullable(forInformation).flatMap(List::stream))
                .flatMap(assignees -> assignees)
                .filter(a -> a != null && a.kind() == Assignee.Kind.OFFICIAL)
                .forEach(a -> requireCleared(a.id(), document.classification()));
        send(id, new AssignIncomingDocument(id, instruction, lead, cooperating, forInformation, deadline));
    }

    public void recordProgress(String id, String note) {
        send(id, new RecordProgress(id, asAssignee(id), note));
    }

    public void forward(String id, String toOfficialId, String note) {
        Assignee from = asAssignee(id);
        if (!queries.withinUnitOf(from, toOfficialId)) {
            throw new BusinessRuleViolation(DocumentError.FORWARD_SAME_UNIT);
        }
        requireCleared(toOfficialId, incoming(id).classification());
        send(id, new ForwardAssignment(id, from, Assignee.official(toOfficialId), note));
    }

    public void complete(String id, String result, String replyDocumentId) {
        send(id, new CompleteProcessing(id, asAssignee(id), result, replyDocumentId));
    }

    public void returnToSender(String id, String reason) {
        DocumentView document = incoming(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        send(id, new ReturnToSender(id, reason));
    }

    // ---- outgoing -------------------------------------------------------------------------------

    public String draft(DraftContent content, String agencyId) {
        UnitView agency = actingAgency(agencyId);
        OfficialPrincipal me = Authorizer.currentPrincipal();
        if (!worksIn(me.officialId(), agency.id())) {
            throw new Forbidden(DocumentError.DRAFTING_NEEDS_ROLE);
        }
        requireClearance(content.classification());
        requireReplaceable(content.replacesDocumentId(), agency.id());
        String id = UUID.randomUUID().toString();
        return send(id, new CreateDraft(id, agency.id(), me.officialId(), content));
    }

    public void revise(String id, DraftContent content) {
        DocumentView draft = outgoing(id);
        requireClearance(content.classification());
        requireReplaceable(content.replacesDocumentId(), draft.agencyId());
        send(id, new ReviseDraft(id, me(), content));
    }

    public void submit(String id, String reviewerId, String approverId) {
        DocumentView document = outgoing(id);
        if (approverId == null || !authorizer.holds(approverId, Role.LEADER, document.agencyId())) {
            throw new BusinessRuleViolation(DocumentError.APPROVER_NOT_LEADER);
        }
        requireCleared(approverId, document.classification());
        if (reviewerId != null && !reviewerId.isBlank()) {
            requireCleared(reviewerId, document.classification());
        }
        send(id, new SubmitDraft(id, me(), reviewerId, approverId));
    }

    public void review(String id, boolean accepted, String comment) {
        outgoing(id);
        send(id, new ReviewDraft(id, me(), accepted, comment));
    }

    public void approve(String id, String comment) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.LEADER, document.agencyId());
        send(id, new ApproveDraft(id, me(), comment));
    }

    public void returnDraft(String id, String comment) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.LEADER, document.agencyId());
        send(id, new ReturnDraft(id, me(), comment));
    }

    public IssuedDocument issue(String id) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        return send(id, new IssueOutgoingDocument(id));
    }

    public void recall(String id, String reason) {
        DocumentView document = outgoing(id);
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        send(id, new RecallOutgoingDocument(id, reason));
    }

    // ---- attachments ----------------------------------------------------------------------------

    public AttachmentRef attach(String id, InputStream content, String fileName) {
        DocumentView document = readable(id);
        boolean incoming = document.direction() == Direction.INCOMING;
        if (incoming) {
            authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        } else if (!me().equals(document.drafterId())) {
            throw new Forbidden(DocumentError.ONLY_DRAFTER_ATTACHES);
        }
        // The aggregate decides again; this check spares a refused upload its parse and its disk.
        boolean acceptsFiles = incoming
                ? !EnumSet.of(DocumentStatus.RETURNED_TO_SENDER, DocumentStatus.WITHDRAWN, DocumentStatus.DESTROYED)
                .contains(document.status())
                : document.status() == DocumentStatus.DRAFT || document.status() == DocumentStatus.RETURNED;
        if (!acceptsFiles) {
            throw new BusinessRuleViolation(DocumentError.ATTACH_STATE);
        }
        AttachmentRef stored = attachments.store(content, fileName);
        send(id, incoming ? new AddIncomingAttachment(id, stored) : new AddOutgoingAttachment(id, stored));
        return stored;
    }

    // ---- what the viewer may do --------------------------------------------------------------------

    /**
     * The actions open to the signed-in official on a document they read, for the page to offer only
     * those; each action checks its rule again when it is sent.
     */
    public record Allowed(boolean assign, boolean returnToSender, boolean process, boolean attach, boolean submit,
                          boolean review, boolean approve, boolean issue, boolean recall, boolean draftReplacement,
                          boolean sign, boolean seal) {
    }

    /**
     * Whom the document's page offers to choose, for what the viewer may do ({@link #allowedOn}): colleagues of their
     * unit to forward to; for an incoming document the agency's departments and officials to lead it ("UNIT:id",
     * "OFFICIAL:id" with a label); for a draft the agency's other officials to review it. Each action checks its rule
     * again when it is sent.
     */
    public record Choices(List<OfficialView> forwardTo, List<Map.Entry<String, String>> assignees,
                          List<OfficialView> colleagues) {
    }

    public Choices choicesOn(DocumentView document, Allowed allowed) {
        String me = me();
        List<OfficialView> forwardTo = !allowed.process() ? List.of() : officials.find(me).map(OfficialView::unitId)
                .map(unit -> officials.list(unit, false)).orElse(List.of()).stream()
                .filter(o -> !o.id().equals(me)).toList(); // forwarding stays within the unit (forward checks it)
        List<OfficialView> ofTheAgency = officials.people().stream()
                .filter(o -> o.unitId() != null && agencies.agencyIdOf(o.unitId()).filter(document.agencyId()::equals).isPresent())
                .toList();
        if (document.direction() != Direction.INCOMING) {
            return new Choices(forwardTo, List.of(), ofTheAgency.stream().filter(o -> !o.id().equals(me)).toList());
        }
        List<Map.Entry<String, String>> assignees = new ArrayList<>();
        agencies.departmentsOf(document.agencyId()).forEach(d -> assignees.add(Map.entry("UNIT:" + d.id(), d.name())));
        ofTheAgency.forEach(o -> assignees.add(Map.entry("OFFICIAL:" + o.id(),
                o.fullName() + (o.position() == null ? "" : " (" + o.position() + ")"))));
        return new Choices(forwardTo, assignees, List.of());
    }

    public Allowed allowedOn(DocumentView document) {
        String me = me();
        boolean incoming = document.direction() == Direction.INCOMING;
        boolean clerk = authorizer.holds(me, Role.RECORDS_CLERK, document.agencyId());
        boolean leader = authorizer.holds(me, Role.LEADER, document.agencyId());
        boolean drafter = me.equals(document.drafterId());
        DocumentStatus status = document.status();
        return new Allowed(
                incoming && leader && (status == DocumentStatus.REGISTERED || status == DocumentStatus.ASSIGNED),
                incoming && clerk && status == DocumentStatus.REGISTERED,
                incoming && status == DocumentStatus.ASSIGNED && queries.actingAssignee(me, document.id()).isPresent(),
                incoming ? clerk : drafter,
                !incoming && drafter && (status == DocumentStatus.DRAFT || status == DocumentStatus.RETURNED),
                !incoming && status == DocumentStatus.IN_REVIEW && me.equals(document.reviewerId()),
                !incoming && status == DocumentStatus.AWAITING_APPROVAL && me.equals(document.approverId()),
                !incoming && clerk && status == DocumentStatus.APPROVED,
                !incoming && clerk && status == DocumentStatus.ISSUED,
                !incoming && status == DocumentStatus.ISSUED && (clerk || drafter),
                // the approving leader signs the approved PDF, then the records clerk adds the agency's signature
                !incoming && status == DocumentStatus.APPROVED && me.equals(document.approverId()),
                !incoming && clerk && (status == DocumentStatus.APPROVED || status == DocumentStatus.ISSUED));
    }

    /** The officials who lead the agency: whom a drafter may ask to approve. */
    public List<OfficialView> leadersOf(String agencyId) {
        return officials.people().stream().filter(o -> authorizer.holds(o.id(), Role.LEADER, agencyId))
                .toList();
    }

    /** The leader's overview: open and overdue work of the agency's documents, by department and official. */
    public List<DocumentQueries.OverdueCount> overview(String agencyId) {
        UnitView agency = actingAgency(agencyId);
        authorizer.require(Role.LEADER, agency.id());
        return queries.overview(agency.id());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * Sends a command about the document and waits (briefly) until the read model shows it, so that the
     * caller's next request, on the API or a page, reads its own write.
     */
    private <R> R send(String documentId, Object command) {
        R result = commands.send(command);
        awaitReadModel(documentId);
        return result;
    }

    /**
     * Waits until the read model shows the document's last change, so that whoever wrote it finds it on
     * their next request (a write answered 201 and then 404 is what a client cannot handle).
     */
    public void awaitReadModel(String documentId) {
        readYourWrites.await(documentId, () -> queries.find(documentId).map(DocumentView::version), Duration.ofSeconds(3));
    }

    /** The agency the signed-in official acts for: the one named, or that of their acting unit. */
    public UnitView actingAgency(String requested) {
        String unit = requested != null && !requested.isBlank() ? requested : acting.current().unitId();
        return agencies.agencyOf(unit);
    }

    /** The document, if the signed-in official may read it; otherwise {@link vn.egov.backbone.core.shared.NotFound}. */
    public DocumentView readable(String id) {
        return queries.get(me(), id);
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }

    private DocumentView incoming(String id) {
        DocumentView document = readable(id);
        if (document.direction() != Direction.INCOMING) {
            throw new BusinessRuleViolation(DocumentError.NOT_INCOMING);
        }
        return document;
    }

    private DocumentView outgoing(String id) {
        DocumentView document = readable(id);
        if (document.direction() != Direction.OUTGOING) {
            throw new BusinessRuleViolation(DocumentError.NOT_OUTGOING);
        }
        return document;
    }

    private Assignee asAssignee(String documentId) {
        incoming(documentId);
        return queries.actingAssignee(me(), documentId)
                .orElseThrow(() -> new Forbidden(DocumentError.NOT_ASSIGNED_TO_YOU));
    }

    /** The agency that keeps the registers of the unit, if any does. */
    public java.util.Optional<String> agencyIdOf(String unitId) {
        return agencies.agencyIdOf(unitId);
    }

    /** Whether the official holds a role in the agency, one of its departments, or system-wide. */
    public boolean worksIn(String officialId, String agencyId) {
        return officials.roles(officialId).stream().anyMatch(role -> role.unitId() == null
                || agencies.agencyIdOf(role.unitId()).filter(agencyId::equals).isPresent());
    }

    /**
     * A replacement names an outgoing document of the same agency that the drafter may read; any other
     * id is answered 404, whether or not it exists.
     */
    private void requireReplaceable(String replacedId, String agencyId) {
        if (replacedId == null || replacedId.isBlank()) {
            return;
        }
        DocumentView replaced = readable(replacedId);
        if (replaced.direction() != Direction.OUTGOING || !agencyId.equals(replaced.agencyId())) {
            throw new vn.egov.backbone.core.shared.NotFound(vn.egov.backbone.eoffice.outgoing.OutgoingError.NOT_FOUND, replacedId);
        }
    }

    /**
     * Whether the official's clearance covers the document's classification (true for documents that are
     * not classified, false for ids that do not exist): other contexts that pass a document on, such as
     * a meeting, ask before they show it.
     */
    public boolean clearedFor(String officialId, String documentId) {
        return queries.find(documentId).map(document -> covers(officialId, document.classification())).orElse(false);
    }

    /** A classified document is handed only to an official cleared for it (assignment, review, approval). */
    private void requireCleared(String officialId, Classification classification) {
        if (!covers(officialId, classification)) {
            throw new BusinessRuleViolation(DocumentError.ASSIGNEE_NOT_CLEARED);
        }
    }

    private boolean covers(String officialId, Classification classification) {
        if (classification == null || !classification.classified()) {
            return true;
        }
        Clearance clearance = officials.find(officialId).map(OfficialView::clearance).orElse(Clearance.NONE);
        return clearance.covers(classification.requiredClearance());
    }

    /** Handling a classified document needs the clearance for it. */
    private void requireClearance(Classification classification) {
        if (classification == null || !classification.classified()) {
            return;
        }
        Clearance clearance = officials.find(me()).map(OfficialView::clearance).orElse(Clearance.NONE);
        if (!clearance.covers(classification.requiredClearance())) {
            throw new Forbidden(DocumentError.CLEARANCE_REQUIRED, classification);
        }
    }
}
