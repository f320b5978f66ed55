package vn.egov.backbone.eoffice.signature;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;

/**
 * Certification authorities and signing keys for the tests, written as the files an operator
 * places: PKCS#12 keys in the key directory, CA certificates (PEM) in the trust directory.
 */
public final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Iterator<String> PREGENERATED = pregenerated();

    private TestCertificates() {
    }

    /** A root certification authority, such as a national root CA. */
    public record Authority(KeyPair keys, X509Certificate certificate) {
    }

    /** A signing key with its chain, the signer's certificate first. */
    public record Key(PrivateKey privateKey, X509Certificate[] chain) {
    }

    public static Authority authority(String commonName) throws Exception {
        KeyPair keys = keyPair();
        X500Name name = name(commonName, "Tổ chức chứng thực thử nghiệm");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Authority(keys, certificate(builder, keys.getPrivate()));
    }

    /** A signing certificate the authority issues, valid from {@code notBefore} to {@code notAfter}. */
    public static Key issue(Authority authority, String commonName, String organisation, Instant notBefore,
                            Instant notAfter) throws Exception {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.certificate(), serial(),
                Date.from(notBefore), Date.from(notAfter), name(commonName, organisation), keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new Key(keys.getPrivate(), new X509Certificate[]{certificate(builder, authority.keys().getPrivate()),
                authority.certificate()});
    }

    /** A signing certificate valid for a year around now. */
    public static Key issue(Authority authority, String commonName, String organisation) throws Exception {
        Instant now = Instant.now();
        return issue(authority, commonName, organisation, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A self-signed signing certificate: no authority vouches for it. */
    public static Key selfSigned(String commonName, String organisation) throws Exception {
        KeyPair keys = keyPair();
        X500Name name = name(commonName, organisation);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
        return new Key(keys.getPrivate(), new X509Certificate[]{certificate(builder, keys.getPrivate())});
    }

    public static void writePkcs12(Path file, Key key, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", key.privateKey(), password.toCharArray(), key.chain());
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    /** A self-signed signing key as a PKCS#12 file. */
    public static void writePkcs12(Path file, String commonName, String organisation, String password) throws Exception {
        writePkcs12(file, selfSigned(commonName, organisation), password);
    }

    /** The authority's certificate as a PEM file, the way a trust directory holds it. */
    public static void writePem(Path file, Authority authority) throws Exception {
        Files.createDirectories(file.getParent());
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                authority.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /**
     * A key pair no other certificate of this JVM has: the next of the pre-generated keys, then new ones. The test
     * JVMs run without the JIT's second tier, where generating an RSA key took 0.6–0.8 s of CPU (0.1 s with it);
     * a JVM of the suite asks for at most 9.
     */
    private static synchronized KeyPair keyPair() throws Exception {
        if (PREGENERATED.hasNext()) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PREGENERATED.next())));
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(publicKey, key);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Iterator<String> pregenerated() {
        try (InputStream in = TestCertificates.class.getResourceAsStream("/signature/test-rsa-keys.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.C, "VN").build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }

    private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, PrivateKey signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }
}
