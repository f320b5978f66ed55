package vn.egov.backbone.core.identity;

/** Where officials' passwords are kept; the command handlers of the Official aggregate write through it. */
public interface PasswordRegistry {
    /** @throws vn.egov.backbone.core.shared.BusinessRuleViolation if the username is taken */
    void register(String officialId, String username, String rawPassword);

    void changePassword(String officialId, String rawPassword);
}
