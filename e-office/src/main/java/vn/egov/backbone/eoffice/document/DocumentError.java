package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about a document, whichever its direction, is refused. Messages: {@code error.document.*} in the module's bundles. */
public enum DocumentError implements ErrorCode {
    NO_ACTING_UNIT, NO_AGENCY, UNIT_NOT_FOUND, FORWARD_SAME_UNIT, APPROVER_NOT_LEADER, ATTACH_STATE, NOT_INCOMING,
    NOT_OUTGOING, ASSIGNEE_NOT_CLEARED, NOT_FOUND, ATTACHMENT_NOT_FOUND, FILE_MISSING, DRAFTING_NEEDS_ROLE,
    ONLY_DRAFTER_ATTACHES, NOT_ASSIGNED_TO_YOU, CLEARANCE_REQUIRED, LEAD_CHOICE_REQUIRED, LIST_RANGE, DIRECTION_UNKNOWN;

    @Override
    public String feature() {
        return "document";
    }
}
