package vn.egov.backbone.notifications.template;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a template is refused. Messages: {@code error.notification-template.*} in the module's bundles. */
public enum TemplateError implements ErrorCode {
    SUBJECT_REQUIRED, BODY_REQUIRED, SHORT_TEXT_REQUIRED, TOO_LONG, UNKNOWN_VARIABLE, SHORT_TEXT_ONE_LINE, KIND_UNKNOWN;

    @Override
    public String feature() {
        return "notification-template";
    }
}
