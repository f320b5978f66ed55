package vn.egov.backbone.eoffice.signature;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks every signature of a PDF: that the signed bytes are unchanged (the CMS signature verifies
 * with the certificate it carries) and whether it covers the whole file or later revisions were
 * added. Whether the certificate chains to a trusted CA (Ban Cơ yếu Chính phủ, a public CA) is a
 * separate question this report does not answer yet: {@code trusted} is always false.
 */
public final class PadesVerifier {
    private PadesVerifier() {
    }

    public record SignatureReport(String name, String subject, String issuer, String subFilter, Instant signedAt,
                                  boolean intact, boolean coversWholeDocument, boolean trusted, String problem) {
    }

    public static List<SignatureReport> verify(byte[] pdf) {
        List<SignatureReport> reports = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                reports.add(check(signature, pdf));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("file: not a readable PDF (" + e.getMessage() + ")", e);
        }
        return reports;
    }

    private static SignatureReport check(PDSignature signature, byte[] pdf) {
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
                        "the signer's certificate is not in the signature");
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            return new SignatureReport(signature.getName(), certificate.getSubject().toString(),
                    certificate.getIssuer().toString(), subFilter, signedAt, intact, whole, false,
                    intact ? null : "the signed content was changed");
        } catch (Exception e) {
            return new SignatureReport(signature.getName(), null, null, subFilter, signedAt, false, whole, false,
                    "cannot verify: " + e.getMessage());
        }
    }
}
