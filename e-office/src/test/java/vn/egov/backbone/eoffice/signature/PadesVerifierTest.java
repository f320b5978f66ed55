package vn.egov.backbone.eoffice.signature;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A signature is trusted when its certificate chains to a configured authority and was valid when it signed. */
class PadesVerifierTest {
    private static TestCertificates.Authority governmentCa;
    private static TestCertificates.Authority otherCa;

    @TempDir
    Path trustDir;

    @BeforeAll
    static void authorities() throws Exception {
        governmentCa = TestCertificates.authority("CA chuyên dùng Chính phủ thử nghiệm");
        otherCa = TestCertificates.authority("CA công cộng thử nghiệm");
    }

    @Test
    void aCertificateIssuedByATrustedAuthorityIsTrusted() throws Exception {
        byte[] signed = signed(TestCertificates.issue(governmentCa, "Nguyễn Thị Lan", "UBND xã Tân Phú"));
        TestCertificates.writePem(trustDir.resolve("ca.pem"), governmentCa);
        Files.writeString(trustDir.resolve("hỏng.crt"), "không phải chứng thư số");
        Set<TrustAnchor> anchors = new TrustedAuthorities(trustDir).anchors();
        assertThat(anchors).as("the unreadable file is skipped").hasSize(1);

        PadesVerifier.SignatureReport report = PadesVerifier.verify(signed, anchors).get(0);
        assertThat(report.intact()).isTrue();
        assertThat(report.trusted()).as(report.toString()).isTrue();
        assertThat(report.trustedBy()).contains("CA chuyên dùng Chính phủ thử nghiệm");
        assertThat(report.subject()).contains("CN=Nguyễn Thị Lan");
        assertThat(report.finding()).isEqualTo(PadesVerifier.Finding.TRUSTED);
        assertThat(report.problem()).isEqualTo(PadesVerifier.LIMITS);
    }

    @Test
    void withoutTheIssuingAuthorityItIsIntactButNotTrusted() throws Exception {
        byte[] signed = signed(TestCertificates.issue(governmentCa, "Trần Văn Bình", "Sở Nội vụ"));

        PadesVerifier.SignatureReport none = PadesVerifier.verify(signed, Set.of()).get(0);
        assertThat(none.intact()).isTrue();
        assertThat(none.trusted()).isFalse();
        assertThat(none.problem()).isEqualTo("no trusted certification authority is configured");

        PadesVerifier.SignatureReport other = PadesVerifier.verify(signed,
                Set.of(new TrustAnchor(otherCa.certificate(), null))).get(0);
        assertThat(other.trusted()).isFalse();
        assertThat(other.trustedBy()).isNull();
        assertThat(other.finding()).isEqualTo(PadesVerifier.Finding.UNTRUSTED_ISSUER);
        assertThat(other.problem()).contains("does not chain to a trusted certification authority");
    }

    @Test
    void aCertificateThatHadExpiredWhenItSignedIsNotTrusted() throws Exception {
        Instant now = Instant.now();
        byte[] signed = signed(TestCertificates.issue(governmentCa, "Lê Văn Cường", "Sở Tài chính",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(30))));
        PadesVerifier.SignatureReport report = PadesVerifier.verify(signed,
                Set.of(new TrustAnchor(governmentCa.certificate(), null))).get(0);
        assertThat(report.intact()).as("the bytes are unchanged").isTrue();
        assertThat(report.trusted()).isFalse();
        assertThat(report.finding()).isEqualTo(PadesVerifier.Finding.NOT_VALID_AT_SIGNING_TIME);
        assertThat(report.problem()).contains("was not valid at the signing time");
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted() throws Exception {
        TestCertificates.Key self = TestCertificates.selfSigned("Phạm Thị Dung", "Văn phòng UBND tỉnh");
        byte[] signed = signed(self);
        List<PadesVerifier.SignatureReport> reports = PadesVerifier.verify(signed,
                Set.of(new TrustAnchor(governmentCa.certificate(), null)));
        assertThat(reports.get(0).trusted()).isFalse();
    }

    private static byte[] signed(TestCertificates.Key key) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(pdf);
        }
        return PadesSigner.sign(pdf.toByteArray(), new PadesSigner.Signer(key.privateKey(), key.chain(),
                "Người ký thử nghiệm", "Chủ tịch", "Phê duyệt", "Tân Phú", new PDRectangle(320, 40, 240, 48)), Instant.now());
    }
}
