package vn.egov.backbone.eoffice.attachment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Attachments on local disk, content-addressed: {@code <data-dir>/attachments/ab/abcdef…} by SHA-256,
 * so a file attached to many documents is stored once. The type is decided by the content (Tika's
 * detection, which also looks inside zip containers for DOCX/XLSX/ODT), never by what the client
 * claims. The text of PDFs and office documents is extracted next to the file for the search index.
 */
@Component
public class AttachmentStore {
    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    /** Allowed types and the extension a download gets. */
    static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
            "application/vnd.oasis.opendocument.text", "odt",
            "image/png", "png",
            "image/jpeg", "jpg",
            "image/tiff", "tif");

    /** Office documents whose text Tika extracts. */
    private static final Set<String> WITH_TEXT = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    /** Characters of an attachment's text kept for search. */
    private static final int TEXT_LIMIT = 1_000_000;

    private final Path root;
    private final long maxBytes;
    private final Tika tika = new Tika();

    public AttachmentStore(@Value("${backbone.data-dir}") String dataDir,
                           @Value("${backbone.attachments.max-size:50MB}") DataSize maxSize) {
        this.root = Path.of(dataDir, "attachments");
        this.maxBytes = maxSize.toBytes();
        tika.setMaxStringLength(TEXT_LIMIT);
    }

    /** Refused files: wrong type or too large. The API answers 4xx with the message. */
    public static class RefusedFile extends IllegalArgumentException {
        RefusedFile(String message) {
            super(message);
        }
    }

    public AttachmentRef store(InputStream content, String fileName) {
        return store(content, fileName, false);
    }

    /**
     * @param archiveAllowed whether a ZIP archive may be kept as it is: edXML senders zip their files,
     *                       and an archive whose content Backbone cannot check is kept whole rather than lost
     */
    public AttachmentRef store(InputStream content, String fileName, boolean archiveAllowed) {
        String name = safeName(fileName);
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = copyLimited(content, new DigestOutputStream(Files.newOutputStream(temp), sha));
                if (size == 0) {
                    throw new RefusedFile("file: the file is empty");
                }
                String type;
                try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(temp))) {
                    type = tika.detect(in, name);
                }
                if (!ALLOWED.containsKey(type) && !(archiveAllowed && "application/zip".equals(type))) {
                    throw new RefusedFile("file: type " + type + " is not accepted; send PDF, DOCX, XLSX, ODT, PNG, JPEG or TIFF");
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                Path target = path(hash);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    extractText(target, type);
                }
                return new AttachmentRef(UUID.randomUUID().toString(), name, type, size, hash);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Path> content(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path path = path(sha256);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** The content of a stored file. */
    public byte[] bytes(String sha256) {
        try {
            return Files.readAllBytes(content(sha256).orElseThrow(
                    () -> new vn.egov.backbone.core.shared.NotFound("The attachment's file is missing")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extracted text (PDF, DOCX, XLSX, ODT), for the search index; empty for other types. */
    public Optional<String> text(String sha256) {
        return content(sha256).map(p -> p.resolveSibling(p.getFileName() + ".txt")).filter(Files::exists).map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long copyLimited(InputStream in, OutputStream out) throws IOException {
        try (out) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new RefusedFile("file: larger than the limit of " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }

    private void extractText(Path file, String type) {
        try {
            String text;
            if ("application/pdf".equals(type)) {
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    text = new PDFTextStripper().getText(pdf);
                }
            } else if (ODT.equals(type)) {
                text = OdtText.of(file, TEXT_LIMIT);
            } else if (WITH_TEXT.contains(type)) {
                // Tika's parser (Apache POI), which refuses zip bombs by their inflation ratio; the text
                // is cut at TEXT_LIMIT characters
                text = tika.parseToString(file);
            } else {
                return;
            }
            Files.writeString(file.resolveSibling(file.getFileName() + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException | TikaException | RuntimeException e) {
            // A file we cannot read (damaged, encrypted) is still kept; it just has no text for search.
            log.warn("No text extracted from {}: {}", file.getFileName(), e.getMessage());
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString().strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty()) {
            name = "tệp-đính-kèm";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
