package vn.egov.backbone.meetings.minutes;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minutes as an A4 PDF in the layout of a biên bản (NĐ 30/2020, Phụ lục III): the agency and the national
 * motto side by side, "BIÊN BẢN" and the meeting's title, the text, and at the foot of the last page the
 * secretary's block on the left and the chair's on the right, where their digital signatures go
 * ({@link #SECRETARY_SIGNATURE}, {@link #CHAIR_SIGNATURE}). Text in DejaVu Sans, embedded, so that Vietnamese
 * reads (and is extracted for search) as written; a character the font lacks is left out rather than refused.
 */
final class MinutesPdf {
    /** The font e-office signs with, from its jar: one copy of the file for every PDF Backbone makes. */
    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final float MARGIN = 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 50;
    private static final float BODY_SIZE = 11.5f;
    private static final float LEADING = 16;
    /** The body stops above the signature blocks on the last page; a longer text moves them to a page of their own. */
    private static final float SIGNATURE_AREA_TOP = 215;
    static final PDRectangle SECRETARY_SIGNATURE = new PDRectangle(MARGIN, 110, 220, 52);
    static final PDRectangle CHAIR_SIGNATURE = new PDRectangle(320, 110, 220, 52);

    /**
     * @param agency    the host unit's name, in capitals at the top left
     * @param draft     whether the text is not yet approved ("DỰ THẢO" under the title)
     */
    record Content(String agency, String title, String text, boolean draft, String secretaryName, String chairName) {
    }

    private final PDDocument document;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    private MinutesPdf(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
    }

    static byte[] render(Content content) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = MinutesPdf.class.getResourceAsStream(FONT);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (fontFile == null) {
                throw new IllegalStateException("The font " + FONT + " is not on the class path (e-office's jar)");
            }
            MinutesPdf pdf = new MinutesPdf(document, PDType0Font.load(document, fontFile));
            pdf.write(content);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("Biên bản: " + content.title());
            information.setAuthor(content.agency());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Content content) throws IOException {
        newPage();
        float width = PDRectangle.A4.getWidth();
        float columnTop = y;
        List<String> agency = wrap(content.agency().toUpperCase(Locale.forLanguageTag("vi")), 10.5f, 230);
        for (String line : agency) {
            centred(line, 10.5f, MARGIN + 115);
        }
        float leftBottom = y;
        y = columnTop;
        centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 10.5f, 420);
        centred("Độc lập - Tự do - Hạnh phúc", 11, 420);
        y = Math.min(y, leftBottom) - 24;
        centred("BIÊN BẢN", 14, width / 2);
        for (String line : wrap(content.title(), 12.5f, width - 2 * MARGIN - 40)) {
            centred(line, 12.5f, width / 2);
        }
        if (content.draft()) {
            centred("(DỰ THẢO)", 10.5f, width / 2);
        }
        y -= 12;

        for (String paragraph : content.text().replace("\r", "").split("\n", -1)) {
            List<String> lines = paragraph.isBlank() ? List.of("") : wrap(paragraph, BODY_SIZE, width - 2 * MARGIN);
            for (String line : lines) {
                if (y - LEADING < MARGIN) {
                    newPage();
                }
                show(line, BODY_SIZE, MARGIN, y - LEADING);
                y -= LEADING;
            }
        }

        if (y < SIGNATURE_AREA_TOP + LEADING) {
            newPage();
        }
        y = SIGNATURE_AREA_TOP;
        float secretary = SECRETARY_SIGNATURE.getLowerLeftX() + SECRETARY_SIGNATURE.getWidth() / 2;
        float chair = CHAIR_SIGNATURE.getLowerLeftX() + CHAIR_SIGNATURE.getWidth() / 2;
        show(centre("THƯ KÝ", 11.5f, secretary), 11.5f, y - LEADING);
        show(centre("CHỦ TRÌ", 11.5f, chair), 11.5f, y - LEADING);
        float names = SECRETARY_SIGNATURE.getLowerLeftY() - 22;
        show(centre(content.secretaryName(), 11.5f, secretary), 11.5f, names);
        show(centre(content.chairName(), 11.5f, chair), 11.5f, names);
        page.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = TOP;
    }

    private void centred(String text, float size, float centre) throws IOException {
        show(centre(text, size, centre), size, y - size - 4);
        y -= size + 5;
    }

    /** The text and the x at which it starts so that it is centred on {@code centre}. */
    private Positioned centre(String text, float size, float centre) throws IOException {
        String printable = printable(text == null ? "" : text);
        return new Positioned(printable, centre - width(printable, size) / 2);
    }

    private record Positioned(String text, float x) {
    }

    private void show(Positioned positioned, float size, float atY) throws IOException {
        show(positioned.text(), size, positioned.x(), atY);
    }

    private void show(String text, float size, float x, float atY) throws IOException {
        String printable = printable(text);
        if (printable.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(printable);
        page.endText();
    }

    /** The paragraph in lines no wider than {@code maxWidth}, broken at spaces (a wider word is cut). */
    private List<String> wrap(String paragraph, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(paragraph).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (width(word, size) <= maxWidth) {
                line.append(word);
                continue;
            }
            // a word wider than the line (a long link, a typed row of characters) is cut where it fills a line,
            // measured one character at a time so that the cost grows with its length, not with its square
            float filled = 0;
            for (int offset = 0; offset < word.length(); ) {
                int codePoint = word.codePointAt(offset);
                String character = new String(Character.toChars(codePoint));
                float advance = width(character, size);
                if (filled + advance > maxWidth && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    filled = 0;
                }
                line.append(character);
                filled += advance;
                offset += character.length();
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs as spaces, control characters and characters the font cannot show left out. */
    private String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.replace('\t', ' ').codePoints().forEach(codePoint -> {
            if (!Character.isISOControl(codePoint) && printable.computeIfAbsent(codePoint, this::hasGlyph)) {
                kept.appendCodePoint(codePoint);
            }
        });
        return kept.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException noGlyph) {
            return false;
        }
    }
}
