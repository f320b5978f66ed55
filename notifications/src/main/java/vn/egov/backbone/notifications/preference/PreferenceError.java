package vn.egov.backbone.notifications.preference;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a choice of channels is refused. Messages: {@code error.notification-preference.*}. */
public enum PreferenceError implements ErrorCode {
    PHONE_REQUIRED, PHONE_FORMAT;

    @Override
    public String feature() {
        return "notification-preference";
    }
}
