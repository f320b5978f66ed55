package vn.egov.backbone.core.web;

import vn.egov.backbone.core.shared.RequestError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * A multipart request is parsed here, before anything else reads it, so that a body without a boundary,
 * cut off or otherwise malformed is answered 400 (and one over the size limit 413) with one short log
 * line, on every path and for anonymous callers too, instead of failing later in whichever filter or
 * controller touched a parameter first (500 with a stack trace each time).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MultipartCheckFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(MultipartCheckFilter.class);
    private final ProblemResponses problems;

    MultipartCheckFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            try {
                if (!contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
                    throw new IllegalStateException("no boundary");
                }
                request.getParts();
            } catch (IOException | ServletException | RuntimeException e) {
                boolean tooLarge = String.valueOf(e.getMessage()).contains("SizeLimitExceeded")
                        || (e.getCause() != null && String.valueOf(e.getCause().getClass().getName()).contains("SizeLimitExceeded"));
                log.info("Multipart request to {} refused: {}", request.getRequestURI(), e.getMessage());
                refuse(request, response, tooLarge);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean tooLarge) throws IOException {
        problems.write(request, response, tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                tooLarge ? RequestError.TOO_LARGE : RequestError.MALFORMED_MULTIPART);
    }
}
