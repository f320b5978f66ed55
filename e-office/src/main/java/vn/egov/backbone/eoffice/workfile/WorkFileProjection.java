package vn.egov.backbone.eoffice.workfile;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentFiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentUnfiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileClosed;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileDestroyed;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileOpened;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileTransferredToArchive;

/** Read model of work files and their documents. */
@Component
@ProcessingGroup("work-files")
class WorkFileProjection {
    private final JdbcClient jdbc;

    WorkFileProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkFileOpened e, @SequenceNumber long version) {
        jdbc.sql("INSERT INTO work_file_view (id, agency_id, list_year, code, title, retention_years, keeper_id, status,"
                        + " document_count, version) VALUES (:id, :agency, :year, :code, :title, :retention, :keeper, 'OPEN', 0,"
                        + " :version)")
                .param("id", e.workFileId()).param("agency", e.agencyId()).param("year", e.year()).param("code", e.code())
                .param("title", e.title()).param("retention", e.retentionYears()).param("keeper", e.keeperId())
                .param("version", version).update();
    }

    @EventHandler
    void on(DocumentFiled e, @SequenceNumber long version) {
        jdbc.sql("INSERT INTO work_file_document (work_file_id, document_id) VALUES (:id, :document)")
                .param("id", e.workFileId()).param("document", e.documentId()).update();
        count(e.workFileId(), version);
    }

    @EventHandler
    void on(DocumentUnfiled e, @SequenceNumber long version) {
        jdbc.sql("DELETE FROM work_file_document WHERE work_file_id = :id AND document_id = :document")
                .param("id", e.workFileId()).param("document", e.documentId()).update();
        count(e.workFileId(), version);
    }

    @EventHandler
    void on(WorkFileClosed e, @SequenceNumber long version) {
        jdbc.sql("UPDATE work_file_view SET status = 'CLOSED', closed_on = :closed, archive_due_on = :due,"
                        + " version = :version WHERE id = :id")
                .param("closed", e.closedOn()).param("due", e.archiveDueOn()).param("version", version)
                .param("id", e.workFileId()).update();
    }

    @EventHandler
    void on(WorkFileTransferredToArchive e, @SequenceNumber long version) {
        jdbc.sql("UPDATE work_file_view SET status = 'ARCHIVED', archived_on = :archived, keep_until = :keep,"
                        + " version = :version WHERE id = :id")
                .param("archived", e.transferredOn()).param("keep", e.keepUntil()).param("version", version)
                .param("id", e.workFileId()).update();
    }

    @EventHandler
    void on(WorkFileDestroyed e, @SequenceNumber long version) {
        jdbc.sql("UPDATE work_file_view SET status = 'DESTROYED', destroyed_on = :destroyed, destruction_decision = :decision,"
                        + " version = :version WHERE id = :id")
                .param("destroyed", e.destroyedOn()).param("decision", e.decision()).param("version", version)
                .param("id", e.workFileId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM work_file_document").update();
        jdbc.sql("DELETE FROM work_file_view").update();
    }

    private void count(String workFileId, long version) {
        jdbc.sql("UPDATE work_file_view SET document_count = (SELECT COUNT(*) FROM work_file_document"
                        + " WHERE work_file_id = :id), version = :version WHERE id = :id")
                .param("id", workFileId).param("version", version).update();
    }
}
