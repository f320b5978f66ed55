package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about an official is refused. Messages: {@code error.official.*} in the module's bundles. */
public enum OfficialError implements ErrorCode {
    NOT_FOUND, ROLE_NOT_HELD, ALREADY_IN_UNIT, ALREADY_ACTIVE, DEACTIVATED, VALID_UNTIL_PAST, CLEARANCE_REQUIRED,
    TOKEN_NAME_LENGTH, FULL_NAME_BLANK, FULL_NAME_TOO_LONG, EMAIL_INVALID, ROLE_REQUIRED, ROLE_NAME_MISSING,
    NOT_ONESELF, OUTSIDE_SCOPE, CLEARANCE_ABOVE_OWN, TOKEN_NOT_FOUND, TEXT_TOO_LONG;

    @Override
    public String feature() {
        return "official";
    }
}
