package vn.egov.backbone.eoffice.incoming;

/**
 * One received document is registered once per agency: the same sender number and notation, issuer
 * and issue date are refused. A key is claimed in the registering transaction and released when the
 * document is returned to its sender.
 */
public interface IncomingDuplicates {
    /** @throws vn.egov.backbone.core.shared.BusinessRuleViolation naming the earlier registration */
    void claim(String agencyId, String number, String issuer, java.time.LocalDate issuedOn, String documentId);

    /** A registration to claim a key for. */
    record Claim(String agencyId, String number, String issuer, java.time.LocalDate issuedOn, String documentId) {
    }

    /** Claims many keys in one round trip; answers, for each, whether it was free (a batch's duplicates fail alone). */
    boolean[] tryClaimAll(java.util.List<Claim> claims);

    void release(String documentId);
}
