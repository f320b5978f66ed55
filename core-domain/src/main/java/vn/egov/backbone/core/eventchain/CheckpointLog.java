package vn.egov.backbone.core.eventchain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.egov.backbone.core.eventchain.api.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints as a file outside the database, one JSON object per line, only ever appended
 * to: the file an inspector is handed, and what the verification trusts.
 */
final class CheckpointLog {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Path file;

    CheckpointLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized void append(Checkpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(checkpoint) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append a checkpoint to " + file, e);
        }
    }

    /** Every checkpoint in the file, oldest first; none if there is no file yet. */
    synchronized List<Checkpoint> all() {
        return read(file);
    }

    static List<Checkpoint> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (!line.isBlank()) {
                    checkpoints.add(parse(line, file + ":" + number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoints in " + file, e);
        }
        return checkpoints;
    }

    static Checkpoint parse(String json, String where) {
        try {
            Checkpoint checkpoint = JSON.readValue(json, Checkpoint.class);
            if (!checkpoint.wellFormed()) {
                throw new IllegalArgumentException("Not a checkpoint at " + where + ": " + json);
            }
            return checkpoint;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a checkpoint at " + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
