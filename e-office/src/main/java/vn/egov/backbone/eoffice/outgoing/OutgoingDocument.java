package vn.egov.backbone.eoffice.outgoing;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Text;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.AddOutgoingAttachment;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ApproveDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.RecordExternalStatus;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReturnDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignAttachment;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignatureKind;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviewDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviseDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SubmitDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.AttachmentSigned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.Delivery;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftApproved;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReturned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.ExternalStatusReceived;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingAttachmentAdded;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentDispatched;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentIssued;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentRecalled;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.RecallAccepted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An outgoing document (văn bản đi): drafted by a specialist, reviewed by a department head,
 * approved or returned by a leader (every version kept as an event), then numbered and issued by the
 * records clerk, dispatched, and possibly recalled. Creation, issue and recall involve registers and
 * recipients and are handled by {@link OutgoingCommandHandler}.
 */
@Aggregate
public class OutgoingDocument {
    @AggregateIdentifier
    private String documentId;
    private String agencyId;
    private String drafterId;
    private DocumentStatus status;
    private int version;
    private DraftContent content;
    private String reviewerId;
    private String approverId;
    private String approvedBy;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<String> attachments = new HashSet<>();
    private final Set<String> attachmentIds = new HashSet<>();
    private final Set<String> signedBySigner = new HashSet<>();

    protected OutgoingDocument() {
        // for Axon
    }

    OutgoingDocument(DraftCreated created) {
        apply(created);
    }

    @CommandHandler
    public void handle(ReviseDraft command) {
        requireEditable();
        if (!Objects.equals(command.officialId(), drafterId)) {
            throw new BusinessRuleViolation(OutgoingError.ONLY_DRAFTER_REVISES);
        }
        apply(new DraftRevised(documentId, command.officialId(), version + 1, OutgoingRules.check(command.content())));
    }

    @CommandHandler
    public void handle(SubmitDraft command) {
        requireEditable();
        if (!Objects.equals(command.officialId(), drafterId)) {
            throw new BusinessRuleViolation(OutgoingError.ONLY_DRAFTER_SUBMITS);
        }
        if (command.approverId() == null || command.approverId().isBlank()) {
            throw new InvalidInput("approverId", OutgoingError.APPROVER_REQUIRED);
        }
        apply(new DraftSubmitted(documentId, command.officialId(), version, Text.blankToNull(command.reviewerId()),
                command.approverId()));
    }

    @CommandHandler
    public void handle(ReviewDraft command) {
        if (status != DocumentStatus.IN_REVIEW) {
            throw new BusinessRuleViolation(OutgoingError.NOT_AWAITING_REVIEW);
        }
        if (!Objects.equals(command.reviewerId(), reviewerId)) {
            throw new BusinessRuleViolation(OutgoingError.NOT_THE_REVIEWER);
        }
        if (command.accepted()) {
            apply(new DraftReviewAccepted(documentId, reviewerId, version, command.comment()));
        } else {
            apply(new DraftReturned(documentId, reviewerId, version, requireComment(command.comment())));
        }
    }

    @CommandHandler
    public void handle(ApproveDraft command) {
        requireAwaitingApproval(command.approverId());
        apply(new DraftApproved(documentId, command.approverId(), version, command.comment()));
    }

    @CommandHandler
    public void handle(ReturnDraft command) {
        requireAwaitingApproval(command.officialId());
        apply(new DraftReturned(documentId, command.officialId(), version, requireComment(command.comment())));
    }

    @CommandHandler
    public void handle(AddOutgoingAttachment command) {
        requireEditable();
        if (attachments.contains(command.attachment().sha256())) {
            throw new BusinessRuleViolation(OutgoingError.FILE_ALREADY_ATTACHED);
        }
        apply(new OutgoingAttachmentAdded(documentId, command.attachment()));
    }

    @CommandHandler
    public void handle(RecordExternalStatus command) {
        if (status != DocumentStatus.ISSUED && status != DocumentStatus.RECALLED) {
            throw new BusinessRuleViolation(OutgoingError.STATUS_ONLY_FOR_ISSUED);
        }
        apply(new ExternalStatusReceived(documentId, command.organId(), command.organName(), command.statusCode(),
                command.description(), command.timestamp()));
    }

    @CommandHandler
    public void handle(SignAttachment command) {
        if (status != DocumentStatus.APPROVED && status != DocumentStatus.ISSUED) {
            throw new BusinessRuleViolation(OutgoingError.SIGN_ONLY_APPROVED);
        }
        if (!attachmentIds.contains(command.sourceAttachmentId())) {
            throw new BusinessRuleViolation(OutgoingError.FILE_NOT_ATTACHED);
        }
        if (command.kind() == SignatureKind.SIGNER && !Objects.equals(command.officialId(), approvedBy)) {
            throw new BusinessRuleViolation(OutgoingError.ONLY_APPROVER_SIGNS);
        }
        if (command.kind() == SignatureKind.AGENCY && !signedBySigner.contains(command.sourceAttachmentId())) {
            throw new BusinessRuleViolation(OutgoingError.AGENCY_SIGNS_AFTER_SIGNER);
        }
        apply(new AttachmentSigned(documentId, command.sourceAttachmentId(), command.signed(), command.kind(),
                command.officialId(), command.certificateSubject()));
    }

    /** Called by {@link OutgoingCommandHandler#handle} with the number the register gave. */
    void issue(int year, long number, String notation, LocalDate issuedOn, String signerName) {
        if (status != DocumentStatus.APPROVED) {
            throw new BusinessRuleViolation(OutgoingError.ISSUE_ONLY_APPROVED);
        }
        apply(new OutgoingDocumentIssued(documentId, agencyId, year, number, notation, issuedOn, approvedBy, signerName,
                version));
    }

    void dispatched(List<Delivery> deliveries, List<String> external) {
        apply(new OutgoingDocumentDispatched(documentId, deliveries, external));
    }

    /** @return the deliveries whose copies are to be withdrawn */
    List<Delivery> recall(String reason, String replacedBy) {
        if (status != DocumentStatus.ISSUED) {
            throw new BusinessRuleViolation(status == DocumentStatus.RECALLED ? OutgoingError.ALREADY_RECALLED
                    : OutgoingError.RECALL_ONLY_ISSUED);
        }
        apply(new OutgoingDocumentRecalled(documentId, reason, replacedBy));
        return List.copyOf(deliveries);
    }

    void recallAccepted(Delivery delivery) {
        apply(new RecallAccepted(documentId, delivery.recipientAgencyId(), delivery.incomingDocumentId()));
    }

    DraftContent content() {
        return content;
    }

    String agencyId() {
        return agencyId;
    }

    String approvedBy() {
        return approvedBy;
    }

    private void requireEditable() {
        if (status != DocumentStatus.DRAFT && status != DocumentStatus.RETURNED) {
            throw new BusinessRuleViolation(OutgoingError.DRAFT_LOCKED);
        }
    }

    private void requireAwaitingApproval(String officialId) {
        if (status != DocumentStatus.AWAITING_APPROVAL) {
            throw new BusinessRuleViolation(OutgoingError.NOT_AWAITING_APPROVAL);
        }
        if (!Objects.equals(officialId, approverId)) {
            throw new BusinessRuleViolation(OutgoingError.NOT_THE_APPROVER);
        }
    }

    private static String requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInput("comment", OutgoingError.RETURN_COMMENT_REQUIRED);
        }
        return comment.strip();
    }


    @EventSourcingHandler
    void on(DraftCreated event) {
        documentId = event.documentId();
        agencyId = event.agencyId();
        drafterId = event.drafterId();
        version = event.version();
        content = event.content();
        status = DocumentStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(DraftRevised event) {
        version = event.version();
        content = event.content();
    }

    @EventSourcingHandler
    void on(DraftSubmitted event) {
        reviewerId = event.reviewerId();
        approverId = event.approverId();
        status = reviewerId == null ? DocumentStatus.AWAITING_APPROVAL : DocumentStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(DraftReviewAccepted event) {
        status = DocumentStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(DraftReturned event) {
        status = DocumentStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(DraftApproved event) {
        status = DocumentStatus.APPROVED;
        approvedBy = event.approverId();
    }

    @EventSourcingHandler
    void on(OutgoingDocumentIssued event) {
        status = DocumentStatus.ISSUED;
    }

    @EventSourcingHandler
    void on(OutgoingDocumentDispatched event) {
        deliveries.addAll(event.deliveries());
    }

    @EventSourcingHandler
    void on(OutgoingDocumentRecalled event) {
        status = DocumentStatus.RECALLED;
    }

    @EventSourcingHandler
    void on(OutgoingAttachmentAdded event) {
        attachments.add(event.attachment().sha256());
        attachmentIds.add(event.attachment().attachmentId());
    }

    @EventSourcingHandler
    void on(AttachmentSigned event) {
        attachmentIds.add(event.signed().attachmentId());
        if (event.kind() == SignatureKind.SIGNER) {
            signedBySigner.add(event.signed().attachmentId());
        }
    }
}
