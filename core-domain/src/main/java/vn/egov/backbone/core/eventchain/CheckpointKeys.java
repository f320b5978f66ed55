package vn.egov.backbone.core.eventchain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The province's Ed25519 key that signs checkpoints, as PEM files: the private key (PKCS#8,
 * {@code BEGIN PRIVATE KEY}) and beside it the public key ({@code .pub.pem}, X.509
 * {@code BEGIN PUBLIC KEY}) that an inspector verifies with, e.g. {@code openssl pkeyutl -verify}.
 * A node without a key makes one on its first start; a province that has its own configures its file.
 */
final class CheckpointKeys {
    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private CheckpointKeys() {
    }

    /**
     * Nodes that share a data directory and start together make one key between them: the check and the
     * making happen under a file lock beside the key (and, for nodes in one JVM, which a file lock does
     * not separate, under this class's monitor).
     */
    static synchronized KeyPair loadOrCreate(Path privateKeyFile) {
        try {
            Path publicKeyFile = publicKeyFile(privateKeyFile);
            Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
            try (FileChannel lockFile = FileChannel.open(privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (Files.exists(privateKeyFile)) {
                    PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                            .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(privateKeyFile), "PRIVATE KEY")));
                    return new KeyPair(readPublic(publicKeyFile), privateKey);
                }
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                return pair;
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or create the checkpoint signing key " + privateKeyFile
                    + " (backbone.event-chain.signing-key; its public key must lie beside it as .pub.pem)", e);
        }
    }

    static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString().replaceFirst("\\.pem$", "");
        return privateKeyFile.resolveSibling(name + ".pub.pem");
    }

    static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pem(Files.readString(file), "PUBLIC KEY")));
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    static String sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pem(String text, String label) throws GeneralSecurityException {
        Matcher matcher = PEM.matcher(text);
        if (!matcher.find() || !matcher.group(1).equals(label)) {
            throw new GeneralSecurityException("not a PEM " + label);
        }
        return Base64.getMimeDecoder().decode(matcher.group(2));
    }
}
