package vn.egov.backbone.ops.web;

import vn.egov.backbone.ops.settings.OpsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;

    RequestSizeLimitFilter(OpsProperties settings, ObjectMapper json) {
        this.maxJsonBytes = settings.api().maxJsonSize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean isJson = contentType != null && contentType.toLowerCase().contains("json");
        if (isJson && request.getContentLengthLong() > maxJsonBytes) {
            ProblemResponses.write(request, response, json, HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                    "The request body is larger than " + maxJsonBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
