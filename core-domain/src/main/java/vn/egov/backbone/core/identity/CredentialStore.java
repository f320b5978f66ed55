package vn.egov.backbone.core.identity;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Passwords (BCrypt hashes), kept out of the event stream on purpose: events are
 * published to other systems and kept forever, secrets are not. The row is written in the same
 * transaction as the event that registers the official, and its unique username is what keeps two
 * officials from claiming one name.
 */
@Component
public class CredentialStore implements PasswordRegistry {
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public CredentialStore(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** {@code changedAt}: when the password was last set. */
    public record Credential(String officialId, String username, String passwordHash, Instant changedAt) {
    }

    public static String normaliseUsername(String username) {
        if (username == null || !username.strip().toLowerCase(Locale.ROOT).matches("[a-z0-9._-]{3,64}")) {
            throw new InvalidInput("username", IdentityError.USERNAME_FORMAT);
        }
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkPasswordPolicy(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", IdentityError.PASSWORD_TOO_SHORT, MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 72) {
            throw new InvalidInput("password", IdentityError.PASSWORD_TOO_LONG, 72); // BCrypt's limit
        }
    }

    @Override
    public void register(String officialId, String username, String rawPassword) {
        checkPasswordPolicy(rawPassword);
        try {
            jdbc.sql("INSERT INTO official_credential (official_id, username, password_hash, failed_attempts, changed_at)"
                            + " VALUES (:id, :username, :hash, 0, :now)")
                    .param("id", officialId).param("username", username)
                    .param("hash", encoder.encode(rawPassword)).param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(IdentityError.USERNAME_TAKEN, username);
        }
    }

    @Override
    public void changePassword(String officialId, String rawPassword) {
        checkPasswordPolicy(rawPassword);
        jdbc.sql("UPDATE official_credential SET password_hash = :hash, changed_at = :now WHERE official_id = :id")
                .param("hash", encoder.encode(rawPassword)).param("now", Timestamp.from(clock.instant()))
                .param("id", officialId).update();
    }

    public Optional<Credential> findByUsername(String username) {
        return jdbc.sql("SELECT official_id, username, password_hash, changed_at"
                        + " FROM official_credential WHERE username = :username")
                .param("username", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .query((rs, i) -> new Credential(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }
}
