package vn.egov.backbone.meetings.conference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs join tokens as prosody's token plugin checks them (jitsi-meet {@code token/util.lib.lua}):
 * header {@code typ: JWT} and the configured algorithm (HS256 with {@code app_secret}, or RS256 with a
 * {@code kid} whose public key Backbone serves at {@code /asap/<hex(sha256(kid))>.pem}); claims
 * {@code iss}, {@code aud}, {@code sub}, {@code room} (the exact ASCII room), {@code nbf}, {@code exp},
 * {@code context.user} with string values only and {@code context.features}.
 */
@Component
public class JoinTokens {
    /** Who joins: an official, or a unit's hall (an endpoint, điểm cầu). */
    public record Participant(String id, String name, String email, boolean moderator, boolean recording) {
    }

    private final JitsiProperties jitsi;
    private final JWSSigner signer;
    private final JWSHeader header;
    private final RSAKey rsaKey;

    public JoinTokens(JitsiProperties jitsi) {
        this.jitsi = jitsi;
        try {
            if (!jitsi.configured()) {
                signer = null;
                header = null;
                rsaKey = null;
            } else if (jitsi.rs256()) {
                if (!JitsiProperties.present(jitsi.keyId())) {
                    throw new IllegalStateException("backbone.jitsi.key-id: RS256 tokens need the key's kid");
                }
                String pem = Files.readString(Path.of(jitsi.privateKeyFile()), StandardCharsets.US_ASCII);
                rsaKey = JWK.parseFromPEMEncodedObjects(pem).toRSAKey();
                signer = new RSASSASigner(rsaKey);
                header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(jitsi.keyId()).build();
            } else {
                rsaKey = null;
                signer = new MACSigner(jitsi.appSecret().getBytes(StandardCharsets.UTF_8));
                header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
            }
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("backbone.jitsi: the signing key cannot be used: " + e.getMessage(), e);
        }
    }

    public String sign(String room, Participant who, Instant startsAt, Instant endsAt) {
        if (signer == null) {
            throw new IllegalStateException("Jitsi is not configured");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", who.id());
        user.put("name", who.name());
        user.put("email", who.email() == null ? "" : who.email());
        user.put("avatar", "");
        user.put("moderator", String.valueOf(who.moderator()));
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("recording", String.valueOf(who.recording()));
        features.put("livestreaming", "false");
        features.put("transcription", "false");
        features.put("outbound-call", "false");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(jitsi.appId())
                .audience(jitsi.audience())
                .subject(jitsi.subject())
                .claim("room", room)
                .notBeforeTime(Date.from(startsAt.minus(jitsi.notBeforeMargin())))
                .expirationTime(Date.from(endsAt.plus(jitsi.expiryMargin())))
                .claim("context", Map.of("user", user, "features", features))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a join token failed", e);
        }
        return jwt.serialize();
    }

    /** The RS256 public key as PEM, if {@code fileName} is {@code hex(sha256(kid)).pem}. */
    public Optional<String> publicKeyPem(String fileName) {
        if (rsaKey == null || !fileName.equals(sha256Hex(jitsi.keyId()) + ".pem")) {
            return Optional.empty();
        }
        try {
            byte[] encoded = rsaKey.toRSAPublicKey().getEncoded();
            return Optional.of("-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
