package vn.egov.backbone.onestop.citizen;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.egov.backbone.onestop.settings.OneStopProperties;

import java.util.Optional;

/**
 * A citizen as the national identity provider vouched for them in a checked ID token.
 *
 * @param issuer the provider's address (recorded on what they submit; the provider's own id of the person is not)
 */
public record SignedInCitizen(String idNumber, String name, String issuer) {

    /** The citizen of this request, if a citizen signed in and the token carried a well-formed identity number. */
    public static Optional<SignedInCitizen> current(OneStopProperties.Citizens claims) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        return of(user, claims);
    }

    static Optional<SignedInCitizen> of(OidcUser user, OneStopProperties.Citizens claims) {
        String idNumber = user.getIdToken().getClaimAsString(claims.idNumberClaim());
        String name = user.getIdToken().getClaimAsString(claims.nameClaim());
        if (idNumber == null || !idNumber.matches("\\d{12}") || name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SignedInCitizen(idNumber, name.strip(), String.valueOf(user.getIdToken().getIssuer())));
    }
}
