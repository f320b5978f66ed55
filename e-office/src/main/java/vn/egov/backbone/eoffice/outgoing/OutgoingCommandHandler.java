package vn.egov.backbone.eoffice.outgoing;

import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitGuard;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.Agencies;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.CreateDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.IssueOutgoingDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.RecallOutgoingDocument;
import vn.egov.backbone.eoffice.outgoing.api.IssuedDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.Delivery;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.register.DocumentRegisters;
import vn.egov.backbone.eoffice.register.RegisterKey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating drafts, issuing and recalling: the steps that reach beyond one outgoing document. Issuing
 * takes the next number of the agency's register for the type (classified documents: their own
 * register), then delivers the document to every recipient agency inside Backbone as an incoming
 * document of that agency, all in one unit of work.
 */
@Component
class OutgoingCommandHandler {
    private final Repository<OutgoingDocument> documents;
    private final DocumentRegisters registers;
    private final IncomingCommandHandler incoming;
    private final Agencies agencies;
    private final OfficialQueries officials;
    private final UnitGuard unitGuard;
    private final Clock clock;

    OutgoingCommandHandler(Repository<OutgoingDocument> documents, DocumentRegisters registers, IncomingCommandHandler incoming,
                      Agencies agencies, OfficialQueries officials, UnitGuard unitGuard, Clock clock) {
        this.documents = documents;
        this.registers = registers;
        this.incoming = incoming;
        this.agencies = agencies;
        this.officials = officials;
        this.unitGuard = unitGuard;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(CreateDraft command) throws Exception {
        DraftContent content = OutgoingRules.check(command.content());
        for (String recipient : content.internalRecipients()) {
            unitGuard.requireActive(recipient, "send documents to");
        }
        if (content.replacesDocumentId() != null) {
            requireSameAgency(content.replacesDocumentId(), command.agencyId());
        }
        documents.newInstance(() -> new OutgoingDocument(new DraftCreated(command.documentId(), command.agencyId(),
                command.drafterId(), 1, content)));
        return command.documentId();
    }

    @CommandHandler
    public IssuedDocument handle(IssueOutgoingDocument command, DeadlineManager deadlines) throws Exception {
        Aggregate<OutgoingDocument> document = load(command.documentId());
        DraftContent content = document.invoke(OutgoingDocument::content);
        if (content.replacesDocumentId() != null) {
            requireSameAgency(content.replacesDocumentId(), document.invoke(OutgoingDocument::agencyId));
        }
        UnitView agency = agencies.agencyOf(document.invoke(OutgoingDocument::agencyId));
        LocalDate today = LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
        long number = registers.allocate(
                RegisterKey.outgoing(agency.id(), content.type(), content.classification(), today.getYear()),
                command.documentId());
        String notation = content.type().notation(number, Agencies.abbreviation(agency));
        String signerName = officials.find(document.invoke(OutgoingDocument::approvedBy))
                .map(OfficialView::fullName).orElse(null);
        document.execute(d -> d.issue(today.getYear(), number, notation, today, signerName));

        List<Delivery> deliveries = new ArrayList<>();
        for (String recipient : content.internalRecipients()) {
            UnitView recipientAgency = agencies.agencyOf(recipient);
            IncomingDetails details = new IncomingDetails(notation, agency.name(), today, content.type(),
                    content.subject(), content.body(), content.urgency(), content.classification(), content.dueOn(), null);
            deliveries.add(new Delivery(recipientAgency.id(),
                    incoming.receiveInternal(recipientAgency.id(), details, command.documentId()).documentId()));
        }
        document.execute(d -> d.dispatched(deliveries, content.externalRecipients()));
        if (content.replacesDocumentId() != null) {
            recall(content.replacesDocumentId(), "Được thay thế bằng văn bản " + notation, command.documentId(), deadlines);
        }
        return new IssuedDocument(command.documentId(), today.getYear(), number, notation, deliveries);
    }

    @CommandHandler
    public void handle(RecallOutgoingDocument command, DeadlineManager deadlines) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInput("reason", OutgoingError.RECALL_REASON_REQUIRED);
        }
        recall(command.documentId(), command.reason().strip(), null, deadlines);
    }

    /** Recall: every internal recipient's copy is withdrawn and the acceptance recorded (edXML 13 then 15). */
    private void recall(String documentId, String reason, String replacedBy, DeadlineManager deadlines) {
        Aggregate<OutgoingDocument> document = load(documentId);
        List<Delivery> deliveries = document.invoke(d -> d.recall(reason, replacedBy));
        for (Delivery delivery : deliveries) {
            incoming.withdraw(delivery.incomingDocumentId(), reason, deadlines);
            document.execute(d -> d.recallAccepted(delivery));
        }
    }

    /**
     * A draft replaces only a document of its own agency; another agency's is answered as if it did not
     * exist, so that the id of a document the drafter cannot read is never confirmed.
     */
    private void requireSameAgency(String replacedId, String agencyId) {
        if (!agencyId.equals(load(replacedId).invoke(OutgoingDocument::agencyId))) {
            throw new NotFound(OutgoingError.NOT_FOUND, replacedId);
        }
    }

    private Aggregate<OutgoingDocument> load(String documentId) {
        try {
            return documents.load(documentId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFound(OutgoingError.NOT_FOUND, documentId);
        }
    }
}
