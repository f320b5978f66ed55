package vn.egov.backbone.ops.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.multipart.MultipartException;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.NotFound;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every API error is an RFC 9457 Problem Details body. Validation errors carry a message per field
 * ({@code errors}); rule violations and concurrent updates are 409; nothing the client sends ends in
 * a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String TYPE_BASE = "https://backbone.egov.vn/problems/";

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage());
        if (e instanceof CodedError coded) {
            problem.setProperty("code", coded.code());
            if (coded.code().endsWith("too-large")) {
                problem.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
            }
        }
        // Domain checks say "field: message"; surface them like bean validation errors.
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(':');
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z.]+")) {
            problem.setProperty("errors", Map.of(message.substring(0, colon), message.substring(colon + 1).strip()));
        }
        return problem;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail ruleViolation(BusinessRuleViolation e) {
        return problem(HttpStatus.CONFLICT, "rule-violation", e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
            AggregateStreamCreationException.class, DuplicateKeyException.class})
    ProblemDetail concurrentUpdate(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update",
                "Someone else changed this at the same moment; reload it and try again");
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    /** A multipart body that cannot be parsed (no boundary, cut off, malformed parts). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Không đọc được nội dung gửi lên (multipart hỏng)");
    }

    /** JSON that Jackson cannot bind to the endpoint's record, e.g. a key given twice. */
    @ExceptionHandler(HttpMessageConversionException.class)
    ProblemDetail unconvertible(HttpMessageConversionException e) {
        log.info("Unconvertible request body: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body is not valid JSON for this endpoint");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "Parameter '" + e.getName() + "' has an invalid value");
        problem.setProperty("errors", Map.of(e.getName(), "invalid value '" + e.getValue() + "'"));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.put(error.getObjectName(), String.valueOf(error.getDefaultMessage())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid values");
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> errors.put(
                String.valueOf(result.getMethodParameter().getParameterName()),
                result.getResolvableErrors().stream().map(err -> String.valueOf(err.getDefaultMessage()))
                        .reduce((a, b) -> a + "; " + b).orElse("invalid")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", detail);
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) : "";
            problem.setDetail("Field '" + field + "' has an invalid value '" + invalid.getValue() + "'" + allowed);
            problem.setProperty("errors", Map.of(field, "invalid value" + allowed));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (URI.create("about:blank").equals(problem.getType())) {
                problem.setType(URI.create(TYPE_BASE + statusCode.value()));
            }
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                String type = problem.getType().toString();
                problem.setProperty("code", type.substring(type.lastIndexOf('/') + 1));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "An unexpected error occurred; it has been logged");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setProperty("code", type);
        return problem;
    }
}
