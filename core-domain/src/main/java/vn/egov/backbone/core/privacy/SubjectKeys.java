package vn.egov.backbone.core.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Crypto-shredding: personal data in events is stored sealed with its subject's own key (AES-256-GCM,
 * the subject's identifier as associated data), the keys in {@code subject_key}, outside the event
 * payloads. Erasing a subject deletes its key: its sealed data, which the append-only event store keeps
 * for ever, can no longer be read by anyone, while every other fact of the events stays. An erased
 * subject is remembered ({@code erased_subject}, without any personal data) so that nothing is sealed
 * for it again. Keys are read in the caller's transaction and not cached: an erasure on one node is
 * seen at once by all.
 */
@Service
public class SubjectKeys {
    /** What a reader sees where erased personal data was. */
    public static final String ERASED = "[đã xóa]";
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubjectKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The plaintext sealed with the subject's key, made now if the subject has none yet. */
    public String seal(String subjectId, byte[] plaintext) {
        byte[] key = key(subjectId).orElseGet(() -> create(subjectId));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, subjectId);
            byte[] sealed = cipher.doFinal(plaintext);
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** The plaintext, or empty if the subject was erased. A seal that does not open with the key is an error. */
    public Optional<byte[]> open(String subjectId, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            throw new IllegalArgumentException("Not sealed personal data of " + subjectId);
        }
        Optional<byte[]> key = key(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(bytes, IV_BYTES), subjectId);
            return Optional.of(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed personal data of " + subjectId + " does not open with its key", e);
        }
    }

    /** Deletes the subject's key, in the caller's transaction. */
    public void erase(String subjectId) {
        jdbc.sql("DELETE FROM subject_key WHERE subject_id = :id").param("id", subjectId).update();
        jdbc.sql("INSERT INTO erased_subject (subject_id, erased_at) SELECT :id, :at WHERE NOT EXISTS"
                        + " (SELECT 1 FROM erased_subject WHERE subject_id = :id)").param("id", subjectId)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    public boolean erased(String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM erased_subject WHERE subject_id = :id").param("id", subjectId)
                .query(Long.class).single() > 0;
    }

    private Optional<byte[]> key(String subjectId) {
        return jdbc.sql("SELECT key_bytes FROM subject_key WHERE subject_id = :id").param("id", subjectId)
                .query(byte[].class).optional();
    }

    /** One statement on the sealing path (a registration's): the key, unless the subject was erased. */
    private byte[] create(String subjectId) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        int created = jdbc.sql("INSERT INTO subject_key (subject_id, key_bytes, created_at) SELECT :id, :key, :at"
                        + " WHERE NOT EXISTS (SELECT 1 FROM erased_subject WHERE subject_id = :id)")
                .param("id", subjectId).param("key", key).param("at", Timestamp.from(clock.instant())).update();
        if (created == 0) {
            throw new IllegalStateException("Personal data of " + subjectId + " was erased: nothing is sealed for it again");
        }
        return key;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String subjectId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
