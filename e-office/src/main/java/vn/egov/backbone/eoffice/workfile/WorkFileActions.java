package vn.egov.backbone.eoffice.workfile;

import vn.egov.backbone.core.shared.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkFileActions(Commands commands, DocumentActions documents, Authorizer authorizer, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.documents = documents;
        this.authorizer = authorizer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A file and the documents in it that the official may read (the count is the file's own). */
    public record Contents(Map<String, Object> file, List<DocumentView> documents) {
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
    public List<Map<String, Object>> list(String agencyId, Integer year) {
        UnitView agency = documents.actingAgency(agencyId);
        if (!documents.worksIn(Authorizer.currentPrincipal().officialId(), agency.id())) {
            // as for a single file: another agency's list is not confirmed to exist
            throw new NotFound(WorkFileError.AGENCY_HIDDEN, agency.id());
        }
        return jdbc.sql("SELECT * FROM work_file_view WHERE agency_id = :agency AND list_year = :year ORDER BY code")
                .param("agency", agency.id()).param("year", year == null ? today().getYear() : year).query().listOfRows();
    }

    /** The agency's files still open, for filing a document into one. */
    public List<Map<String, Object>> openFiles(String agencyId) {
        return jdbc.sql("SELECT * FROM work_file_view WHERE agency_id = :agency AND status = 'OPEN'"
                        + " ORDER BY list_year DESC, code")
                .param("agency", agencyId).query().listOfRows();
    }

    /** The version the read model holds for the file, empty before it has a row: for read-your-writes. */
    public Optional<Long> version(String id) {
        return jdbc.sql("SELECT version FROM work_file_view WHERE id = :id").param("id", id).query(Long.class).optional();
    }

    public Contents get(String id) {
        Map<String, Object> file = file(id);
        List<String> ids = jdbc.sql("SELECT document_id FROM work_file_document WHERE work_file_id = :id ORDER BY document_id")
                .param("id", id).query(String.class).list();
        List<DocumentView> visible = ids.stream().map(documentId -> {
            try {
                return documents.readable(documentId);
            } catch (NotFound hidden) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        return new Contents(file, visible);
    }

    public void fileDocument(String id, String documentId) {
        Map<String, Object> file = file(id);
        DocumentView document = documents.readable(documentId);
        if (!document.agencyId().equals(file.get("agency_id"))) {
            throw new BusinessRuleViolation(WorkFileError.OWN_AGENCY_ONLY);
        }
        commands.send(new FileDocument(id, documentId));
    }

    public void unfileDocument(String id, String documentId) {
        file(id);
        commands.send(new UnfileDocument(id, documentId));
    }

    public void close(String id) {
        Map<String, Object> file = file(id);
        String me = Authorizer.currentPrincipal().officialId();
        if (!me.equals(file.get("keeper_id")) && !authorizer.holds(me, Role.LEADER, (String) file.get("agency_id"))) {
            throw new Forbidden(WorkFileError.CLOSE_NEEDS_KEEPER);
        }
        commands.send(new CloseWorkFile(id, today()));
    }

    public void transferToArchive(String id) {
        Map<String, Object> file = file(id);
        authorizer.require(Role.RECORDS_CLERK, (String) file.get("agency_id"));
        commands.send(new TransferWorkFileToArchive(id, today()));
    }

    /**
     * Destroys an archived file whose retention period is over, with its documents: the head of the
     * agency decides it (the decision's number and date are recorded with the event).
     */
    public void destroy(String id, String decision) {
        Map<String, Object> file = file(id);
        authorizer.require(Role.LEADER, (String) file.get("agency_id"));
        commands.send(new DestroyWorkFile(id, today(), decision));
    }

    /** The file, if it belongs to an agency the official works in. */
    private Map<String, Object> file(String id) {
        Map<String, Object> file = jdbc.sql("SELECT * FROM work_file_view WHERE id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFound(WorkFileError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        UnitView agency = documents.actingAgency((String) file.get("agency_id"));
        if (!documents.worksIn(me, agency.id())) {
            throw new NotFound(WorkFileError.NOT_FOUND, id);
        }
        return file;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }
}
