package vn.egov.backbone.eoffice.attachment;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;
import vn.egov.backbone.core.settings.CoreProperties;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachments on local disk, content-addressed: {@code <data-dir>/attachments/ab/abcdef…} by SHA-256,
 * so a file attached to many documents is stored once. The type is decided by the content (Tika's
 * detection, which also looks inside zip containers for DOCX/XLSX/ODT), never by what the client
 * claims. A ZIP container is checked by {@link ArchiveGuard} before anything parses it, so a
 * compression bomb is refused at the cost of a few kilobytes. The text of PDFs and office documents
 * is extracted next to the file for the search index, in {@link TextExtraction}'s bounded pool; the
 * words of scans (images, PDFs without a text layer) are read there later by OCR ({@link ScannedText}).
 *
 * <p>Callers check that the upload can be accepted (the document's or meeting's state, the caller's
 * rights) before they store, so that a refused upload costs neither a parse nor disk.
 */
@Component
public class AttachmentStore implements DisposableBean {
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

    /** A file stored again within this time is not deleted, held or not. */
    static final Duration REUSE_GRACE = Duration.ofMinutes(10);

    /** Characters of an attachment's text kept for search. */
    private static final int TEXT_LIMIT = 1_000_000;

    private final Path root;
    private final long maxBytes;
    private final ArchiveGuard.Limits archiveLimits;
    private final TextExtraction text;
    private final ScannedText scans;
    private final Tika tika = new Tika();

    /** @param events where {@link AttachmentTextRecognised} goes when a scan's words have been read */
    public AttachmentStore(CoreProperties node, EOfficeProperties settings, ApplicationEventPublisher events) {
        EOfficeProperties.Attachments limits = settings.attachments();
        this.root = node.dataDir().resolve("attachments");
        this.maxBytes = limits.maxSize().toBytes();
        ArchiveGuard.Limits defaults = ArchiveGuard.Limits.DEFAULT;
        this.archiveLimits = new ArchiveGuard.Limits(defaults.maxEntries(), limits.maxInflatedSize().toBytes(),
                defaults.maxRatio(), defaults.ratioGraceBytes(), defaults.maxTextPartBytes());
        this.text = new TextExtraction(limits.textWorkers(), limits.textBudget(), TEXT_LIMIT);
        EOfficeProperties.Ocr ocr = settings.ocr();
        this.scans = new ScannedText(new TextRecognition(ocr.command(), ocr.languages(), ocr.pageTimeout(), ocr.maxPages(),
                ocr.maxMegapixels() * 1_000_000L), TEXT_LIMIT, sha256 -> events.publishEvent(new AttachmentTextRecognised(sha256)),
                root, this::path);
        scans.resume();
    }

    /**
     * Refused files: empty, too large, of a type not accepted, a compression bomb, a damaged archive.
     * The API answers 4xx with the Vietnamese message and the {@link #code()}.
     */
    public static class RefusedFile extends InvalidInput {
        RefusedFile(AttachmentError code, Object... arguments) {
            super("file", code, arguments);
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
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copyLimited(content, new DigestOutputStream(Files.newOutputStream(temp), sha));
            if (size == 0) {
                throw new RefusedFile(AttachmentError.EMPTY);
            }
            ArchiveGuard.Summary archive = isZip(temp) ? checkArchive(temp) : null;
            String type;
            // from the file, not a stream: Tika then opens a ZIP as a whole and tells OOXML and ODF apart by
            // their parts; from a stream it guesses from the first entries ("imprecise detection", it warns)
            try (TikaInputStream in = TikaInputStream.get(temp)) {
                type = tika.detect(in, name);
            }
            if (!ALLOWED.containsKey(type) && !(archiveAllowed && "application/zip".equals(type))) {
                throw new RefusedFile(AttachmentError.TYPE, type);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                // stored again: a holder's record of it may not be written yet (see forgetUnlessHeld)
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            } else {
                boolean textAllowed = archive == null || archive.largestXmlPartBytes() <= archiveLimits.maxTextPartBytes();
                Optional<String> extracted = textAllowed ? text.extract(temp, type) : Optional.empty();
                if (!textAllowed) {
                    log.warn("No text extracted from {}: an XML part of {} bytes", name, archive.largestXmlPartBytes());
                }
                if (extracted.isPresent()) {
                    Files.writeString(textPath(target), extracted.get(), StandardCharsets.UTF_8);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                if (textAllowed && ScannedText.isScan(type, extracted)) {
                    scans.queue(target, hash, type);
                }
            }
            return new AttachmentRef(UUID.randomUUID().toString(), name, type, size, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private ArchiveGuard.Summary checkArchive(Path file) {
        try {
            return ArchiveGuard.check(file, archiveLimits);
        } catch (ArchiveGuard.Refused refused) {
            log.warn("Upload refused, {}: {}", refused.reason(), refused.getMessage());
            throw "bomb".equals(refused.reason())
                    ? new RefusedFile(AttachmentError.COMPRESSION_BOMB)
                    : new RefusedFile(AttachmentError.DAMAGED);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return ArchiveGuard.looksLikeZip(head, in.readNBytes(head, 0, 4));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    /**
     * Deletes a file, its extracted text, its scan's reading and its place in the OCR queue, unless a holder
     * still holds it or it was stored again within {@link #REUSE_GRACE} before {@code asOf} (an upload whose
     * record is not yet in a holder's read model).
     *
     * @param asOf from when the file is no longer needed (the start of the destruction's day: a replay decides
     *             as the first time did)
     * @return whether the file is gone
     */
    public boolean forgetUnlessHeld(String sha256, Collection<AttachmentHolder> holders, Instant asOf) {
        Optional<Path> file = content(sha256);
        if (file.isEmpty()) {
            return true;
        }
        try {
            if (holders.stream().anyMatch(holder -> holder.holds(sha256))
                    || Files.getLastModifiedTime(file.get()).toInstant().isAfter(asOf.minus(REUSE_GRACE))) {
                return false;
            }
            Files.deleteIfExists(ScannedText.textFile(file.get()));
            scans.forget(file.get(), sha256);
            Files.deleteIfExists(file.get());
            return true;
        } catch (IOException e) {
            log.warn("Cannot delete the stored file {}: {}", sha256, e.getMessage());
            return false;
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
                    () -> new vn.egov.backbone.core.shared.NotFound(AttachmentError.FILE_MISSING)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extracted text (PDF, DOCX, XLSX, ODT) or the words read from a scan, for the search index. */
    public Optional<String> text(String sha256) {
        return content(sha256).map(AttachmentStore::textPath).filter(Files::exists).map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Where the reading of a scan's words stands, or empty for a file that is not a scan (an office
     * document, a PDF with its own text).
     */
    public Optional<Recognition> recognition(AttachmentRef attachment) {
        return recognition(attachment.sha256(), attachment.contentType());
    }

    public Optional<Recognition> recognition(String sha256, String contentType) {
        return content(sha256).flatMap(file -> scans.state(file, sha256, contentType));
    }

    /** Whether scans are read on this node (Tesseract with its Vietnamese data), for health and the pages. */
    public boolean readsScans() {
        return scans.availability().available();
    }

    /** What the OCR engine is, or why there is none. */
    public String scanReader() {
        return scans.availability().detail();
    }

    private static Path textPath(Path file) {
        return ScannedText.textFile(file);
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
                    throw new RefusedFile(AttachmentError.TOO_LARGE, DataSize.ofBytes(maxBytes).toMegabytes());
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }

    private static String safeName(String fileName) {
        String path = fileName == null ? "" : fileName.replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = "tệp-đính-kèm";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    @Override
    public void destroy() {
        text.close();
        scans.close();
    }
}
