package vn.egov.backbone.core.identity;

import vn.egov.backbone.core.shared.Forbidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.egov.backbone.core.eventing.ActingContext;
import vn.egov.backbone.core.eventing.ActingContextResolver;

/**
 * The acting official is the signed-in one; the acting unit is their own unit unless the request
 * names another in the {@code X-Acting-Unit} header, which they must hold a role in. Outside a
 * request and without a signed-in official, the system acts.
 */
@Component
public class SecurityActingContextResolver implements ActingContextResolver {
    public static final String ACTING_UNIT_HEADER = "X-Acting-Unit";

    private final Authorizer authorizer;

    public SecurityActingContextResolver(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public ActingContext current() {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        String clientAddress = request == null ? null : request.getRemoteAddr();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OfficialPrincipal principal)) {
            ActingContext system = ActingContext.system();
            return new ActingContext(system.officialId(), system.username(), null, clientAddress);
        }
        String unitId = principal.unitId();
        String requested = request == null ? null : request.getHeader(ACTING_UNIT_HEADER);
        if (requested != null && !requested.isBlank()) {
            if (!authorizer.mayActFor(principal.officialId(), requested.strip())) {
                throw new Forbidden(IdentityError.NO_ROLE_IN_ACTING_UNIT, ACTING_UNIT_HEADER);
            }
            unitId = requested.strip();
        }
        return new ActingContext(principal.officialId(), principal.getUsername(), unitId, clientAddress);
    }
}
