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
import java.util.stream.Stream;

/**
 * The background reading of scans: one worker (OCR takes a core per page), a state file next to each
 * scan ({@code <sha256>.ocr}: {@code QUEUED}, {@code DONE} or {@code FAILED}, with the file's type) so
 * that a scan queued when the node stopped is read after it starts again, and the page being read kept
 * in memory for the document page. The text goes where extracted text goes ({@code <sha256>.txt}).
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

    ScannedText(TextRecognition engine, int maxChars, Consumer<String> onRecognised) {
        this.engine = engine;
        this.maxChars = maxChars;
        this.onRecognised = onRecognised;
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

    /** Queues a stored scan; without an engine, records that it will not be read. */
    void queue(Path file, String sha256, String type) {
        if (!engine.availability().available()) {
            return;
        }
        writeState(file, State.QUEUED, type);
        submit(file, sha256, type);
    }

    /** The reading of a stored file, or empty for a file that is not a scan (or whose text came with it). */
    Optional<Recognition> state(Path file, String sha256, String type) {
        Recognition current = reading.get(sha256);
        if (current != null) {
            return Optional.of(current);
        }
        Path stateFile = stateFile(file);
        if (Files.exists(stateFile)) {
            String state = readState(stateFile)[0];
            return Optional.of(Recognition.of(State.valueOf(state)));
        }
        if (TextRecognition.isScan(type) && !engine.availability().available() && !Files.exists(textFile(file))) {
            return Optional.of(Recognition.of(State.UNAVAILABLE));
        }
        return Optional.empty();
    }

    /** Queues again the scans left queued or half read when the node stopped. */
    void resume(Path root) {
        if (!engine.availability().available() || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".ocr")).forEach(stateFile -> {
                String[] state = readState(stateFile);
                if (State.QUEUED.name().equals(state[0])) {
                    String name = stateFile.getFileName().toString();
                    Path file = stateFile.resolveSibling(name.substring(0, name.length() - 4));
                    submit(file, file.getFileName().toString(), state[1]);
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
            Thread.currentThread().interrupt(); // stopping: the state file still says QUEUED, read after the restart
        } catch (Exception e) {
            log.warn("Cannot read the scan {}: {}", sha256, e.getMessage());
            writeState(file, State.FAILED, type);
        } finally {
            reading.remove(sha256);
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

    private static String[] readState(Path stateFile) {
        try {
            String[] parts = Files.readString(stateFile, StandardCharsets.UTF_8).strip().split(" ", 2);
            return parts.length == 2 ? parts : new String[]{parts[0], ""};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
