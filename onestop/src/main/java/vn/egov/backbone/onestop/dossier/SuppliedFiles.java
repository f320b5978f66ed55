package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.core.shared.InvalidInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files applicants supply online, under {@code <data dir>/dossier-files/<dossier>/<sha256>}: per dossier, so
 * that erasing the applicant's data removes them with one directory. Only PDF, JPEG and PNG are taken, known by
 * their first bytes, not by the name or the type the browser claims; at most {@link #MAX_BYTES} each, counted
 * while reading (a larger upload stops being read there).
 */
@Component
class SuppliedFiles {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    record Stored(String sha256, String contentType, String extension, long size) {
    }

    private final Path root;

    SuppliedFiles(CoreProperties node) {
        this.root = node.dataDir().resolve("dossier-files");
    }

    Stored store(String dossierId, InputStream upload) {
        Path directory = directory(dossierId);
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "upload-", ".part");
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size;
                byte[] head;
                try (InputStream in = upload; OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    head = in.readNBytes(8);
                    out.write(head);
                    size = head.length + copyAtMost(in, out, MAX_BYTES - head.length);
                }
                String[] type = type(head);
                if (type == null) {
                    throw new InvalidInput("files", DossierError.SUPPLIED_FILE_TYPE);
                }
                String hash = HexFormat.of().formatHex(sha256.digest());
                Files.move(partial, directory.resolve(hash), StandardCopyOption.REPLACE_EXISTING);
                return new Stored(hash, type[0], type[1], size);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Path> find(String dossierId, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = directory(dossierId).resolve(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void erase(String dossierId) {
        try {
            FileSystemUtils.deleteRecursively(directory(dossierId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory(String dossierId) {
        if (dossierId == null || !ID.matcher(dossierId).matches()) {
            throw new IllegalArgumentException("not a dossier id");
        }
        return root.resolve(dossierId);
    }

    /** Copies up to {@code limit} bytes; one more means the file is too large. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            copied += read;
            if (copied > limit) {
                throw new InvalidInput("files", DossierError.SUPPLIED_FILE_SIZE, MAX_BYTES / (1024 * 1024));
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    /** {content type, extension} from the first bytes, or null. */
    private static String[] type(byte[] head) {
        if (startsWith(head, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return new String[] {"application/pdf", "pdf"};
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return new String[] {"image/jpeg", "jpg"};
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return new String[] {"image/png", "png"};
        }
        return null;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
