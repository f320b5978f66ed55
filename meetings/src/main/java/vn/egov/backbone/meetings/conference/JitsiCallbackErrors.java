package vn.egov.backbone.meetings.conference;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Locale;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.RequestError;
import vn.egov.backbone.core.shared.NotFound;

/**
 * Errors of prosody's callbacks as Problem Details that also carry {@code message}, the field
 * mod_reservations passes on to the user. A refused reservation is 403: the room may not open now.
 */
@RestControllerAdvice(assignableTypes = {ReservationController.class, EventSyncController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class JitsiCallbackErrors {
    private final ErrorMessages messages;

    JitsiCallbackErrors(ErrorMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CallbackSecret.Refused.class)
    ProblemDetail refused(CallbackSecret.Refused e) {
        // Read by the operator of prosody, who configured the secret; not shown to a participant.
        return problem(HttpStatus.UNAUTHORIZED, RequestError.UNAUTHENTICATED.code(), e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail unknown(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail notNow(BusinessRuleViolation e) {
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail malformed(IllegalArgumentException e) {
        return e instanceof CodedError coded ? problem(HttpStatus.BAD_REQUEST, coded)
                : problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_INPUT.code(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, RequestError.MISSING_PARAMETER.code(),
                messages.describe(RequestError.MISSING_PARAMETER, new Object[]{e.getParameterName()}, Locale.ENGLISH));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, RequestError.UNREADABLE_BODY.code(), "The body is not the JSON event_sync sends");
    }

    /** The participant may read {@code message} in the meeting's page, so it is in the page's language. */
    private ProblemDetail problem(HttpStatus status, CodedError error) {
        return problem(status, error.code(), messages.describe(error));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("message", message);
        problem.setProperty("code", code);
        return problem;
    }
}
