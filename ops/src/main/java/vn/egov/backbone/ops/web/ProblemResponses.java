package vn.egov.backbone.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Problem Details written by a filter, before any controller (and so before {@link ApiExceptionHandler})
 * is reached: the same {@code type} and {@code code} as the handler's answers.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + code));
        problem.setProperty("code", code);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
