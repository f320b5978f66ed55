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

    /**
     * @param agencyId    the agency that received or sent the package (null for packages logged before it was kept)
     * @param counterpart the other side's OrganId(s), when the package could be read that far
     * @param detail      for a refused package, the reason in Vietnamese; else what the package said
     */
    public record Entry(String id, Direction direction, Kind kind, Outcome outcome, String documentId,
                        String edxmlDocumentId, String statusCode, String sha256, long size, String detail,
                        Instant loggedAt, String agencyId, String counterpart, String axisState) {
    }

    /**
     * Where a package stands with the national document axis: one produced here {@code WAITING} to be sent, then
     * {@code SENT}; one fetched from the axis {@code RECEIVED}. Null for packages logged before the connector.
     */
    public enum AxisState { WAITING, SENT, RECEIVED }

    /** A package waiting to be sent to the axis. */
    public record Waiting(String id, Kind kind, String sha256, String agencyId, int attempts) {
    }

    /** How many packages wait for the axis, since when the oldest has, and the last failure. */
    public record AxisBacklog(long waiting, Instant oldestSince, String lastError) {
    }

    /** What to list: every field may be null (no condition); {@code agencyIds} null lists every agency's. */
    public record Filter(java.util.Set<String> agencyIds, Direction direction, Outcome outcome, Instant from, Instant to,
                         String counterpart) {
    }

    private static final String COLUMNS = "id, direction, kind, outcome, document_id, edxml_document_id, status_code,"
            + " sha256, size_bytes, detail, logged_at, agency_id, counterpart, axis_state";
    static final int LISTED = 500;

    private final JdbcClient jdbc;
    private final Path root;
    private final Clock clock;

    ExchangeLog(JdbcClient jdbc, CoreProperties node, Clock clock) {
        this.jdbc = jdbc;
        this.root = node.dataDir().resolve("exchange");
        this.clock = clock;
    }

    public Entry record(String agencyId, String counterpart, Direction direction, Kind kind, Outcome outcome, byte[] bytes,
                        String documentId, String edxmlDocumentId, String statusCode, String detail, String officialId) {
        String sha = bytes == null ? null : sha256(bytes);
        if (bytes != null) {
            store(sha, bytes);
        }
        // what Backbone produces goes to the axis (it waits there while no axis is configured)
        AxisState axis = direction == Direction.OUT && outcome == Outcome.PRODUCED ? AxisState.WAITING : null;
        Entry entry = new Entry(UUID.randomUUID().toString(), direction, kind, outcome, documentId, edxmlDocumentId,
                statusCode, sha, bytes == null ? 0 : bytes.length, truncate(detail), clock.instant(), agencyId,
                counterpart == null || counterpart.length() <= 300 ? counterpart : counterpart.substring(0, 300),
                axis == null ? null : axis.name());
        jdbc.sql("INSERT INTO exchange_message (id, direction, kind, outcome, document_id, edxml_document_id, status_code,"
                        + " sha256, size_bytes, detail, official_id, logged_at, agency_id, counterpart, axis_state, axis_attempts,"
                        + " axis_next_at) VALUES (:id, :direction, :kind, :outcome, :document, :edxmlId, :status, :sha, :size,"
                        + " :detail, :official, :at, :agency, :counterpart, :axis, 0, :at)")
                .param("axis", entry.axisState())
                .param("id", entry.id()).param("direction", direction.name()).param("kind", kind.name())
                .param("outcome", outcome.name()).param("document", documentId).param("edxmlId", edxmlDocumentId)
                .param("status", statusCode).param("sha", sha).param("size", entry.size()).param("detail", entry.detail())
                .param("official", officialId).param("at", Timestamp.from(entry.loggedAt()))
                .param("agency", agencyId).param("counterpart", entry.counterpart()).update();
        return entry;
    }

    public boolean produced(String documentId, String statusCode) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_message WHERE document_id = :document AND status_code = :status"
                        + " AND direction = 'OUT' AND kind = 'STATUS'")
                .param("document", documentId).param("status", statusCode).query(Long.class).single() > 0;
    }

    public List<Entry> forDocument(String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_message WHERE document_id = :document ORDER BY logged_at, id")
                .param("document", documentId).query(ExchangeLog::entry).list();
    }

    /** The newest packages first, at most 500, as the filter says. */
    public List<Entry> list(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.agencyIds() != null) {
            if (filter.agencyIds().isEmpty()) {
                return List.of();
            }
            where.append(" AND agency_id IN (:agencies)");
            params.put("agencies", filter.agencyIds());
        }
        if (filter.direction() != null) {
            where.append(" AND direction = :direction");
            params.put("direction", filter.direction().name());
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.from() != null) {
            where.append(" AND logged_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND logged_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.counterpart() != null && !filter.counterpart().isBlank()) {
            where.append(" AND LOWER(counterpart) LIKE :counterpart ESCAPE '\\'");
            params.put("counterpart", "%" + filter.counterpart().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_message" + where + " ORDER BY logged_at DESC, id LIMIT " + LISTED)
                .params(params).query(ExchangeLog::entry).list();
    }

    /** Packages produced here that wait for the axis and are due to be tried now, oldest first. */
    public List<Waiting> waitingForAxis(Instant now, int limit) {
        return jdbc.sql("SELECT id, kind, sha256, agency_id, axis_attempts FROM exchange_message WHERE axis_state = 'WAITING'"
                        + " AND axis_next_at <= :now ORDER BY logged_at, id LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new Waiting(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
    }

    public void sentToAxis(String id, String axisId) {
        jdbc.sql("UPDATE exchange_message SET axis_state = 'SENT', axis_id = :axis, axis_error = NULL WHERE id = :id")
                .param("axis", truncate(axisId, 100)).param("id", id).update();
    }

    public void axisFailed(String id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("UPDATE exchange_message SET axis_attempts = :attempts, axis_next_at = :next, axis_error = :error"
                        + " WHERE id = :id")
                .param("attempts", attempts).param("next", Timestamp.from(nextAttemptAt)).param("error", truncate(error))
                .param("id", id).update();
    }

    /** The package fetched from the axis under this id, if it was fetched before (the axis may deliver twice). */
    public Optional<Entry> receivedFromAxis(String axisId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_message WHERE direction = 'IN' AND axis_id = :axis"
                        + " ORDER BY logged_at LIMIT 1")
                .param("axis", axisId).query(ExchangeLog::entry).optional();
    }

    /** A package logged on receipt came from the axis under this id. */
    public void fetchedFromAxis(String entryId, String axisId) {
        jdbc.sql("UPDATE exchange_message SET axis_state = 'RECEIVED', axis_id = :axis WHERE id = :id")
                .param("axis", truncate(axisId, 100)).param("id", entryId).update();
    }

    public AxisBacklog axisBacklog() {
        return jdbc.sql("SELECT COUNT(*), MIN(logged_at), MAX(axis_error) FROM exchange_message WHERE axis_state = 'WAITING'")
                .query((rs, row) -> new AxisBacklog(rs.getLong(1), rs.getTimestamp(2) == null ? null
                        : rs.getTimestamp(2).toInstant(), rs.getString(3))).single();
    }

    public Optional<Entry> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_message WHERE id = :id").param("id", id)
                .query(ExchangeLog::entry).optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getString(1), Direction.valueOf(rs.getString(2)), Kind.valueOf(rs.getString(3)),
                Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getLong(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getString(13),
                rs.getString(14));
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
        return truncate(detail, 1000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
