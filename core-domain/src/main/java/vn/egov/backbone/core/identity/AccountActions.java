package vn.egov.backbone.core.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangePassword;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;

/**
 * The signed-in official's own account, for the API ({@code /api/v1/me}) and the account page alike: only the
 * official themself changes their password, and only by giving the current one (a session left open at a desk
 * is not enough to take the account over).
 */
@Service
public class AccountActions {
    private final Commands commands;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;

    AccountActions(Commands commands, CredentialStore credentials, PasswordEncoder encoder) {
        this.commands = commands;
        this.credentials = credentials;
        this.encoder = encoder;
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
