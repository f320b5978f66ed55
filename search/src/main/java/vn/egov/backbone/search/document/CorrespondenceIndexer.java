package vn.egov.backbone.search.document;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.attachment.AttachmentTextRecognised;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileDestroyed;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingAttachmentAdded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.AttachmentSigned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftApproved;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReturned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingAttachmentAdded;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentIssued;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentRecalled;
import vn.egov.backbone.search.index.IndexedRecord;
import vn.egov.backbone.search.index.RecordKind;
import vn.egov.backbone.search.index.RecordUpdates;
import vn.egov.backbone.search.index.SearchIndex;
import vn.egov.backbone.core.shared.DisplayDates;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps incoming and outgoing documents in the search index, from their events: content, status,
 * and who may read them (the same participants and assigned departments as the e-office read model,
 * see {@code ReaderScope}). Each event is applied once ({@link RecordUpdates}).
 */
@Component
@ProcessingGroup(CorrespondenceIndexer.PROCESSOR)
class CorrespondenceIndexer {
    static final String PROCESSOR = vn.egov.backbone.search.index.SearchConfiguration.PROCESSOR;
    private static final String INCOMING = RecordKind.INCOMING.name();
    private static final String OUTGOING = RecordKind.OUTGOING.name();

    private final SearchIndex index;
    private final RecordUpdates updates;
    private final AttachmentStore attachments;
    private final UnitQueries units;

    CorrespondenceIndexer(SearchIndex index, RecordUpdates updates, AttachmentStore attachments, UnitQueries units) {
        this.index = index;
        this.updates = updates;
        this.attachments = attachments;
        this.units = units;
    }

    // ---- incoming -------------------------------------------------------------------------------

    @EventHandler
    void on(IncomingDocumentRegistered event, DomainEventMessage<?> message,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        apply(event.documentId(), INCOMING, message, record -> {
            IncomingDetails d = event.details();
            record.agencyId = event.agencyId();
            record.registerYear = event.registerYear();
            record.registerNumber = event.registerNumber();
            record.receivedOn = event.receivedOn();
            record.number = d.number();
            record.issuer = d.issuer();
            record.issuedOn = d.issuedOn();
            record.type = d.type().name();
            record.subject = d.subject();
            record.urgency = d.urgency().name();
            record.classification = d.classification().name();
            record.status = DocumentStatus.REGISTERED.name();
            participant(record, actor);
        }, d -> event.details().body());
    }

    /** The sender updated the document: what it is found by is what the sender now says. */
    @EventHandler
    void on(IncomingDocumentUpdatedBySender event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> {
            IncomingDetails d = event.details();
            record.number = d.number();
            record.issuer = d.issuer();
            record.issuedOn = d.issuedOn();
            record.type = d.type().name();
            record.subject = d.subject();
            record.urgency = d.urgency().name();
        }, d -> event.details().body());
    }

    @EventHandler
    void on(IncomingDocumentAssigned event, DomainEventMessage<?> message,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        apply(event.documentId(), INCOMING, message, record -> {
            record.status = DocumentStatus.ASSIGNED.name();
            record.instruction = event.instruction();
            participant(record, actor);
            // a new assignment replaces the departments of the previous one, as in the inboxes
            record.assignedUnits.clear();
            assignee(record, event.lead());
            event.cooperating().forEach(a -> assignee(record, a));
            event.forInformation().forEach(a -> assignee(record, a));
        });
    }

    @EventHandler
    void on(AssignmentForwarded event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> {
            if (event.from().kind() == Assignee.Kind.UNIT) {
                record.assignedUnits.remove(event.from().id());
            }
            assignee(record, event.to());
        });
    }

    @EventHandler
    void on(ProcessingCompleted event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> record.status = DocumentStatus.COMPLETED.name());
    }

    @EventHandler
    void on(IncomingDocumentReturnedToSender event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> record.status = DocumentStatus.RETURNED_TO_SENDER.name());
    }

    @EventHandler
    void on(IncomingDocumentWithdrawn event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> {
            record.status = DocumentStatus.WITHDRAWN.name();
            record.assignedUnits.clear();
        });
    }

    @EventHandler
    void on(IncomingAttachmentAdded event, DomainEventMessage<?> message) {
        apply(event.documentId(), INCOMING, message, record -> attachment(record, event.attachment()));
    }

    // ---- outgoing -------------------------------------------------------------------------------

    @EventHandler
    void on(DraftCreated event, DomainEventMessage<?> message, @Timestamp Instant at) {
        apply(event.documentId(), OUTGOING, message, record -> {
            record.agencyId = event.agencyId();
            record.issuer = units.find(event.agencyId()).map(UnitView::name).orElse(null);
            record.createdOn = at.atZone(DisplayDates.VIETNAM).toLocalDate();
            record.status = DocumentStatus.DRAFT.name();
            content(record, event.content());
            participant(record, event.drafterId());
        }, d -> event.content().body());
    }

    @EventHandler
    void on(DraftRevised event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> content(record, event.content()), d -> event.content().body());
    }

    @EventHandler
    void on(DraftSubmitted event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> {
            record.status = (event.reviewerId() != null ? DocumentStatus.IN_REVIEW : DocumentStatus.AWAITING_APPROVAL).name();
            participant(record, event.reviewerId());
            participant(record, event.approverId());
        });
    }

    @EventHandler
    void on(DraftReviewAccepted event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> record.status = DocumentStatus.AWAITING_APPROVAL.name());
    }

    @EventHandler
    void on(DraftReturned event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> record.status = DocumentStatus.RETURNED.name());
    }

    @EventHandler
    void on(DraftApproved event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> record.status = DocumentStatus.APPROVED.name());
    }

    @EventHandler
    void on(OutgoingDocumentIssued event, DomainEventMessage<?> message,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        apply(event.documentId(), OUTGOING, message, record -> {
            record.status = DocumentStatus.ISSUED.name();
            record.number = event.notation();
            record.registerYear = event.registerYear();
            record.registerNumber = event.registerNumber();
            record.issuedOn = event.issuedOn();
            participant(record, actor);
        });
    }

    @EventHandler
    void on(OutgoingDocumentRecalled event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> record.status = DocumentStatus.RECALLED.name());
    }

    @EventHandler
    void on(OutgoingAttachmentAdded event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> attachment(record, event.attachment()));
    }

    @EventHandler
    void on(AttachmentSigned event, DomainEventMessage<?> message) {
        apply(event.documentId(), OUTGOING, message, record -> attachment(record, event.signed()));
    }

    @ResetHandler
    void reset() {
        index.deleteAll();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Destroyed documents leave the index, and its files: nobody finds a word of them any more. */
    @EventHandler
    void on(WorkFileDestroyed event) {
        index.purge(event.documentIds());
    }

    private void apply(String id, String kind, DomainEventMessage<?> message, Consumer<IndexedRecord> change) {
        updates.apply(id, kind, message, change);
    }

    private void apply(String id, String kind, DomainEventMessage<?> message, Consumer<IndexedRecord> change,
                       java.util.function.Function<IndexedRecord, String> newBody) {
        updates.apply(id, kind, message, change, newBody);
    }

    private static void content(IndexedRecord record, DraftContent content) {
        record.type = content.type().name();
        record.subject = content.subject();
        record.urgency = content.urgency().name();
        record.classification = content.classification().name();
    }

    private static void participant(IndexedRecord record, String officialId) {
        if (officialId != null && !officialId.equals(ActingMetadata.SYSTEM)) {
            record.participants.add(officialId);
        }
    }

    private static void assignee(IndexedRecord record, Assignee assignee) {
        if (assignee == null) {
            return;
        }
        if (assignee.kind() == Assignee.Kind.UNIT) {
            record.assignedUnits.add(assignee.id());
        } else {
            participant(record, assignee.id());
        }
    }

    private void attachment(IndexedRecord record, AttachmentRef attachment) {
        record.attachments.put(attachment.attachmentId(), attachments.text(attachment.sha256()).orElse(""));
        record.attachmentFiles.put(attachment.attachmentId(), attachment.sha256());
    }

    /**
     * The words of a scan were read after the documents holding it were indexed (a scan is read in the
     * background, and a rebuild reads the words from the store): every record holding the file takes them.
     */
    @EventListener
    void on(AttachmentTextRecognised recognised) {
        String text = attachments.text(recognised.sha256()).orElse("");
        updates.changeAll(index -> index.idsWithAttachment(recognised.sha256()), record ->
                record.attachmentFiles.forEach((attachmentId, sha256) -> {
                    if (sha256.equals(recognised.sha256())) {
                        record.attachments.put(attachmentId, text);
                    }
                }));
    }
}
