package vn.egov.backbone.ops.web;

import vn.egov.backbone.meetings.conference.JitsiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Headers that tell the browser what a Backbone page may do, on every response (pages, API, errors):
 * a Content-Security-Policy whose scripts are the application's own files and the inline scripts that
 * carry this response's nonce ({@code cspNonce}, set on the request for the templates: {@code th:nonce}),
 * no inline event handlers; the Jitsi server's script and frames only when Jitsi is configured; no
 * plugins, no framing by other sites; a Referrer-Policy that sends no path (document ids) to other
 * sites; a Permissions-Policy that gives camera and microphone to Backbone's own pages and the Jitsi
 * frame only. Inline styles stay allowed: they cannot run code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeadersFilter extends OncePerRequestFilter {
    public static final String NONCE_ATTRIBUTE = "cspNonce";
    private final SecureRandom random = new SecureRandom();
    private final String jitsiOrigin;

    SecurityHeadersFilter(JitsiProperties jitsi) {
        this.jitsiOrigin = origin(jitsi.baseUrl());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        String jitsi = jitsiOrigin.isEmpty() ? "" : " " + jitsiOrigin;
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'" + jitsi
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'" + jitsi
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(self" + (jitsi.isEmpty() ? "" : " \"" + jitsiOrigin + "\"")
                + "), microphone=(self" + (jitsi.isEmpty() ? "" : " \"" + jitsiOrigin + "\"")
                + "), geolocation=(), payment=(), usb=(), interest-cohort=()");
        chain.doFilter(request, response);
    }

    private static String origin(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(baseUrl.strip());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
