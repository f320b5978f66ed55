package vn.egov.backbone.eoffice.document;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.attachment.AttachmentHolder;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingAttachmentAdded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ReceivedWithWarnings;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.SenderDetailsRecorded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReplacedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingOverdue;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProgressRecorded;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.Delivery;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftApproved;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReturned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingAttachmentAdded;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentDispatched;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentIssued;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentRecalled;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.RecallAccepted;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read models of official correspondence: the document list and registers ({@code document_view}),
 * who has a role on each document ({@code document_participant}, for classified documents), the
 * inboxes ({@code inbox_item}), attachments and deliveries.
 */
@Component
@ProcessingGroup(DocumentProjection.PROCESSING_GROUP)
class DocumentProjection {
    static final String PROCESSING_GROUP = "documents";

    private final JdbcClient jdbc;

    private final AttachmentStore files;
    private final ObjectProvider<AttachmentHolder> holders;

    DocumentProjection(JdbcClient jdbc, AttachmentStore files, ObjectProvider<AttachmentHolder> holders) {
        this.jdbc = jdbc;
        this.files = files;
        this.holders = holders;
    }

    // ---- incoming -------------------------------------------------------------------------------

    @EventHandler
    void on(IncomingDocumentRegistered event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        IncomingDetails d = event.details();
        Map<String, Object> row = new HashMap<>();
        row.put("id", event.documentId());
        row.put("direction", Direction.INCOMING.name());
        row.put("agency", event.agencyId());
        row.put("status", DocumentStatus.REGISTERED.name());
        row.put("year", event.registerYear());
        row.put("number", event.registerNumber());
        row.put("notation", d.number());
        row.put("issuer", d.issuer());
        row.put("issuedOn", d.issuedOn());
        row.put("receivedOn", event.receivedOn());
        row.put("type", d.type().name());
        row.put("subject", d.subject());
        row.put("body", d.body());
        row.put("urgency", d.urgency().name());
        row.put("classification", d.classification().name());
        row.put("dueOn", d.dueOn());
        row.put("pageCount", d.pageCount());
        row.put("channel", event.channel().name());
        row.put("source", event.sourceDocumentId());
        row.put("registeredBy", actor);
        row.put("at", java.sql.Timestamp.from(at));
        row.put("version", version);
        jdbc.sql("""
                INSERT INTO document_view (id, direction, agency_id, status, register_year, register_number,
                    number_notation, issuer, issued_on, received_on, type, subject, body, urgency, classification,
                    due_on, page_count, channel, source_document_id, overdue, registered_by, created_at, updated_at,
                    version)
                VALUES (:id, :direction, :agency, :status, :year, :number, :notation, :issuer, :issuedOn, :receivedOn,
                    :type, :subject, :body, :urgency, :classification, :dueOn, :pageCount, :channel, :source, FALSE,
                    :registeredBy, :at, :at, :version)""").params(row).update();
        participant(event.documentId(), actor);
    }

    @EventHandler
    void on(IncomingDocumentAssigned event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        jdbc.sql("UPDATE document_view SET status = :status, instruction = :instruction, deadline = :deadline,"
                        + " overdue = FALSE, updated_at = :at, version = :version WHERE id = :id")
                .param("status", DocumentStatus.ASSIGNED.name()).param("instruction", event.instruction())
                .param("deadline", event.deadline()).param("at", java.sql.Timestamp.from(at)).param("version", version)
                .param("id", event.documentId()).update();
        // A new assignment replaces the previous one.
        jdbc.sql("DELETE FROM inbox_item WHERE document_id = :id AND role IN ('LEAD', 'COOPERATE', 'INFO')")
                .param("id", event.documentId()).update();
        inbox(event.documentId(), event.lead(), "LEAD", event.deadline(), at);
        event.cooperating().forEach(a -> inbox(event.documentId(), a, "COOPERATE", event.deadline(), at));
        event.forInformation().forEach(a -> inbox(event.documentId(), a, "INFO", null, at));
        participant(event.documentId(), actor);
    }

    @EventHandler
    void on(ProgressRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(AssignmentForwarded event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE inbox_item SET assignee_kind = :toKind, assignee_id = :toId WHERE document_id = :id"
                        + " AND assignee_kind = :fromKind AND assignee_id = :fromId AND status = 'OPEN'")
                .param("toKind", event.to().kind().name()).param("toId", event.to().id())
                .param("fromKind", event.from().kind().name()).param("fromId", event.from().id())
                .param("id", event.documentId()).update();
        participant(event.documentId(), event.to().id());
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(ProcessingCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.COMPLETED, version, at);
        jdbc.sql("UPDATE document_view SET overdue = FALSE WHERE id = :id").param("id", event.documentId()).update();
        closeInbox(event.documentId(), null, at);
    }

    @EventHandler
    void on(ProcessingOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE document_view SET overdue = TRUE, updated_at = :at, version = :version WHERE id = :id")
                .param("at", java.sql.Timestamp.from(at)).param("version", version).param("id", event.documentId()).update();
    }

    @EventHandler
    void on(IncomingDocumentReturnedToSender event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.RETURNED_TO_SENDER, version, at);
        closeInbox(event.documentId(), null, at);
    }

    @EventHandler
    void on(IncomingDocumentWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.WITHDRAWN, version, at);
        jdbc.sql("DELETE FROM inbox_item WHERE document_id = :id").param("id", event.documentId()).update();
    }

    @EventHandler
    void on(IncomingDocumentReplacedBySender event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.documentId(), version, at); // the page reads the replacement from the history
    }

    /** The sender's details as they are now; the register number, the handling and the status stay. */
    @EventHandler
    void on(IncomingDocumentUpdatedBySender event, @SequenceNumber long version, @Timestamp Instant at) {
        IncomingDetails d = event.details();
        jdbc.sql("UPDATE document_view SET number_notation = :notation, issuer = :issuer, issued_on = :issuedOn,"
                        + " type = :type, subject = :subject, body = :body, urgency = :urgency, due_on = :dueOn,"
                        + " page_count = :pageCount, updated_at = :at, version = :version WHERE id = :id")
                .param("notation", d.number()).param("issuer", d.issuer()).param("issuedOn", d.issuedOn())
                .param("type", d.type().name()).param("subject", d.subject()).param("body", d.body())
                .param("urgency", d.urgency().name()).param("dueOn", d.dueOn()).param("pageCount", d.pageCount())
                .param("at", java.sql.Timestamp.from(at)).param("version", version).param("id", event.documentId()).update();
    }

    @EventHandler
    void on(SenderDetailsRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.documentId(), version, at); // shown from the history, as the sender wrote it
    }

    @EventHandler
    void on(ReceivedWithWarnings event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.documentId(), version, at); // the warnings are read from the events, with the history
    }

    @EventHandler
    void on(IncomingAttachmentAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        attachment(event.documentId(), event.attachment(), at);
        touch(event.documentId(), version, at);
    }

    // ---- outgoing -------------------------------------------------------------------------------

    @EventHandler
    void on(DraftCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        DraftContent c = event.content();
        Map<String, Object> row = new HashMap<>();
        row.put("id", event.documentId());
        row.put("direction", Direction.OUTGOING.name());
        row.put("agency", event.agencyId());
        row.put("status", DocumentStatus.DRAFT.name());
        row.put("type", c.type().name());
        row.put("subject", c.subject());
        row.put("body", c.body());
        row.put("urgency", c.urgency().name());
        row.put("classification", c.classification().name());
        row.put("dueOn", c.dueOn());
        row.put("replaces", c.replacesDocumentId());
        row.put("drafter", event.drafterId());
        row.put("draftVersion", event.version());
        row.put("at", java.sql.Timestamp.from(at));
        row.put("version", version);
        jdbc.sql("""
                INSERT INTO document_view (id, direction, agency_id, status, type, subject, body, urgency, classification,
                    due_on, replaces_id, drafter_id, draft_version, overdue, created_at, updated_at, version)
                VALUES (:id, :direction, :agency, :status, :type, :subject, :body, :urgency, :classification, :dueOn,
                    :replaces, :drafter, :draftVersion, FALSE, :at, :at, :version)""").params(row).update();
        participant(event.documentId(), event.drafterId());
    }

    @EventHandler
    void on(DraftRevised event, @SequenceNumber long version, @Timestamp Instant at) {
        DraftContent c = event.content();
        jdbc.sql("UPDATE document_view SET type = :type, subject = :subject, body = :body, urgency = :urgency,"
                        + " classification = :classification, due_on = :dueOn, replaces_id = :replaces,"
                        + " draft_version = :draftVersion, updated_at = :at, version = :version WHERE id = :id")
                .param("type", c.type().name()).param("subject", c.subject()).param("body", c.body())
                .param("urgency", c.urgency().name()).param("classification", c.classification().name())
                .param("dueOn", c.dueOn()).param("replaces", c.replacesDocumentId())
                .param("draftVersion", event.version()).param("at", java.sql.Timestamp.from(at)).param("version", version)
                .param("id", event.documentId()).update();
    }

    @EventHandler
    void on(DraftSubmitted event, @SequenceNumber long version, @Timestamp Instant at) {
        boolean review = event.reviewerId() != null;
        jdbc.sql("UPDATE document_view SET status = :status, reviewer_id = :reviewer, approver_id = :approver,"
                        + " updated_at = :at, version = :version WHERE id = :id")
                .param("status", (review ? DocumentStatus.IN_REVIEW : DocumentStatus.AWAITING_APPROVAL).name())
                .param("reviewer", event.reviewerId()).param("approver", event.approverId())
                .param("at", java.sql.Timestamp.from(at)).param("version", version).param("id", event.documentId()).update();
        inbox(event.documentId(), Assignee.official(review ? event.reviewerId() : event.approverId()),
                review ? "REVIEW" : "APPROVE", null, at);
        participant(event.documentId(), event.reviewerId());
        participant(event.documentId(), event.approverId());
    }

    @EventHandler
    void on(DraftReviewAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.AWAITING_APPROVAL, version, at);
        closeInbox(event.documentId(), "REVIEW", at);
        String approver = jdbc.sql("SELECT approver_id FROM document_view WHERE id = :id").param("id", event.documentId())
                .query(String.class).single();
        inbox(event.documentId(), Assignee.official(approver), "APPROVE", null, at);
    }

    @EventHandler
    void on(DraftReturned event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.RETURNED, version, at);
        closeInbox(event.documentId(), null, at);
    }

    @EventHandler
    void on(DraftApproved event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.APPROVED, version, at);
        closeInbox(event.documentId(), null, at);
    }

    @EventHandler
    void on(OutgoingDocumentIssued event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        jdbc.sql("UPDATE document_view SET status = :status, register_year = :year, register_number = :number,"
                        + " number_notation = :notation, issued_on = :issuedOn, signer_name = :signer,"
                        + " registered_by = :actor, updated_at = :at, version = :version WHERE id = :id")
                .param("status", DocumentStatus.ISSUED.name()).param("year", event.registerYear())
                .param("number", event.registerNumber()).param("notation", event.notation())
                .param("issuedOn", event.issuedOn()).param("signer", event.signerName()).param("actor", actor)
                .param("at", java.sql.Timestamp.from(at)).param("version", version).param("id", event.documentId()).update();
        participant(event.documentId(), actor);
    }

    @EventHandler
    void on(OutgoingDocumentDispatched event, @SequenceNumber long version, @Timestamp Instant at) {
        for (Delivery delivery : event.deliveries()) {
            jdbc.sql("INSERT INTO document_delivery (document_id, recipient_agency_id, incoming_document_id, status)"
                            + " VALUES (:id, :agency, :incoming, 'DELIVERED')")
                    .param("id", event.documentId()).param("agency", delivery.recipientAgencyId())
                    .param("incoming", delivery.incomingDocumentId()).update();
        }
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(OutgoingDocumentRecalled event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.documentId(), DocumentStatus.RECALLED, version, at);
    }

    @EventHandler
    void on(RecallAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE document_delivery SET status = 'WITHDRAWN' WHERE document_id = :id AND recipient_agency_id = :agency")
                .param("id", event.documentId()).param("agency", event.recipientAgencyId()).update();
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(OutgoingAttachmentAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        attachment(event.documentId(), event.attachment(), at);
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.ExternalStatusReceived event, @SequenceNumber long version,
            @Timestamp Instant at) {
        touch(event.documentId(), version, at);
    }

    @EventHandler
    void on(vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.AttachmentSigned event, @SequenceNumber long version,
            @Timestamp Instant at) {
        attachment(event.documentId(), event.signed(), at);
        jdbc.sql("UPDATE document_attachment SET signature = :kind WHERE document_id = :id AND attachment_id = :signed")
                .param("kind", event.kind().name()).param("id", event.documentId())
                .param("signed", event.signed().attachmentId()).update();
        jdbc.sql("UPDATE document_attachment SET superseded = TRUE WHERE document_id = :id AND attachment_id = :source")
                .param("id", event.documentId()).param("source", event.sourceAttachmentId()).update();
        touch(event.documentId(), version, at);
    }

    /**
     * Destroyed with their work file: each document keeps its register entry (number, notation, issuer,
     * dates, subject) and loses its text, its attachments and its place in anyone's inbox.
     */
    @EventHandler
    void on(vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileDestroyed event, @Timestamp Instant at) {
        Set<String> stored = new HashSet<>();
        for (String documentId : event.documentIds()) {
            stored.addAll(jdbc.sql("SELECT sha256 FROM document_attachment WHERE document_id = :id").param("id", documentId)
                    .query(String.class).list());
            jdbc.sql("UPDATE document_view SET status = 'DESTROYED', body = NULL, updated_at = :at WHERE id = :id")
                    .param("at", java.sql.Timestamp.from(at)).param("id", documentId).update();
            jdbc.sql("DELETE FROM document_attachment WHERE document_id = :id").param("id", documentId).update();
            jdbc.sql("DELETE FROM inbox_item WHERE document_id = :id").param("id", documentId).update();
        }
        // The files go too (and their text), unless another document or a meeting still holds the same file,
        // or it was stored again from the destruction's day on (a holder may not have recorded it yet).
        List<AttachmentHolder> holding = holders.orderedStream().toList();
        Instant destructionDay = event.destroyedOn().atStartOfDay(DisplayDates.VIETNAM).toInstant();
        stored.forEach(sha256 -> files.forgetUnlessHeld(sha256, holding, destructionDay));
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("document_view", "document_participant", "inbox_item", "document_attachment",
                "document_delivery")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void inbox(String documentId, Assignee assignee, String role, java.time.LocalDate deadline, Instant at) {
        jdbc.sql("DELETE FROM inbox_item WHERE document_id = :id AND assignee_kind = :kind AND assignee_id = :assignee"
                        + " AND role = :role")
                .param("id", documentId).param("kind", assignee.kind().name()).param("assignee", assignee.id())
                .param("role", role).update();
        jdbc.sql("INSERT INTO inbox_item (document_id, assignee_kind, assignee_id, role, status, deadline, assigned_at)"
                        + " VALUES (:id, :kind, :assignee, :role, 'OPEN', :deadline, :at)")
                .param("id", documentId).param("kind", assignee.kind().name()).param("assignee", assignee.id())
                .param("role", role).param("deadline", deadline).param("at", java.sql.Timestamp.from(at)).update();
        if (assignee.kind() == Assignee.Kind.OFFICIAL) {
            participant(documentId, assignee.id());
        }
    }

    private void closeInbox(String documentId, String role, Instant at) {
        jdbc.sql("UPDATE inbox_item SET status = 'DONE', done_at = :at WHERE document_id = :id AND status = 'OPEN'"
                        + (role == null ? "" : " AND role = :role"))
                .param("at", java.sql.Timestamp.from(at)).param("id", documentId)
                .params(role == null ? Map.of() : Map.of("role", role)).update();
    }

    private void participant(String documentId, String officialId) {
        if (officialId == null || officialId.equals(ActingMetadata.SYSTEM)) {
            return;
        }
        jdbc.sql("INSERT INTO document_participant (document_id, official_id) VALUES (:id, :official)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", documentId).param("official", officialId).update();
    }

    private void attachment(String documentId, AttachmentRef a, Instant at) {
        jdbc.sql("INSERT INTO document_attachment (document_id, attachment_id, file_name, content_type, size_bytes,"
                        + " sha256, added_at) VALUES (:id, :attachment, :name, :type, :size, :sha, :at)")
                .param("id", documentId).param("attachment", a.attachmentId()).param("name", a.fileName())
                .param("type", a.contentType()).param("size", a.size()).param("sha", a.sha256())
                .param("at", java.sql.Timestamp.from(at)).update();
    }

    private void status(String documentId, DocumentStatus status, long version, Instant at) {
        // a destroyed document stays destroyed, whatever its stream says later
        jdbc.sql("UPDATE document_view SET status = :status, updated_at = :at, version = :version WHERE id = :id"
                        + " AND status <> 'DESTROYED'")
                .param("status", status.name()).param("at", java.sql.Timestamp.from(at)).param("version", version)
                .param("id", documentId).update();
    }

    private void touch(String documentId, long version, Instant at) {
        jdbc.sql("UPDATE document_view SET updated_at = :at, version = :version WHERE id = :id")
                .param("at", java.sql.Timestamp.from(at)).param("version", version).param("id", documentId).update();
    }
}
