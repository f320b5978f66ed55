package vn.egov.backbone.core.web;

import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.core.shared.RequestError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Refuses JSON bodies above a limit with 413 before anything parses them. A body that declares its length is
 * judged by it; one sent in chunks (HTTP/1.1's {@code Transfer-Encoding: chunked}, no {@code Content-Length}) is
 * read here up to one byte past the limit and handed on from memory — Tomcat sets no limit on such a body, and
 * judged by its missing length it reached Jackson whole, however large. Uploads (multipart) have their own limit
 * ({@code spring.servlet.multipart.max-file-size}), counted by the multipart parser as it reads.
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
        if (!isJson) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxJsonBytes) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, RequestError.TOO_LARGE);
            return;
        }
        if (request.getContentLengthLong() >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
        if (body.length > maxJsonBytes) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, RequestError.TOO_LARGE);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
