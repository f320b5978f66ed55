package vn.egov.backbone.eoffice.outgoing.api;

import org.axonframework.serialization.Revision;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;

import java.time.LocalDate;
import java.util.List;

/** Events of outgoing documents. Every draft version stays in the stream. */
public final class OutgoingEvents {
    private OutgoingEvents() {
    }

    /** Revision 2: stored with {@code content.body} sealed with the document's key ({@code SealedDocumentText}). */
    @Revision("2")
    public record DraftCreated(String documentId, String agencyId, String drafterId, int version, DraftContent content) {
    }

    /** Revision 2: as {@link DraftCreated}. */
    @Revision("2")
    public record DraftRevised(String documentId, String officialId, int version, DraftContent content) {
    }

    public record DraftSubmitted(String documentId, String officialId, int version, String reviewerId, String approverId) {
    }

    public record DraftReviewAccepted(String documentId, String reviewerId, int version, String comment) {
    }

    public record DraftReturned(String documentId, String officialId, int version, String comment) {
    }

    public record DraftApproved(String documentId, String approverId, int version, String comment) {
    }

    public record OutgoingDocumentIssued(String documentId, String agencyId, int registerYear, long registerNumber,
                                         String notation, LocalDate issuedOn, String signerId, String signerName,
                                         int version) {
    }

    /** One internal recipient agency and the incoming document it received. */
    public record Delivery(String recipientAgencyId, String incomingDocumentId) {
    }

    public record OutgoingDocumentDispatched(String documentId, List<Delivery> deliveries, List<String> externalRecipients) {
    }

    public record OutgoingDocumentRecalled(String documentId, String reason, String replacedByDocumentId) {
    }

    /** A recipient withdrew its copy after a recall (edXML status 15). */
    public record RecallAccepted(String documentId, String recipientAgencyId, String incomingDocumentId) {
    }

    public record OutgoingAttachmentAdded(String documentId, AttachmentRef attachment) {
    }

    /** An edXML status package from a recipient outside Backbone: 01 arrived … 06 done, 15/16 on a recall. */
    public record ExternalStatusReceived(String documentId, String organId, String organName, String statusCode,
                                         String description, String timestamp) {
    }

    public record AttachmentSigned(String documentId, String sourceAttachmentId, AttachmentRef signed,
                                   OutgoingCommands.SignatureKind kind, String officialId, String certificateSubject) {
    }
}
