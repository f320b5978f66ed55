package vn.egov.backbone.core.official.api;

/** Security clearance for classified documents (độ mật), ordered from lowest to highest. */
public enum Clearance {
    NONE,
    /** Mật */
    CONFIDENTIAL,
    /** Tối mật */
    SECRET,
    /** Tuyệt mật */
    TOP_SECRET;

    public boolean covers(Clearance required) {
        return compareTo(required) >= 0;
    }
}
