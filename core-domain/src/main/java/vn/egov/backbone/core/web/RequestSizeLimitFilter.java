package vn.egov.backbone.core.web;

import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.core.shared.RequestError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses JSON bodies above a limit with 413 before anything reads them. Uploads (multipart) have
 * their own limit ({@code spring.servlet.multipart.max-file-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxJsonBytes;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(CoreProperties settings, ProblemResponses problems) {
        this.maxJsonBytes = settings.api().maxJsonSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean isJson = contentType != null && contentType.toLowerCase().contains("json");
        if (isJson && request.getContentLengthLong() > maxJsonBytes) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, RequestError.TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
