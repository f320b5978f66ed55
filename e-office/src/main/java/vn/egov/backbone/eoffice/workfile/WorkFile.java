package vn.egov.backbone.eoffice.workfile;

import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.CloseWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.DestroyWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.FileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.OpenWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.TransferWorkFileToArchive;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.UnfileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentFiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentUnfiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileClosed;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileDestroyed;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileOpened;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileTransferredToArchive;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A work file (hồ sơ công việc): the documents of one matter, from the agency's annual file list.
 * Open, it takes and gives back documents; closed, it is read-only and due in the archive within a
 * year; in the archive it is kept for its retention period (or permanently), and once that is over
 * it may be destroyed with its documents by a decision of the agency.
 */
@Aggregate
public class WorkFile {
    public enum State { OPEN, CLOSED, ARCHIVED, DESTROYED }

    @AggregateIdentifier
    private String workFileId;
    private String agencyId;
    private State state;
    private Integer retentionYears;
    private java.time.LocalDate keepUntil;
    private final Set<String> documents = new LinkedHashSet<>();

    protected WorkFile() {
        // for Axon
    }

    @CommandHandler
    public WorkFile(OpenWorkFile command, WorkFileCodes codes) {
        if (command.code() == null || !command.code().strip().matches("[\\p{L}\\p{N}.\\-/]{1,30}")) {
            throw new InvalidInput("code", WorkFileError.CODE_FORMAT);
        }
        if (command.title() == null || command.title().isBlank() || command.title().length() > 1000) {
            throw new InvalidInput("title", WorkFileError.TITLE_LENGTH, 1000);
        }
        if (command.year() < 2000 || command.year() > 2100) {
            throw new InvalidInput("year", WorkFileError.YEAR_REQUIRED);
        }
        if (command.retentionYears() != null && (command.retentionYears() < 1 || command.retentionYears() > 100)) {
            throw new InvalidInput("retentionYears", WorkFileError.RETENTION_RANGE, 100);
        }
        codes.claim(command.agencyId(), command.year(), command.code().strip(), command.workFileId());
        apply(new WorkFileOpened(command.workFileId(), command.agencyId(), command.year(), command.code().strip(),
                command.title().strip(), command.retentionYears(), command.keeperId()));
    }

    @CommandHandler
    public void handle(FileDocument command) {
        requireOpen();
        if (!documents.add(command.documentId())) {
            throw new BusinessRuleViolation(WorkFileError.DOCUMENT_ALREADY_IN);
        }
        apply(new DocumentFiled(workFileId, command.documentId()));
    }

    @CommandHandler
    public void handle(UnfileDocument command) {
        requireOpen();
        if (!documents.contains(command.documentId())) {
            throw new BusinessRuleViolation(WorkFileError.DOCUMENT_NOT_IN);
        }
        apply(new DocumentUnfiled(workFileId, command.documentId()));
    }

    @CommandHandler
    public void handle(CloseWorkFile command) {
        requireOpen();
        if (documents.isEmpty()) {
            throw new BusinessRuleViolation(WorkFileError.EMPTY_CANNOT_CLOSE);
        }
        apply(new WorkFileClosed(workFileId, command.closedOn(), documents.size(), command.closedOn().plusYears(1)));
    }

    @CommandHandler
    public void handle(TransferWorkFileToArchive command) {
        if (state != State.CLOSED) {
            throw new BusinessRuleViolation(state == State.ARCHIVED ? WorkFileError.ALREADY_ARCHIVED
                    : WorkFileError.ARCHIVE_ONLY_CLOSED);
        }
        apply(new WorkFileTransferredToArchive(workFileId, command.transferredOn(),
                retentionYears == null ? null : command.transferredOn().plusYears(retentionYears)));
    }

    /** The documents' text goes with them: their keys are erased in this command's transaction. */
    @CommandHandler
    public void handle(DestroyWorkFile command, SubjectKeys keys) {
        if (state != State.ARCHIVED) {
            throw new BusinessRuleViolation(state == State.DESTROYED ? WorkFileError.ALREADY_DESTROYED
                    : WorkFileError.DESTROY_ONLY_ARCHIVED);
        }
        if (keepUntil == null) {
            throw new BusinessRuleViolation(WorkFileError.KEPT_PERMANENTLY);
        }
        if (command.destroyedOn().isBefore(keepUntil)) {
            throw new BusinessRuleViolation(WorkFileError.KEPT_UNTIL, keepUntil);
        }
        if (command.decision() == null || command.decision().isBlank() || command.decision().length() > 300) {
            throw new InvalidInput("decision", WorkFileError.DECISION_LENGTH, 300);
        }
        documents.forEach(keys::erase);
        apply(new WorkFileDestroyed(workFileId, agencyId, command.destroyedOn(), command.decision().strip(),
                List.copyOf(documents)));
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new BusinessRuleViolation(WorkFileError.READ_ONLY);
        }
    }

    @EventSourcingHandler
    void on(WorkFileOpened event) {
        workFileId = event.workFileId();
        agencyId = event.agencyId();
        retentionYears = event.retentionYears();
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(DocumentFiled event) {
        documents.add(event.documentId());
    }

    @EventSourcingHandler
    void on(DocumentUnfiled event) {
        documents.remove(event.documentId());
    }

    @EventSourcingHandler
    void on(WorkFileClosed event) {
        state = State.CLOSED;
    }

    @EventSourcingHandler
    void on(WorkFileTransferredToArchive event) {
        state = State.ARCHIVED;
        keepUntil = event.keepUntil();
    }

    @EventSourcingHandler
    void on(WorkFileDestroyed event) {
        state = State.DESTROYED;
    }
}
