package vn.egov.backbone.core.admin;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why an administration request (audit, processors) is refused. Messages: {@code error.admin.*} in the module's bundles. */
public enum AdminError implements ErrorCode {
    NO_HISTORY, HISTORY_NEEDS_ADMINISTRATOR, NOT_REPLAYABLE, NO_PROCESSOR;

    @Override
    public String feature() {
        return "admin";
    }
}
