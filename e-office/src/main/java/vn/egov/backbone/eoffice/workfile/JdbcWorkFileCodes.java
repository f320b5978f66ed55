package vn.egov.backbone.eoffice.workfile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

@Component
class JdbcWorkFileCodes implements WorkFileCodes {
    private final JdbcClient jdbc;

    JdbcWorkFileCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String agencyId, int year, String code, String workFileId) {
        try {
            jdbc.sql("INSERT INTO work_file_code (agency_id, list_year, code, work_file_id) VALUES (:agency, :year, :code, :id)")
                    .param("agency", agencyId).param("year", year).param("code", code.toUpperCase(java.util.Locale.ROOT))
                    .param("id", workFileId).update();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(WorkFileError.CODE_TAKEN, year, code);
        }
    }
}
