package vn.egov.backbone.onestop.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.dossier.api.DossierView.Apology;
import vn.egov.backbone.onestop.dossier.api.DossierView.StatusChange;
import vn.egov.backbone.onestop.dossier.api.DossierView.Step;
import vn.egov.backbone.onestop.dossier.api.DossierView.Summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every read of the dossier read model ({@code dossier_view}, {@code dossier_step}, {@code dossier_history},
 * {@code dossier_apology}, {@code dossier_journal}), as records. It does not decide who may read: {@link DossierActions} does, before
 * it hands a dossier with the applicant's personal data to anyone.
 */
@Service
public class DossierQueries {
    private static final String SUMMARY_COLUMNS = "id, tracking_code, procedure_code, procedure_name, channel,"
            + " applicant_name, status, status_code, submitted_at, received_on, appointment_on, resolved_on, late";

    private final JdbcClient jdbc;

    DossierQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier as the read model has it, for the module's own services (callers check who may see it). */
    public Optional<DossierView> find(String id) {
        return jdbc.sql("SELECT * FROM dossier_view WHERE id = :id").param("id", id).query(DossierQueries::dossier)
                .optional();
    }

    /** The code as a citizen types it: spaces around it and lower case do not matter. */
    Optional<DossierView> findByTrackingCode(String trackingCode) {
        return jdbc.sql("SELECT * FROM dossier_view WHERE tracking_code = :code")
                .param("code", trackingCode.strip().toUpperCase(Locale.ROOT)).query(DossierQueries::dossier).optional();
    }

    /** Why an official saw a dossier's personal data. */
    enum ReadPurpose { DETAILS, RECEIPT, APOLOGY_LETTER, EXPORT }

    /** One view of a dossier's personal data. */
    record PersonalDataRead(String officialId, ReadPurpose purpose, Instant at) {
    }

    void recordRead(String dossierId, String officialId, ReadPurpose purpose, Instant at) {
        jdbc.sql("INSERT INTO personal_data_read (dossier_id, official_id, purpose, read_at) VALUES (:dossier, :official,"
                        + " :purpose, :at)").param("dossier", dossierId).param("official", officialId)
                .param("purpose", purpose.name()).param("at", Timestamp.from(at)).update();
    }

    List<PersonalDataRead> reads(String dossierId) {
        return jdbc.sql("SELECT official_id, purpose, read_at FROM personal_data_read WHERE dossier_id = :id ORDER BY read_at, id")
                .param("id", dossierId).query((rs, n) -> new PersonalDataRead(rs.getString("official_id"),
                        ReadPurpose.valueOf(rs.getString("purpose")), rs.getTimestamp("read_at").toInstant())).list();
    }

    /** The dossiers whose applicant has this identity number (none once erased: the view no longer has it). */
    List<DossierView> byApplicantIdNumber(String idNumber) {
        return jdbc.sql("SELECT * FROM dossier_view WHERE applicant_id_number = :number ORDER BY submitted_at")
                .param("number", idNumber).query(DossierQueries::dossier).list();
    }

    /** The read model's version of the dossier (the sequence number of its last event), if it has it yet. */
    record SuppliedFileView(String sha256, String name, String contentType, long size, Instant providedAt) {
    }

    List<SuppliedFileView> suppliedFiles(String dossierId) {
        return jdbc.sql("SELECT sha256, name, content_type, size, provided_at FROM dossier_supplied_file"
                        + " WHERE dossier_id = :id ORDER BY provided_at, name").param("id", dossierId)
                .query((rs, n) -> new SuppliedFileView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** What the open supplement request asks for, if one is open. */
    Optional<String> supplementReason(String dossierId) {
        return jdbc.sql("SELECT supplement_reason FROM dossier_view WHERE id = :id AND supplement_reason IS NOT NULL")
                .param("id", dossierId).query(String.class).optional();
    }

    Optional<Long> version(String id) {
        return jdbc.sql("SELECT version FROM dossier_view WHERE id = :id").param("id", id).query(Long.class).optional();
    }

    /** The dossiers decided in, filed at, or with a step in one of the units, newest first (at most 200). */
    List<Summary> list(Collection<String> unitIds, DossierStatus status) {
        return list(unitIds, DeskFilter.of(status), null, 0, 200);
    }

    /**
     * One page of them as the desk's list narrows them: {@code limit} dossiers from the {@code offset}-th, newest
     * first. {@code today} is the day an overdue dossier's appointment is before (only read with
     * {@link DeskFilter#overdueOnly()}). A name is matched anywhere in the applicant's name, ignoring case; a code
     * from its start; an identity number whole.
     */
    List<Summary> list(Collection<String> unitIds, DeskFilter filter, LocalDate today, int offset, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE (competent_agency_id IN (:scope) OR filed_at_unit_id IN (:scope)"
                + " OR id IN (SELECT dossier_id FROM dossier_step WHERE agency_id IN (:scope)))");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", unitIds);
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.procedureCode() != null) {
            where.append(" AND procedure_code = :procedure");
            params.put("procedure", filter.procedureCode());
        }
        if (filter.text() != null) {
            where.append(" AND (UPPER(tracking_code) LIKE :code ESCAPE '\\' OR LOWER(applicant_name) LIKE LOWER(:name) ESCAPE '\\'"
                    + " OR applicant_id_number = :idNumber)");
            String literal = likeLiteral(filter.text());
            params.put("code", literal.toUpperCase(Locale.ROOT) + "%");
            params.put("name", "%" + literal + "%");
            params.put("idNumber", filter.text());
        }
        if (filter.from() != null) {
            where.append(" AND submitted_at >= :from");
            params.put("from", java.sql.Timestamp.from(startOf(filter.from())));
        }
        if (filter.to() != null) {
            where.append(" AND submitted_at < :to");
            params.put("to", java.sql.Timestamp.from(startOf(filter.to().plusDays(1))));
        }
        if (filter.overdueOnly()) {
            where.append(" AND status IN (:open) AND appointment_on < :today");
            params.put("open", DeskFilter.OPEN.stream().map(Enum::name).toList());
            params.put("today", today);
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM dossier_view" + where
                        + " ORDER BY submitted_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> new Summary(rs.getString("id"), rs.getString("tracking_code"),
                        rs.getString("procedure_code"), rs.getString("procedure_name"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("applicant_name"),
                        DossierStatus.valueOf(rs.getString("status")), rs.getInt("status_code"),
                        instant(rs, "submitted_at"), date(rs, "received_on"), date(rs, "appointment_on"),
                        date(rs, "resolved_on"), rs.getBoolean("late")))
                .list();
    }

    /** Typed text as a LIKE pattern's literal part: {@code %} and {@code _} typed mean themselves. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The first moment of a day in Vietnam, where the desk's days are counted. */
    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(vn.egov.backbone.core.shared.DisplayDates.VIETNAM).toInstant();
    }

    /**
     * How many dossiers wait for someone in the units: at their desk or agency to be received (new, or a
     * supplement the applicant sent) or handed back (resolved); in their agency, received and not yet sent for
     * processing; or with a step of theirs still open.
     */
    long countWaiting(Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM dossier_view d WHERE (d.competent_agency_id IN (:scope)"
                        + " OR d.filed_at_unit_id IN (:scope)) AND (d.status IN ('NEW', 'RESOLVED')"
                        + " OR d.status = 'SUPPLEMENT_REQUESTED' AND EXISTS (SELECT 1 FROM dossier_supplied_file f"
                        + " WHERE f.dossier_id = d.id))"
                        + " OR d.competent_agency_id IN (:scope) AND d.status = 'RECEIVED'"
                        + " OR d.status = 'IN_PROCESS' AND EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id"
                        + " AND s.completed_on IS NULL AND s.agency_id IN (:scope))")
                .param("scope", unitIds).query(Long.class).single();
    }

    /** The dossier's processing steps in the order they started. */
    List<Step> steps(String id) {
        return jdbc.sql("SELECT * FROM dossier_step WHERE dossier_id = :id ORDER BY started_on, step_id").param("id", id)
                .query((rs, row) -> new Step(rs.getString("dossier_id"), rs.getString("step_id"),
                        rs.getString("agency_id"), rs.getString("task"), date(rs, "started_on"), date(rs, "due_on"),
                        date(rs, "completed_on"), rs.getString("timeliness")))
                .list();
    }

    Optional<Step> step(String id, String stepId) {
        return steps(id).stream().filter(step -> step.stepId().equals(stepId)).findFirst();
    }

    /** The statuses the dossier took, oldest first. */
    List<StatusChange> history(String id) {
        return jdbc.sql("SELECT at, status_code FROM dossier_history WHERE dossier_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, row) -> new StatusChange(instant(rs, "at"), DossierStatus.of(rs.getInt("status_code"))))
                .list();
    }

    /** The last apology issued for the dossier. */
    Optional<Apology> latestApology(String id) {
        return jdbc.sql("SELECT * FROM dossier_apology WHERE dossier_id = :id ORDER BY seq DESC").param("id", id)
                .query((rs, row) -> new Apology(instant(rs, "issued_at"), rs.getString("reason"),
                        date(rs, "missed_on"), date(rs, "new_appointment_on")))
                .list().stream().findFirst(); // not the query's own stream(): unclosed, it kept its connection
    }

    /**
     * A line of the handling record: who ({@code actorId}, an official or {@code system}), when, what, and the
     * facts the event carried — a unit (the step's agency, the desk it was filed at), a reason, task or note, a
     * date (the appointment, the step's due date), an amount (fee, number of files, score), an outcome (channel,
     * timeliness, payment method).
     */
    record JournalLine(Instant at, String actorId, DossierJournalProjection.Action action, String unitId, String note,
                       LocalDate onDate, Long amount, String outcome) {
    }

    /** The dossier's handling record, oldest first. */
    List<JournalLine> journal(String id) {
        return jdbc.sql("SELECT * FROM dossier_journal WHERE dossier_id = :id ORDER BY seq").param("id", id)
                .query((rs, row) -> new JournalLine(instant(rs, "at"), rs.getString("actor_id"),
                        DossierJournalProjection.Action.valueOf(rs.getString("action")), rs.getString("unit_id"),
                        rs.getString("note"), date(rs, "on_date"), rs.getObject("amount", Long.class),
                        rs.getString("outcome")))
                .list();
    }

    /**
     * The version both dossier read models have reached: the dossier's own and its handling record's (two
     * processors, each at its own pace); empty until both have the dossier.
     */
    Optional<Long> versionOfBoth(String id) {
        Optional<Long> journal = jdbc.sql("SELECT MAX(seq) FROM dossier_journal WHERE dossier_id = :id").param("id", id)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class))).single();
        return version(id).flatMap(view -> journal.map(line -> Math.min(view, line)));
    }

    private static DossierView dossier(ResultSet rs, int row) throws SQLException {
        return new DossierView(rs.getString("id"), rs.getString("tracking_code"), rs.getString("procedure_code"),
                rs.getInt("procedure_version"), rs.getString("procedure_name"), rs.getString("competent_agency_id"),
                rs.getString("filed_at_unit_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_address"),
                rs.getString("applicant_phone"), rs.getString("applicant_email"),
                DossierStatus.valueOf(rs.getString("status")), rs.getInt("status_code"), instant(rs, "submitted_at"),
                date(rs, "received_on"), date(rs, "appointment_on"), date(rs, "resolved_on"),
                rs.getString("timeliness"), date(rs, "returned_on"), rs.getBoolean("late"),
                rs.getObject("satisfaction", Integer.class), rs.getLong("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
