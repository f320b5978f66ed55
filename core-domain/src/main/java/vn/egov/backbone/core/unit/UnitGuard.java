package vn.egov.backbone.core.unit;

/**
 * Checks, inside a command's unit of work, that a unit exists and is active. Other features
 * (officials, documents, meetings) inject it into their command handlers.
 */
public interface UnitGuard {
    /** @throws vn.egov.backbone.core.shared.NotFound if there is no such unit
     *  @throws vn.egov.backbone.core.shared.BusinessRuleViolation if it was merged or dissolved */
    void requireActive(String unitId, String action);
}
