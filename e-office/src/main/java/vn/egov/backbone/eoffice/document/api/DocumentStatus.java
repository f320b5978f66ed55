package vn.egov.backbone.eoffice.document.api;

/** Where a document stands, for lists and filters. */
public enum DocumentStatus {
    // incoming
    REGISTERED, ASSIGNED, COMPLETED, RETURNED_TO_SENDER, WITHDRAWN,
    // outgoing
    DRAFT, IN_REVIEW, AWAITING_APPROVAL, RETURNED, APPROVED, ISSUED, RECALLED,
    // either, with its work file after the retention period: only the register entry is left
    DESTROYED
}
