package vn.egov.backbone.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.identity.OfficialUserDetailsService;

import java.io.IOException;
import java.util.Objects;

/**
 * Ends a web session whose official was deactivated or whose password was set anew since the session
 * signed in (a reset by an administrator is meant to shut out whoever knew the old one). Checked on
 * each request from the credential and the read model in the database, so it holds on every node at
 * once; the request then continues as anonymous and is sent to the sign-in page.
 */
final class SessionValidityFilter extends OncePerRequestFilter {
    private final OfficialUserDetailsService officials;

    SessionValidityFilter(OfficialUserDetailsService officials) {
        this.officials = officials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof OfficialPrincipal signedIn
                && !stillValid(signedIn)) {
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(OfficialPrincipal signedIn) {
        return officials.loadByOfficialId(signedIn.officialId())
                .filter(OfficialPrincipal::isEnabled)
                .filter(current -> Objects.equals(current.credentialChangedAt(), signedIn.credentialChangedAt()))
                .isPresent();
    }
}
