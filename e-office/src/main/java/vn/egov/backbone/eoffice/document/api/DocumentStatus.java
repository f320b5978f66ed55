package vn.egov.backbone.eoffice.document.api;

/** Where a document stands, for lists and filters. */
public enum DocumentStatus {
    // incoming
    REGISTERED, ASSIGNED, COMPLETED, RETURNED_TO_SENDER, WITHDRAWN,
    // outgoing
    DRAFT, IN_REVIEW, AWAITING_APPROVAL, RETURNED, APPROVED, ISSUED, RECALLED
}
