package vn.egov.backbone.eoffice.document.api;

public enum Direction {
    /** văn bản đến */
    INCOMING,
    /** văn bản đi */
    OUTGOING
}
