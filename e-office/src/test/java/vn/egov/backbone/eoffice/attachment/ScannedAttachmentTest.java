package vn.egov.backbone.eoffice.attachment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.eoffice.attachment.Recognition.State;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scan stored as an attachment is read in the background: the upload returns at once, the state moves
 * from queued to read, the words land in the attachment's text, and the search index is told. Without
 * the engine the scan is still kept, and says it will not be read.
 */
class ScannedAttachmentTest {
    @TempDir
    Path dataDir;
    final List<Object> published = new CopyOnWriteArrayList<>();
    AttachmentStore store;

    AttachmentStore store(String command) {
        store = new AttachmentStore(new CoreProperties(dataDir, "", new CoreProperties.EventStore(1000), null, null, null, null, null),
                new EOfficeProperties(new EOfficeProperties.Attachments(DataSize.ofMegabytes(50), DataSize.ofMegabytes(256), 2,
                        Duration.ofSeconds(60)), new EOfficeProperties.Exchange(DataSize.ofMegabytes(60)),
                        new EOfficeProperties.Signing(null, null), new EOfficeProperties.Ocr(command, "vie",
                        Duration.ofSeconds(120), 50, 60), EOfficeProperties.DocumentAxis.off()), published::add);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.destroy();
        }
    }

    static byte[] letter() {
        return ScanPages.png(ScanPages.page(String.join("\n", TextRecognitionTest.PAGES),
                ScanPages.font("Liberation Serif", 50f), 1.0, 0.002, 7));
    }

    @Test
    void aScanIsReadInTheBackgroundAndItsWordsBecomeItsText() {
        AttachmentStore attachments = store("tesseract");
        assertThat(attachments.readsScans()).isTrue();
        AttachmentRef scan = attachments.store(new ByteArrayInputStream(letter()), "cong-van-scan.png");
        assertThat(scan.contentType()).isEqualTo("image/png");

        // generous: a busy CI machine reads a page in seconds, not minutes
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(attachments.recognition(scan)).contains(Recognition.of(State.DONE)));
        assertThat(attachments.text(scan.sha256())).hasValueSatisfying(text ->
                assertThat(text).contains("thủ tục hành chính", "phòng, chống thiên tai"));
        assertThat(published).containsExactly(new AttachmentTextRecognised(scan.sha256()));
    }

    @Test
    void aPdfWithItsOwnTextIsNotReadAgain() throws Exception {
        AttachmentStore attachments = store("tesseract");
        byte[] pdf;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText("Bao cao ket qua giai ngan von dau tu cong nam 2026");
                content.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        AttachmentRef withText = attachments.store(new ByteArrayInputStream(pdf), "bao-cao.pdf");
        assertThat(attachments.recognition(withText)).isEmpty();
        assertThat(attachments.text(withText.sha256())).hasValueSatisfying(t -> assertThat(t).contains("giai ngan"));
    }

    @Test
    void withoutTheEngineTheScanIsKeptAndSaysItWillNotBeRead() {
        AttachmentStore attachments = store(dataDir.resolve("no-tesseract").toString());
        assertThat(attachments.readsScans()).isFalse();
        assertThat(attachments.scanReader()).contains("not found");
        AttachmentRef scan = attachments.store(new ByteArrayInputStream(letter()), "scan.png");
        assertThat(attachments.content(scan.sha256())).isPresent();
        assertThat(attachments.recognition(scan)).contains(Recognition.of(State.UNAVAILABLE));
        assertThat(attachments.text(scan.sha256())).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aScanStoredWithoutTheEngineIsReadOnceANodeWithTheEngineStarts() {
        AttachmentStore without = store(dataDir.resolve("no-tesseract").toString());
        AttachmentRef scan = without.store(new ByteArrayInputStream(letter()), "scan.png");
        assertThat(without.recognition(scan)).contains(Recognition.of(State.UNAVAILABLE));
        without.destroy();

        AttachmentStore with = store("tesseract");
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(with.recognition(scan)).contains(Recognition.of(State.DONE)));
        assertThat(with.text(scan.sha256())).hasValueSatisfying(text -> assertThat(text).contains("thủ tục hành chính"));
        assertThat(published).containsExactly(new AttachmentTextRecognised(scan.sha256()));
    }
}
