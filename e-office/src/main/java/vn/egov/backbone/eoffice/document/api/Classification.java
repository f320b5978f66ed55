package vn.egov.backbone.eoffice.document.api;

import vn.egov.backbone.core.official.api.Clearance;

/** Độ mật: none, Mật, Tối mật, Tuyệt mật. A classified document needs the matching clearance. */
public enum Classification {
    NONE, CONFIDENTIAL, SECRET, TOP_SECRET;

    public boolean classified() {
        return this != NONE;
    }

    public Clearance requiredClearance() {
        return Clearance.valueOf(name());
    }
}
