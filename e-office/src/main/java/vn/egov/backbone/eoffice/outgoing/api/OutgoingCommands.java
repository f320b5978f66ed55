package vn.egov.backbone.eoffice.outgoing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;

import java.time.LocalDate;
import java.util.List;

public final class OutgoingCommands {
    private OutgoingCommands() {
    }

    /**
     * The content of a draft. {@code internalRecipients} are agencies in Backbone (unit ids);
     * {@code externalRecipients} are named organisations outside it. {@code replacesDocumentId}: an issued
     * document this one replaces (it is recalled when this one is issued).
     */
    public record DraftContent(DocumentType type, String subject, String body, List<String> internalRecipients,
                               List<String> externalRecipients, Urgency urgency, Classification classification,
                               LocalDate dueOn, String replacesDocumentId) {
    }

    public record CreateDraft(String documentId, String agencyId, String drafterId, DraftContent content) {
    }

    public record ReviseDraft(@TargetAggregateIdentifier String documentId, String officialId, DraftContent content) {
    }

    /** Sends the draft on: to a reviewer (a department head) if named, then to the approving leader. */
    public record SubmitDraft(@TargetAggregateIdentifier String documentId, String officialId, String reviewerId,
                              String approverId) {
    }

    public record ReviewDraft(@TargetAggregateIdentifier String documentId, String reviewerId, boolean accepted,
                              String comment) {
    }

    public record ApproveDraft(@TargetAggregateIdentifier String documentId, String approverId, String comment) {
    }

    public record ReturnDraft(@TargetAggregateIdentifier String documentId, String officialId, String comment) {
    }

    public record IssueOutgoingDocument(String documentId) {
    }

    public record RecallOutgoingDocument(String documentId, String reason) {
    }

    public record AddOutgoingAttachment(@TargetAggregateIdentifier String documentId, AttachmentRef attachment) {
    }

    /** A recipient outside Backbone answered with an edXML status package. */
    public record RecordExternalStatus(@TargetAggregateIdentifier String documentId, String organId, String organName,
                                       String statusCode, String description, String timestamp) {
    }

    /** Who signs an outgoing document's PDF: the approving leader first, then the agency (by the records clerk). */
    public enum SignatureKind { SIGNER, AGENCY }

    /** Records a PDF signed (PAdES) as a new attachment, made from {@code sourceAttachmentId}. */
    public record SignAttachment(@TargetAggregateIdentifier String documentId, String sourceAttachmentId,
                                 AttachmentRef signed, SignatureKind kind, String officialId,
                                 String certificateSubject) {
    }
}
