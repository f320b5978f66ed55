package vn.egov.backbone.eoffice.incoming.api;

import org.axonframework.serialization.Revision;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;

import java.time.LocalDate;
import java.util.List;

/** Events of incoming documents. Stored forever: never change their meaning. */
public final class IncomingEvents {
    private IncomingEvents() {
    }

    public enum Channel { MANUAL, INTERNAL, EDXML }

    /**
     * Registered in the agency's incoming register under {@code registerNumber} of {@code registerYear}.
     * For a document dispatched inside Backbone, {@code sourceDocumentId} is the outgoing document.
     */
    /** Revision 2: stored with {@code details.body} sealed with the document's key ({@code SealedDocumentText}). */
    @Revision("2")
    public record IncomingDocumentRegistered(String documentId, String agencyId, int registerYear, long registerNumber,
                                             LocalDate receivedOn, IncomingDetails details, Channel channel,
                                             String sourceDocumentId) {
    }

    public record IncomingDocumentAssigned(String documentId, String instruction, Assignee lead, List<Assignee> cooperating,
                                           List<Assignee> forInformation, LocalDate deadline) {
    }

    public record ProgressRecorded(String documentId, Assignee by, String note) {
    }

    public record AssignmentForwarded(String documentId, Assignee from, Assignee to, String note) {
    }

    public record ProcessingCompleted(String documentId, Assignee by, String result, String replyDocumentId) {
    }

    /** The processing deadline passed before the lead completed it (a persistent deadline fired). */
    public record ProcessingOverdue(String documentId, LocalDate deadline) {
    }

    public record IncomingDocumentReturnedToSender(String documentId, String reason) {
    }

    /** The sender recalled the document; the recipient's copy is withdrawn. */
    public record IncomingDocumentWithdrawn(String documentId, String reason) {
    }

    /** What the sender's package said about the document beyond its registration details (edXML). */
    public record SenderDetailsRecorded(String documentId, IncomingCommands.SenderDetails sender) {
    }

    /**
     * The sender replaced this received document with another it sent ({@code replacementDocumentId}, a
     * document of the same agency): its handlers are told to work from the replacement.
     */
    public record IncomingDocumentReplacedBySender(String documentId, String replacementDocumentId, String reason) {
    }

    /**
     * The sender updated this received document (an edXML update package): {@code details} are the document's
     * details as the sender now gives them, stored with the body sealed with the document's key like the
     * registration's; the register number and the handling stay. Files the update adds follow as
     * {@code IncomingAttachmentAdded}.
     */
    public record IncomingDocumentUpdatedBySender(String documentId, IncomingCommands.IncomingDetails details, String reason) {
    }

    /**
     * A received package had oddities that were kept as the sender wrote them (a due date before the issue
     * date, an unknown document type, …): the handlers are told on the document. {@code warnings} are
     * codes, their messages under {@code warning.<code>} in the module's bundles.
     */
    public record ReceivedWithWarnings(String documentId, List<String> warnings) {
    }

    public record IncomingAttachmentAdded(String documentId, AttachmentRef attachment) {
    }
}
