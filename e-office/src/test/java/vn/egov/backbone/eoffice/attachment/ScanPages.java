package vn.egov.backbone.eoffice.attachment;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pages as a scanner or a phone makes them: Vietnamese text drawn at 300 dpi in a given font, turned
 * by a slight angle, with speckle noise — what the OCR tests read and the error rate is measured on.
 */
public final class ScanPages {
    /**
     * Fonts of Vietnamese administrative text, serif (Times-like, as NĐ 30 asks) and sans, as files: the
     * Liberation fonts of Debian's {@code fonts-liberation} (1.x) have no Vietnamese letters, those of
     * {@code fonts-liberation2} have, and both answer to the same family name.
     */
    public static final Map<String, String> FONTS = new LinkedHashMap<>();

    static {
        FONTS.put("Liberation Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
        FONTS.put("DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
        FONTS.put("Liberation Sans", "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf");
        FONTS.put("DejaVu Sans", "classpath:/fonts/DejaVuSans.ttf");
    }

    private ScanPages() {
    }

    /** One of {@link #FONTS} at a size in pixels. */
    public static Font font(String family, float size) {
        String file = FONTS.get(family);
        try (InputStream in = file.startsWith("classpath:")
                ? ScanPages.class.getResourceAsStream(file.substring("classpath:".length()))
                : Files.newInputStream(Path.of(file))) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + " is missing: .ci/run installs fonts-liberation2 and fonts-dejavu-core");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An A4-wide page at 300 dpi with the lines of text, turned by {@code degrees}, with {@code noise} of pixels flipped. */
    public static BufferedImage page(String text, Font font, double degrees, double noise, long seed) {
        int width = 2480;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        List<String> lines = wrap(text, metrics, width - 400);
        measure.dispose();
        int lineHeight = (int) (metrics.getHeight() * 1.3);
        int height = Math.max(800, lines.size() * lineHeight + 400);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(Color.BLACK);
        g.setFont(font);
        int y = 200 + metrics.getAscent();
        for (String line : lines) {
            g.drawString(line, 200, y);
            y += lineHeight;
        }
        g.dispose();
        Random random = new Random(seed);
        for (long i = Math.round(noise * width * height); i > 0; i--) {
            int x = random.nextInt(width);
            int py = random.nextInt(height);
            page.getRaster().setSample(x, py, 0, random.nextBoolean() ? 0 : 255);
        }
        return page;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF of the pages as images only, with no text layer: what a scanner produces. */
    public static byte[] scannedPdf(List<BufferedImage> pages) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                float w = image.getWidth() * 72f / 300f;
                float h = image.getHeight() * 72f / 300f;
                PDPage page = new PDPage(new PDRectangle(w, h));
                pdf.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 0, 0, w, h);
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits (insertions, deletions, substitutions) between the texts, per character of {@code reference}. */
    static double characterErrorRate(String reference, String recognised) {
        String ref = normalise(reference);
        String hyp = normalise(recognised);
        int[] previous = new int[hyp.length() + 1];
        int[] current = new int[hyp.length() + 1];
        for (int j = 0; j <= hyp.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.length(); j++) {
                int substitution = previous[j - 1] + (ref.charAt(i - 1) == hyp.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[hyp.length()] / ref.length();
    }

    /** The share of the reference's words (with their diacritics) found among the recognised ones, each once. */
    static double wordsFound(String reference, String recognised) {
        List<String> left = new ArrayList<>(List.of(words(recognised)));
        String[] expected = words(reference);
        int found = 0;
        for (String word : expected) {
            if (left.remove(word)) {
                found++;
            }
        }
        return (double) found / expected.length;
    }

    private static String[] words(String text) {
        return normalise(text).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").split(" ");
    }

    /** Composed characters, one space between words: line breaks are layout, not text. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (!line.isEmpty() && metrics.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
