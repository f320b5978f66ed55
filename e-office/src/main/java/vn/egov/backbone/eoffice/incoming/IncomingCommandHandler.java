package vn.egov.backbone.eoffice.incoming;

import vn.egov.backbone.core.shared.BusinessRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.BatchItem;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ReceiveEdXmlDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RegisterIncomingDocuments;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.Channel;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.register.DocumentRegisters;
import vn.egov.backbone.eoffice.register.RegisterKey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Registers incoming documents: checks the details, refuses duplicates, takes the next number of
 * the agency's incoming register and creates the document, all in one unit of work; registrations
 * queued on one register come as a batch ({@link RegistrationBatcher}). Documents
 * dispatched inside Backbone arrive through {@link #receiveInternal}.
 */
@Component
public class IncomingCommandHandler {
    private final Repository<IncomingDocument> documents;
    private final DocumentRegisters registers;
    private final IncomingDuplicates duplicates;
    private final Clock clock;

    IncomingCommandHandler(Repository<IncomingDocument> documents, DocumentRegisters registers, IncomingDuplicates duplicates,
                      Clock clock) {
        this.documents = documents;
        this.registers = registers;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /** The register entry a registration got. */
    public record Registration(String documentId, int registerYear, long registerNumber) {
    }

    @CommandHandler
    public Registration handle(ReceiveEdXmlDocument command) throws Exception {
        List<IncomingError> oddities = new ArrayList<>();
        IncomingDetails details = IncomingRules.checkReceived(command.details(), today(), oddities);
        duplicates.claim(command.agencyId(), details.number(), details.issuer(), details.issuedOn(), command.documentId());
        Registration registration = register(command.documentId(), command.agencyId(), details, Channel.EDXML,
                command.senderDocumentId());
        var document = documents.load(command.documentId());
        for (AttachmentRef attachment : command.attachments()) {
            document.execute(d -> d.attachReceived(attachment));
        }
        if (command.sender() != null && !command.sender().isEmpty()) {
            document.execute(d -> d.recordSenderDetails(command.sender()));
        }
        List<String> warnings = new ArrayList<>(command.warnings() == null ? List.of() : command.warnings());
        oddities.forEach(oddity -> warnings.add(oddity.code()));
        if (!warnings.isEmpty()) {
            document.execute(d -> d.warn(warnings));
        }
        return registration;
    }

    /** The outcome of one item of a batch: its registration, or why it was refused. */
    public record BatchOutcome(Registration registration, BusinessRuleViolation refusal) {
    }

    @CommandHandler
    public List<BatchOutcome> handle(RegisterIncomingDocuments command) throws Exception {
        List<IncomingDetails> checked = new ArrayList<>();
        List<IncomingDuplicates.Claim> claims = new ArrayList<>();
        for (BatchItem item : command.items()) {
            IncomingDetails details = IncomingRules.check(item.details(), today());
            checked.add(details);
            claims.add(new IncomingDuplicates.Claim(item.agencyId(), details.number(), details.issuer(),
                    details.issuedOn(), item.documentId()));
        }
        boolean[] claimed = duplicates.tryClaimAll(claims);
        List<BatchOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < command.items().size(); i++) {
            BatchItem item = command.items().get(i);
            IncomingDetails details = checked.get(i);
            if (!claimed[i]) {
                outcomes.add(new BatchOutcome(null, new BusinessRuleViolation(IncomingError.ALREADY_REGISTERED,
                        details.number(), details.issuer(), details.issuedOn())));
                continue;
            }
            outcomes.add(new BatchOutcome(register(item.documentId(), item.agencyId(), details, Channel.MANUAL, null,
                    MetaData.from(item.actingMetadata())), null));
        }
        return outcomes;
    }

    /** An outgoing document of another agency in Backbone arrives here, registered at once. */
    public Registration receiveInternal(String agencyId, IncomingDetails details, String sourceDocumentId) throws Exception {
        String documentId = UUID.randomUUID().toString();
        duplicates.claim(agencyId, details.number(), details.issuer(), details.issuedOn(), documentId);
        return register(documentId, agencyId, IncomingRules.check(details, today()), Channel.INTERNAL, sourceDocumentId);
    }

    /** The sender recalled it: the recipient's copy is withdrawn. */
    public void withdraw(String documentId, String reason, DeadlineManager deadlines) {
        documents.load(documentId).execute(document -> document.withdraw(reason, deadlines));
    }

    private Registration register(String documentId, String agencyId, IncomingDetails details, Channel channel,
                                  String sourceDocumentId) throws Exception {
        return register(documentId, agencyId, details, channel, sourceDocumentId, MetaData.emptyInstance());
    }

    private Registration register(String documentId, String agencyId, IncomingDetails details, Channel channel,
                                  String sourceDocumentId, MetaData metaData) throws Exception {
        LocalDate receivedOn = today();
        RegisterKey key = RegisterKey.incoming(agencyId, details.classification(), receivedOn.getYear());
        long number = registers.allocate(key, documentId, metaData);
        documents.newInstance(() -> new IncomingDocument(new IncomingDocumentRegistered(documentId, agencyId,
                receivedOn.getYear(), number, receivedOn, details, channel, sourceDocumentId), metaData));
        return new Registration(documentId, receivedOn.getYear(), number);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }

    /** Defaults applied before checking: ordinary urgency, unclassified. */
    static IncomingDetails withDefaults(IncomingDetails d) {
        return new IncomingDetails(d.number(), d.issuer(), d.issuedOn(), d.type(), d.subject(), d.body(),
                d.urgency() == null ? Urgency.NORMAL : d.urgency(),
                d.classification() == null ? Classification.NONE : d.classification(), d.dueOn(), d.pageCount());
    }
}
