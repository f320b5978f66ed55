package vn.egov.backbone.eoffice.incoming;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about an incoming document is refused. Messages: {@code error.incoming.*} in the module's bundles. */
public enum IncomingError implements ErrorCode {
    ALREADY_COMPLETED, ALREADY_HANDLING, ONLY_LEAD_COMPLETES, RETURN_ONLY_UNASSIGNED, FILE_ALREADY_ATTACHED, WITHDRAWN,
    RETURNED, PROCESSING_COMPLETE, NOT_ASSIGNED, NOT_ASSIGNEE, ALREADY_REGISTERED, LEAD_REQUIRED, DEADLINE_PAST,
    INSTRUCTION_TOO_LONG, FORWARD_TO_ONE, BLANK, TOO_LONG, DETAILS_MISSING, NUMBER_FORMAT, ISSUED_ON_REQUIRED,
    ISSUED_ON_FUTURE, TYPE_REQUIRED, DUE_BEFORE_ISSUE, PAGE_COUNT_RANGE, BODY_TOO_LONG;

    @Override
    public String feature() {
        return "incoming";
    }
}
