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
    private final transient Refusal refusal;

    public InvalidInput(String field, ErrorCode errorCode, Object... arguments) {
        this(field, new Refusal(errorCode, arguments));
    }

    private InvalidInput(String field, Refusal refusal) {
        super(field == null ? refusal.toString() : field + ": " + refusal);
        this.field = field;
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }

    @Override
    public String field() {
        return field;
    }
}
