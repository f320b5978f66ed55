package vn.egov.backbone.core.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.ErrorCode;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.shared.RequestError;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every API error is an RFC 9457 Problem Details body with a stable {@code code} (see
 * {@link ErrorCode}) and a {@code detail} in the request's language (Accept-Language, Vietnamese unless
 * English is asked for). Invalid fields are also listed in {@code errors}; rule violations and concurrent
 * updates are 409; nothing the client sends ends in a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorMessages messages;
    private final ProblemResponses problems;

    ApiExceptionHandler(ErrorMessages messages, ProblemResponses problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        if (!(e instanceof CodedError coded)) {
            // A library's refusal of a value: its text is English and technical, so it goes to the log only.
            log.info("Request refused: {}", e.toString());
            return problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_INPUT);
        }
        HttpStatus status = coded.code().endsWith("too-large") ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, coded);
        if (coded.field() != null) {
            problem.setProperty("errors", Map.of(coded.field(), problem.getDetail()));
        }
        return problem;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail ruleViolation(BusinessRuleViolation e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
            AggregateStreamCreationException.class, DuplicateKeyException.class})
    ProblemDetail concurrentUpdate(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, RequestError.CONCURRENT_UPDATE);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, RequestError.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return e instanceof CodedError coded ? problem(HttpStatus.FORBIDDEN, coded)
                : problem(HttpStatus.FORBIDDEN, RequestError.FORBIDDEN);
    }

    /** A multipart body that cannot be parsed (no boundary, cut off, malformed parts). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, RequestError.MALFORMED_MULTIPART);
    }

    /** JSON that Jackson cannot bind to the endpoint's record, e.g. a key given twice. */
    @ExceptionHandler(HttpMessageConversionException.class)
    ProblemDetail unconvertible(HttpMessageConversionException e) {
        log.info("Unconvertible request body: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, RequestError.UNREADABLE_BODY);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_VALUE, e.getName(), e.getValue());
        problem.setProperty("errors", Map.of(e.getName(), problem.getDetail()));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // Bean validation's messages come from the same bundles, in the request's language.
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.put(error.getObjectName(), String.valueOf(error.getDefaultMessage())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_FIELDS);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_FIELDS);
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> errors.put(
                String.valueOf(result.getMethodParameter().getParameterName()),
                result.getResolvableErrors().stream().map(err -> String.valueOf(err.getDefaultMessage()))
                        .reduce((a, b) -> a + "; " + b).orElse("")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestError.MISSING_PARAMETER, e.getParameterName());
        problem.setProperty("errors", Map.of(e.getParameterName(), problem.getDetail()));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestError.UNREADABLE_BODY);
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
            String value = String.valueOf(invalid.getValue());
            if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
                value += " ∉ " + Arrays.toString(invalid.getTargetType().getEnumConstants());
            }
            ProblemDetail invalidValue = problem(HttpStatus.BAD_REQUEST, RequestError.INVALID_VALUE, field, value);
            invalidValue.setProperty("errors", Map.of(field, invalidValue.getDetail()));
            return ResponseEntity.badRequest().body(invalidValue);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The framework's own answers (405, 415, 406, a missing path variable …): they get a code and a
     * message from the bundles by their status, instead of Spring's English text.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ErrorCode code = RequestErrors.forStatus(statusCode.value());
            problem.setType(URI.create(ProblemResponses.TYPE_BASE + code.code()));
            problem.setProperty("code", code.code());
            problem.setDetail(messages.describe(code, RequestErrors.arguments(code, request),
                    LocaleContextHolder.getLocale()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, RequestError.INTERNAL_ERROR);
    }

    private ProblemDetail problem(HttpStatus status, CodedError error) {
        return problem(status, error.errorCode(), error.arguments());
    }

    private ProblemDetail problem(HttpStatus status, ErrorCode code, Object... arguments) {
        return problems.problem(status, code, arguments, LocaleContextHolder.getLocale());
    }
}
