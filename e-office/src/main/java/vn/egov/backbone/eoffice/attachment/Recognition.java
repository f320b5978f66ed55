package vn.egov.backbone.eoffice.attachment;

/**
 * Where the reading of a scanned attachment's words (OCR) stands, as the document page shows it.
 *
 * @param page  while {@link State#READING}, the page being read (from 1); else 0
 * @param pages while {@link State#READING}, the scan's pages; else 0
 */
public record Recognition(State state, int page, int pages) {
    public enum State {
        /** Waiting for the OCR worker. */
        QUEUED,
        /** Being read, page {@code page} of {@code pages}. */
        READING,
        /** Read: the words are in the attachment's text and in search. */
        DONE,
        /** Could not be read (damaged, too large, too many pages, not within the time allowed). */
        FAILED,
        /** This server has no OCR engine: the scan is kept, its words are not searchable. */
        UNAVAILABLE
    }

    static Recognition of(State state) {
        return new Recognition(state, 0, 0);
    }
}
