package vn.egov.backbone.eoffice.outgoing;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about an outgoing document is refused. Messages: {@code error.outgoing.*} in the module's bundles. */
public enum OutgoingError implements ErrorCode {
    ONLY_DRAFTER_REVISES, ONLY_DRAFTER_SUBMITS, NOT_AWAITING_REVIEW, NOT_THE_REVIEWER, FILE_ALREADY_ATTACHED,
    STATUS_ONLY_FOR_ISSUED, SIGN_ONLY_APPROVED, FILE_NOT_ATTACHED, ONLY_APPROVER_SIGNS, AGENCY_SIGNS_AFTER_SIGNER,
    ISSUE_ONLY_APPROVED, ALREADY_RECALLED, RECALL_ONLY_ISSUED, DRAFT_LOCKED, NOT_AWAITING_APPROVAL, NOT_THE_APPROVER,
    APPROVER_REQUIRED, RETURN_COMMENT_REQUIRED, CONTENT_MISSING, TYPE_REQUIRED, SUBJECT_BLANK, SUBJECT_TOO_LONG,
    BODY_TOO_LONG, RECIPIENT_TOO_LONG, RECALL_REASON_REQUIRED, NOT_FOUND, NOT_A_DRAFT;

    @Override
    public String feature() {
        return "outgoing";
    }
}
