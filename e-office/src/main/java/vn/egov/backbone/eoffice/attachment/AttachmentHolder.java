package vn.egov.backbone.eoffice.attachment;

/**
 * Something that may still need a stored file: the documents of e-office, the meetings. Files are
 * content-addressed, so one file can serve a destroyed document and a living meeting at once; it is
 * deleted only when no holder still holds it ({@link AttachmentStore#forgetUnlessHeld}).
 */
public interface AttachmentHolder {
    boolean holds(String sha256);
}
