package vn.egov.backbone.core.shared;

/**
 * A command that the current state does not allow (renaming a dissolved unit, granting a role to a
 * deactivated official, a username already taken). The API answers 409 with the message.
 */
public class BusinessRuleViolation extends RuntimeException {
    public BusinessRuleViolation(String message) {
        super(message);
    }
}
