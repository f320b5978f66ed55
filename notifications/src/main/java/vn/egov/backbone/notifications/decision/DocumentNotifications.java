package vn.egov.backbone.notifications.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingOverdue;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;
import vn.egov.backbone.notifications.outbox.Outbox;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static vn.egov.backbone.notifications.decision.Notifier.DATE;
import static vn.egov.backbone.notifications.decision.Notifier.cut;

/**
 * Who is told what of official correspondence: the lead of an assigned document (and its deadline's reminder the
 * day before), the approver of a submitted draft, its author when it is accepted; reminders cancelled when the
 * document is done, withdrawn or returned. A classified document is named by its number and "văn bản mật", never
 * by its subject (the subject of a classified document is not even kept here). {@link Notifier} sends.
 */
@Component
@ProcessingGroup("notifications")
class DocumentNotifications {
    private static final String CLASSIFIED = "văn bản mật";
    /** Reminders of a deadline go the day before, at the start of office hours. */
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);
    private static final Set<NotificationKind> DOCUMENT_REMINDERS = EnumSet.of(NotificationKind.DOCUMENT_DUE_TOMORROW);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Notifier notifier;
    private final Clock clock;

    DocumentNotifications(JdbcClient jdbc, Outbox outbox, Notifier notifier, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
    }

    @EventHandler
    void on(IncomingDocumentRegistered e) {
        var d = e.details();
        boolean classified = d.classification() != null && d.classification().classified();
        jdbc.sql("INSERT INTO notification_document (document_id, number, subject, classified) VALUES (:id, :number,"
                        + " :subject, :classified) ON CONFLICT DO NOTHING")
                .param("id", e.documentId()).param("number", cut(d.number(), 100)).param("subject", classified ? null : cut(d.subject()))
                .param("classified", classified).update();
    }

    @EventHandler
    void on(DraftCreated e) {
        boolean classified = e.content().classification() != null && e.content().classification().classified();
        jdbc.sql("INSERT INTO notification_document (document_id, subject, classified) VALUES (:id, :subject, :classified)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", e.documentId()).param("subject", classified ? null : cut(e.content().subject()))
                .param("classified", classified).update();
    }

    /** Once classified, a draft stays classified here, even if a later version lowers it. */
    @EventHandler
    void on(DraftRevised e) {
        boolean classified = e.content().classification() != null && e.content().classification().classified();
        jdbc.sql("UPDATE notification_document SET classified = classified OR :classified, subject = CASE WHEN"
                        + " classified OR :classified THEN NULL ELSE :subject END WHERE document_id = :id")
                .param("id", e.documentId()).param("subject", cut(e.content().subject())).param("classified", classified)
                .update();
    }

    @EventHandler
    void on(IncomingDocumentAssigned e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        String lead = e.lead() != null && e.lead().kind() == Assignee.Kind.OFFICIAL ? e.lead().id() : null;
        jdbc.sql("UPDATE notification_document SET lead_official = :lead, deadline = :deadline WHERE document_id = :id")
                .param("id", e.documentId()).param("lead", lead)
                .param("deadline", e.deadline() == null ? null : Date.valueOf(e.deadline())).update();
        Set<String> told = new LinkedHashSet<>();
        if (lead != null) {
            told.add(lead);
        }
        for (Assignee cooperating : e.cooperating() == null ? List.<Assignee>of() : e.cooperating()) {
            if (cooperating.kind() == Assignee.Kind.OFFICIAL) {
                told.add(cooperating.id());
            }
        }
        Map<String, String> data = documentData(e.documentId());
        for (String official : told) {
            notifier.tellOfficial(eventId, at, NotificationKind.DOCUMENT_ASSIGNED, e.documentId(), official, data, at);
        }
        outbox.cancelPending(e.documentId(), DOCUMENT_REMINDERS, clock.instant());
        if (lead != null) {
            remindDue(e.documentId(), lead, e.deadline(), data);
        }
    }

    @EventHandler
    void on(AssignmentForwarded e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (e.to() == null || e.to().kind() != Assignee.Kind.OFFICIAL) {
            return;
        }
        boolean leadMoves = e.from() != null && e.from().id().equals(lead(e.documentId()).orElse(null));
        Map<String, String> data = documentData(e.documentId());
        notifier.tellOfficial(eventId, at, NotificationKind.DOCUMENT_ASSIGNED, e.documentId(), e.to().id(), data, at);
        if (leadMoves) {
            jdbc.sql("UPDATE notification_document SET lead_official = :lead WHERE document_id = :id")
                    .param("id", e.documentId()).param("lead", e.to().id()).update();
            outbox.cancelPending(e.documentId(), e.from().id(), DOCUMENT_REMINDERS, clock.instant());
            remindDue(e.documentId(), e.to().id(), deadline(e.documentId()).orElse(null), data);
        }
    }

    @EventHandler
    void on(ProcessingCompleted e) {
        outbox.cancelPending(e.documentId(), DOCUMENT_REMINDERS, clock.instant());
    }

    @EventHandler
    void on(IncomingDocumentWithdrawn e) {
        outbox.cancelPending(e.documentId(), DOCUMENT_REMINDERS, clock.instant());
    }

    @EventHandler
    void on(IncomingDocumentReturnedToSender e) {
        outbox.cancelPending(e.documentId(), DOCUMENT_REMINDERS, clock.instant());
    }

    @EventHandler
    void on(ProcessingOverdue e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        lead(e.documentId()).ifPresent(lead -> notifier.tellOfficial(eventId, at, NotificationKind.DOCUMENT_OVERDUE,
                e.documentId(), lead, documentData(e.documentId()), at));
    }

    @EventHandler
    void on(DraftSubmitted e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("UPDATE notification_document SET approver_id = :approver WHERE document_id = :id")
                .param("id", e.documentId()).param("approver", e.approverId()).update();
        Map<String, String> data = documentData(e.documentId());
        if (e.reviewerId() != null) {
            notifier.tellOfficial(eventId, at, NotificationKind.DRAFT_TO_REVIEW, e.documentId(), e.reviewerId(), data, at);
        } else if (e.approverId() != null) {
            notifier.tellOfficial(eventId, at, NotificationKind.DRAFT_TO_APPROVE, e.documentId(), e.approverId(), data, at);
        }
    }

    @EventHandler
    void on(DraftReviewAccepted e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("SELECT approver_id FROM notification_document WHERE document_id = :id").param("id", e.documentId())
                .query(String.class).optional().ifPresent(approver -> notifier.tellOfficial(eventId, at,
                        NotificationKind.DRAFT_TO_APPROVE, e.documentId(), approver, documentData(e.documentId()), at));
    }

    private void remindDue(String documentId, String official, LocalDate deadline, Map<String, String> data) {
        if (deadline == null) {
            return;
        }
        Instant remindAt = deadline.minusDays(1).atTime(OFFICE_OPENS).atZone(DisplayDates.VIETNAM).toInstant();
        notifier.remind(NotificationKind.DOCUMENT_DUE_TOMORROW, documentId, official, data, remindAt);
    }

    /** Number, subject ("văn bản mật" for a classified one), deadline and link of a document. */
    private Map<String, String> documentData(String documentId) {
        Map<String, String> data = new LinkedHashMap<>();
        jdbc.sql("SELECT number, subject, classified, deadline FROM notification_document WHERE document_id = :id")
                .param("id", documentId).query(rs -> {
                    data.put("number", rs.getString(1) == null ? "(chưa có số)" : rs.getString(1));
                    data.put("subject", rs.getBoolean(3) ? CLASSIFIED : rs.getString(2));
                    Date deadline = rs.getDate(4);
                    data.put("deadline", deadline == null ? "không có" : DATE.format(deadline.toLocalDate()));
                });
        data.putIfAbsent("number", "(chưa có số)");
        data.putIfAbsent("subject", CLASSIFIED); // unknown here: say nothing of it
        data.putIfAbsent("deadline", "không có");
        data.put("link", notifier.link("/documents/" + documentId));
        return data;
    }

    private Optional<String> lead(String documentId) {
        return jdbc.sql("SELECT lead_official FROM notification_document WHERE document_id = :id").param("id", documentId)
                .query(String.class).optional();
    }

    private Optional<LocalDate> deadline(String documentId) {
        return jdbc.sql("SELECT deadline FROM notification_document WHERE document_id = :id").param("id", documentId)
                .query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate)).optional().flatMap(d -> d);
    }

    /**
     * A replay rebuilds what decisions need to know; the outbox and its log stay: every key decided before is
     * decided again to nothing, and what was sent is not sent again.
     */
    @ResetHandler
    void reset() {
        for (String table : List.of("notification_document")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
