package vn.egov.backbone.core.identity;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * The signed-in official. Roles are not cached here: they are per unit and are read at each check
 * by {@link Authorizer}, so that a revoked right takes effect at once.
 */
public final class OfficialPrincipal implements UserDetails, CredentialsContainer {
    private final String officialId;
    private final String username;
    private final String fullName;
    private final String unitId;
    private String passwordHash;
    private final boolean enabled;
    private final java.time.Instant credentialChangedAt;
    private final boolean systemAdministrator;

    /**
     * @param credentialChangedAt when the password was last set: a web session signed in with an older
     *                            password ends when it no longer matches the credential's
     */
    public OfficialPrincipal(String officialId, String username, String fullName, String unitId, String passwordHash,
                             boolean enabled, java.time.Instant credentialChangedAt,
                             boolean systemAdministrator) {
        this.systemAdministrator = systemAdministrator;
        this.credentialChangedAt = credentialChangedAt;
        this.officialId = officialId;
        this.username = username;
        this.fullName = fullName;
        this.unitId = unitId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public String officialId() {
        return officialId;
    }

    public String fullName() {
        return fullName;
    }

    /** The official's own unit, the default acting unit. */
    public String unitId() {
        return unitId;
    }

    public java.time.Instant credentialChangedAt() {
        return credentialChangedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // ROLE_SYSTEM_ADMINISTRATOR only opens the health details (management.endpoint.health.roles);
        // every decision in Backbone itself reads the roles afresh through Authorizer.
        return systemAdministrator
                ? List.of(new SimpleGrantedAuthority("ROLE_OFFICIAL"), new SimpleGrantedAuthority("ROLE_SYSTEM_ADMINISTRATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_OFFICIAL"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Accounts are never locked: repeated wrong passwords slow the address that sends them ({@code LoginThrottle}). */
    @Override
    public boolean isAccountNonLocked() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
