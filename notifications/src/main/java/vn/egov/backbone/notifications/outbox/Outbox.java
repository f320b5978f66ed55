package vn.egov.backbone.notifications.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.notifications.channel.PhoneNumbers;
import vn.egov.backbone.notifications.outbox.Decision.RecipientKind;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.outbox.api.DeliveryLogEntry;
import vn.egov.backbone.notifications.outbox.api.DeliveryLogEntry.Attempt;
import vn.egov.backbone.notifications.outbox.api.DeliveryState;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** All of the outbox's and the delivery log's SQL. */
@Service
public class Outbox {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A due message as the dispatcher takes it. */
    record Due(long id, NotificationKind kind, String aboutId, RecipientKind recipientKind, String recipientId,
               Channel channel, Map<String, String> data, int attempts, String dedupKey) {
    }

    /** Adds the message unless its key was decided before (a replay, a second delivery of the event). */
    public boolean decide(Decision d, Instant now) {
        return jdbc.sql("INSERT INTO notification (dedup_key, kind, about_id, recipient_kind, recipient_id, channel, data,"
                        + " not_before, next_attempt_at, attempts, state, created_at, updated_at) VALUES (:key, :kind, :about,"
                        + " :rkind, :rid, :channel, :data, :notBefore, :notBefore, 0, 'PENDING', :now, :now)"
                        + " ON CONFLICT DO NOTHING")
                .param("key", d.key()).param("kind", d.kind().name()).param("about", d.aboutId())
                .param("rkind", d.recipientKind().name()).param("rid", d.recipientId()).param("channel", d.channel().name())
                .param("data", json(d.data())).param("notBefore", ts(d.notBefore())).param("now", ts(now)).update() == 1;
    }

    /** Messages of these kinds about this thing that are still waiting are no longer true. */
    public int cancelPending(String aboutId, Collection<NotificationKind> kinds, Instant now) {
        return cancelPending(aboutId, null, kinds, now);
    }

    /** As {@link #cancelPending(String, Collection, Instant)}, for one recipient only (null: for everyone). */
    public int cancelPending(String aboutId, String recipientId, Collection<NotificationKind> kinds, Instant now) {
        return jdbc.sql("UPDATE notification SET state = 'CANCELLED', updated_at = :now WHERE about_id = :about"
                        + " AND (CAST(:rid AS VARCHAR) IS NULL OR recipient_id = :rid) AND state = 'PENDING'"
                        + " AND kind IN (:kinds)")
                .param("about", aboutId).param("rid", recipientId)
                .param("kinds", kinds.stream().map(Enum::name).toList()).param("now", ts(now)).update();
    }

    /**
     * The applicant's data was erased: what is waiting is cancelled, and the log keeps that messages went,
     * not where or with what ({@code data}, address and the gateways' answers emptied).
     */
    public void forget(String aboutId, Instant now) {
        jdbc.sql("UPDATE notification SET state = CASE WHEN state = 'PENDING' THEN 'CANCELLED' ELSE state END,"
                + " data = '{}', address = NULL, updated_at = :now WHERE about_id = :about AND recipient_kind = 'CITIZEN'")
                .param("about", aboutId).param("now", ts(now)).update();
        jdbc.sql("UPDATE notification_attempt SET answer = NULL WHERE notification_id IN (SELECT id FROM notification"
                + " WHERE about_id = :about AND recipient_kind = 'CITIZEN')").param("about", aboutId).update();
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, kind, about_id, recipient_kind, recipient_id, channel, data, attempts, dedup_key"
                        + " FROM notification WHERE state = 'PENDING' AND next_attempt_at <= :now ORDER BY next_attempt_at, id"
                        + " LIMIT :limit")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)), rs.getString(3),
                        RecipientKind.valueOf(rs.getString(4)), rs.getString(5), Channel.valueOf(rs.getString(6)),
                        map(rs.getString(7)), rs.getInt(8), rs.getString(9)))
                .list();
    }

    /** Takes the message for sending; false if another node took it first. */
    boolean claim(long id, Instant now) {
        return jdbc.sql("UPDATE notification SET state = 'SENDING', updated_at = :now WHERE id = :id AND state = 'PENDING'")
                .param("id", id).param("now", ts(now)).update() == 1;
    }

    /**
     * Messages left in SENDING by a node that stopped while handing them over go back to the queue: sent
     * at least once rather than lost (the gateway sees the same tracking id again).
     */
    int releaseInterrupted(Instant before, Instant now) {
        return jdbc.sql("UPDATE notification SET state = 'PENDING', next_attempt_at = :now, updated_at = :now"
                        + " WHERE state = 'SENDING' AND updated_at < :before")
                .param("before", ts(before)).param("now", ts(now)).update();
    }

    void attempted(long id, int attempt, Instant at, String outcome, String answer) {
        jdbc.sql("INSERT INTO notification_attempt (notification_id, attempt, at, outcome, answer) VALUES (:id, :attempt,"
                        + " :at, :outcome, :answer)")
                .param("id", id).param("attempt", attempt).param("at", ts(at)).param("outcome", outcome)
                .param("answer", answer == null ? null : answer.length() > 1000 ? answer.substring(0, 1000) : answer).update();
    }

    void settle(long id, DeliveryState state, int attempts, String address, Instant nextAttemptAt, Instant now) {
        jdbc.sql("UPDATE notification SET state = :state, attempts = :attempts, address = :address,"
                        + " next_attempt_at = :next, updated_at = :now WHERE id = :id")
                .param("id", id).param("state", state.name()).param("attempts", attempts).param("address", address)
                .param("next", ts(nextAttemptAt)).param("now", ts(now)).update();
    }

    void sentAs(long id, String channelMessageId) {
        jdbc.sql("UPDATE notification SET channel_message_id = :mid WHERE id = :id").param("id", id)
                .param("mid", channelMessageId.length() > 100 ? channelMessageId.substring(0, 100) : channelMessageId).update();
    }

    /**
     * The channel's receipt: the message it knows by {@code channelMessageId} (our row {@code id}, as its
     * tracking id) reached the device. Only a sent message of that channel with that id becomes delivered,
     * once; the receipt is logged as one more line of its history.
     */
    boolean delivered(long id, Channel channel, String channelMessageId, Instant at, String answer) {
        int updated = jdbc.sql("UPDATE notification SET state = 'DELIVERED', updated_at = :at WHERE id = :id"
                        + " AND channel = :channel AND channel_message_id = :mid AND state = 'SENT'")
                .param("id", id).param("channel", channel.name()).param("mid", channelMessageId).param("at", ts(at)).update();
        if (updated == 1) {
            int attempt = jdbc.sql("SELECT COALESCE(MAX(attempt), 0) + 1 FROM notification_attempt WHERE notification_id = :id")
                    .param("id", id).query(Integer.class).single();
            attempted(id, attempt, at, "DELIVERED", answer);
        }
        return updated == 1;
    }

    /** Messages to this recipient that went out since {@code since}: the rate limit counts them. */
    int sentTo(String recipientId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :rid AND state IN ('SENT', 'DELIVERED')"
                        + " AND updated_at >= :since")
                .param("rid", recipientId).param("since", ts(since)).query(Integer.class).single();
    }

    /** The delivery log, newest first; filtered by what it is about or to whom, when given. */
    public List<DeliveryLogEntry> log(String aboutId, String recipientId, int limit) {
        List<DeliveryLogEntry> rows = jdbc.sql("SELECT id, kind, about_id, recipient_id, channel, address, state, attempts,"
                        + " not_before, next_attempt_at, created_at FROM notification"
                        + " WHERE (CAST(:about AS VARCHAR) IS NULL OR about_id = :about)"
                        + " AND (CAST(:rid AS VARCHAR) IS NULL OR recipient_id = :rid) ORDER BY id DESC LIMIT :limit")
                .param("about", aboutId).param("rid", recipientId).param("limit", limit)
                .query((rs, n) -> new DeliveryLogEntry(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Channel.valueOf(rs.getString(5)), PhoneNumbers.masked(rs.getString(6)),
                        DeliveryState.valueOf(rs.getString(7)), rs.getInt(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Attempt>> attempts = jdbc.sql("SELECT notification_id, attempt, at, outcome, answer FROM"
                        + " notification_attempt WHERE notification_id IN (:ids) ORDER BY notification_id, attempt")
                .param("ids", rows.stream().map(DeliveryLogEntry::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new Attempt(rs.getInt(2), instant(rs.getTimestamp(3)),
                        rs.getString(4), rs.getString(5))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> new DeliveryLogEntry(r.id(), r.kind(), r.aboutId(), r.recipientId(), r.channel(),
                r.address(), r.state(), r.attempts(), r.notBefore(), r.nextAttemptAt(), r.createdAt(),
                attempts.getOrDefault(r.id(), List.of()))).toList();
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
