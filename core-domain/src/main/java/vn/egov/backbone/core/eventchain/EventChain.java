package vn.egov.backbone.core.eventchain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Chains events to the ones before them, in the transaction that stores them. The writer first
 * takes the chain's head row (an {@code UPDATE}, so it waits for the writer before it to commit),
 * then stores its events, then links them after the head. Taking the head before the events get
 * their global index means indexes are handed out in the order the chain is written and commits
 * follow that order: the chain never forks, and tracking processors see no gap that a slower writer
 * fills later (a rolled-back writer still leaves one, as without the chain).
 * <p>
 * A writer links only its own events. A row that appears in the store without passing here (written
 * around Backbone) is left without a link, where the verification finds it; only the events that were
 * in the store when the chain was introduced ({@code legacy_until}, set by the migration) are linked
 * without having been appended here, once, at the first start ({@link #catchUp}).
 */
final class EventChain {
    private static final String LOCK = "UPDATE event_chain_head SET global_index = global_index WHERE chain_id = 1";
    private static final String HEAD = "SELECT global_index, link_hash, legacy_until FROM event_chain_head WHERE chain_id = 1";
    private static final String EVENTS_AFTER = "SELECT " + LinkHash.COLUMNS
            + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index";
    private static final String INSERT_LINK = "INSERT INTO event_chain_link (global_index, link_hash) VALUES (?, ?)";
    private static final String MOVE_HEAD = "UPDATE event_chain_head SET global_index = ?, link_hash = ? WHERE chain_id = 1";

    private EventChain() {
    }

    /**
     * The chain's end.
     *
     * @param position    the last linked event's global index (-1: none yet)
     * @param hash        its link
     * @param legacyUntil the last event stored before the chain existed
     */
    record Head(long position, String hash, long legacyUntil) {
        boolean caughtUp() {
            return position >= legacyUntil;
        }
    }

    /** Waits for, then holds until this transaction ends, the right to extend the chain. */
    static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            if (lock.executeUpdate() != 1) {
                throw missingHead();
            }
        }
    }

    static Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(HEAD); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw missingHead();
            }
            return new Head(row.getLong(1), row.getString(2), row.getLong(3));
        }
    }

    /** Links the events this transaction has just stored (the caller holds the lock). */
    static void linkAppended(Connection connection, Set<String> eventIdentifiers) throws SQLException {
        Head head = head(connection);
        if (!head.caughtUp()) {
            extend(connection, head, head.legacyUntil(), Set.of());
            head = head(connection);
        }
        extend(connection, head, Long.MAX_VALUE, eventIdentifiers);
    }

    /**
     * Links up to {@code batch} of the events stored before the chain existed (the caller holds the lock).
     *
     * @return true when none is left
     */
    static boolean catchUp(Connection connection, int batch) throws SQLException {
        Head head = head(connection);
        if (head.caughtUp()) {
            return true;
        }
        long until = Math.min(head.legacyUntil(), head.position() + batch);
        extend(connection, head, until, Set.of());
        return head(connection).caughtUp();
    }

    private static void extend(Connection connection, Head head, long until, Set<String> own) throws SQLException {
        LinkHash hash = new LinkHash();
        String previous = head.hash();
        long position = head.position();
        boolean linked = false;
        try (PreparedStatement select = connection.prepareStatement(EVENTS_AFTER);
             PreparedStatement insert = connection.prepareStatement(INSERT_LINK)) {
            select.setLong(1, head.position());
            select.setLong(2, until);
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long index = rows.getLong(1);
                    if (index > head.legacyUntil() && !own.contains(rows.getString(2))) {
                        continue;
                    }
                    previous = hash.of(previous, rows);
                    position = index;
                    insert.setLong(1, position);
                    insert.setString(2, previous);
                    insert.addBatch();
                    linked = true;
                }
            }
            if (!linked) {
                return;
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            move.setLong(1, position);
            move.setString(2, previous);
            move.executeUpdate();
        }
    }

    private static IllegalStateException missingHead() {
        return new IllegalStateException("event_chain_head has no row: the migration V1_3 did not run");
    }
}
