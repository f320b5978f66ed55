package vn.egov.backbone.meetings.conference;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;

/**
 * Errors of prosody's callbacks as Problem Details that also carry {@code message}, the field
 * mod_reservations passes on to the user. A refused reservation is 403: the room may not open now.
 */
@RestControllerAdvice(assignableTypes = {ReservationController.class, EventSyncController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class JitsiCallbackErrors {

    @ExceptionHandler(CallbackSecret.Refused.class)
    ProblemDetail refused(CallbackSecret.Refused e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail unknown(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail notNow(BusinessRuleViolation e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class})
    ProblemDetail malformed(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "The body is not the JSON event_sync sends");
    }

    private static ProblemDetail problem(HttpStatus status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("message", message);
        return problem;
    }
}
