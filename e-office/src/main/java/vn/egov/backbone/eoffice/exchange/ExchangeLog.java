package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.settings.CoreProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exchange log: each edXML package sent or received, kept byte for byte under its SHA-256 with
 * the time, direction, outcome and the document it concerns. Refused packages are logged too.
 */
@Component
public class ExchangeLog {
    public enum Direction { IN, OUT }

    public enum Kind { DOCUMENT, STATUS, UNKNOWN }

    public enum Outcome { ACCEPTED, REFUSED, PRODUCED }

    public record Entry(String id, Direction direction, Kind kind, Outcome outcome, String documentId,
                        String edxmlDocumentId, String statusCode, String sha256, long size, String detail,
                        Instant loggedAt) {
    }

    private final JdbcClient jdbc;
    private final Path root;
    private final Clock clock;

    ExchangeLog(JdbcClient jdbc, CoreProperties node, Clock clock) {
        this.jdbc = jdbc;
        this.root = node.dataDir().resolve("exchange");
        this.clock = clock;
    }

    public Entry record(Direction direction, Kind kind, Outcome outcome, byte[] bytes, String documentId,
                        String edxmlDocumentId, String statusCode, String detail, String officialId) {
        String sha = bytes == null ? null : sha256(bytes);
        if (bytes != null) {
            store(sha, bytes);
        }
        Entry entry = new Entry(UUID.randomUUID().toString(), direction, kind, outcome, documentId, edxmlDocumentId,
                statusCode, sha, bytes == null ? 0 : bytes.length, truncate(detail), clock.instant());
        jdbc.sql("INSERT INTO exchange_message (id, direction, kind, outcome, document_id, edxml_document_id, status_code,"
                        + " sha256, size_bytes, detail, official_id, logged_at) VALUES (:id, :direction, :kind, :outcome,"
                        + " :document, :edxmlId, :status, :sha, :size, :detail, :official, :at)")
                .param("id", entry.id()).param("direction", direction.name()).param("kind", kind.name())
                .param("outcome", outcome.name()).param("document", documentId).param("edxmlId", edxmlDocumentId)
                .param("status", statusCode).param("sha", sha).param("size", entry.size()).param("detail", entry.detail())
                .param("official", officialId).param("at", Timestamp.from(entry.loggedAt())).update();
        return entry;
    }

    public boolean produced(String documentId, String statusCode) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_message WHERE document_id = :document AND status_code = :status"
                        + " AND direction = 'OUT' AND kind = 'STATUS'")
                .param("document", documentId).param("status", statusCode).query(Long.class).single() > 0;
    }

    public List<Entry> forDocument(String documentId) {
        return jdbc.sql("SELECT id, direction, kind, outcome, document_id, edxml_document_id, status_code, sha256,"
                        + " size_bytes, detail, logged_at FROM exchange_message WHERE document_id = :document"
                        + " ORDER BY logged_at, id")
                .param("document", documentId).query((rs, i) -> new Entry(rs.getString(1),
                        Direction.valueOf(rs.getString(2)), Kind.valueOf(rs.getString(3)), Outcome.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getString(10), rs.getTimestamp(11).toInstant())).list();
    }

    public Optional<Entry> find(String id) {
        return jdbc.sql("SELECT id, direction, kind, outcome, document_id, edxml_document_id, status_code, sha256,"
                        + " size_bytes, detail, logged_at FROM exchange_message WHERE id = :id")
                .param("id", id).query((rs, i) -> new Entry(rs.getString(1), Direction.valueOf(rs.getString(2)),
                        Kind.valueOf(rs.getString(3)), Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant())).optional();
    }

    public Optional<byte[]> bytes(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path path = root.resolve(sha256.substring(0, 2)).resolve(sha256);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(String sha, byte[] bytes) {
        Path path = root.resolve(sha.substring(0, 2)).resolve(sha);
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(path.getParent());
                Path temp = Files.createTempFile(path.getParent(), "package-", ".part");
                Files.write(temp, bytes);
                Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the package in the exchange log", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
