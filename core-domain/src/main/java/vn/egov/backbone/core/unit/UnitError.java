package vn.egov.backbone.core.unit;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about a unit is refused. Messages: {@code error.unit.*} in the module's bundles. */
public enum UnitError implements ErrorCode {
    NOT_FOUND, INACTIVE, OWN_PARENT, PARENT_REQUIRED, PARENT_KIND_NOT_ALLOWED, ROOT_HAS_NO_PARENT,
    MERGE_UNDER_SOURCE, MERGE_KIND, MERGE_NEEDS_TWO, CODE_TAKEN, NAME_BLANK, NAME_TOO_LONG, CODE_BLANK, CODE_FORMAT,
    KIND_REQUIRED, VIEW_UNKNOWN, EXCHANGE_ID_FORMAT, EXCHANGE_ID_TAKEN;

    @Override
    public String feature() {
        return "unit";
    }
}
