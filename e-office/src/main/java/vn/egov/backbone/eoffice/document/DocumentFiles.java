package vn.egov.backbone.eoffice.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.eoffice.attachment.AttachmentHolder;

/** E-office still needs a file while a document not destroyed has it attached or the exchange log keeps it as a package. */
@Component
class DocumentFiles implements AttachmentHolder {
    private final JdbcClient jdbc;

    DocumentFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holds(String sha256) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM document_attachment WHERE sha256 = :sha)"
                + " + (SELECT COUNT(*) FROM exchange_message WHERE sha256 = :sha)").param("sha", sha256)
                .query(Long.class).single() > 0;
    }
}
