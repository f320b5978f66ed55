package vn.egov.backbone.eoffice.incoming.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;

import java.time.LocalDate;
import java.util.List;

public final class IncomingCommands {
    private IncomingCommands() {
    }

    /** What a records clerk reads off a received document. */
    public record IncomingDetails(String number, String issuer, LocalDate issuedOn, DocumentType type, String subject,
                                  String body, Urgency urgency, Classification classification, LocalDate dueOn,
                                  Integer pageCount) {
    }

    public record AssignIncomingDocument(@TargetAggregateIdentifier String documentId, String instruction, Assignee lead,
                                         List<Assignee> cooperating, List<Assignee> forInformation, LocalDate deadline) {
    }

    public record RecordProgress(@TargetAggregateIdentifier String documentId, Assignee by, String note) {
    }

    public record ForwardAssignment(@TargetAggregateIdentifier String documentId, Assignee from, Assignee to, String note) {
    }

    public record CompleteProcessing(@TargetAggregateIdentifier String documentId, Assignee by, String result,
                                     String replyDocumentId) {
    }

    public record ReturnToSender(@TargetAggregateIdentifier String documentId, String reason) {
    }

    public record AddIncomingAttachment(@TargetAggregateIdentifier String documentId, AttachmentRef attachment) {
    }

    /**
     * A document received as an edXML package: registered like a manual one, with the sender's edXML
     * DocumentId kept ({@code senderDocumentId}) so that status packages can answer it, and read
     * tolerantly: oddities are kept and named (the rules' and {@code warnings}, the package reader's:
     * codes such as {@code exchange.unknown-type}), not refused.
     */
    public record ReceiveEdXmlDocument(String documentId, String agencyId, IncomingDetails details,
                                       String senderDocumentId, List<AttachmentRef> attachments, List<String> warnings,
                                       SenderDetails sender) {
    }

    /**
     * What a received package says about the document beyond its registration details: who signed it and
     * with what authority ({@code TL. BỘ TRƯỞNG}), where, to whom it was sent ({@code ToPlaces}), its
     * appendixes, and its steering type (edXML {@code SteeringType}, whose codes are unverified: kept as sent).
     */
    public record SenderDetails(String signerCompetence, String signerPosition, String signerName, String place,
                                List<String> receivers, List<String> appendixes, int steeringType) {
        public boolean isEmpty() {
            return signerName == null && signerPosition == null && signerCompetence == null && place == null
                    && (receivers == null || receivers.isEmpty()) && (appendixes == null || appendixes.isEmpty())
                    && steeringType == 0;
        }
    }

    /** The sender replaced a document it sent by edXML with another (a replacement package, BussinessDocType 3). */
    public record MarkReplacedBySender(@TargetAggregateIdentifier String documentId, String replacementDocumentId,
                                       String reason) {
    }

    /**
     * An update package (edXML BussinessDocType 2) for a received document: the sender's details as they are now
     * ({@code details}: what our copy keeps as the sender wrote it; the register number stays), the files it adds,
     * and why ({@code reason}; what the update concerns when the package names no reason).
     */
    public record UpdateFromSender(@TargetAggregateIdentifier String documentId, IncomingDetails details,
                                   List<AttachmentRef> attachments, String reason) {
    }

    /** The sender recalled a document it sent by edXML (status 13). */
    public record WithdrawReceivedDocument(@TargetAggregateIdentifier String documentId, String reason) {
    }

    /**
     * Several registrations into one register, numbered and stored in one unit of work (group
     * commit). Each item keeps who registered it ({@code actingMetadata}), which its events record.
     */
    public record RegisterIncomingDocuments(List<BatchItem> items) {
    }

    public record BatchItem(String documentId, String agencyId, IncomingDetails details,
                            java.util.Map<String, Object> actingMetadata) {
    }
}
