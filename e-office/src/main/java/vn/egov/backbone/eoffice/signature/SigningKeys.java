package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;
import vn.egov.backbone.core.settings.CoreProperties;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

/**
 * Signing keys as PKCS#12 files in the key directory ({@code backbone.signing.keystore-dir}, by
 * default {@code <data-dir>/keys}): {@code <username>.p12} for an official, {@code agency-<CODE>.p12}
 * for an agency's seal. The password comes with each signing request and is never stored.
 */
@Component
class SigningKeys {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SigningKeys.class);
    private final Path directory;

    SigningKeys(CoreProperties node, EOfficeProperties settings) {
        this.directory = node.underDataDir(settings.signing().keystoreDir(), "keys");
    }

    record Key(PrivateKey privateKey, X509Certificate[] chain) {
    }

    static String officialFile(String username) {
        return username.toLowerCase(Locale.ROOT) + ".p12";
    }

    static String agencyFile(String agencyCode) {
        return "agency-" + agencyCode.toUpperCase(Locale.ROOT) + ".p12";
    }

    Key load(String fileName, String password) {
        Path file = directory.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new BusinessRuleViolation(SignatureError.NO_KEY, fileName);
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    return new Key((PrivateKey) store.getKey(alias, secret),
                            Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
                }
            }
            throw new BusinessRuleViolation(SignatureError.NO_PRIVATE_KEY, fileName);
        } catch (IOException e) {
            throw new InvalidInput("password", SignatureError.WRONG_PASSWORD);
        } catch (GeneralSecurityException e) {
            log.warn("Signing key {} cannot be opened: {}", fileName, e.toString());
            throw new InvalidInput("password", SignatureError.KEY_UNUSABLE);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
