package vn.egov.backbone.meetings.meeting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.eoffice.attachment.AttachmentHolder;

/**
 * A meeting still needs a file uploaded to it or its signed minutes (the same bytes as a destroyed document's file
 * are stored once).
 */
@Component
class MeetingFiles implements AttachmentHolder {
    private final JdbcClient jdbc;

    MeetingFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holds(String sha256) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM meeting_document WHERE file_key = :sha)"
                        + " + (SELECT COUNT(*) FROM meeting_minutes_signature WHERE file_key = :sha)").param("sha", sha256)
                .query(Long.class).single() > 0;
    }
}
