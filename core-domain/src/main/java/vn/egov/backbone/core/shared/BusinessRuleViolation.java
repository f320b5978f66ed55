package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A command that the current state does not allow (renaming a dissolved unit, granting a role to a
 * deactivated official, a username already taken). The API answers 409 with the code and its message.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class BusinessRuleViolation extends RuntimeException implements CodedError {
    private final transient Refusal refusal;

    public BusinessRuleViolation(ErrorCode errorCode, Object... arguments) {
        this(new Refusal(errorCode, arguments));
    }

    private BusinessRuleViolation(Refusal refusal) {
        super(refusal.toString());
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
