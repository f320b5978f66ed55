package vn.egov.backbone.eoffice.register;

import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;

/**
 * One numbering sequence (Nghị định 30, Điều 15 and 22): an agency's incoming register, its
 * outgoing register per document type, and separate registers for classified documents; each
 * restarts at 1 every calendar year.
 */
public record RegisterKey(String agencyId, String sequence, int year) {

    public static RegisterKey incoming(String agencyId, Classification classification, int year) {
        return new RegisterKey(agencyId, classification.classified() ? "INCOMING-SECRET" : "INCOMING", year);
    }

    public static RegisterKey outgoing(String agencyId, DocumentType type, Classification classification, int year) {
        return new RegisterKey(agencyId, classification.classified() ? "OUTGOING-SECRET" : "OUTGOING-" + type.name(), year);
    }

    /** The aggregate identifier of the register. */
    public String registerId() {
        return "register:" + agencyId + ":" + sequence + ":" + year;
    }
}
