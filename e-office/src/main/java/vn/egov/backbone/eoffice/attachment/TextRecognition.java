package vn.egov.backbone.eoffice.attachment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the words of a scan with Tesseract ({@code tesseract <image> stdout -l vie}), one page at a time
 * in a process of its own, so that a page that takes too long is killed and a crash of the engine is
 * not a crash of Backbone.
 *
 * <p>Scans are hostile input like any other: an image's size is read from its header before anything
 * decodes it, a PDF page is rendered at a resolution that keeps it under {@code maxPixels}, and no more
 * than {@code maxPages} pages are read.
 */
final class TextRecognition {
    private static final Logger log = LoggerFactory.getLogger(TextRecognition.class);
    /** Resolution at which a scanned PDF page is rendered for the engine: what Tesseract reads best. */
    private static final float DPI = 300;

    /** Whether the engine can be used, and what health and the document page say about it. */
    record Availability(boolean available, String detail) {
    }

    /** Told before each page is read: page numbers count from 1. */
    interface Progress {
        void page(int page, int pages);
    }

    /** A scan refused before it was read: too many pages or pixels, or not an image the engine can read. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final String command;
    private final String languages;
    private final Duration pageTimeout;
    private final int maxPages;
    private final long maxPixels;
    private final Availability availability;

    TextRecognition(String command, String languages, Duration pageTimeout, int maxPages, long maxPixels) {
        this.command = command;
        this.languages = languages;
        this.pageTimeout = pageTimeout;
        this.maxPages = maxPages;
        this.maxPixels = maxPixels;
        this.availability = probe();
    }

    Availability availability() {
        return availability;
    }

    /** Whether a file of this type is read by the engine when it has no text of its own. */
    static boolean isScan(String type) {
        return type.startsWith("image/") || TextExtraction.PDF.equals(type);
    }

    /** The text of a scan: an image (PNG, JPEG, TIFF, every page of it) or the pages of a PDF. */
    String recognise(Path file, String type, Progress progress) throws IOException, InterruptedException {
        if (TextExtraction.PDF.equals(type)) {
            return recognisePdf(file, progress);
        }
        int pages = checkImage(file);
        StringBuilder text = new StringBuilder();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, false, true);
                for (int i = 0; i < pages; i++) {
                    progress.page(i + 1, pages);
                    text.append(readPage(reader.read(i))).append('\n');
                }
            } finally {
                reader.dispose();
            }
        }
        return text.toString();
    }

    private String recognisePdf(Path file, Progress progress) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            if (pages > maxPages) {
                throw new Refused(pages + " pages, more than " + maxPages);
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pages; i++) {
                progress.page(i + 1, pages);
                PDRectangle box = pdf.getPage(i).getCropBox();
                double inches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
                // a page of 200 × 200 inches rendered at 300 dpi would be 3.6 gigapixels: scale it down instead
                float dpi = (float) Math.min(DPI, Math.sqrt(maxPixels / Math.max(inches, 1e-6)));
                text.append(readPage(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY))).append('\n');
            }
        }
        return text.toString();
    }

    /** The number of pages of an image, from its header, once every page's size is known to be within limits. */
    private int checkImage(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Refused("not an image this engine reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int pages = 0;
                while (true) {
                    long pixels;
                    try {
                        pixels = (long) reader.getWidth(pages) * reader.getHeight(pages);
                    } catch (IndexOutOfBoundsException end) {
                        break;
                    }
                    if (pixels > maxPixels) {
                        throw new Refused("page " + (pages + 1) + " has " + pixels + " pixels, more than " + maxPixels);
                    }
                    if (++pages > maxPages) {
                        throw new Refused("more than " + maxPages + " pages");
                    }
                }
                if (pages == 0) {
                    throw new Refused("an image without pages");
                }
                return pages;
            } finally {
                reader.dispose();
            }
        }
    }

    /** One page: turned straight ({@link Deskew}), written as a grey PNG, read by the engine. */
    private String readPage(BufferedImage page) throws IOException, InterruptedException {
        BufferedImage straight = Deskew.straighten(page);
        Path png = Files.createTempFile("ocr-page-", ".png");
        try {
            ImageIO.write(straight, "png", png.toFile());
            return tesseract(png);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private String tesseract(Path image) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ocr-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command, image.toString(), "stdout", "-l", languages, "--psm", "3")
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // one thread per page: the worker pool, not OpenMP inside the engine, decides how many cores OCR takes
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            try {
                if (!process.waitFor(pageTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IOException("a page not read within " + pageTimeout);
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            if (process.exitValue() != 0) {
                throw new IOException(command + " ended with " + process.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs {@code tesseract --list-langs}: the engine is usable when it runs and knows the languages. */
    private Availability probe() {
        Path out = null;
        try {
            out = Files.createTempFile("ocr-langs-", ".txt");
            Process process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return unavailable(command + " --list-langs failed");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            List<String> missing = new ArrayList<>();
            List<String> known = output.lines().map(String::strip).toList();
            for (String language : languages.split("\\+")) {
                if (!known.contains(language)) {
                    missing.add(language);
                }
            }
            return missing.isEmpty()
                    ? new Availability(true, command + " (" + languages + ")")
                    : unavailable(command + " has no data for " + String.join(", ", missing));
        } catch (IOException e) {
            return unavailable(command + " not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
    }

    private static Availability unavailable(String detail) {
        log.warn("OCR unavailable, scanned attachments will not be searchable: {}", detail);
        return new Availability(false, detail);
    }
}
