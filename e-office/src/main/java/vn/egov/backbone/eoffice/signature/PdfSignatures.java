package vn.egov.backbone.eoffice.signature;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.api.OfficialView;

import java.time.Clock;
import java.util.List;

/**
 * Signing and checking PDFs that are not outgoing documents, such as a meeting's minutes, with the keys, the
 * signer and the verifier the documents use: an official signs with their own key ({@code <username>.p12}) and
 * the password they type, which is never kept. Who may sign what is the caller's rule.
 */
@Service
public class PdfSignatures {
    private final SigningKeys keys;
    private final TrustedAuthorities trusted;
    private final Clock clock;

    PdfSignatures(SigningKeys keys, TrustedAuthorities trusted, Clock clock) {
        this.keys = keys;
        this.trusted = trusted;
        this.clock = clock;
    }

    /** The signed PDF (an incremental update of {@code pdf}) and the subject of the certificate that signed it. */
    public record Signed(byte[] pdf, String certificateSubject) {
    }

    /**
     * @param role     what the visible signature says the official signs as (e.g. "Chủ trì cuộc họp")
     * @param page     0 the first page, -1 the last
     * @param position where the visible signature goes on that page (points from the lower left)
     */
    public Signed signAsOfficial(OfficialView official, String password, byte[] pdf, String role, String reason,
                                 String location, PDRectangle position, int page) {
        SigningKeys.Key key = keys.load(SigningKeys.officialFile(official.username()), password);
        PadesSigner.Signer signer = new PadesSigner.Signer(key.privateKey(), key.chain(), official.fullName(), role,
                reason, location, position, page);
        return new Signed(PadesSigner.sign(pdf, signer, clock.instant()),
                key.chain()[0].getSubjectX500Principal().getName());
    }

    public List<PadesVerifier.SignatureReport> verify(byte[] pdf) {
        return PadesVerifier.verify(pdf, trusted.anchors());
    }
}
