package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.official.api.Role;

import java.util.List;

final class OfficialRules {
    private OfficialRules() {
    }

    static String requireFullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new InvalidInput("fullName", OfficialError.FULL_NAME_BLANK);
        }
        if (fullName.strip().length() > 200) {
            throw new InvalidInput("fullName", OfficialError.FULL_NAME_TOO_LONG, 200);
        }
        return fullName.strip();
    }

    static String optionalEmail(String email) {
        String value = optional(email);
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInput("email", OfficialError.EMAIL_INVALID);
        }
        return value;
    }

    static String optional(String text) {
        return vn.egov.backbone.core.shared.Text.blankToNull(text);
    }

    static void requireRole(Role role) {
        if (role == null) {
            throw new InvalidInput("role", OfficialError.ROLE_REQUIRED, List.of(Role.values()));
        }
    }
}
