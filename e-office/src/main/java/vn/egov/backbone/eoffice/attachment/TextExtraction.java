package vn.egov.backbone.eoffice.attachment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts the searchable text of an attachment in a small pool of its own, so that however many
 * uploads arrive at once, at most {@code workers} parsers hold memory, each for at most {@code budget}.
 * A file whose text cannot be had in time or within the limits is kept without text; it is never
 * refused for that, and never parsed on the request's thread.
 *
 * <p>Each parser streams: PDFBox keeps decoded streams in temporary files, not on the heap; Tika's
 * SAX extractor reads DOCX (its default builds the whole document in memory) and does not descend
 * into embedded documents (no parser is given for them); the text is cut at {@code maxChars}.
 */
final class TextExtraction implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    private final ThreadPoolExecutor pool;
    private final Duration budget;
    private final int maxChars;

    TextExtraction(int workers, Duration budget, int maxChars) {
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), task -> {
            Thread thread = new Thread(task, "attachment-text-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.budget = budget;
        this.maxChars = maxChars;
    }

    static boolean hasText(String type) {
        return PDF.equals(type) || DOCX.equals(type) || XLSX.equals(type) || ODT.equals(type);
    }

    /** The file's text, or empty when it has none, cannot be read, or not within the budget. */
    Optional<String> extract(Path file, String type) {
        if (!hasText(type)) {
            return Optional.empty();
        }
        Future<String> task;
        try {
            task = pool.submit(() -> parse(file, type));
        } catch (RejectedExecutionException e) {
            log.warn("No text extracted from {}: {} extractions already waiting", file.getFileName(), pool.getQueue().size());
            return Optional.empty();
        }
        try {
            return Optional.of(task.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            log.warn("No text extracted from {}: not done within {}", file.getFileName(), budget);
        } catch (ExecutionException e) {
            // A file we cannot read (damaged, encrypted) is still kept; it just has no text for search.
            log.warn("No text extracted from {}: {}", file.getFileName(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private String parse(Path file, String type) throws Exception {
        BoundedText text = new BoundedText(maxChars);
        try {
            switch (type) {
                case PDF -> {
                    try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null,
                            IOUtils.createTempFileOnlyStreamCache())) {
                        new PDFTextStripper().writeText(pdf, text);
                    }
                }
                case ODT -> text.write(OdtText.of(file, maxChars));
                default -> {
                    ParseContext context = new ParseContext();
                    OfficeParserConfig office = new OfficeParserConfig();
                    office.setUseSAXDocxExtractor(true);
                    office.setExtractMacros(false);
                    context.set(OfficeParserConfig.class, office);
                    try (TikaInputStream in = TikaInputStream.get(file)) {
                        new OOXMLParser().parse(in, new BodyContentHandler(new WriteOutContentHandler(text, maxChars)),
                                new Metadata(), context);
                    }
                }
            }
        } catch (Exception e) {
            if (!text.full && !WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
        }
        return text.toString();
    }

    /** A writer that stops the parser once it has enough text, or once the extraction is cancelled. */
    private static final class BoundedText extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int maxChars;
        private boolean full;

        BoundedText(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("text extraction cancelled");
            }
            int room = maxChars - text.length();
            text.append(chars, offset, Math.min(room, length));
            if (length > room) {
                full = true;
                throw new IOException("text limit reached");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
