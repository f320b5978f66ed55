package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A value of the request that can never be accepted, whatever the state (a blank name, a date in the
 * past, a number out of range). The API answers 400 and names the field in {@code errors}.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInput extends IllegalArgumentException implements CodedError {
    private final String field;
    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public InvalidInput(String field, ErrorCode errorCode, Object... arguments) {
        super((field == null ? "" : field + ": ") + CodedError.describe(errorCode, arguments));
        this.field = field;
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

    @Override
    public String field() {
        return field;
    }
}
