package vn.egov.backbone.core.identity;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a sign-in or an identity request is refused, and what a role check demands. Messages: {@code error.identity.*} in the module's bundles. */
public enum IdentityError implements ErrorCode {
    USERNAME_TAKEN, USERNAME_FORMAT, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, CURRENT_PASSWORD_WRONG, SIGN_IN_FIRST,
    ROLE_REQUIRED_SYSTEM_WIDE, ROLE_REQUIRED_IN_UNIT, NO_ROLE_IN_ACTING_UNIT, PASSWORDS_DIFFER;

    @Override
    public String feature() {
        return "identity";
    }
}
