package vn.egov.backbone.eoffice.incoming;

import vn.egov.backbone.core.shared.Label;
import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AddIncomingAttachment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AssignIncomingDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.CompleteProcessing;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ForwardAssignment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RecordProgress;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ReturnToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.SenderDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.MarkReplacedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.UpdateFromSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.WithdrawReceivedDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingAttachmentAdded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReplacedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingOverdue;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProgressRecorded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ReceivedWithWarnings;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.SenderDetailsRecorded;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incoming document (văn bản đến) from registration to completion: a leader's instruction and
 * assignment (one lead, others cooperating or for information, a deadline), progress, forwarding
 * within the unit, completion by the lead; or its return to the sender; or its withdrawal when the
 * sender recalls it. Registration is handled by {@link IncomingCommandHandler}, which numbers it.
 */
@Aggregate
public class IncomingDocument {
    static final String OVERDUE_DEADLINE = "incoming-processing-overdue";

    @AggregateIdentifier
    private String documentId;
    private DocumentStatus status;
    private LocalDate issuedOn;
    private Assignee lead;
    private final Set<Assignee> cooperating = new LinkedHashSet<>();
    private final Set<String> attachments = new HashSet<>();
    private LocalDate deadline;

    protected IncomingDocument() {
        // for Axon
    }

    IncomingDocument(IncomingDocumentRegistered registered) {
        apply(registered);
    }

    IncomingDocument(IncomingDocumentRegistered registered, org.axonframework.messaging.MetaData metaData) {
        apply(registered, metaData);
    }

    @CommandHandler
    public void handle(AssignIncomingDocument command, DeadlineManager deadlines, Clock clock) {
        requireOpen("assign");
        if (status == DocumentStatus.COMPLETED) {
            throw new BusinessRuleViolation(IncomingError.ALREADY_COMPLETED);
        }
        if (command.lead() == null) {
            throw new InvalidInput("lead", IncomingError.LEAD_REQUIRED);
        }
        List<Assignee> cooperating = distinct(command.cooperating(), command.lead());
        List<Assignee> informed = distinct(command.forInformation(), command.lead());
        informed.removeAll(cooperating);
        if (command.deadline() != null && command.deadline().isBefore(LocalDate.now(clock.withZone(DisplayDates.VIETNAM)))) {
            throw new InvalidInput("deadline", IncomingError.DEADLINE_PAST);
        }
        String instruction = command.instruction() == null ? null : command.instruction().strip();
        if (instruction != null && instruction.length() > 2000) {
            throw new InvalidInput("instruction", IncomingError.INSTRUCTION_TOO_LONG, 2000);
        }
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        apply(new IncomingDocumentAssigned(documentId, instruction, command.lead(), cooperating, informed, command.deadline()));
        if (command.deadline() != null) {
            // Overdue once the deadline day has ended, Vietnam time.
            deadlines.schedule(command.deadline().plusDays(1).atStartOfDay(DisplayDates.VIETNAM).toInstant(),
                    OVERDUE_DEADLINE, command.deadline());
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onOverdue(LocalDate deadline) {
        if (status == DocumentStatus.ASSIGNED && deadline.equals(this.deadline)) {
            apply(new ProcessingOverdue(documentId, deadline));
        }
    }

    @CommandHandler
    public void handle(RecordProgress command) {
        requireAssigned();
        requireAssignee(command.by());
        apply(new ProgressRecorded(documentId, command.by(), requireText(command.note(), "note", "progressNote")));
    }

    @CommandHandler
    public void handle(ForwardAssignment command) {
        requireAssigned();
        requireAssignee(command.from());
        if (command.to() == null || command.to().kind() != Assignee.Kind.OFFICIAL) {
            throw new InvalidInput("to", IncomingError.FORWARD_TO_ONE);
        }
        if (command.to().equals(lead) || cooperating.contains(command.to())) {
            throw new BusinessRuleViolation(IncomingError.ALREADY_HANDLING);
        }
        apply(new AssignmentForwarded(documentId, command.from(), command.to(), command.note()));
    }

    @CommandHandler
    public void handle(CompleteProcessing command, DeadlineManager deadlines) {
        requireAssigned();
        if (!command.by().equals(lead)) {
            throw new BusinessRuleViolation(IncomingError.ONLY_LEAD_COMPLETES);
        }
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        apply(new ProcessingCompleted(documentId, command.by(), requireText(command.result(), "result", "result"),
                command.replyDocumentId()));
    }

    @CommandHandler
    public void handle(ReturnToSender command, IncomingDuplicates duplicates) {
        if (status != DocumentStatus.REGISTERED) {
            throw new BusinessRuleViolation(IncomingError.RETURN_ONLY_UNASSIGNED);
        }
        duplicates.release(documentId);
        apply(new IncomingDocumentReturnedToSender(documentId, requireText(command.reason(), "reason", "reason")));
    }

    @CommandHandler
    public void handle(AddIncomingAttachment command) {
        requireOpen("attach files to");
        if (attachments.contains(command.attachment().sha256())) {
            throw new BusinessRuleViolation(IncomingError.FILE_ALREADY_ATTACHED);
        }
        apply(new IncomingAttachmentAdded(documentId, command.attachment()));
    }

    @CommandHandler
    public void handle(WithdrawReceivedDocument command, DeadlineManager deadlines) {
        withdraw(command.reason(), deadlines);
    }

    @CommandHandler
    public void handle(UpdateFromSender command) {
        requireOpen("update");
        apply(new IncomingDocumentUpdatedBySender(documentId, command.details(), command.reason()));
        command.attachments().forEach(this::attachReceived);
    }

    @CommandHandler
    public void handle(MarkReplacedBySender command) {
        apply(new IncomingDocumentReplacedBySender(documentId, command.replacementDocumentId(), command.reason()));
    }

    /** An attachment that came with the document (edXML), added in the registering unit of work. */
    void attachReceived(vn.egov.backbone.eoffice.document.api.AttachmentRef attachment) {
        if (attachments.add(attachment.sha256())) {
            apply(new IncomingAttachmentAdded(documentId, attachment));
        }
    }

    /** What the sender's package said beyond the registration details, kept and shown. */
    void recordSenderDetails(SenderDetails sender) {
        apply(new SenderDetailsRecorded(documentId, sender));
    }

    /** Oddities of a received package, kept as the sender wrote them: the handlers are told. */
    void warn(List<String> warnings) {
        apply(new ReceivedWithWarnings(documentId, List.copyOf(warnings)));
    }

    /** The sender recalled the document (called by the outgoing side, in its unit of work). */
    void withdraw(String reason, DeadlineManager deadlines) {
        if (status == DocumentStatus.WITHDRAWN) {
            return;
        }
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        apply(new IncomingDocumentWithdrawn(documentId, reason));
    }

    private void requireOpen(String action) {
        if (status == DocumentStatus.RETURNED_TO_SENDER || status == DocumentStatus.WITHDRAWN) {
            throw new BusinessRuleViolation(status == DocumentStatus.WITHDRAWN ? IncomingError.WITHDRAWN : IncomingError.RETURNED);
        }
    }

    private void requireAssigned() {
        requireOpen("process");
        if (status != DocumentStatus.ASSIGNED) {
            throw new BusinessRuleViolation(status == DocumentStatus.COMPLETED ? IncomingError.PROCESSING_COMPLETE
                    : IncomingError.NOT_ASSIGNED);
        }
    }

    private void requireAssignee(Assignee by) {
        if (by == null || !(by.equals(lead) || cooperating.contains(by))) {
            throw new BusinessRuleViolation(IncomingError.NOT_ASSIGNEE);
        }
    }

    /**
     * @param label the field's name in the messages ({@code field.<label>}), which is one Backbone-wide namespace:
     *              e-office's progress note is {@code progressNote}, as {@code note} is the one-stop desk's plain note
     */
    private static String requireText(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, IncomingError.BLANK, Label.field(label));
        }
        if (text.length() > 4000) {
            throw new InvalidInput(field, IncomingError.TOO_LONG, Label.field(label), 4000);
        }
        return text.strip();
    }

    private static List<Assignee> distinct(List<Assignee> assignees, Assignee lead) {
        List<Assignee> result = new ArrayList<>(new LinkedHashSet<>(assignees == null ? List.of() : assignees));
        result.remove(lead);
        result.removeIf(a -> a == null || a.id() == null || a.kind() == null);
        return result;
    }

    @EventSourcingHandler
    void on(IncomingDocumentRegistered event) {
        documentId = event.documentId();
        issuedOn = event.details().issuedOn();
        status = DocumentStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(IncomingDocumentAssigned event) {
        status = DocumentStatus.ASSIGNED;
        lead = event.lead();
        cooperating.clear();
        cooperating.addAll(event.cooperating());
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(AssignmentForwarded event) {
        if (event.from().equals(lead)) {
            lead = event.to();
        } else {
            cooperating.remove(event.from());
            cooperating.add(event.to());
        }
    }

    @EventSourcingHandler
    void on(ProcessingCompleted event) {
        status = DocumentStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(IncomingDocumentReturnedToSender event) {
        status = DocumentStatus.RETURNED_TO_SENDER;
    }

    @EventSourcingHandler
    void on(IncomingDocumentWithdrawn event) {
        status = DocumentStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(IncomingAttachmentAdded event) {
        attachments.add(event.attachment().sha256());
    }
}
