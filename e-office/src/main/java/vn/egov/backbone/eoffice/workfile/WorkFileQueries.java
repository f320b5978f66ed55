package vn.egov.backbone.eoffice.workfile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.eoffice.workfile.api.WorkFileView;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The work files' read model, for {@link WorkFileActions} (which decides who sees which) and read-your-writes. */
@Service
class WorkFileQueries {
    private final JdbcClient jdbc;

    WorkFileQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An agency's files of a year's list, by symbol. */
    List<WorkFileView> list(String agencyId, int year) {
        return jdbc.sql("SELECT * FROM work_file_view WHERE agency_id = :agency AND list_year = :year ORDER BY code")
                .param("agency", agencyId).param("year", year).query(WorkFileQueries::view).list();
    }

    Optional<WorkFileView> find(String id) {
        return jdbc.sql("SELECT * FROM work_file_view WHERE id = :id").param("id", id).query(WorkFileQueries::view).optional();
    }

    /** The ids of the documents filed in it, whoever may read them. */
    List<String> documentIds(String id) {
        return jdbc.sql("SELECT document_id FROM work_file_document WHERE work_file_id = :id ORDER BY document_id")
                .param("id", id).query(String.class).list();
    }

    /** The version the read model holds for the file, empty before it has a row: for read-your-writes. */
    Optional<Long> version(String id) {
        return jdbc.sql("SELECT version FROM work_file_view WHERE id = :id").param("id", id).query(Long.class).optional();
    }

    private static WorkFileView view(ResultSet rs, int row) throws SQLException {
        return new WorkFileView(rs.getString("id"), rs.getString("agency_id"), rs.getInt("list_year"), rs.getString("code"),
                rs.getString("title"), rs.getObject("retention_years", Integer.class), rs.getString("keeper_id"),
                rs.getString("status"), rs.getInt("document_count"), date(rs, "closed_on"), date(rs, "archive_due_on"),
                date(rs, "archived_on"), date(rs, "keep_until"), date(rs, "destroyed_on"),
                rs.getString("destruction_decision"), rs.getLong("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
