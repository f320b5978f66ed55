package vn.egov.backbone.core.unit;

/** Unit codes are unique across the tree: they identify agencies in document exchange. */
interface UnitCodes {
    /** @throws vn.egov.backbone.core.shared.BusinessRuleViolation if another unit has the code */
    void claim(String code, String unitId);

    /**
     * Claims an exchange identifier for a unit, releasing the one it held.
     *
     * @throws vn.egov.backbone.core.shared.BusinessRuleViolation if another unit holds it
     */
    void claimExchangeId(String identifier, String unitId);
}
