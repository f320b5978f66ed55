package vn.egov.backbone.notifications.outbox;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a channel's delivery receipt is refused. Messages: {@code error.delivery-receipt.*}. */
enum ReceiptError implements ErrorCode {
    NOT_CONFIGURED, SIGNATURE_INVALID, UNREADABLE;

    @Override
    public String feature() {
        return "delivery-receipt";
    }
}
