package vn.egov.backbone.core.identity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Passwords (BCrypt hashes) and login lockout, kept out of the event stream on purpose: events are
 * published to other systems and kept forever, secrets are not. The row is written in the same
 * transaction as the event that registers the official, and its unique username is what keeps two
 * officials from claiming one name.
 */
@Component
public class CredentialStore implements PasswordRegistry {
    public static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public CredentialStore(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    public record Credential(String officialId, String username, String passwordHash, int failedAttempts,
                             Instant lockedUntil) {
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public static String normaliseUsername(String username) {
        if (username == null || !username.strip().toLowerCase(Locale.ROOT).matches("[a-z0-9._-]{3,64}")) {
            throw new IllegalArgumentException("username: 3 to 64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkPasswordPolicy(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 72) {
            throw new IllegalArgumentException("password: at most 72 characters"); // BCrypt's limit
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
            throw new BusinessRuleViolation("Username '" + username + "' is already taken");
        }
    }

    @Override
    public void changePassword(String officialId, String rawPassword) {
        checkPasswordPolicy(rawPassword);
        jdbc.sql("UPDATE official_credential SET password_hash = :hash, failed_attempts = 0, locked_until = NULL,"
                        + " changed_at = :now WHERE official_id = :id")
                .param("hash", encoder.encode(rawPassword)).param("now", Timestamp.from(clock.instant()))
                .param("id", officialId).update();
    }

    public Optional<Credential> findByUsername(String username) {
        return jdbc.sql("SELECT official_id, username, password_hash, failed_attempts, locked_until"
                        + " FROM official_credential WHERE username = :username")
                .param("username", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .query((rs, i) -> new Credential(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Counts a failed login; the fifth failure in a row locks the account for fifteen minutes. */
    public void recordFailedLogin(String username) {
        findByUsername(username).ifPresent(credential -> {
            int failures = credential.failedAttempts() + 1;
            Instant lockedUntil = failures >= MAX_FAILED_ATTEMPTS ? clock.instant().plus(LOCKOUT) : null;
            jdbc.sql("UPDATE official_credential SET failed_attempts = :failures, locked_until = :locked"
                            + " WHERE official_id = :id")
                    .param("failures", lockedUntil != null ? 0 : failures)
                    .param("locked", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                    .param("id", credential.officialId()).update();
        });
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE official_credential SET failed_attempts = 0, locked_until = NULL WHERE username = :username"
                        + " AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param("username", username.toLowerCase(Locale.ROOT)).update();
    }
}
