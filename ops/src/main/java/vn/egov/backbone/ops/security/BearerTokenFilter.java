package vn.egov.backbone.ops.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.egov.backbone.core.identity.ApiTokenStore;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.identity.OfficialUserDetailsService;

import java.io.IOException;
import java.util.Optional;

/** Authenticates {@code Authorization: Bearer bb_...} with an official's personal API token. */
class BearerTokenFilter extends OncePerRequestFilter {
    private static final String PREFIX = "Bearer ";

    private final ApiTokenStore tokens;
    private final OfficialUserDetailsService officials;
    private final AuthenticationEntryPoint unauthenticated;

    BearerTokenFilter(ApiTokenStore tokens, OfficialUserDetailsService officials, AuthenticationEntryPoint unauthenticated) {
        this.tokens = tokens;
        this.officials = officials;
        this.unauthenticated = unauthenticated;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<OfficialPrincipal> principal = tokens.authenticate(header.substring(PREFIX.length()).strip())
                .flatMap(officials::loadByOfficialId)
                .filter(p -> p.isEnabled() && p.isAccountNonLocked());
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthenticated.commence(request, response, new BadCredentialsException("Invalid, expired or revoked token"));
            return;
        }
        principal.get().eraseCredentials();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
