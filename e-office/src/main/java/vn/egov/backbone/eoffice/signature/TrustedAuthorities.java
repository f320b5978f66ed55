package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.eoffice.settings.EOfficeProperties;
import vn.egov.backbone.core.settings.CoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The certification authorities a signature must chain to for Backbone to call it trusted: the CA
 * certificates an operator places in the trust directory ({@code backbone.signing.trust-dir}, by
 * default {@code <data-dir>/trust}) — in Vietnam the national root CA of the public digital
 * signature service and the Government Cipher Committee's (Ban Cơ yếu Chính phủ) root for the
 * specialised signatures of state agencies. Files are {@code .cer}, {@code .crt} or {@code .pem},
 * DER or PEM, and are read at each check, so a new CA takes effect without a restart.
 */
@Component
public class TrustedAuthorities {
    private static final Logger log = LoggerFactory.getLogger(TrustedAuthorities.class);
    private static final List<String> SUFFIXES = List.of(".cer", ".crt", ".pem");

    private final Path directory;

    @org.springframework.beans.factory.annotation.Autowired
    TrustedAuthorities(CoreProperties node, EOfficeProperties settings) {
        this(node.underDataDir(settings.signing().trustDir(), "trust"));
    }

    /** The CA certificates in {@code directory}. */
    public TrustedAuthorities(Path directory) {
        this.directory = directory;
    }

    /** The trust anchors now in the directory; none when it is missing or empty. */
    public Set<TrustAnchor> anchors() {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(TrustedAuthorities::isCertificateFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        anchors.add(new TrustAnchor((X509Certificate) certificate, null));
                    }
                } catch (CertificateException | IOException e) {
                    // one unreadable file must not make every other CA untrusted
                    log.warn("Skipping {} in the trust directory: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the trust directory {}: {}", directory, e.getMessage());
        }
        return anchors;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
