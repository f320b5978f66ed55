package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A command that the current state does not allow (renaming a dissolved unit, granting a role to a
 * deactivated official, a username already taken). The API answers 409 with the code and its message.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class BusinessRuleViolation extends RuntimeException implements CodedError {
    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public BusinessRuleViolation(ErrorCode errorCode, Object... arguments) {
        super(CodedError.describe(errorCode, arguments));
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    @Override
    public ErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}
