package vn.egov.backbone.eoffice.attachment;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why an uploaded file is refused. Messages: {@code error.attachment.*} in the module's bundles. */
public enum AttachmentError implements ErrorCode {
    EMPTY, TYPE, COMPRESSION_BOMB, DAMAGED, TOO_LARGE, FILE_MISSING;

    @Override
    public String feature() {
        return "attachment";
    }
}
