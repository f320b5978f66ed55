package vn.egov.backbone.eoffice.workfile;

/** A file symbol is used once per agency and year (the annual file list has no duplicates). */
public interface WorkFileCodes {
    /** @throws vn.egov.backbone.core.shared.BusinessRuleViolation if the symbol is taken */
    void claim(String agencyId, int year, String code, String workFileId);
}
