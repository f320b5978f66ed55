package vn.egov.backbone.eoffice.exchange;

import org.junit.jupiter.api.Test;
import vn.egov.backbone.eoffice.exchange.EdXml.Attachment;
import vn.egov.backbone.eoffice.exchange.EdXml.DocumentPackage;
import vn.egov.backbone.eoffice.exchange.EdXml.Organisation;
import vn.egov.backbone.eoffice.exchange.EdXml.StatusPackage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading real packages as other systems produce them, writing ours, and refusing hostile ones. */
class EdXmlReaderTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EdXmlReaderTest.class.getResourceAsStream("/edxml/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsARealDocumentPackageWithMixedPrefixesAndANonNumericCode() throws IOException {
        DocumentPackage p = EdXmlReader.document(EdXmlReader.parse(resource("edoc_new.edxml")));
        assertThat(p.from().organId()).isEqualTo("000.00.00.A80");
        assertThat(p.to()).extracting(Organisation::organId).containsExactly("28.22.H17");
        assertThat(p.documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(p.numberAndNotation()).isEqualTo("74fass22/VPCP-TTĐT");
        assertThat(p.promulgationDate()).isEqualTo(LocalDate.of(2019, 1, 16));
        assertThat(p.typeName()).isEqualTo("Công văn");
        assertThat(p.subject()).isEqualTo("V/v kết nối, liên thông phần mềm quản lý văn bản");
        assertThat(p.signerName()).isEqualTo("Nguyen Thanh Phuc");
        assertThat(p.dueDate()).isEqualTo(LocalDate.of(2018, 9, 28));
        assertThat(p.pageAmount()).isEqualTo(22);
        assertThat(p.toPlaces()).containsExactly("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP");
        assertThat(p.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("1896_QD-TTg_m_294779.doc");
            assertThat(SafeZip.looksLikeZip(a.content())).isTrue();
        });
        assertThat(ExchangeActions.typeOf(p.typeName(), new java.util.ArrayList<>())).isEqualTo(vn.egov.backbone.eoffice.document.api.DocumentType.CONG_VAN);
    }

    @Test
    void readsARealStatusPackage() throws IOException {
        var xml = EdXmlReader.parse(resource("status_processing_05.edxml"));
        assertThat(EdXmlReader.isStatus(xml)).isTrue();
        StatusPackage status = EdXmlReader.status(xml);
        assertThat(status.statusCode()).isEqualTo("05");
        assertThat(status.from().organName()).isEqualTo("UBND Tỉnh Nghệ An");
        assertThat(status.responseDocumentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(status.responsePromulgationDate()).isEqualTo(LocalDate.of(2015, 9, 30));
    }

    @Test
    void whatWeWriteReadsBackTheSame() {
        byte[] file = "%PDF-1.4 nội dung".getBytes(StandardCharsets.UTF_8);
        DocumentPackage written = new DocumentPackage(new Organisation("TP.UBND", "Ủy ban nhân dân tỉnh Thử Nghiệm"),
                List.of(new Organisation("000.00.00.H41", "UBND Tỉnh Nghệ An")), "TP.UBND,2026/11/20,15/QĐ-UBND", "15",
                "QĐ-UBND", "Tỉnh Thử Nghiệm", LocalDate.of(2026, 11, 20), 2, "Quyết định",
                "Quyết định thành lập Tổ công tác chuyển đổi số", "Điều 1. Thành lập…", null, null, "Lê Văn Hùng",
                LocalDate.of(2026, 12, 31), 1, 3, List.of("Các sở, ban, ngành"), List.of("Phụ lục I. Danh sách thành viên"), 1,
                DocumentPackage.REPLACEMENT, "TP.UBND,2026/11/20,15/QĐ-UBND",
                "Thay thế do sai sót nội dung", List.of("TP.UBND,2026/11/18,12/QĐ-UBND"),
                List.of(new Attachment("cid:1", "quyết-định.pdf", "application/zip", SafeZip.zip("quyết-định.pdf", file))));
        DocumentPackage read = EdXmlReader.document(EdXmlReader.parse(EdXmlWriter.document(written)));
        assertThat(read).usingRecursiveComparison().ignoringFields("attachments").isEqualTo(written);
        assertThat(SafeZip.unzip(read.attachments().get(0).content(), 1_000_000).get(0).content()).isEqualTo(file);

        StatusPackage status = new StatusPackage(new Organisation("TP.SNV", "Sở Nội vụ"), "TP.UBND", "15/QĐ-UBND",
                LocalDate.of(2026, 11, 20), "TP.UBND,2026/11/20,15/QĐ-UBND", "03", "Đã tiếp nhận", "2026/11/21 08:00:00",
                "Văn phòng", "Vũ Thị Lan");
        assertThat(EdXmlReader.status(EdXmlReader.parse(EdXmlWriter.status(status)))).isEqualTo(status);
    }

    @Test
    void refusesExternalEntitiesEntityExpansionAndBrokenXml() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"" + EdXml.NS + "\"><Subject>&x;</Subject></edXML>";
        assertThatThrownBy(() -> EdXmlReader.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("DOCTYPE");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><edXML xmlns=\"" + EdXml.NS + "\">&lol3;</edXML>";
        assertThatThrownBy(() -> EdXmlReader.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPackage.class);
        assertThatThrownBy(() -> EdXmlReader.parse("<edXML xmlns=\"x\"><edXML:edXMLEnv".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> EdXmlReader.document(EdXmlReader.parse("<other/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("root element");
        assertThatThrownBy(() -> EdXmlReader.document(EdXmlReader.parse(("<edXML xmlns=\"" + EdXml.NS
                + "\"><MessageHeader><From/><Code><CodeNumber>1</CodeNumber></Code></MessageHeader></edXML>")
                .getBytes(StandardCharsets.UTF_8)))).isInstanceOf(InvalidPackage.class).hasMessageContaining("missing");
    }

    @Test
    void refusesACompressionBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bom.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> SafeZip.unzip(bomb, 500L * 1024 * 1024))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("bomb");
        assertThatThrownBy(() -> SafeZip.unzip(new byte[]{'P', 'K', 3, 4, 1, 2}, 1000)).isInstanceOf(InvalidPackage.class);
    }
}
