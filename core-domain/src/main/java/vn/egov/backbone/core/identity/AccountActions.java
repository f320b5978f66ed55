package vn.egov.backbone.core.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangePassword;
import vn.egov.backbone.core.official.api.OfficialCommands.IssueApiToken;
import vn.egov.backbone.core.official.api.OfficialCommands.RevokeApiToken;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in official's own account, for the API ({@code /api/v1/me}) and the account page alike: only the
 * official themself changes their password, and only by giving the current one (a session left open at a desk
 * is not enough to take the account over); and their personal API tokens, issued to and revoked by themself only.
 */
@Service
public class AccountActions {
    private final Commands commands;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountActions(Commands commands, CredentialStore credentials, PasswordEncoder encoder, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A token as issued: the token itself is in this answer only; only its hash is kept. */
    public record IssuedToken(String id, String name, String token, Instant expiresAt) {
    }

    /** A personal API token for the signed-in official, valid for {@code validDays} (90 when not given). */
    public IssuedToken issueToken(String name, Integer validDays) {
        OfficialPrincipal principal = Authorizer.currentPrincipal();
        String token = ApiTokenStore.newToken();
        String id = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(Duration.ofDays(validDays == null ? 90 : validDays));
        commands.send(new IssueApiToken(principal.officialId(), id, name, ApiTokenStore.hash(token), expiresAt));
        return new IssuedToken(id, name, token, expiresAt);
    }

    /** Revokes one of the signed-in official's own tokens (the aggregate knows only its own). */
    public void revokeToken(String tokenId) {
        commands.send(new RevokeApiToken(Authorizer.currentPrincipal().officialId(), tokenId));
    }

    public void changePassword(String currentPassword, String newPassword) {
        OfficialPrincipal principal = Authorizer.currentPrincipal();
        String hash = credentials.findByUsername(principal.getUsername()).orElseThrow().passwordHash();
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new BusinessRuleViolation(IdentityError.CURRENT_PASSWORD_WRONG);
        }
        commands.send(new ChangePassword(principal.officialId(), newPassword));
    }
}
