package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A command that the current state does not allow (renaming a dissolved unit, granting a role to a
 * deactivated official, a username already taken). The API answers 409 with the message.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class BusinessRuleViolation extends RuntimeException {
    public BusinessRuleViolation(String message) {
        super(message);
    }
}
