package vn.egov.backbone.core.web;

/**
 * What waits for an official in one module (documents to handle or assign, dossiers to receive, ...),
 * counted for the menu's "Việc của tôi" badge. Each module that gives officials work contributes one.
 */
public interface PendingWork {
    long countFor(String officialId);
}
