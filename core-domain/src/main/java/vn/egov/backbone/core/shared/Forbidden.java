package vn.egov.backbone.core.shared;

import org.springframework.security.access.AccessDeniedException;

/** A request the caller's roles do not allow; the API answers 403 (Spring Security's own type, so that
 * its handling applies unchanged). */
public class Forbidden extends AccessDeniedException implements CodedError {
    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public Forbidden(ErrorCode errorCode, Object... arguments) {
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
