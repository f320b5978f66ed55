package vn.egov.backbone.meetings.minutes;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The minutes' PDF carries Vietnamese as written, and whatever a secretary types cannot break it. */
class MinutesPdfTest {

    @Test
    void vietnameseTextIsEmbeddedAndExtractableForSearch() throws Exception {
        byte[] pdf = MinutesPdf.render(new MinutesPdf.Content("Ủy ban nhân dân xã Tân Lập", "Họp giao ban tuần",
                "Ý kiến: đồng ý thông qua; giao Văn phòng HĐND và UBND xã tổng hợp.", true, "Lò Văn Páo", "Hà Thị Xuân"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Họp giao ban tuần",
                    "(DỰ THẢO)", "giao Văn phòng HĐND và UBND xã tổng hợp", "THƯ KÝ", "Lò Văn Páo", "CHỦ TRÌ", "Hà Thị Xuân");
        }
    }

    /**
     * Seen failing before the text was filtered: PDFBox refuses a character its font lacks ("No glyph for U+1F4A5" — DejaVu Sans has no CJK and few emoji)
     * and a control character; a word wider than the page, cut by trying ever shorter prefixes, took minutes
     * (20,000 characters: the test never ended); measured character by character it takes milliseconds.
     */
    @Test
    void emojiControlCharactersAnEndlessWordAndThousandsOfLinesStillMakeAPdf() throws Exception {
        StringBuilder text = new StringBuilder("Đồng ý 💥漢字 hoàn toàn\u0000\u0007\tnhất trí\n");
        text.append("x".repeat(20_000)).append('\n');
        for (int line = 1; line <= 2_000; line++) {
            text.append("Dòng ").append(line).append(": ý kiến thảo luận của đại biểu.\n");
        }
        byte[] pdf = MinutesPdf.render(new MinutesPdf.Content("Sở Nội vụ", "Phiên 💥 họp", text.toString(), false,
                "Thư ký", "Chủ trì"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(40);
            String printed = new PDFTextStripper().getText(document);
            assertThat(printed).contains("Đồng ý  hoàn toàn nhất trí", "Dòng 2000: ý kiến thảo luận của đại biểu.")
                    .doesNotContain("💥", "漢", "DỰ THẢO");
        }
    }
}
