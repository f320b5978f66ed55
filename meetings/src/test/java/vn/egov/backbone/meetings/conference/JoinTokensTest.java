package vn.egov.backbone.meetings.conference;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RS256 tokens as prosody checks them with {@code asap_key_server}: a {@code kid} in the header and the
 * public key fetched at {@code <hex(sha256(kid))>.pem}; verified with java-jwt (not the signing library)
 * using only what Backbone serves.
 */
class JoinTokensTest {
    @TempDir
    Path dir;

    @Test
    void rs256TokensCarryTheKidAndVerifyWithThePublishedKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path key = dir.resolve("jitsi-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        String kid = "backbone-hoason/2026-11";
        JitsiProperties jitsi = new JitsiProperties("https://hop.hoason.gov.vn", null, "backbone", "jitsi", null,
                key.toString(), kid, Duration.ofMinutes(15), Duration.ofMinutes(30), null, null, null, null, null);
        JoinTokens tokens = new JoinTokens(jitsi);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = tokens.sign("hoi-nghi-giao-ban-1a2b3c4d",
                new JoinTokens.Participant("endpoint:xa-tan-lap", "Điểm cầu Xã Tân Lập", null, false, false),
                start, start.plus(Duration.ofHours(2)));

        String file = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(kid.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + ".pem";
        assertThat(tokens.publicKeyPem("0000.pem")).isEmpty();
        String pem = tokens.publicKeyPem(file).orElseThrow();
        RSAPublicKey published = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(published).isEqualTo(pair.getPublic());

        DecodedJWT jwt = JWT.require(Algorithm.RSA256(published, null)).withIssuer("backbone").withAudience("jitsi")
                .withSubject("hop.hoason.gov.vn").withClaim("room", "hoi-nghi-giao-ban-1a2b3c4d")
                .build().verify(token);
        assertThat(jwt.getKeyId()).isEqualTo(kid);
        assertThat(jwt.getType()).isEqualTo("JWT");
        assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(start.minus(Duration.ofMinutes(15)));
        assertThat(jwt.getClaim("context").asMap().get("user")).isEqualTo(Map.of("id", "endpoint:xa-tan-lap",
                "name", "Điểm cầu Xã Tân Lập", "email", "", "avatar", "", "moderator", "false"));

        KeyPair other = generator.generateKeyPair();
        assertThatThrownBy(() -> JWT.require(Algorithm.RSA256((RSAPublicKey) other.getPublic(), null))
                .build().verify(token)).isInstanceOf(JWTVerificationException.class);
    }

    @Test
    void withoutJitsiConfiguredNoTokenIsSigned() {
        JitsiProperties none = new JitsiProperties(null, null, "backbone", "jitsi", null, null, null,
                Duration.ofMinutes(15), Duration.ofMinutes(30), null, null, null, null, null);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> new JoinTokens(none).sign("phong", new JoinTokens.Participant("official:1", "A", null,
                false, false), Instant.now(), Instant.now())).isInstanceOf(IllegalStateException.class);
    }
}
