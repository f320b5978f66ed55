package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why signing or verifying a document is refused. Messages: {@code error.signature.*} in the module's bundles. */
public enum SignatureError implements ErrorCode {
    ONLY_OUTGOING, ONLY_PDF, NO_KEY, NO_PRIVATE_KEY, WRONG_PASSWORD, KEY_UNUSABLE, NOT_A_SIGNABLE_PDF,
    NOT_A_READABLE_PDF, ONLY_APPROVER_SIGNS;

    @Override
    public String feature() {
        return "signature";
    }
}
