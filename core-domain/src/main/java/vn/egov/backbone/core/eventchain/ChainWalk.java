package vn.egov.backbone.core.eventchain;

import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.ChainVerification.Finding;
import vn.egov.backbone.core.eventchain.api.ChainVerification.Kind;
import vn.egov.backbone.core.eventchain.api.Checkpoint;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The verification: recomputes the chain from a trusted start (a signed checkpoint, or the first
 * event) over the events as stored, compares each result with the stored link and with every signed
 * checkpoint on the way, and names the first event where they part. Plain JDBC on one read-only
 * transaction, so that it runs the same inside Backbone and from the command line without it.
 */
final class ChainWalk {
    private static final String EVENTS = "SELECT " + LinkHash.COLUMNS
            + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index";
    private static final String LINKS = "SELECT global_index, link_hash FROM event_chain_link"
            + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index";
    private static final int FETCH = 2_000;

    private ChainWalk() {
    }

    /**
     * @param from      the signed checkpoint to start after, or null to start at the first event
     * @param signed    signed checkpoints to compare with on the way (any order; those before the start are skipped)
     * @param publicKey the province's key the checkpoints must verify with
     */
    static ChainVerification verify(Connection connection, Checkpoint from, List<Checkpoint> signed,
                                    PublicKey publicKey) throws SQLException {
        long started = System.nanoTime();
        long start = from == null ? -1 : from.position();
        for (Checkpoint checkpoint : from == null ? signed : concat(from, signed)) {
            if (!CheckpointKeys.verify(publicKey, checkpoint.signedText(), checkpoint.signature())) {
                return new ChainVerification(false, start, start, 0, 0, millis(started),
                        new Finding(Kind.BAD_SIGNATURE, checkpoint.position(), null, null, null));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
        try {
            return walk(connection, start, from == null ? LinkHash.GENESIS : from.hash(), signed, started);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ChainVerification walk(Connection connection, long start, String trusted, List<Checkpoint> signed,
                                          long started) throws SQLException {
        long to = EventChain.head(connection).position();
        List<Checkpoint> ahead = signed.stream().filter(c -> c.position() > start)
                .sorted(Comparator.comparingLong(Checkpoint::position)).toList();
        int compared = 0;
        for (Checkpoint checkpoint : ahead) {
            if (checkpoint.position() > to) {
                // A signed position the chain no longer reaches: its end was cut off (and the head moved back).
                return new ChainVerification(false, start, to, 0, 0, millis(started),
                        new Finding(Kind.REMOVED, checkpoint.position(), null, null, null));
            }
        }
        Iterator<Checkpoint> checkpoints = ahead.iterator();
        Checkpoint next = checkpoints.hasNext() ? checkpoints.next() : null;
        LinkHash hash = new LinkHash();
        String previous = trusted;
        long checked = 0;
        long last = start;
        try (PreparedStatement eventQuery = range(connection, EVENTS, start, to);
             PreparedStatement linkQuery = range(connection, LINKS, start, to);
             ResultSet events = eventQuery.executeQuery(); ResultSet links = linkQuery.executeQuery()) {
            boolean event = events.next();
            boolean link = links.next();
            while (event || link) {
                long eventAt = event ? events.getLong(1) : Long.MAX_VALUE;
                long linkAt = link ? links.getLong(1) : Long.MAX_VALUE;
                if (eventAt < linkAt) {
                    return fault(Kind.INSERTED, events, start, to, checked, compared, started);
                }
                if (linkAt < eventAt) {
                    return new ChainVerification(false, start, to, checked, compared, millis(started),
                            new Finding(Kind.REMOVED, linkAt, null, null, null));
                }
                if (next != null && next.position() < eventAt) {
                    // A signed position the walk passed without finding its event or its link: both were deleted.
                    return new ChainVerification(false, start, to, checked, compared, millis(started),
                            new Finding(Kind.REMOVED, next.position(), null, null, null));
                }
                String computed = hash.of(previous, events);
                if (!computed.equals(links.getString(2))) {
                    return fault(Kind.CHANGED, events, start, to, checked, compared, started);
                }
                checked++;
                // Every checkpoint signed at this position: one may have been signed twice with no event between
                // (a second click, the schedule's and an administrator's), and the second is not one passed by.
                while (next != null && next.position() == eventAt) {
                    if (!next.hash().equals(computed)) {
                        return fault(Kind.REWRITTEN, events, start, to, checked, compared, started);
                    }
                    compared++;
                    next = checkpoints.hasNext() ? checkpoints.next() : null;
                }
                previous = computed;
                last = eventAt;
                event = events.next();
                link = links.next();
            }
        }
        if (next != null) {
            // A signed position inside the walked range with no event and no link: both were deleted.
            return new ChainVerification(false, start, to, checked, compared, millis(started),
                    new Finding(Kind.REMOVED, next.position(), null, null, null));
        }
        if (last != to) {
            // The head names an event past the last link: the chain's end was deleted.
            return new ChainVerification(false, start, to, checked, compared, millis(started),
                    new Finding(Kind.REMOVED, to, null, null, null));
        }
        return new ChainVerification(true, start, to, checked, compared, millis(started), null);
    }

    private static PreparedStatement range(Connection connection, String sql, long after, long until) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, after);
        statement.setLong(2, until);
        statement.setFetchSize(FETCH);
        return statement;
    }

    private static ChainVerification fault(Kind kind, ResultSet event, long start, long to, long checked, int compared,
                                           long started) throws SQLException {
        return new ChainVerification(false, start, to, checked, compared, millis(started),
                new Finding(kind, event.getLong(1), event.getString(3), event.getLong(4), event.getString(7)));
    }

    private static List<Checkpoint> concat(Checkpoint first, List<Checkpoint> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
