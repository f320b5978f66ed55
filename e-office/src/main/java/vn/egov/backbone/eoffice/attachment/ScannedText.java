package vn.egov.backbone.eoffice.attachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.backbone.eoffice.attachment.Recognition.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The background reading of scans: one worker (OCR takes a core per page); a scan waiting to be read
 * has a marker in {@code <attachments>/ocr-queue/<sha256>} (holding its type), so that a node reads after
 * its start what was left when it stopped — or stored while it had no engine — by listing that folder
 * only, never the whole attachment store; a scan read has a state file next to it ({@code <sha256>.ocr}:
 * {@code DONE} or {@code FAILED}); the page being read is kept in memory for the document page. The text
 * goes where extracted text goes ({@code <sha256>.txt}).
 */
final class ScannedText implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScannedText.class);
    /** Fewer letters than this in a PDF's text layer: a scan with, at most, a page number or a stamp. */
    static final int LETTERS_OF_A_TEXT_LAYER = 20;

    private final TextRecognition engine;
    private final int maxChars;
    private final Consumer<String> onRecognised;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "attachment-ocr");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Recognition> reading = new ConcurrentHashMap<>();
    private final Path queue;
    private final Function<String, Path> fileOf;

    /**
     * @param root   the attachment store's folder
     * @param fileOf where the store keeps the file of a SHA-256
     */
    ScannedText(TextRecognition engine, int maxChars, Consumer<String> onRecognised, Path root, Function<String, Path> fileOf) {
        this.engine = engine;
        this.maxChars = maxChars;
        this.onRecognised = onRecognised;
        this.queue = root.resolve("ocr-queue");
        this.fileOf = fileOf;
    }

    TextRecognition.Availability availability() {
        return engine.availability();
    }

    /** Whether a stored file, with the text extracted from it (if any), is a scan to be read. */
    static boolean isScan(String type, Optional<String> extracted) {
        return TextRecognition.isScan(type)
                && extracted.map(text -> text.codePoints().filter(Character::isLetter).count() < LETTERS_OF_A_TEXT_LAYER)
                .orElse(true);
    }

    /** Queues a stored scan; without an engine it waits in the queue for a node that has one. */
    void queue(Path file, String sha256, String type) {
        try {
            Files.createDirectories(queue);
            Files.writeString(queue.resolve(sha256), type, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (engine.availability().available()) {
            submit(file, sha256, type);
        }
    }

    /** The reading of a stored file, or empty for a file that is not a scan (or whose text came with it). */
    Optional<Recognition> state(Path file, String sha256, String type) {
        Recognition current = reading.get(sha256);
        if (current != null) {
            return Optional.of(current);
        }
        boolean available = engine.availability().available();
        if (Files.exists(queue.resolve(sha256))) {
            return Optional.of(Recognition.of(available ? State.QUEUED : State.UNAVAILABLE));
        }
        Path stateFile = stateFile(file);
        if (Files.exists(stateFile)) {
            return Optional.of(Recognition.of(State.valueOf(readState(stateFile))));
        }
        if (TextRecognition.isScan(type) && !available && !Files.exists(textFile(file))) {
            return Optional.of(Recognition.of(State.UNAVAILABLE)); // stored before scans were queued
        }
        return Optional.empty();
    }

    /** Reads the scans left in the queue: those queued or half read when the node stopped, or stored without an engine. */
    void resume() {
        if (!engine.availability().available() || !Files.isDirectory(queue)) {
            return;
        }
        try (Stream<Path> markers = Files.list(queue)) {
            markers.forEach(marker -> {
                String sha256 = marker.getFileName().toString();
                Path file = fileOf.apply(sha256);
                try {
                    if (Files.exists(file)) {
                        submit(file, sha256, Files.readString(marker, StandardCharsets.UTF_8).strip());
                    } else {
                        Files.deleteIfExists(marker);
                    }
                } catch (IOException e) {
                    log.warn("Cannot queue the scan {} again: {}", sha256, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Cannot look for scans left to read: {}", e.getMessage());
        }
    }

    private void submit(Path file, String sha256, String type) {
        reading.put(sha256, Recognition.of(State.QUEUED));
        worker.submit(() -> read(file, sha256, type));
    }

    private void read(Path file, String sha256, String type) {
        boolean read = false;
        try {
            String text = engine.recognise(file, type,
                    (page, pages) -> reading.put(sha256, new Recognition(State.READING, page, pages)));
            text = text.length() > maxChars ? text.substring(0, maxChars) : text;
            Files.writeString(textFile(file), text, StandardCharsets.UTF_8);
            writeState(file, State.DONE, type);
            read = true;
            log.info("Read {} characters from the scan {}", text.length(), sha256);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the marker stays in the queue, read after the restart
        } catch (Exception e) {
            log.warn("Cannot read the scan {}: {}", sha256, e.getMessage());
            writeState(file, State.FAILED, type);
        } finally {
            reading.remove(sha256);
        }
        if (!Thread.currentThread().isInterrupted()) {
            try {
                Files.deleteIfExists(queue.resolve(sha256));
            } catch (IOException e) {
                log.warn("The scan {} stays queued: {}", sha256, e.getMessage());
            }
        }
        if (read) {
            try {
                onRecognised.accept(sha256);
            } catch (RuntimeException e) {
                log.warn("The text read from {} was not indexed: {}", sha256, e.toString());
            }
        }
    }

    private static void writeState(Path file, State state, String type) {
        try {
            Files.writeString(stateFile(file), state.name() + " " + type, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readState(Path stateFile) {
        try {
            return Files.readString(stateFile, StandardCharsets.UTF_8).strip().split(" ", 2)[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a deleted file's reading and queue marker. */
    void forget(Path file, String sha256) throws IOException {
        Files.deleteIfExists(stateFile(file));
        Files.deleteIfExists(queue.resolve(sha256));
    }

    static Path textFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".txt");
    }

    private static Path stateFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".ocr");
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
