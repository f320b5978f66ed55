package vn.egov.backbone.core.official;

import vn.egov.backbone.core.official.api.Role;

import java.util.List;

final class OfficialRules {
    private OfficialRules() {
    }

    static String requireFullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("fullName: must not be blank");
        }
        if (fullName.strip().length() > 200) {
            throw new IllegalArgumentException("fullName: at most 200 characters");
        }
        return fullName.strip();
    }

    static String optionalEmail(String email) {
        String value = optional(email);
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("email: not an e-mail address");
        }
        return value;
    }

    static String optional(String text) {
        return vn.egov.backbone.core.shared.Text.blankToNull(text);
    }

    static void requireRole(Role role) {
        if (role == null) {
            throw new IllegalArgumentException("role: must be one of " + List.of(Role.values()));
        }
    }
}
