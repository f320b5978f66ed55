package vn.egov.backbone.core.official.api;

public enum OfficialStatus {
    ACTIVE,
    DEACTIVATED
}
