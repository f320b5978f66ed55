package vn.egov.backbone.core.web;

/**
 * What waits for an official in one module (documents to handle or assign, dossiers to receive, ...),
 * counted for a badge of the menu. Each module that gives officials work contributes one.
 */
public interface PendingWork {
    long countFor(String officialId);

    /**
     * The menu item whose badge shows this count: {@code inbox} ("Việc của tôi", the documents' queues) unless
     * the module's work waits on a page of its own ({@code dossiers}: the one-stop desk; {@code meetings}).
     */
    default String menu() {
        return "inbox";
    }
}
