package vn.egov.backbone.core.unit.api;

public enum UnitStatus {
    ACTIVE,
    /** Merged into another unit, which holds everything that belonged to it from then on. */
    MERGED,
    DISSOLVED
}
