package vn.egov.backbone.core.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A resource that does not exist (or that the caller may not know exists); the API answers 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException implements CodedError {
    private final transient Refusal refusal;

    public NotFound(ErrorCode errorCode, Object... arguments) {
        this(new Refusal(errorCode, arguments));
    }

    private NotFound(Refusal refusal) {
        super(refusal.toString());
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
