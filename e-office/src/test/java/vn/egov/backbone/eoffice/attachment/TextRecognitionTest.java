package vn.egov.backbone.eoffice.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tesseract as installed by {@code .ci/run} (Debian {@code tesseract-ocr}, {@code tesseract-ocr-vie}):
 * Vietnamese pages rendered in several fonts, slightly turned and with noise, read back; the character
 * error rate is printed and held under a ceiling; hostile scans are refused before the engine sees them.
 */
class TextRecognitionTest {
    /** Ceilings over the measured error rates the README records, with room for another engine version. */
    static final double CER_CEILING = 0.01;
    static final double PHOTO_CER_CEILING = 0.04;
    /** The least share of a page's words found at 2.5° and 1% speckle. */
    static final double WORDS_FOUND_FLOOR = 0.95;
    /** Degrees the page is turned by, and the share of its pixels flipped to black or white (speckle). */
    static final double[][] CONDITIONS = {{0, 0}, {1.0, 0.002}, {-1.5, 0.005}, {2.5, 0.01}};

    static final List<String> PAGES = List.of(
            "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành và Ủy ban nhân dân các xã, phường khẩn trương rà soát "
                    + "hồ sơ thủ tục hành chính quá hạn, gửi báo cáo về Sở Nội vụ trước ngày 15 tháng 12 năm 2026.",
            "Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2027. Giao Chủ tịch "
                    + "Ủy ban nhân dân cấp xã chịu trách nhiệm tổ chức thực hiện, bảo đảm an toàn tính mạng của người dân.",
            "Thông báo kết luận của đồng chí Phó Chủ tịch tại cuộc họp giao ban: đẩy nhanh tiến độ giải ngân vốn đầu "
                    + "tư công, xử lý dứt điểm kiến nghị của cử tri về đường giao thông nông thôn và nước sạch.");

    @TempDir
    Path dir;

    TextRecognition engine() {
        return new TextRecognition("tesseract", "vie", Duration.ofMinutes(5), 50, 60_000_000L);
    }

    @Test
    void theEngineIsInstalledWithItsVietnameseData() {
        TextRecognition.Availability availability = engine().availability();
        assertThat(availability.available()).as(availability.detail()).isTrue();
    }

    /**
     * Every font under every condition, reported in two groups: turned by at most 1.5° with at most 0.5%
     * speckle (what a document scanner gives), and turned by 2.5° with 1% speckle (a page photographed by
     * phone). Without {@link Deskew} the second group read at CER 0.225, with as few as 31% of a page's
     * words found (Tesseract's layout analysis read halves of lines as columns).
     */
    @Test
    void characterErrorRateOnRenderedPages() throws Exception {
        TextRecognition engine = engine();
        StringBuilder report = new StringBuilder(String.format("%-18s %7s %6s %6s %6s%n", "font", "degrees", "noise", "CER",
                "words"));
        double[] scanner = new double[2];
        double[] photo = new double[2];
        double photoWords = 1;
        int seed = 0;
        for (String font : ScanPages.FONTS.keySet()) {
            for (double[] condition : CONDITIONS) {
                // a page of an official letter: several paragraphs, from which Tesseract also finds the skew
                String text = String.join("\n", PAGES.subList(seed % PAGES.size(), PAGES.size()))
                        + "\n" + String.join("\n", PAGES.subList(0, seed % PAGES.size()));
                BufferedImage page = ScanPages.page(text, ScanPages.font(font, 50f), condition[0], condition[1], seed++);
                Path png = Files.write(dir.resolve("page-" + seed + ".png"), ScanPages.png(page));
                String read = engine.recognise(png, "image/png", (p, n) -> { });
                double cer = ScanPages.characterErrorRate(text, read);
                double words = ScanPages.wordsFound(text, read);
                report.append(String.format(Locale.ROOT, "%-18s %7.1f %6.3f %6.3f %6.3f%n", font, condition[0], condition[1],
                        cer, words));
                boolean slight = Math.abs(condition[0]) <= 1.5 && condition[1] <= 0.005;
                double[] sums = slight ? scanner : photo;
                sums[0] += cer * ScanPages.normalise(text).length();
                sums[1] += ScanPages.normalise(text).length();
                if (!slight) {
                    photoWords = Math.min(photoWords, words);
                }
            }
        }
        double scannerCer = scanner[0] / scanner[1];
        report.append(String.format(Locale.ROOT, "turned ≤ 1.5°, speckle ≤ 0.5%%: CER %.4f over %d characters%n", scannerCer,
                (int) scanner[1]));
        report.append(String.format(Locale.ROOT, "turned 2.5°, speckle 1%%: CER %.4f over %d characters, words found ≥ %.3f%n",
                photo[0] / photo[1], (int) photo[1], photoWords));
        System.out.println(report);
        assertThat(scannerCer).as(report.toString()).isLessThan(CER_CEILING);
        assertThat(photo[0] / photo[1]).as(report.toString()).isLessThan(PHOTO_CER_CEILING);
        assertThat(photoWords).as(report.toString()).isGreaterThan(WORDS_FOUND_FLOOR);
    }

    @Test
    void aScannedPdfIsReadPageByPage() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            pages.add(ScanPages.page(PAGES.get(i), ScanPages.font("Liberation Serif", 50f), 0.5, 0.001, i));
        }
        Path pdf = Files.write(dir.resolve("scan.pdf"), ScanPages.scannedPdf(pages));
        List<String> progress = new ArrayList<>();
        String read = engine().recognise(pdf, TextExtraction.PDF, (page, total) -> progress.add(page + "/" + total));
        assertThat(progress).containsExactly("1/2", "2/2");
        assertThat(read).contains("thủ tục hành chính", "phòng, chống thiên tai");
    }

    @Test
    void anImageThatClaimsToBeHugeIsRefusedFromItsHeader() throws Exception {
        // 100,000 × 100,000 pixels declared in 60 bytes: decoded, 10 gigapixels
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeader(100_000, 100_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> engine().recognise(bomb, "image/png", (p, n) -> { }))
                .isInstanceOf(TextRecognition.Refused.class).hasMessageContaining("pixels");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPdfWithTooManyPagesIsNotRead() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pages.add(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY));
        }
        Path pdf = Files.write(dir.resolve("many.pdf"), ScanPages.scannedPdf(pages));
        TextRecognition twoPages = new TextRecognition("tesseract", "vie", Duration.ofMinutes(1), 2, 60_000_000L);
        assertThatThrownBy(() -> twoPages.recognise(pdf, TextExtraction.PDF, (p, n) -> { }))
                .isInstanceOf(TextRecognition.Refused.class).hasMessageContaining("3 pages");
    }

    @Test
    void withoutTheEngineOrItsLanguageDataNothingIsRead() {
        TextRecognition missing = new TextRecognition(dir.resolve("no-tesseract").toString(), "vie", Duration.ofMinutes(1), 5, 1000);
        assertThat(missing.availability().available()).isFalse();
        assertThat(missing.availability().detail()).contains("not found");
        TextRecognition noData = new TextRecognition("tesseract", "vie+xyz", Duration.ofMinutes(1), 5, 1000);
        assertThat(noData.availability().available()).isFalse();
        assertThat(noData.availability().detail()).contains("no data for xyz");
    }

    /** The signature and the header chunk of a PNG of the given size, and nothing else. */
    static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(chunk);
        ihdr.writeBytes("IHDR");
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit grey, deflate, no filter, no interlace
        byte[] data = chunk.toByteArray();
        out.writeInt(13);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
