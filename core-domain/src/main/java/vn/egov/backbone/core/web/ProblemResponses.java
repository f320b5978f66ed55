package vn.egov.backbone.core.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.ErrorCode;
import vn.egov.backbone.core.shared.ErrorMessages;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Problem Details written outside the controllers — by a filter, a security entry point, the error page
 * controller — with the same {@code type}, {@code code} and language as {@link ApiExceptionHandler}'s.
 */
@Component
public class ProblemResponses {
    static final String TYPE_BASE = "https://backbone.egov.vn/problems/";

    private final ObjectMapper json;
    private final ErrorMessages messages;
    private final LocaleResolver locales;

    ProblemResponses(ObjectMapper json, ErrorMessages messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, CodedError error)
            throws IOException {
        write(request, response, status, error.errorCode(), error.arguments());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ErrorCode code,
                      Object... arguments) throws IOException {
        ProblemDetail problem = problem(status, code, arguments, locales.resolveLocale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The body for a refusal: its {@code type} and {@code code} from the code, {@code detail} in that language. */
    public ProblemDetail problem(HttpStatus status, ErrorCode code, Object[] arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.describe(code, arguments, locale));
        problem.setType(URI.create(TYPE_BASE + code.code()));
        problem.setProperty("code", code.code());
        return problem;
    }
}
