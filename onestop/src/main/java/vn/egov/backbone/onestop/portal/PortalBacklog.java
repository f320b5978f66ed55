package vn.egov.backbone.onestop.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The synchronisation's state in the database: which dossiers the portal must learn, and the log lines to send. */
@Component
class PortalBacklog {
    private final JdbcClient jdbc;

    PortalBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier the portal must learn up to event {@code seq}: due now, unless it already knows that much. */
    record Due(String dossierId, long dueSeq, boolean known, int attempts) {
    }

    /** A line of the processing log (the portal's NguoiXuLy, ChucDanh, ThoiDiemXuLy, NoiDungXuLy, TrangThai). */
    record LogLine(long seq, Instant at, String actorName, String actorTitle, String content, int statusCode,
                   boolean supplement) {
    }

    void due(String dossierId, long seq, Instant at) {
        int updated = jdbc.sql("UPDATE portal_dossier SET due_seq = :seq,"
                        + " due_since = CASE WHEN due_since IS NULL THEN :at ELSE due_since END"
                        + " WHERE dossier_id = :id AND due_seq < :seq AND synced_seq < :seq")
                .param("seq", seq).param("at", Timestamp.from(at)).param("id", dossierId).update();
        if (updated == 0 && !exists(dossierId)) {
            jdbc.sql("INSERT INTO portal_dossier (dossier_id, due_seq, synced_seq, known, attempts, next_attempt_at,"
                            + " due_since) VALUES (:id, :seq, -1, FALSE, 0, :at, :at)")
                    .param("id", dossierId).param("seq", seq).param("at", Timestamp.from(at)).update();
        }
    }

    void logLine(String dossierId, long seq, Instant at, String actorName, String actorTitle, String content,
                 int statusCode, boolean supplement) {
        boolean kept = jdbc.sql("SELECT COUNT(*) FROM portal_progress WHERE dossier_id = :id AND seq = :seq")
                .param("id", dossierId).param("seq", seq).query(Long.class).single() > 0;
        if (!kept) {
            jdbc.sql("INSERT INTO portal_progress (dossier_id, seq, at, actor_name, actor_title, content, status_code,"
                            + " supplement, sent) VALUES (:id, :seq, :at, :name, :title, :content, :status, :supplement, FALSE)")
                    .param("id", dossierId).param("seq", seq).param("at", Timestamp.from(at)).param("name", cut(actorName, 200))
                    .param("title", cut(actorTitle, 200)).param("content", cut(content, 2000)).param("status", statusCode)
                    .param("supplement", supplement).update();
        }
    }

    List<Due> dueNow(Instant now, int limit) {
        return jdbc.sql("SELECT dossier_id, due_seq, known, attempts FROM portal_dossier WHERE due_seq > synced_seq"
                        + " AND next_attempt_at <= :now ORDER BY next_attempt_at, dossier_id LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4))).list();
    }

    List<LogLine> unsentLines(String dossierId, long upTo) {
        return lines("SELECT * FROM portal_progress WHERE dossier_id = :id AND sent = FALSE AND seq <= :upTo ORDER BY seq",
                dossierId, upTo);
    }

    List<LogLine> supplementRequests(String dossierId) {
        return lines("SELECT * FROM portal_progress WHERE dossier_id = :id AND supplement = TRUE AND seq <= :upTo"
                + " ORDER BY seq", dossierId, Long.MAX_VALUE);
    }

    /** The portal has the dossier (created, or found there): later synchronisations update it. */
    void known(String dossierId) {
        jdbc.sql("UPDATE portal_dossier SET known = TRUE WHERE dossier_id = :id").param("id", dossierId).update();
    }

    /** The portal has the dossier as it was after event {@code seq}, and the log up to it. */
    @Transactional
    void synced(String dossierId, long seq) {
        jdbc.sql("UPDATE portal_progress SET sent = TRUE WHERE dossier_id = :id AND seq <= :seq")
                .param("id", dossierId).param("seq", seq).update();
        jdbc.sql("UPDATE portal_dossier SET synced_seq = GREATEST(synced_seq, :seq), known = TRUE, attempts = 0,"
                        + " last_error = NULL, due_since = CASE WHEN due_seq <= :seq THEN NULL ELSE due_since END"
                        + " WHERE dossier_id = :id")
                .param("id", dossierId).param("seq", seq).update();
    }

    void failed(String dossierId, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("UPDATE portal_dossier SET attempts = :attempts, next_attempt_at = :next, last_error = :error"
                        + " WHERE dossier_id = :id")
                .param("attempts", attempts).param("next", Timestamp.from(nextAttemptAt)).param("error", cut(error, 1000))
                .param("id", dossierId).update();
    }

    /** How many dossiers wait, since when the oldest has, and the last failure seen. */
    record Backlog(long waiting, Instant oldestSince, String lastError) {
    }

    Backlog backlog() {
        return jdbc.sql("SELECT COUNT(*), MIN(due_since), MAX(last_error) FROM portal_dossier WHERE due_seq > synced_seq")
                .query((rs, row) -> new Backlog(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2))
                        .map(Timestamp::toInstant).orElse(null), rs.getString(3))).single();
    }

    private boolean exists(String dossierId) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_dossier WHERE dossier_id = :id").param("id", dossierId)
                .query(Long.class).single() > 0;
    }

    private List<LogLine> lines(String sql, String dossierId, long upTo) {
        return jdbc.sql(sql).param("id", dossierId).param("upTo", upTo)
                .query((rs, row) -> new LogLine(rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_name"), rs.getString("actor_title"), rs.getString("content"),
                        rs.getInt("status_code"), rs.getBoolean("supplement"))).list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
