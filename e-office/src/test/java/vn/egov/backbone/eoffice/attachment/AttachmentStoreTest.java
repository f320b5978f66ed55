package vn.egov.backbone.eoffice.attachment;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads of hostile archives: each is refused with a Vietnamese message and a code, nothing is left on
 * disk, and the office files officials really send are kept with their text.
 */
class AttachmentStoreTest {
    @TempDir
    Path dataDir;
    AttachmentStore store;

    @BeforeEach
    void open() {
        store = new AttachmentStore(new CoreProperties(dataDir, "", new CoreProperties.EventStore(1000), null, null, null, null, null),
                new EOfficeProperties(new EOfficeProperties.Attachments(DataSize.ofMegabytes(50), DataSize.ofMegabytes(256), 2,
                        Duration.ofSeconds(60)), new EOfficeProperties.Exchange(DataSize.ofMegabytes(60)),
                        new EOfficeProperties.Signing(null, null), new EOfficeProperties.Ocr("tesseract", "vie",
                        Duration.ofSeconds(120), 50, 60), EOfficeProperties.DocumentAxis.off()), event -> { });
    }

    @AfterEach
    void close() {
        store.destroy();
    }

    private AttachmentRef upload(byte[] content, String name) {
        return store.store(new ByteArrayInputStream(content), name);
    }

    private long filesOnDisk() throws IOException {
        Path attachments = dataDir.resolve("attachments");
        if (!Files.exists(attachments)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(attachments)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aDocxThatInflatesToAGibibyteIsRefusedByWhatItDeclares() throws IOException {
        byte[] bomb = ZipBombs.docx(1L << 30);
        assertThat(bomb.length).as("a real bomb: small upload").isLessThan(3 << 20);
        assertThatThrownBy(() -> upload(bomb, "báo-cáo.docx"))
                .isInstanceOfSatisfying(AttachmentStore.RefusedFile.class, refused -> {
                    assertThat(refused.code()).isEqualTo("attachment.compression-bomb");
                    assertThat(refused.field()).isEqualTo("file");
                });
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void aBombThatUnderstatesItsSizesIsStoppedByTheBytesItInflates() throws IOException {
        byte[] bomb = ZipBombs.lying(ZipBombs.docx(64L << 20), 1000);
        assertThatThrownBy(() -> ArchiveGuard.check(write(bomb), ArchiveGuard.Limits.DEFAULT))
                .isInstanceOfSatisfying(ArchiveGuard.Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("bomb");
                    assertThat(refused.getMessage()).contains("past its declared size");
                });
        assertThatThrownBy(() -> upload(bomb, "báo-cáo.docx")).isInstanceOf(AttachmentStore.RefusedFile.class);
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void anArchiveOfTooManyEntriesIsRefused() throws IOException {
        assertThatThrownBy(() -> ArchiveGuard.check(write(ZipBombs.flood(6_000)), ArchiveGuard.Limits.DEFAULT))
                .isInstanceOf(ArchiveGuard.Refused.class).hasMessageContaining("6000 entries");
    }

    @Test
    void aDamagedArchiveIsRefusedAsDamaged() throws IOException {
        byte[] docx = docx("Kế hoạch phòng chống lụt bão");
        byte[] cut = Arrays.copyOf(docx, docx.length / 2);
        assertThatThrownBy(() -> upload(cut, "hỏng.docx"))
                .isInstanceOfSatisfying(AttachmentStore.RefusedFile.class,
                        refused -> assertThat(refused.code()).isEqualTo("attachment.damaged"));
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void realOfficeFilesAreKeptWithTheirText() throws IOException {
        AttachmentRef docx = upload(docx("Kế hoạch phòng chống lụt bão năm 2026"), "kế-hoạch.docx");
        AttachmentRef xlsx = upload(xlsx("Danh sách hộ dân sơ tán"), "danh-sách.xlsx");
        assertThat(store.text(docx.sha256())).hasValueSatisfying(text -> assertThat(text).contains("phòng chống lụt bão"));
        assertThat(store.text(xlsx.sha256())).hasValueSatisfying(text -> assertThat(text).contains("hộ dân sơ tán"));
        assertThat(filesOnDisk()).as("two files and their texts").isEqualTo(4);
    }

    @Test
    void aLargeHonestDocumentIsKeptButItsTextIsNotParsedIntoMemory() throws IOException {
        // 17 MB of XML at a ratio near 2: no bomb, but above the 16 MB a parser may hold
        AttachmentRef large = upload(ZipBombs.docx(17L << 20, true), "tuyển-tập.docx");
        assertThat(store.content(large.sha256())).isPresent();
        assertThat(store.text(large.sha256())).isEmpty();
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dataDir, "archive", ".zip");
        Files.write(file, content);
        return file;
    }

    static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String cell) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Danh sách").createRow(0).createCell(0).setCellValue(cell);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
