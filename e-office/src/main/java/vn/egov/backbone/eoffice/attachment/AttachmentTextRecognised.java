package vn.egov.backbone.eoffice.attachment;

/**
 * The words of a stored scan were read (OCR), after the documents holding it were indexed: the search
 * index takes the text of every record with this file. Published in the application, not stored: the
 * text is derived from the file, and an index rebuilt from the events reads it from the store.
 */
public record AttachmentTextRecognised(String sha256) {
}
