package vn.egov.backbone.onestop.procedure;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a change to the procedure catalogue is refused. Messages: {@code error.procedure.*} in the module's bundles. */
public enum ProcedureError implements ErrorCode {
    CODE_FORMAT, NAME_LENGTH, LEVEL_REQUIRED, AGENCY_REQUIRED, DAYS_RANGE, FEE_NEGATIVE;

    @Override
    public String feature() {
        return "procedure";
    }
}
