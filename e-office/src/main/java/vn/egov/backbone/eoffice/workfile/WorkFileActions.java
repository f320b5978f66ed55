package vn.egov.backbone.eoffice.workfile;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.CloseWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.DestroyWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.FileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.OpenWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.TransferWorkFileToArchive;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.UnfileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What officials do with work files, for the API and the pages alike. Officials of the agency open
 * and fill them; the keeper or a leader closes them; the records clerk transfers closed files to the
 * archive; a leader destroys an archived file once its retention period is over. A file is seen only
 * by officials who work in its agency.
 */
@Service
public class WorkFileActions {
    private final Commands commands;
    private final DocumentActions documents;
    private final Authorizer authorizer;
    private final WorkFileQueries queries;
    private final Clock clock;

    WorkFileActions(Commands commands, DocumentActions documents, Authorizer authorizer, WorkFileQueries queries,
                    Clock clock) {
        this.commands = commands;
        this.documents = documents;
        this.authorizer = authorizer;
        this.queries = queries;
        this.clock = clock;
    }

    /** A file and the documents in it that the official may read (the count is the file's own). */
    public record Contents(WorkFileView file, List<DocumentView> documents) {
    }

    /** Opens a file of the acting agency's list (that agency, or {@code agencyId} if given); returns its id. */
    public String open(String agencyId, Integer year, String code, String title, Integer retentionYears) {
        UnitView agency = documents.actingAgency(agencyId);
        String me = Authorizer.currentPrincipal().officialId();
        if (!documents.worksIn(me, agency.id())) {
            throw new Forbidden(WorkFileError.OPEN_NEEDS_ROLE);
        }
        String id = UUID.randomUUID().toString();
        commands.send(new OpenWorkFile(id, agency.id(), year == null ? today().getYear() : year, code, title,
                retentionYears, me));
        return id;
    }

    /** The agency's files of a year's list, by symbol. */
    public List<WorkFileView> list(String agencyId, Integer year) {
        UnitView agency = documents.actingAgency(agencyId);
        if (!documents.worksIn(Authorizer.currentPrincipal().officialId(), agency.id())) {
            // as for a single file: another agency's list is not confirmed to exist
            throw new NotFound(WorkFileError.AGENCY_HIDDEN, agency.id());
        }
        return queries.list(agency.id(), year == null ? today().getYear() : year);
    }

    /** The version the read model holds for the file, empty before it has a row: for read-your-writes. */
    public Optional<Long> version(String id) {
        return queries.version(id);
    }

    public Contents get(String id) {
        WorkFileView file = file(id);
        List<DocumentView> visible = queries.documentIds(id).stream().map(documentId -> {
            try {
                return documents.readable(documentId);
            } catch (NotFound hidden) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        return new Contents(file, visible);
    }

    public void fileDocument(String id, String documentId) {
        WorkFileView file = file(id);
        DocumentView document = documents.readable(documentId);
        if (!document.agencyId().equals(file.agencyId())) {
            throw new BusinessRuleViolation(WorkFileError.OWN_AGENCY_ONLY);
        }
        commands.send(new FileDocument(id, documentId));
    }

    public void unfileDocument(String id, String documentId) {
        file(id);
        commands.send(new UnfileDocument(id, documentId));
    }

    public void close(String id) {
        WorkFileView file = file(id);
        String me = Authorizer.currentPrincipal().officialId();
        if (!me.equals(file.keeperId()) && !authorizer.holds(me, Role.LEADER, file.agencyId())) {
            throw new Forbidden(WorkFileError.CLOSE_NEEDS_KEEPER);
        }
        commands.send(new CloseWorkFile(id, today()));
    }

    public void transferToArchive(String id) {
        WorkFileView file = file(id);
        authorizer.require(Role.RECORDS_CLERK, file.agencyId());
        commands.send(new TransferWorkFileToArchive(id, today()));
    }

    /**
     * Destroys an archived file whose retention period is over, with its documents: the head of the
     * agency decides it (the decision's number and date are recorded with the event).
     */
    public void destroy(String id, String decision) {
        WorkFileView file = file(id);
        authorizer.require(Role.LEADER, file.agencyId());
        commands.send(new DestroyWorkFile(id, today(), decision));
    }

    /** The file, if it belongs to an agency the official works in. */
    private WorkFileView file(String id) {
        WorkFileView file = queries.find(id).orElseThrow(() -> new NotFound(WorkFileError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        UnitView agency = documents.actingAgency(file.agencyId());
        if (!documents.worksIn(me, agency.id())) {
            throw new NotFound(WorkFileError.NOT_FOUND, id);
        }
        return file;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }
}
