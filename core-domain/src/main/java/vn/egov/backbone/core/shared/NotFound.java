package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A resource that does not exist (or that the caller may not know exists); the API answers 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException implements CodedError {
    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public NotFound(ErrorCode errorCode, Object... arguments) {
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
