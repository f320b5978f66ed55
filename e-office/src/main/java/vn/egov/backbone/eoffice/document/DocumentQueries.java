package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.attachment.Recognition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.document.api.Urgency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every read of documents goes through here, and every read applies the same visibility rule: an
 * unclassified document is visible inside its agency (to officials with a role in it or in its
 * departments) and to everyone with a role on the document; a classified one only to officials with
 * the clearance and a role on the document (themselves, their department as assignee, or leading the
 * agency that holds it or keeping its registers). Lists,
 * counts, registers and single reads all use {@link #visibility}, so they cannot disagree.
 */
@Service
public class DocumentQueries {
    static final String COLUMNS = "d.id, d.direction, d.agency_id, d.status, d.register_year, d.register_number,"
            + " d.number_notation, d.issuer, d.issued_on, d.received_on, d.type, d.subject, d.body, d.urgency,"
            + " d.classification, d.due_on, d.page_count, d.channel, d.source_document_id, d.replaces_id, d.drafter_id,"
            + " d.reviewer_id, d.approver_id, d.signer_name, d.draft_version, d.instruction, d.deadline, d.overdue,"
            + " d.created_at, d.updated_at, d.version";

    private final JdbcClient jdbc;
    private final AttachmentStore files;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final DocumentAccess access;
    private final Agencies agencies;
    private final Clock clock;

    public DocumentQueries(JdbcClient jdbc, OfficialQueries officials, UnitQueries units, DocumentAccess access,
                           Agencies agencies, Clock clock, AttachmentStore files) {
        this.jdbc = jdbc;
        this.files = files;
        this.officials = officials;
        this.units = units;
        this.access = access;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The SQL condition (on alias {@code d}) and its parameters for what an official may read. */
    record Visibility(String condition, Map<String, Object> params) {
    }

    Visibility visibility(String officialId) {
        ReaderScope scope = access.scopeOf(officialId);
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", officialId);
        params.put("agencies", orNone(scope.agencies()));
        params.put("units", orNone(scope.units()));
        params.put("levels", scope.classifications().isEmpty() ? List.of("-")
                : scope.classifications().stream().map(Enum::name).toList());
        params.put("leaderAgencies", orNone(scope.leaderAgencies()));
        String onTheDocument = "(EXISTS (SELECT 1 FROM document_participant p WHERE p.document_id = d.id"
                + " AND p.official_id = :viewer) OR EXISTS (SELECT 1 FROM inbox_item i WHERE i.document_id = d.id"
                + " AND i.assignee_kind = 'UNIT' AND i.assignee_id IN (:units)))";
        String unclassified = "(d.classification = 'NONE' AND (" + (scope.everywhere() ? "1 = 1" : "d.agency_id IN (:agencies)")
                + " OR " + onTheDocument + "))";
        String classified = "(d.classification IN (:levels) AND (" + onTheDocument
                + " OR d.agency_id IN (:leaderAgencies)))";
        return new Visibility("(" + unclassified + " OR " + classified + ")", params);
    }

    /** SQL's IN () may not be empty: a value no id has stands for "none". */
    private static List<String> orNone(java.util.Set<String> ids) {
        return ids.isEmpty() ? List.of("-") : List.copyOf(ids);
    }

    public boolean canRead(String officialId, String documentId) {
        Visibility v = visibility(officialId);
        return jdbc.sql("SELECT COUNT(*) FROM document_view d WHERE d.id = :id AND " + v.condition())
                .params(v.params()).param("id", documentId).query(Long.class).single() > 0;
    }

    /** @throws NotFound also when the document exists but the official may not read it: its existence is not revealed */
    public DocumentView get(String officialId, String documentId) {
        Visibility v = visibility(officialId);
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE d.id = :id AND " + v.condition())
                .params(v.params()).param("id", documentId).query(DocumentQueries::map).optional()
                .orElseThrow(() -> new NotFound(DocumentError.NOT_FOUND, documentId));
    }

    /** The document without the visibility rule, for authorisation of writes (who may act on it). */
    public Optional<DocumentView> find(String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE d.id = :id").param("id", documentId)
                .query(DocumentQueries::map).optional();
    }

    /**
     * What a list of documents is narrowed to and how it is ordered. {@code issuer} matches part of the issuer's
     * name; {@code from}/{@code to} bound the date received (incoming) or issued (outgoing).
     */
    public record Filter(Direction direction, DocumentStatus status, String agencyId, Integer year, int limit, int offset,
                         DocumentType type, Urgency urgency, String issuer, LocalDate from, LocalDate to, Order order) {
        public Filter(Direction direction, DocumentStatus status, String agencyId, Integer year, int limit, int offset) {
            this(direction, status, agencyId, year, limit, offset, null, null, null, null, null, Order.RECENT);
        }
    }

    /** The orders officials ask of a list: what changed last, what is due first, the register's order. */
    public enum Order {
        RECENT("d.updated_at DESC, d.id"),
        DEADLINE("CASE WHEN d.deadline IS NULL THEN 1 ELSE 0 END, d.deadline, d.updated_at DESC, d.id"),
        REGISTER("d.register_year DESC, d.register_number DESC, d.updated_at DESC, d.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public List<DocumentView> list(String officialId, Filter filter) {
        Visibility v = visibility(officialId);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM document_view d WHERE " + v.condition());
        Map<String, Object> params = new HashMap<>(v.params());
        if (filter.direction() != null) {
            sql.append(" AND d.direction = :direction");
            params.put("direction", filter.direction().name());
        }
        if (filter.status() != null) {
            sql.append(" AND d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.agencyId() != null) {
            sql.append(" AND d.agency_id = :agency");
            params.put("agency", filter.agencyId());
        }
        if (filter.year() != null) {
            sql.append(" AND d.register_year = :year");
            params.put("year", filter.year());
        }
        if (filter.type() != null) {
            sql.append(" AND d.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.urgency() != null) {
            sql.append(" AND d.urgency = :urgency");
            params.put("urgency", filter.urgency().name());
        }
        if (filter.issuer() != null && !filter.issuer().isBlank()) {
            sql.append(" AND LOWER(d.issuer) LIKE :issuer ESCAPE '\\'");
            params.put("issuer", "%" + filter.issuer().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            sql.append(" AND COALESCE(d.received_on, d.issued_on) >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND COALESCE(d.received_on, d.issued_on) <= :to");
            params.put("to", filter.to());
        }
        sql.append(" ORDER BY ").append((filter.order() == null ? Order.RECENT : filter.order()).sql)
                .append(" LIMIT :limit OFFSET :offset");
        params.put("limit", filter.limit());
        params.put("offset", filter.offset());
        return jdbc.sql(sql.toString()).params(params).query(DocumentQueries::map).list();
    }

    /**
     * A register of an agency and year, in number order: the printable sổ đăng ký văn bản. Incoming
     * documents share one sequence whatever their type; outgoing ones are numbered per type (a decision
     * has its own series), so the outgoing register is in number order within each type. Classified
     * documents are kept in their own register.
     */
    public List<DocumentView> register(String officialId, String agencyId, Direction direction, int year) {
        Visibility v = visibility(officialId);
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE d.agency_id = :agency AND d.direction = :direction"
                        + " AND d.register_year = :year AND d.register_number IS NOT NULL AND " + v.condition()
                        + (direction == Direction.INCOMING ? " ORDER BY d.classification, d.register_number"
                        : " ORDER BY d.classification, d.type, d.register_number"))
                .params(v.params()).param("agency", agencyId).param("direction", direction.name()).param("year", year)
                .query(DocumentQueries::map).list();
    }

    public record InboxEntry(DocumentView document, String role, String assigneeKind, String assigneeId,
                             LocalDate deadline, boolean overdue, String status, Instant assignedAt) {
    }

    /** To do (not overdue), due within {@link #DUE_SOON_DAYS} days (a part of to do), overdue, done. */
    public enum InboxTab { TODO, DUE_SOON, OVERDUE, DONE }

    /** "Due soon": the deadline is today or within this many days, so the reminder comes while there is time. */
    static final int DUE_SOON_DAYS = 2;

    /** What waits for the official: assigned to them, or to a department they hold a role in. */
    public List<InboxEntry> inbox(String officialId, InboxTab tab) {
        LocalDate today = today();
        return inboxQuery(visibility(officialId), tab, "SELECT " + COLUMNS + ", i.role AS i_role, i.assignee_kind AS i_kind,"
                        + " i.assignee_id AS i_assignee, i.deadline AS i_deadline, i.status AS i_status,"
                        + " i.assigned_at AS i_assigned", " ORDER BY CASE d.urgency WHEN 'FLASH' THEN 0"
                        + " WHEN 'VERY_URGENT' THEN 1 WHEN 'URGENT' THEN 2 ELSE 3 END, i.deadline, i.assigned_at DESC")
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject("i_deadline", LocalDate.class);
                    return new InboxEntry(map(rs, n), rs.getString("i_role"), rs.getString("i_kind"),
                            rs.getString("i_assignee"), deadline,
                            "OPEN".equals(rs.getString("i_status")) && deadline != null && deadline.isBefore(today),
                            rs.getString("i_status"), rs.getTimestamp("i_assigned").toInstant());
                }).list();
    }

    private org.springframework.jdbc.core.simple.JdbcClient.StatementSpec inboxQuery(Visibility v, InboxTab tab,
                                                                                   String select, String orderBy) {
        LocalDate today = today();
        String tabCondition = switch (tab) {
            case TODO -> " AND i.status = 'OPEN' AND (i.deadline IS NULL OR i.deadline >= :today)";
            case DUE_SOON -> " AND i.status = 'OPEN' AND i.deadline >= :today AND i.deadline <= :soon";
            case OVERDUE -> " AND i.status = 'OPEN' AND i.deadline < :today";
            case DONE -> " AND i.status = 'DONE'";
        };
        return jdbc.sql(select + " FROM inbox_item i JOIN document_view d ON d.id = i.document_id"
                        + " WHERE ((i.assignee_kind = 'OFFICIAL' AND i.assignee_id = :viewer)"
                        + " OR (i.assignee_kind = 'UNIT' AND i.assignee_id IN (:units)))" + tabCondition
                        + " AND " + v.condition() + orderBy)
                .params(v.params()).param("today", today).param("soon", today.plusDays(DUE_SOON_DAYS));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM));
    }

    /**
     * What waits for someone of the agency rather than for a named official, so that it is in nobody's
     * inbox: registered incoming documents to assign (the agency's leaders), approved drafts to issue (its
     * records clerks). Drafts to review or approve are in the named reviewer's or approver's inbox.
     */
    public enum Queue { TO_ASSIGN, TO_ISSUE }

    public List<DocumentView> queue(String officialId, Queue queue) {
        QueueCondition q = queueCondition(officialId, queue);
        Visibility v = visibility(officialId);
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE " + q.condition() + " AND " + v.condition()
                        + " ORDER BY CASE d.urgency WHEN 'FLASH' THEN 0 WHEN 'VERY_URGENT' THEN 1 WHEN 'URGENT' THEN 2"
                        + " ELSE 3 END, d.due_on, d.updated_at LIMIT 200")
                .params(v.params()).params(q.params()).query(DocumentQueries::map).list();
    }

    /**
     * How much waits for the official: the handling assigned to them that is not done (inbox tabs
     * {@code TODO}, {@code DUE_SOON}, {@code OVERDUE}) and each queue, by name.
     */
    public Map<String, Long> workCounts(String officialId) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        Visibility v = visibility(officialId); // once: it reads the official's roles and their agencies
        for (InboxTab tab : InboxTab.values()) {
            if (tab != InboxTab.DONE) {
                counts.put(tab.name(), inboxQuery(v, tab, "SELECT COUNT(*)", "").query(Long.class).single());
            }
        }
        for (Queue queue : Queue.values()) {
            QueueCondition q = queueCondition(officialId, queue);
            counts.put(queue.name(), jdbc.sql("SELECT COUNT(*) FROM document_view d WHERE " + q.condition() + " AND "
                    + v.condition()).params(v.params()).params(q.params()).query(Long.class).single());
        }
        return counts;
    }

    /** Whether the official holds the role (now) in some agency: whether a queue concerns them at all. */
    public boolean holdsInAnAgency(String officialId, vn.egov.backbone.core.official.api.Role role) {
        return !agenciesWhere(officialId, role).isEmpty();
    }

    private record QueueCondition(String condition, Map<String, Object> params) {
    }

    private QueueCondition queueCondition(String officialId, Queue queue) {
        return switch (queue) {
            case TO_ASSIGN -> new QueueCondition("d.direction = 'INCOMING' AND d.status = 'REGISTERED'"
                    + " AND d.agency_id IN (:leading)", Map.of("leading",
                    orNone(agenciesWhere(officialId, vn.egov.backbone.core.official.api.Role.LEADER))));
            case TO_ISSUE -> new QueueCondition("d.direction = 'OUTGOING' AND d.status = 'APPROVED'"
                    + " AND d.agency_id IN (:keeping)", Map.of("keeping",
                    orNone(agenciesWhere(officialId, vn.egov.backbone.core.official.api.Role.RECORDS_CLERK))));
        };
    }

    private Set<String> agenciesWhere(String officialId, vn.egov.backbone.core.official.api.Role role) {
        Instant now = clock.instant();
        return officials.roles(officialId).stream()
                .filter(r -> r.role() == role && r.unitId() != null && r.validAt(now))
                .flatMap(r -> agencies.agencyIdOf(r.unitId()).stream())
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * As whom the official acts on a document they handle: themselves if assigned directly, else a
     * department of theirs that is assigned; the lead role before cooperating.
     */
    public Optional<Assignee> actingAssignee(String officialId, String documentId) {
        List<String> units = officials.roles(officialId).stream().map(OfficialView.RoleView::unitId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        return jdbc.sql("SELECT assignee_kind, assignee_id FROM inbox_item WHERE document_id = :id AND status = 'OPEN'"
                        + " AND role IN ('LEAD', 'COOPERATE') AND ((assignee_kind = 'OFFICIAL' AND assignee_id = :viewer)"
                        + " OR (assignee_kind = 'UNIT' AND assignee_id IN (:units)))"
                        + " ORDER BY CASE role WHEN 'LEAD' THEN 0 ELSE 1 END, CASE assignee_kind WHEN 'OFFICIAL' THEN 0 ELSE 1 END")
                .param("id", documentId).param("viewer", officialId).param("units", units.isEmpty() ? List.of("-") : units)
                .query((rs, n) -> new Assignee(Assignee.Kind.valueOf(rs.getString(1)), rs.getString(2)))
                .list().stream().findFirst();
    }

    /** Whether an official belongs to the unit of an assignee (the unit itself, or the assigned official's unit). */
    public boolean withinUnitOf(Assignee from, String officialId) {
        String unit = from.kind() == Assignee.Kind.UNIT ? from.id()
                : officials.find(from.id()).map(OfficialView::unitId).orElse(null);
        return unit != null && officials.find(officialId)
                .map(o -> o.unitId() != null && units.selfAndAncestors(o.unitId()).contains(unit)).orElse(false);
    }

    /** The incoming document an agency registered from an edXML package, by the sender's edXML DocumentId. */
    public Optional<DocumentView> receivedFromEdXml(String agencyId, String senderDocumentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE d.agency_id = :agency AND d.direction = 'INCOMING'"
                        + " AND d.channel = 'EDXML' AND d.source_document_id = :source")
                .param("agency", agencyId).param("source", senderDocumentId).query(DocumentQueries::map).optional();
    }

    /** The agencies that received a document by edXML under the sender's DocumentId (a recall finds them so). */
    public List<String> agenciesThatReceived(String senderDocumentId) {
        return jdbc.sql("SELECT DISTINCT d.agency_id FROM document_view d WHERE d.direction = 'INCOMING'"
                        + " AND d.channel = 'EDXML' AND d.source_document_id = :source ORDER BY d.agency_id")
                .param("source", senderDocumentId).query(String.class).list();
    }

    /** An agency's issued outgoing document by its notation and issue date. */
    public Optional<DocumentView> issuedByNotation(String agencyId, String notation, LocalDate issuedOn) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document_view d WHERE d.agency_id = :agency AND d.direction = 'OUTGOING'"
                        + " AND d.number_notation = :notation" + (issuedOn == null ? "" : " AND d.issued_on = :issuedOn"))
                .param("agency", agencyId).param("notation", notation)
                .params(issuedOn == null ? Map.of() : Map.of("issuedOn", issuedOn))
                .query(DocumentQueries::map).optional();
    }

    /** The leader's overview: overdue open items of an agency's documents, by assignee. */
    public record OverdueCount(String assigneeKind, String assigneeId, String assigneeName, long overdue, long open) {
    }

    public List<OverdueCount> overview(String agencyId) {
        LocalDate today = LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM));
        return jdbc.sql("SELECT i.assignee_kind, i.assignee_id,"
                        + " SUM(CASE WHEN i.deadline < :today THEN 1 ELSE 0 END) AS overdue, COUNT(*) AS open_items"
                        + " FROM inbox_item i JOIN document_view d ON d.id = i.document_id"
                        + " WHERE d.agency_id = :agency AND i.status = 'OPEN' AND i.role IN ('LEAD', 'COOPERATE')"
                        + " GROUP BY i.assignee_kind, i.assignee_id ORDER BY overdue DESC, open_items DESC")
                .param("today", today).param("agency", agencyId)
                .query((rs, n) -> new OverdueCount(rs.getString(1), rs.getString(2), name(rs.getString(1), rs.getString(2)),
                        rs.getLong(3), rs.getLong(4))).list();
    }

    /** @param scan for a scan (an image, a PDF without text), how far the reading of its words (OCR) is; else null */
    /**
     * @param signature  the signature that made this file ({@code SIGNER}, {@code AGENCY}), null for a file attached
     * @param superseded whether a signed version of this file was made
     */
    public record AttachmentRow(String attachmentId, String fileName, String contentType, long size, String sha256,
                                Recognition scan, String signature, boolean superseded) {
        /** Whether the approving leader's signature goes on this file: a PDF as attached, not yet signed. */
        public boolean signable() {
            return "application/pdf".equals(contentType) && signature == null && !superseded;
        }

        /** Whether the agency's signature goes on this file: the leader's signed PDF, not yet sealed. */
        public boolean sealable() {
            return "SIGNER".equals(signature) && !superseded;
        }
    }

    public List<AttachmentRow> attachments(String documentId) {
        return jdbc.sql("SELECT attachment_id, file_name, content_type, size_bytes, sha256, signature, superseded"
                        + " FROM document_attachment WHERE document_id = :id ORDER BY added_at, file_name").param("id", documentId)
                .query((rs, n) -> new AttachmentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), files.recognition(rs.getString(5), rs.getString(3)).orElse(null), rs.getString(6),
                        rs.getBoolean(7))).list();
    }

    public record DeliveryRow(String recipientAgencyId, String recipientName, String incomingDocumentId, String status) {
    }

    public List<DeliveryRow> deliveries(String documentId) {
        return jdbc.sql("SELECT recipient_agency_id, incoming_document_id, status FROM document_delivery"
                        + " WHERE document_id = :id ORDER BY recipient_agency_id").param("id", documentId)
                .query((rs, n) -> new DeliveryRow(rs.getString(1), name("UNIT", rs.getString(1)), rs.getString(2),
                        rs.getString(3))).list();
    }

    public String name(String kind, String id) {
        if (id == null) {
            return null;
        }
        return "UNIT".equals(kind) ? units.find(id).map(u -> u.name()).orElse(id)
                : officials.find(id).map(OfficialView::fullName).orElse(id);
    }

    static DocumentView map(ResultSet rs, int row) throws SQLException {
        return new DocumentView(rs.getString("id"), Direction.valueOf(rs.getString("direction")), rs.getString("agency_id"),
                DocumentStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("register_year", Integer.class),
                (Long) rs.getObject("register_number", Long.class), rs.getString("number_notation"), rs.getString("issuer"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("received_on", LocalDate.class),
                DocumentType.valueOf(rs.getString("type")), rs.getString("subject"), rs.getString("body"),
                Urgency.valueOf(rs.getString("urgency")), Classification.valueOf(rs.getString("classification")),
                rs.getObject("due_on", LocalDate.class), rs.getObject("page_count", Integer.class), rs.getString("channel"),
                rs.getString("source_document_id"), rs.getString("replaces_id"), rs.getString("drafter_id"),
                rs.getString("reviewer_id"), rs.getString("approver_id"), rs.getString("signer_name"),
                rs.getObject("draft_version", Integer.class), rs.getString("instruction"),
                rs.getObject("deadline", LocalDate.class), rs.getBoolean("overdue"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
