package vn.egov.backbone.eoffice.incoming;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

@Component
class JdbcIncomingDuplicates implements IncomingDuplicates {
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    JdbcIncomingDuplicates(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** "1588/QĐ-TTg" and "1588 / qđ-ttg" are the same number; so are issuers differing only in case or spacing. */
    static String key(String number, String issuer, LocalDate issuedOn) {
        return normalise(number).replace(" ", "") + "|" + normalise(issuer) + "|" + issuedOn;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    @Override
    public void claim(String agencyId, String number, String issuer, LocalDate issuedOn, String documentId) {
        String key = key(number, issuer, issuedOn);
        try {
            jdbc.sql("INSERT INTO incoming_document_key (agency_id, sender_key, document_id) VALUES (:agency, :key, :id)")
                    .param("agency", agencyId).param("key", key).param("id", documentId).update();
        } catch (DuplicateKeyException e) {
            String existing = jdbc.sql("SELECT document_id FROM incoming_document_key WHERE agency_id = :agency"
                    + " AND sender_key = :key").param("agency", agencyId).param("key", key).query(String.class).single();
            throw new BusinessRuleViolation(IncomingError.ALREADY_REGISTERED, number, issuer, issuedOn, existing);
        }
    }

    @Override
    public boolean[] tryClaimAll(java.util.List<Claim> claims) {
        int[] counts = jdbcTemplate.batchUpdate("INSERT INTO incoming_document_key (agency_id, sender_key, document_id)"
                        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                claims.stream().map(c -> new Object[]{c.agencyId(), key(c.number(), c.issuer(), c.issuedOn()),
                        c.documentId()}).toList());
        boolean[] claimed = new boolean[claims.size()];
        for (int i = 0; i < claimed.length; i++) {
            claimed[i] = counts[i] == 1;
        }
        return claimed;
    }

    @Override
    public void release(String documentId) {
        jdbc.sql("DELETE FROM incoming_document_key WHERE document_id = :id").param("id", documentId).update();
    }
}
