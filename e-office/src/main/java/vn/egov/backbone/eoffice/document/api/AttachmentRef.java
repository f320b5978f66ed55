package vn.egov.backbone.eoffice.document.api;

/** A file attached to a document; the content is stored once under its SHA-256. */
public record AttachmentRef(String attachmentId, String fileName, String contentType, long size, String sha256) {
}
