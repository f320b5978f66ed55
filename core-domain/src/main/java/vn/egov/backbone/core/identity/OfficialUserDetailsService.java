package vn.egov.backbone.core.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.OfficialView;

import java.time.Clock;
import java.util.Optional;

/** Loads officials for form login and HTTP Basic: the credential row plus the official's status. */
@Service
public class OfficialUserDetailsService implements UserDetailsService {
    private final CredentialStore credentials;
    private final OfficialQueries officials;
    private final Clock clock;

    public OfficialUserDetailsService(CredentialStore credentials, OfficialQueries officials, Clock clock) {
        this.credentials = credentials;
        this.officials = officials;
        this.clock = clock;
    }

    @Override
    public OfficialPrincipal loadUserByUsername(String username) {
        CredentialStore.Credential credential = credentials.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such official"));
        return principal(credential, officials.find(credential.officialId()));
    }

    private OfficialPrincipal principal(CredentialStore.Credential credential, Optional<OfficialView> official) {
        // The credential is written with the registering event; the read model follows within
        // milliseconds. Until it does, the account counts as active.
        boolean active = official.map(o -> o.status() == OfficialStatus.ACTIVE).orElse(true);
        return new OfficialPrincipal(credential.officialId(), credential.username(),
                official.map(OfficialView::fullName).orElse(credential.username()),
                official.map(OfficialView::unitId).orElse(null), credential.passwordHash(), active,
                credential.changedAt(), officials.roles(credential.officialId()).stream()
                .anyMatch(r -> r.role() == Role.ADMINISTRATOR && r.unitId() == null && r.validAt(clock.instant())));
    }

    public Optional<OfficialPrincipal> loadByOfficialId(String officialId) {
        Optional<OfficialView> official = officials.find(officialId);
        return official.flatMap(o -> credentials.findByUsername(o.username())).map(c -> principal(c, official));
    }
}
