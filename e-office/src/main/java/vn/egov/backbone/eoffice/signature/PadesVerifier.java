package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.core.shared.InvalidInput;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks every signature of a PDF: that the signed bytes are unchanged (the CMS signature verifies
 * with the certificate it carries), whether it covers the whole file or later revisions were added,
 * and whether the signer's certificate chains to a trusted certification authority
 * ({@link TrustedAuthorities}) through the certificates the signature carries, valid at the time the
 * signature claims and issued for signing. Revocation is not checked: agencies' networks reach no
 * CRL or OCSP responder, and without a timestamp (PAdES-T) the signing time is only the signer's
 * claim — the report says both.
 */
public final class PadesVerifier {
    /** What the report says of revocation and of the signing time, on every trusted signature. */
    static final String LIMITS = "revocation not checked; signing time as claimed by the signer";

    private PadesVerifier() {
    }

    /** What the check of one signature came to, for pages to say in the reader's language. */
    public enum Finding {
        TRUSTED, NO_CERTIFICATE, CHANGED, UNREADABLE, NOT_VALID_AT_SIGNING_TIME, NOT_FOR_SIGNING,
        NO_TRUSTED_AUTHORITY, UNTRUSTED_ISSUER, CHAIN_NOT_CHECKED
    }

    /**
     * @param trustedBy the trusted authority the certificate chains to, when {@code trusted}
     * @param problem   why the signature is not intact or not trusted, or what was not checked
     */
    public record SignatureReport(String name, String subject, String issuer, String subFilter, Instant signedAt,
                                  boolean intact, boolean coversWholeDocument, boolean trusted, String trustedBy,
                                  Finding finding, String problem) {
    }

    public static List<SignatureReport> verify(byte[] pdf, Set<TrustAnchor> anchors) {
        List<SignatureReport> reports = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                reports.add(check(signature, pdf, anchors));
            }
        } catch (IOException e) {
            throw new InvalidInput("file", SignatureError.NOT_A_READABLE_PDF);
        }
        return reports;
    }

    private static SignatureReport check(PDSignature signature, byte[] pdf, Set<TrustAnchor> anchors) {
        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && (long) range[2] + range[3] == pdf.length;
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String subFilter = signature.getSubFilter();
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
            if (certificates.isEmpty()) {
                return new SignatureReport(signature.getName(), null, null, subFilter, signedAt, false, whole, false,
                        null, Finding.NO_CERTIFICATE, "the signer's certificate is not in the signature");
            }
            X509CertificateHolder holder = certificates.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(holder);
            // with the public key, not the certificate: BouncyCastle would refuse a certificate
            // outside its validity before looking at the bytes; validity is judged with the trust below
            boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()));
            String subject = holder.getSubject().toString();
            String issuer = holder.getIssuer().toString();
            if (!intact) {
                return new SignatureReport(signature.getName(), subject, issuer, subFilter, signedAt, false, whole, false,
                        null, Finding.CHANGED, "the signed content was changed");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> carried = cms.getCertificates().getMatches(null);
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder c : carried) {
                chain.add(converter.getCertificate(c));
            }
            Trust trust = trust(certificate, chain, anchors, signedAt == null ? Instant.now() : signedAt);
            return new SignatureReport(signature.getName(), subject, issuer, subFilter, signedAt, true, whole,
                    trust.finding() == Finding.TRUSTED, trust.anchor(), trust.finding(),
                    trust.finding() == Finding.TRUSTED ? LIMITS : trust.problem());
        } catch (Exception e) {
            return new SignatureReport(signature.getName(), null, null, subFilter, signedAt, false, whole, false, null,
                    Finding.UNREADABLE, "cannot verify: " + e.getMessage());
        }
    }

    private record Trust(Finding finding, String anchor, String problem) {
    }

    /** Whether {@code certificate} was, at {@code at}, a signing certificate chaining to one of {@code anchors}. */
    private static Trust trust(X509Certificate certificate, List<X509Certificate> carried, Set<TrustAnchor> anchors,
                               Instant at) {
        Date when = Date.from(at);
        try {
            certificate.checkValidity(when);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Trust(Finding.NOT_VALID_AT_SIGNING_TIME, null, "the signer's certificate was not valid at the"
                    + " signing time (valid from " + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ")");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return new Trust(Finding.NOT_FOR_SIGNING, null,
                    "the signer's certificate is not issued for signing (key usage)");
        }
        if (anchors.isEmpty()) {
            return new Trust(Finding.NO_TRUSTED_AUTHORITY, null, "no trusted certification authority is configured");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            PKIXCertPathBuilderResult path =
                    (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            // named the way the report names subjects and issuers (BouncyCastle's order, CN first)
            return new Trust(Finding.TRUSTED, X500Name.getInstance(
                    path.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getEncoded()).toString(), null);
        } catch (CertPathBuilderException e) {
            return new Trust(Finding.UNTRUSTED_ISSUER, null, "the signer's certificate does not chain to a trusted"
                    + " certification authority (issuer "
                    + X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()) + ")");
        } catch (GeneralSecurityException e) {
            return new Trust(Finding.CHAIN_NOT_CHECKED, null, "cannot check the certificate chain: " + e.getMessage());
        }
    }
}
