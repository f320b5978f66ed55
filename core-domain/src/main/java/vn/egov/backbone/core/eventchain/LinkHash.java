package vn.egov.backbone.core.eventchain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * One link of the event chain: SHA-256 over the previous link and everything stored of the event —
 * its global position, aggregate, sequence, type, identifier, time, payload type and revision,
 * payload and metadata, each length-prefixed so that no two different events hash the same input.
 * The rows are hashed as the database returns them (the same bytes the verification reads later),
 * never as the application meant to write them.
 */
final class LinkHash {
    /** The link before the first event. */
    static final String GENESIS = "0".repeat(64);
    /** The columns of {@code domain_event_entry} a link covers, in the order {@link #of} reads them. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES);

    LinkHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The link of the event at the result set's current row, chained to {@code previous}. */
    String of(String previous, ResultSet row) throws SQLException {
        sha256.update(HEX.parseHex(previous));
        number(row.getLong(1));
        text(row.getString(2));
        text(row.getString(3));
        number(row.getLong(4));
        text(row.getString(5));
        text(row.getString(6));
        text(row.getString(7));
        text(row.getString(8));
        bytes(row.getBytes(9));
        bytes(row.getBytes(10));
        return HEX.formatHex(sha256.digest());
    }

    private void number(long value) {
        number.clear();
        sha256.update(number.putLong(value).array());
    }

    private void text(String value) {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) {
        if (value == null) {
            number(-1);
            return;
        }
        number(value.length);
        sha256.update(value);
    }
}
