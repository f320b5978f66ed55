package vn.egov.backbone.core.security;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Authenticates {@code Authorization: Bearer bb_...} with an official's personal API token.
 *
 * <p>A script or peer system sends its token with every request, often many a second. A token found
 * valid, with its official found active and unlocked, is taken as such for one second (the token,
 * the official and the credential are three queries). A revocation on this node is seen by the next
 * request; one made on another node, like a deactivation, within a second. Roles are
 * still read at each request ({@code Authorizer}).
 */
class BearerTokenFilter extends OncePerRequestFilter {
    private static final String PREFIX = "Bearer ";
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REMEMBERED = 10_000;

    private record Checked(OfficialPrincipal principal, long atNanos, long revocations) {
    }

    /** By the token's SHA-256, never the token itself. */
    private final Map<String, Checked> recent = new ConcurrentHashMap<>();

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
        Optional<OfficialPrincipal> principal = principal(header.substring(PREFIX.length()).strip());
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthenticated.commence(request, response, new BadCredentialsException("Invalid, expired or revoked token"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    private Optional<OfficialPrincipal> principal(String token) {
        String key = ApiTokenStore.hash(token);
        long now = System.nanoTime();
        long revocations = tokens.revocations();
        Checked checked = recent.get(key);
        if (checked != null && now - checked.atNanos() < RECHECK_NANOS && checked.revocations() == revocations) {
            return Optional.of(checked.principal());
        }
        Optional<OfficialPrincipal> principal = tokens.authenticate(token)
                .flatMap(officials::loadByOfficialId)
                .filter(OfficialPrincipal::isEnabled);
        if (principal.isPresent()) {
            principal.get().eraseCredentials();
            if (recent.size() >= MAX_REMEMBERED) {
                recent.clear();
            }
            recent.put(key, new Checked(principal.get(), now, revocations));
        } else {
            recent.remove(key);
        }
        return principal;
    }
}
