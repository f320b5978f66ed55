package vn.egov.backbone.core.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Personal API tokens for bearer authentication (scripts, peer systems). The token is shown once
 * when issued; only its SHA-256 is stored, so a leaked database does not leak usable tokens.
 */
@Component
public class ApiTokenStore {
    public static final String PREFIX = "bb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokenStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ApiTokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                               Instant lastUsedAt) {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(String tokenId, String officialId, String name, String tokenHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO api_token (id, official_id, name, token_hash, created_at, expires_at)"
                        + " VALUES (:id, :official, :name, :hash, :now, :expires)")
                .param("id", tokenId).param("official", officialId).param("name", name).param("hash", tokenHash)
                .param("now", Timestamp.from(clock.instant()))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
    }

    /** Counts the revocations on this node, so that whoever remembers a checked token knows to check it again. */
    private final AtomicLong revocations = new AtomicLong();

    public long revocations() {
        return revocations.get();
    }

    boolean revoke(String tokenId, String officialId) {
        boolean revoked = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND official_id = :official"
                        + " AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("official", officialId)
                .update() == 1;
        // after the row changed: a check that starts from now on reads it revoked
        revocations.incrementAndGet();
        return revoked;
    }

    /** The official a valid (not revoked, not expired) token belongs to; marks it used. */
    public Optional<String> authenticate(String token) {
        Instant now = clock.instant();
        Instant minuteAgo = now.minusSeconds(60);
        Optional<ValidToken> valid = jdbc.sql("SELECT id, official_id, last_used_at FROM api_token WHERE token_hash = :hash"
                        + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)")
                .param("hash", hash(token)).param("now", Timestamp.from(now))
                .query((rs, i) -> new ValidToken(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)))).optional();
        // Recorded to the minute: a script using its token on every request must not write on every
        // request, nor send a statement that would change nothing.
        valid.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(minuteAgo))
                .ifPresent(t -> jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id"
                                + " AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
                        .param("now", Timestamp.from(now)).param("id", t.id())
                        .param("minuteAgo", Timestamp.from(minuteAgo)).update());
        return valid.map(ValidToken::officialId);
    }

    private record ValidToken(String id, String officialId, Instant lastUsedAt) {
    }

    public List<ApiTokenView> list(String officialId) {
        return jdbc.sql("SELECT id, name, created_at, expires_at, revoked_at, last_used_at FROM api_token"
                        + " WHERE official_id = :official ORDER BY created_at DESC")
                .param("official", officialId)
                .query((rs, i) -> new ApiTokenView(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
