package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why an edXML exchange request is refused. Messages: {@code error.exchange.*} in the module's bundles. */
public enum ExchangeError implements ErrorCode {
    ONLY_ISSUED, CLASSIFIED, UNKNOWN_STATUS, RECIPIENT_REQUIRED, NO_RECEIVED_DOCUMENT, NO_ISSUED_DOCUMENT,
    MESSAGE_NOT_FOUND, PACKAGE_BYTES_MISSING, REFUSED_ADMIN_ONLY, PACKAGE_TOO_LARGE, INVALID_PACKAGE, LOG_READERS_ONLY,
    PERIOD_REVERSED;

    @Override
    public String feature() {
        return "exchange";
    }
}
