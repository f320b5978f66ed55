package vn.egov.backbone.core.unit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

/**
 * A code is claimed in the same transaction that stores the creating event, so two concurrent creations with
 * one code cannot both succeed; a read-model lookup could not promise that.
 */
@Component
class JdbcUnitCodes implements UnitCodes {
    private final JdbcClient jdbc;

    JdbcUnitCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String code, String unitId) {
        try {
            jdbc.sql("INSERT INTO unit_code (code, unit_id) VALUES (:code, :unitId)")
                    .param("code", code.toUpperCase(java.util.Locale.ROOT))
                    .param("unitId", unitId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(UnitError.CODE_TAKEN, code);
        }
    }

    @Override
    public void claimExchangeId(String identifier, String unitId) {
        String key = identifier.toUpperCase(java.util.Locale.ROOT);
        String holder = jdbc.sql("SELECT unit_id FROM unit_exchange_id WHERE identifier = :id").param("id", key)
                .query(String.class).optional().orElse(null);
        if (unitId.equals(holder)) {
            return;
        }
        jdbc.sql("DELETE FROM unit_exchange_id WHERE unit_id = :unitId").param("unitId", unitId).update();
        try {
            jdbc.sql("INSERT INTO unit_exchange_id (identifier, unit_id) VALUES (:id, :unitId)")
                    .param("id", key).param("unitId", unitId).update();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(UnitError.EXCHANGE_ID_TAKEN, identifier);
        }
    }
}
