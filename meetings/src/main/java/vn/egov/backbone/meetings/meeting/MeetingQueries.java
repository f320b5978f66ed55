package vn.egov.backbone.meetings.meeting;

import java.util.Locale;
import java.util.Comparator;
import java.util.Arrays;
import java.util.ArrayList;
import java.text.Collator;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.official.OfficialQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.NotFound;

import vn.egov.backbone.meetings.meeting.api.MeetingKind;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;
import vn.egov.backbone.meetings.meeting.api.MeetingViews.EndpointState;
import vn.egov.backbone.meetings.meeting.api.MeetingViews.MinutesSignature;
import vn.egov.backbone.meetings.meeting.api.MeetingViews.Notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads meetings for the people in them. A meeting exists, for an official, if they chair it, keep
 * its records, have a seat (or sit in one as a deputy), or lead or run meetings of the host unit;
 * anyone else is told it does not exist.
 */
@Service
public class MeetingQueries {
    private final JdbcClient jdbc;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final UnitQueries units;

    MeetingQueries(JdbcClient jdbc, Authorizer authorizer, OfficialQueries officials, UnitQueries units) {
        this.jdbc = jdbc;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
    }

    public Optional<MeetingRecord> find(String meetingId) {
        return jdbc.sql("SELECT * FROM meeting_view WHERE id = :id").param("id", meetingId)
                .query(MeetingQueries::record).optional();
    }

    public Optional<MeetingRecord> findByRoom(String roomSlug) {
        return jdbc.sql("SELECT * FROM meeting_view WHERE room_slug = :slug").param("slug", roomSlug)
                .query(MeetingQueries::record).optional();
    }

    public Optional<MeetingRecord> findByConference(long conferenceId) {
        return jdbc.sql("SELECT * FROM meeting_view WHERE conference_id = :id").param("id", conferenceId)
                .query(MeetingQueries::record).optional();
    }

    /** The meeting, if the official may see it. */
    public MeetingRecord visible(String meetingId, String officialId) {
        MeetingRecord meeting = find(meetingId).orElseThrow(() -> notFound(meetingId));
        if (!concerns(meeting, officialId)) {
            throw notFound(meetingId);
        }
        return meeting;
    }

    public boolean concerns(MeetingRecord meeting, String officialId) {
        return officialId.equals(meeting.chairId()) || officialId.equals(meeting.secretaryId())
                || seatOf(meeting.id(), officialId).isPresent() || organises(meeting, officialId);
    }

    /** Leaders and meeting secretaries of the host unit see (and schedule) its meetings. */
    public boolean organises(MeetingRecord meeting, String officialId) {
        return authorizer.holds(officialId, Role.LEADER, meeting.hostUnitId())
                || authorizer.holds(officialId, Role.MEETING_SECRETARY, meeting.hostUnitId());
    }

    /** The seat the official sits in: their own, unless they sent a deputy, or the one they fill as a deputy. */
    public Optional<String> seatOf(String meetingId, String officialId) {
        return jdbc.sql("SELECT seat_id FROM meeting_seat WHERE meeting_id = :id AND ((seat_id = :me AND deputy_id IS NULL)"
                        + " OR deputy_id = :me)")
                .param("id", meetingId).param("me", officialId).query(String.class).optional();
    }

    /** The member's own seat, whether or not a deputy fills it (to answer the invitation). */
    public boolean isMember(String meetingId, String officialId) {
        return jdbc.sql("SELECT COUNT(*) FROM meeting_seat WHERE meeting_id = :id AND seat_id = :me")
                .param("id", meetingId).param("me", officialId).query(Long.class).single() > 0;
    }

    public List<String> endpoints(String meetingId) {
        return jdbc.sql("SELECT unit_id FROM meeting_endpoint WHERE meeting_id = :id ORDER BY unit_id")
                .param("id", meetingId).query(String.class).list();
    }

    /** Meetings the official takes part in or organises, from {@code from} on, soonest first. */
    public List<MeetingRecord> mine(String officialId, List<String> organisedUnits, Instant from) {
        return jdbc.sql("SELECT * FROM meeting_view m WHERE m.ends_at >= :from AND (m.chair_id = :me OR m.secretary_id = :me"
                        + " OR EXISTS (SELECT 1 FROM meeting_seat s WHERE s.meeting_id = m.id AND (s.seat_id = :me OR s.deputy_id = :me))"
                        + (organisedUnits.isEmpty() ? "" : " OR m.host_unit_id IN (:units)") + ") ORDER BY m.starts_at")
                .param("from", Timestamp.from(from)).param("me", officialId)
                .param("units", organisedUnits.isEmpty() ? List.of("") : organisedUnits)
                .query(MeetingQueries::record).list();
    }

    /**
     * The meetings waiting for the official: not yet begun, with an invitation of theirs not answered, or run by them
     * (chair or secretary) and starting before {@code prepareBy} — to prepare.
     */
    public long countWaiting(String officialId, Instant now, Instant prepareBy) {
        return jdbc.sql("SELECT COUNT(*) FROM meeting_view m WHERE m.status = 'SCHEDULED' AND m.ends_at >= :now AND ("
                        + "EXISTS (SELECT 1 FROM meeting_seat s WHERE s.meeting_id = m.id AND s.seat_id = :me"
                        + " AND s.deputy_id IS NULL AND s.response = 'PENDING')"
                        + " OR (m.chair_id = :me OR m.secretary_id = :me) AND m.starts_at < :prepareBy)")
                .param("now", Timestamp.from(now)).param("me", officialId).param("prepareBy", Timestamp.from(prepareBy))
                .query(Long.class).single();
    }

    public List<Map<String, Object>> seats(String meetingId) {
        List<Map<String, Object>> seats = rows("SELECT * FROM meeting_seat WHERE meeting_id = :id", meetingId);
        Map<String, OfficialQueries.Name> names = names(seats, "seat_id", "deputy_id");
        seats.forEach(seat -> {
            OfficialQueries.Name member = names.get((String) seat.get("seat_id"));
            seat.put("member_name", member == null ? null : member.fullName());
            seat.put("member_position", member == null ? null : member.position());
            seat.put("deputy_name", fullName(names, seat.get("deputy_id")));
        });
        return seats.stream().sorted(byName("member_name")).map(MeetingQueries::camel).toList();
    }

    public List<Map<String, Object>> agenda(String meetingId) {
        return named(rows("SELECT * FROM meeting_agenda_item WHERE meeting_id = :id ORDER BY position", meetingId),
                "presenter_id", "presenter_name");
    }

    /** Documents the official may open now: all for the chair and secretary, open ones for members. */
    public List<Map<String, Object>> documents(MeetingRecord meeting, String officialId, Instant now) {
        boolean runner = officialId.equals(meeting.chairId()) || officialId.equals(meeting.secretaryId());
        return jdbc.sql("SELECT * FROM meeting_document WHERE meeting_id = :id"
                        + (runner ? "" : " AND (visible_from IS NULL OR visible_from <= :now)") + " ORDER BY title")
                .param("id", meeting.id()).param("now", Timestamp.from(now)).query().listOfRows().stream().map(MeetingQueries::camel).toList();
    }

    public List<Map<String, Object>> comments(String meetingId, String documentId) {
        return named(new ArrayList<>(jdbc.sql("SELECT * FROM meeting_document_comment WHERE meeting_id = :id"
                        + " AND document_id = :document ORDER BY at")
                .param("id", meetingId).param("document", documentId).query().listOfRows()), "author_id", "author_name");
    }

    /** The speakers' list: the current speaker, then points of order, then requests in the order they came. */
    public List<Map<String, Object>> floor(String meetingId) {
        return named(rows("SELECT * FROM meeting_floor_request WHERE meeting_id = :id AND state IN ('WAITING', 'SPEAKING')"
                + " ORDER BY CASE WHEN state = 'SPEAKING' THEN 0 WHEN kind = 'POINT_OF_ORDER' THEN 1 ELSE 2 END,"
                + " requested_at, request_id", meetingId), "speaker_id", "speaker_name");
    }

    public List<Map<String, Object>> votes(String meetingId) {
        return jdbc.sql("SELECT * FROM meeting_vote WHERE meeting_id = :id ORDER BY opened_seq")
                .param("id", meetingId).query().listOfRows().stream().map(MeetingQueries::camel).toList();
    }

    public Optional<Map<String, Object>> vote(String meetingId, String voteId) {
        return jdbc.sql("SELECT * FROM meeting_vote WHERE meeting_id = :id AND vote_id = :vote")
                .param("id", meetingId).param("vote", voteId).query().listOfRows().stream().map(MeetingQueries::camel).toList().stream().findFirst();
    }

    /** Who voted how in named votes; in secret votes only who voted. */
    public List<Map<String, Object>> ballots(String meetingId, String voteId) {
        List<Map<String, Object>> ballots = new ArrayList<>(jdbc.sql("SELECT seat_id, voter_id, choice, written"
                        + " FROM meeting_ballot WHERE meeting_id = :id AND vote_id = :vote")
                .param("id", meetingId).param("vote", voteId).query().listOfRows());
        Map<String, OfficialQueries.Name> names = names(ballots, "voter_id");
        ballots.forEach(ballot -> ballot.put("voter_name", fullName(names, ballot.get("voter_id"))));
        return ballots.stream().sorted(byName("voter_name")).map(MeetingQueries::camel).toList();
    }

    /** The signatures on the approved minutes, in the order they were added; the last one's file holds them all. */
    public List<MinutesSignature> minutesSignatures(String meetingId) {
        List<MinutesSignature> rows = jdbc.sql("SELECT * FROM meeting_minutes_signature WHERE meeting_id = :id ORDER BY seq")
                .param("id", meetingId).query((rs, n) -> new MinutesSignature(rs.getString("meeting_id"),
                        rs.getString("signatory"), rs.getString("signer_id"), rs.getInt("minutes_version"),
                        rs.getString("file_key"), rs.getString("file_name"), rs.getLong("file_size"),
                        rs.getString("certificate_subject"), rs.getTimestamp("signed_at").toInstant(), rs.getLong("seq"), null))
                .list();
        Map<String, OfficialQueries.Name> names = officials.names(rows.stream().map(MinutesSignature::signerId).toList());
        return rows.stream().map(row -> new MinutesSignature(row.meetingId(), row.signatory(), row.signerId(),
                row.minutesVersion(), row.fileKey(), row.fileName(), row.fileSize(), row.certificateSubject(), row.signedAt(),
                row.seq(), fullName(names, row.signerId()))).toList();
    }

    /** The endpoints with their connection state: connected now, joined earlier, or never; by name. */
    public List<EndpointState> endpointBoard(String meetingId) {
        record Row(String unitId, long connections, Instant firstJoinedAt) {
        }
        List<Row> rows = jdbc.sql("SELECT e.unit_id,"
                        + " (SELECT COUNT(*) FROM meeting_connection c WHERE c.meeting_id = e.meeting_id"
                        + "   AND c.participant = CONCAT('endpoint:', e.unit_id) AND c.left_at IS NULL) AS connections,"
                        + " (SELECT MIN(c.joined_at) FROM meeting_connection c WHERE c.meeting_id = e.meeting_id"
                        + "   AND c.participant = CONCAT('endpoint:', e.unit_id)) AS first_joined_at"
                        + " FROM meeting_endpoint e WHERE e.meeting_id = :id")
                .param("id", meetingId).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2),
                        Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null))).list();
        Map<String, UnitView> units = this.units.findAll(rows.stream().map(Row::unitId).toList());
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return rows.stream().map(row -> {
            UnitView unit = units.get(row.unitId());
            return new EndpointState(row.unitId(), unit == null ? null : unit.name(),
                    unit == null ? null : unit.kind().name(), row.connections(), row.firstJoinedAt());
        }).sorted(Comparator.comparing(EndpointState::unitName, Comparator.nullsLast(vietnamese::compare))).toList();
    }

    public List<Notice> notifications(String officialId, int limit) {
        return jdbc.sql("SELECT n.meeting_id, n.text, n.at FROM meeting_notification n WHERE n.official_id = :me"
                        + " ORDER BY n.at DESC, n.seq DESC LIMIT :limit")
                .param("me", officialId).param("limit", limit)
                .query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    /**
     * What the live feed watches: each meeting's version plus the count of its video connections' changes, a number
     * that grows with every change a page shows (the room, and the halls joining or leaving).
     */
    public Map<String, Long> liveVersions(java.util.Collection<String> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> versions = new java.util.HashMap<>();
        jdbc.sql("SELECT v.id, v.version + COALESCE(c.changes, 0) FROM meeting_view v"
                        + " LEFT JOIN meeting_connection_change c ON c.meeting_id = v.id WHERE v.id IN (:ids)")
                .param("ids", List.copyOf(meetingIds)).query(rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    public Optional<Long> version(String meetingId) {
        return jdbc.sql("SELECT version FROM meeting_view WHERE id = :id").param("id", meetingId).query(Long.class).optional();
    }

    private static MeetingRecord record(ResultSet rs, int row) throws SQLException {
        return new MeetingRecord(rs.getString("id"), rs.getString("title"), MeetingKind.valueOf(rs.getString("kind")),
                MeetingStatus.valueOf(rs.getString("status")), rs.getString("chair_id"), rs.getString("secretary_id"),
                rs.getString("host_unit_id"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("location"), rs.getString("room_slug"),
                rs.getLong("conference_id"), rs.getString("check_in_code"), rs.getInt("quorum_percent"),
                rs.getInt("seats"), rs.getInt("present_seats"), rs.getString("current_item_id"),
                rs.getString("current_speech_id"), rs.getBoolean("room_open"), rs.getString("recording_session"),
                rs.getInt("minutes_version"), rs.getString("minutes_text"), rs.getBoolean("minutes_approved"),
                rs.getString("conclusion_document_id"), rs.getString("cancel_reason"), rs.getLong("version"));
    }

    // Officials' and units' names come from core's directories, never from joining core's tables.

    private List<Map<String, Object>> rows(String sql, String meetingId) {
        return new ArrayList<>(jdbc.sql(sql).param("id", meetingId).query().listOfRows());
    }

    private Map<String, OfficialQueries.Name> names(List<Map<String, Object>> rows, String... idColumns) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> Arrays.stream(idColumns).map(column -> (String) row.get(column)).forEach(ids::add));
        return officials.names(ids);
    }

    /** The rows with the name of the official in {@code idColumn} as {@code nameColumn}, camelCased. */
    private List<Map<String, Object>> named(List<Map<String, Object>> rows, String idColumn, String nameColumn) {
        Map<String, OfficialQueries.Name> names = names(rows, idColumn);
        rows.forEach(row -> row.put(nameColumn, fullName(names, row.get(idColumn))));
        return rows.stream().map(MeetingQueries::camel).toList();
    }

    private static String fullName(Map<String, OfficialQueries.Name> names, Object id) {
        OfficialQueries.Name name = id == null ? null : names.get((String) id);
        return name == null ? null : name.fullName();
    }

    /** By a name, as Vietnamese sorts it, those without one last (as the database ordered them). */
    private static Comparator<Map<String, Object>> byName(String column) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return Comparator.comparing(row -> (String) row.get(column), Comparator.nullsLast(vietnamese::compare));
    }

    /** A row as the API and the pages show it: camelCase names, instants for times. */
    static Map<String, Object> camel(Map<String, Object> row) {
        Map<String, Object> clean = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            clean.put(JdbcUtils.convertUnderscoreNameToPropertyName(column), switch (value) {
                case Timestamp t -> t.toInstant();
                case OffsetDateTime t -> t.toInstant();
                case null, default -> value;
            });
        });
        return clean;
    }

    static NotFound notFound(String meetingId) {
        return new NotFound(MeetingError.NOT_FOUND, meetingId);
    }
}
