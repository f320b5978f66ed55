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
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingCancelled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingRescheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SeatDelegated;
import vn.egov.backbone.notifications.channel.MessageChannel;
import vn.egov.backbone.notifications.channel.PhoneNumbers;
import vn.egov.backbone.notifications.outbox.CitizenContacts;
import vn.egov.backbone.notifications.outbox.CitizenContacts.Contact;
import vn.egov.backbone.notifications.outbox.Decision;
import vn.egov.backbone.notifications.outbox.Decision.RecipientKind;
import vn.egov.backbone.notifications.outbox.Outbox;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
import vn.egov.backbone.notifications.preference.PreferenceQueries;
import vn.egov.backbone.notifications.preference.api.ChannelChoice;
import vn.egov.backbone.notifications.settings.NotificationProperties;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.ApologyIssued;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.ApplicantDataErased;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.DossierReceived;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.DossierResolved;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.DossierSubmitted;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.SupplementProvided;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.SupplementRequested;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, once per event, who is told what — the notifications' projection of the event stream. Each
 * message goes to the outbox under a key made of the event's id (or the reminder's moment), the recipient
 * and the channel, so that a replay, an event delivered twice, or two nodes deciding the same event add
 * nothing. An event older than {@code max-event-age} when it is decided (history being rebuilt) tells
 * nobody; reminders are decided only for moments still ahead.
 *
 * <p>What a message may say is decided here: a classified document is named by its number and "văn bản
 * mật", never by its subject (the subject of a classified document is not even kept); a citizen's message
 * says only what the citizen gave or was given (their name, the tracking code, the procedure, dates).
 */
@Component
@ProcessingGroup("notifications")
class NotificationDecisions {
    static final String CLASSIFIED = "văn bản mật";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(DisplayDates.VIETNAM);
    /** Reminders of a deadline go the day before, at the start of office hours. */
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);
    private static final Set<NotificationKind> MEETING_REMINDERS =
            EnumSet.of(NotificationKind.MEETING_REMINDER_DAY, NotificationKind.MEETING_REMINDER_HOUR);
    private static final Set<NotificationKind> DOCUMENT_REMINDERS = EnumSet.of(NotificationKind.DOCUMENT_DUE_TOMORROW);
    private static final Set<NotificationKind> CITIZEN_KINDS = EnumSet.of(NotificationKind.DOSSIER_RECEIVED,
            NotificationKind.SUPPLEMENT_REQUESTED, NotificationKind.RESULT_READY, NotificationKind.DOSSIER_LATE);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CitizenContacts citizens;
    private final PreferenceQueries preferences;
    private final OfficialQueries officials;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Set<Channel> configured = EnumSet.noneOf(Channel.class);

    NotificationDecisions(JdbcClient jdbc, Outbox outbox, CitizenContacts citizens, PreferenceQueries preferences,
                          OfficialQueries officials, NotificationProperties properties, Clock clock,
                          List<MessageChannel> channels) {
        this.officials = officials;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.citizens = citizens;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
        channels.stream().filter(MessageChannel::configured).forEach(channel -> configured.add(channel.channel()));
    }

    // ----- documents

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
            tellOfficial(eventId, at, NotificationKind.DOCUMENT_ASSIGNED, e.documentId(), official, data, at);
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
        tellOfficial(eventId, at, NotificationKind.DOCUMENT_ASSIGNED, e.documentId(), e.to().id(), data, at);
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
        lead(e.documentId()).ifPresent(lead -> tellOfficial(eventId, at, NotificationKind.DOCUMENT_OVERDUE,
                e.documentId(), lead, documentData(e.documentId()), at));
    }

    @EventHandler
    void on(DraftSubmitted e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("UPDATE notification_document SET approver_id = :approver WHERE document_id = :id")
                .param("id", e.documentId()).param("approver", e.approverId()).update();
        Map<String, String> data = documentData(e.documentId());
        if (e.reviewerId() != null) {
            tellOfficial(eventId, at, NotificationKind.DRAFT_TO_REVIEW, e.documentId(), e.reviewerId(), data, at);
        } else if (e.approverId() != null) {
            tellOfficial(eventId, at, NotificationKind.DRAFT_TO_APPROVE, e.documentId(), e.approverId(), data, at);
        }
    }

    @EventHandler
    void on(DraftReviewAccepted e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("SELECT approver_id FROM notification_document WHERE document_id = :id").param("id", e.documentId())
                .query(String.class).optional().ifPresent(approver -> tellOfficial(eventId, at,
                        NotificationKind.DRAFT_TO_APPROVE, e.documentId(), approver, documentData(e.documentId()), at));
    }

    private void remindDue(String documentId, String official, LocalDate deadline, Map<String, String> data) {
        if (deadline == null) {
            return;
        }
        Instant remindAt = deadline.minusDays(1).atTime(OFFICE_OPENS).atZone(DisplayDates.VIETNAM).toInstant();
        remind(NotificationKind.DOCUMENT_DUE_TOMORROW, documentId, official, data, remindAt);
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
        data.put("link", link("/documents/" + documentId));
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

    // ----- meetings

    @EventHandler
    void on(MeetingScheduled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        MeetingDetails d = e.details();
        jdbc.sql("INSERT INTO notification_meeting (meeting_id, title, starts_at, location) VALUES (:id, :title, :starts,"
                        + " :location) ON CONFLICT DO NOTHING")
                .param("id", e.meetingId()).param("title", cut(d.title())).param("starts", java.sql.Timestamp.from(d.startsAt()))
                .param("location", cut(d.location())).update();
        Set<String> people = new LinkedHashSet<>(d.inviteeIds() == null ? List.of() : d.inviteeIds());
        if (d.chairId() != null) {
            people.add(d.chairId());
        }
        if (d.secretaryId() != null) {
            people.add(d.secretaryId());
        }
        for (String person : people) {
            jdbc.sql("INSERT INTO notification_meeting_person (meeting_id, official_id) VALUES (:id, :person)"
                    + " ON CONFLICT DO NOTHING").param("id", e.meetingId()).param("person", person).update();
        }
        Map<String, String> data = meetingData(e.meetingId());
        for (String person : people) {
            tellOfficial(eventId, at, NotificationKind.MEETING_INVITATION, e.meetingId(), person, data, at);
            remindMeeting(e.meetingId(), person, d.startsAt(), data);
        }
    }

    @EventHandler
    void on(MeetingRescheduled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("UPDATE notification_meeting SET starts_at = :starts, location = COALESCE(:location, location)"
                        + " WHERE meeting_id = :id")
                .param("id", e.meetingId()).param("starts", java.sql.Timestamp.from(e.startsAt()))
                .param("location", cut(e.location())).update();
        outbox.cancelPending(e.meetingId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        for (String person : meetingPeople(e.meetingId())) {
            tellOfficial(eventId, at, NotificationKind.MEETING_RESCHEDULED, e.meetingId(), person, data, at);
            remindMeeting(e.meetingId(), person, e.startsAt(), data);
        }
    }

    @EventHandler
    void on(MeetingCancelled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        outbox.cancelPending(e.meetingId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        data.remove("link");
        data.remove("location");
        data.put("reason", e.reason() == null ? "" : cut(e.reason()));
        for (String person : meetingPeople(e.meetingId())) {
            tellOfficial(eventId, at, NotificationKind.MEETING_CANCELLED, e.meetingId(), person, data, at);
        }
    }

    /** The deputy is invited and reminded in place of the member, who is no longer reminded. */
    @EventHandler
    void on(SeatDelegated e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO notification_meeting_person (meeting_id, official_id) VALUES (:id, :person)"
                + " ON CONFLICT DO NOTHING").param("id", e.meetingId()).param("person", e.deputyId()).update();
        outbox.cancelPending(e.meetingId(), e.seatId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        tellOfficial(eventId, at, NotificationKind.MEETING_INVITATION, e.meetingId(), e.deputyId(), data, at);
        jdbc.sql("SELECT starts_at FROM notification_meeting WHERE meeting_id = :id").param("id", e.meetingId())
                .query(java.sql.Timestamp.class).optional()
                .ifPresent(starts -> remindMeeting(e.meetingId(), e.deputyId(), starts.toInstant(), data));
    }

    private void remindMeeting(String meetingId, String person, Instant startsAt, Map<String, String> data) {
        remind(NotificationKind.MEETING_REMINDER_DAY, meetingId, person, data, startsAt.minus(Duration.ofDays(1)));
        remind(NotificationKind.MEETING_REMINDER_HOUR, meetingId, person, data, startsAt.minus(Duration.ofHours(1)));
    }

    private Map<String, String> meetingData(String meetingId) {
        Map<String, String> data = new LinkedHashMap<>();
        jdbc.sql("SELECT title, starts_at, location FROM notification_meeting WHERE meeting_id = :id").param("id", meetingId)
                .query(rs -> {
                    data.put("meeting", rs.getString(1));
                    data.put("startsAt", WHEN.format(rs.getTimestamp(2).toInstant()));
                    data.put("location", rs.getString(3) == null ? "trực tuyến" : rs.getString(3));
                });
        data.put("link", link("/meetings/" + meetingId));
        return data;
    }

    private List<String> meetingPeople(String meetingId) {
        return jdbc.sql("SELECT official_id FROM notification_meeting_person WHERE meeting_id = :id ORDER BY official_id")
                .param("id", meetingId).query(String.class).list();
    }

    // ----- dossiers

    @EventHandler
    void on(DossierSubmitted e) {
        jdbc.sql("INSERT INTO notification_dossier (dossier_id, tracking_code, procedure_name, competent_agency)"
                        + " VALUES (:id, :code, :procedure, :agency) ON CONFLICT DO NOTHING")
                .param("id", e.dossierId()).param("code", cut(e.trackingCode(), 64))
                .param("procedure", cut(e.procedure().name(), 1000)).param("agency", e.procedure().competentAgencyId())
                .update();
        var consent = e.consent();
        if (!consent.email() && !consent.phone()) {
            return;
        }
        var applicant = e.applicant();
        // only what the channels can use: a phone in 84… form, an address of a sane length
        String phone = consent.phone() ? PhoneNumbers.international(applicant.phone()).orElse(null) : null;
        String email = consent.email() && applicant.email() != null && applicant.email().length() <= 320
                ? applicant.email().strip() : null;
        citizens.remember(new Contact(e.dossierId(), cut(e.trackingCode(), 64), cut(e.procedure().name(), 1000),
                cut(applicant.name(), 255), email, phone));
    }

    @EventHandler
    void on(DossierReceived e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        tellCitizen(eventId, at, NotificationKind.DOSSIER_RECEIVED, e.dossierId(),
                Map.of("appointmentOn", e.appointmentOn() == null ? "" : DATE.format(e.appointmentOn())));
    }

    @EventHandler
    void on(SupplementRequested e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        tellCitizen(eventId, at, NotificationKind.SUPPLEMENT_REQUESTED, e.dossierId(),
                Map.of("reason", e.reason() == null ? "" : cut(e.reason())));
    }

    @EventHandler
    void on(DossierResolved e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        tellCitizen(eventId, at, NotificationKind.RESULT_READY, e.dossierId(),
                Map.of("resolvedOn", DATE.format(e.resolvedOn())));
    }

    @EventHandler
    void on(ApologyIssued e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        tellCitizen(eventId, at, NotificationKind.DOSSIER_LATE, e.dossierId(),
                Map.of("reason", e.reason() == null ? "" : cut(e.reason()),
                        "newAppointmentOn", e.newAppointmentOn() == null ? "" : DATE.format(e.newAppointmentOn())));
    }

    /** The competent agency's records clerks (the desk) have new work: check and receive the supplement. */
    @EventHandler
    void on(SupplementProvided e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("SELECT tracking_code, procedure_name, competent_agency FROM notification_dossier WHERE dossier_id = :id")
                .param("id", e.dossierId()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().ifPresent(dossier -> {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("trackingCode", dossier.get(0));
                    data.put("procedure", dossier.get(1));
                    data.put("files", Integer.toString(e.files() == null ? 0 : e.files().size()));
                    data.put("link", link("/dossiers"));
                    Instant now = clock.instant();
                    for (OfficialView clerk : officials.list(null, false)) {
                        boolean desk = clerk.roles().stream().anyMatch(role -> role.role() == Role.RECORDS_CLERK
                                && dossier.get(2).equals(role.unitId()) && role.validAt(now));
                        if (desk) {
                            tellOfficial(eventId, at, NotificationKind.SUPPLEMENT_PROVIDED, e.dossierId(), clerk.id(), data, at);
                        }
                    }
                });
    }

    @EventHandler
    void on(ApplicantDataErased e) {
        citizens.forget(e.dossierId());
        outbox.forget(e.dossierId(), clock.instant());
    }

    // ----- deciding

    private void tellCitizen(String eventId, Instant at, NotificationKind kind, String dossierId, Map<String, String> facts) {
        if (stale(at)) {
            return;
        }
        citizens.contact(dossierId).ifPresent(contact -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("name", contact.name());
            data.put("trackingCode", contact.trackingCode());
            data.put("procedure", contact.procedure());
            data.putAll(facts);
            data.put("link", link("/public/dossiers/" + contact.trackingCode()));
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (contact.email() != null && !contact.email().isBlank() && configured.contains(Channel.EMAIL)) {
                channels.add(Channel.EMAIL);
            }
            if (contact.phone() != null && !contact.phone().isBlank()) {
                phoneChannel(true).ifPresent(channels::add);
            }
            for (Channel channel : channels) {
                outbox.decide(new Decision(eventId + ":" + dossierId + ":" + channel, kind, dossierId, RecipientKind.CITIZEN,
                        dossierId, channel, data, at), clock.instant());
            }
        });
    }

    private void tellOfficial(String eventId, Instant at, NotificationKind kind, String aboutId, String officialId,
                              Map<String, String> data, Instant notBefore) {
        if (stale(at)) {
            return;
        }
        for (Channel channel : channelsOf(officialId)) {
            outbox.decide(new Decision(eventId + ":" + officialId + ":" + channel, kind, aboutId, RecipientKind.OFFICIAL,
                    officialId, channel, data, notBefore), clock.instant());
        }
    }

    /** A reminder for a moment still ahead, keyed by that moment: moved, it is a new reminder; repeated, the same. */
    private void remind(NotificationKind kind, String aboutId, String officialId, Map<String, String> data, Instant when) {
        if (!when.isAfter(clock.instant())) {
            return;
        }
        for (Channel channel : channelsOf(officialId)) {
            outbox.decide(new Decision(kind + ":" + aboutId + ":" + when.getEpochSecond() + ":" + officialId + ":" + channel,
                    kind, aboutId, RecipientKind.OFFICIAL, officialId, channel, data, when), clock.instant());
        }
    }

    private Set<Channel> channelsOf(String officialId) {
        ChannelChoice choice = preferences.of(officialId);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (choice.email() && configured.contains(Channel.EMAIL)) {
            channels.add(Channel.EMAIL);
        }
        if (choice.zalo()) {
            phoneChannel(true).ifPresent(channels::add);
        }
        if (choice.sms() && configured.contains(Channel.SMS)) {
            channels.add(Channel.SMS);
        }
        if (channels.contains(Channel.ZALO)) {
            channels.remove(Channel.SMS); // Zalo falls back to SMS by itself; not both
        }
        return channels;
    }

    /** Zalo when it is set up (SMS then follows by itself if Zalo cannot reach the number), else SMS. */
    private Optional<Channel> phoneChannel(boolean zaloWanted) {
        if (zaloWanted && configured.contains(Channel.ZALO)) {
            return Optional.of(Channel.ZALO);
        }
        return configured.contains(Channel.SMS) ? Optional.of(Channel.SMS) : Optional.empty();
    }

    private boolean stale(Instant eventAt) {
        return eventAt.isBefore(clock.instant().minus(properties.maxEventAge()));
    }

    private String link(String path) {
        String base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** At most 500 characters, as the tables and the messages take them: an event never fails to be decided on. */
    private static String cut(String text) {
        return cut(text, 500);
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    /**
     * A replay rebuilds what decisions need to know; the outbox and its log stay: every key decided before is
     * decided again to nothing, and what was sent is not sent again.
     */
    @ResetHandler
    void reset() {
        for (String table : List.of("notification_document", "notification_meeting", "notification_meeting_person",
                "notification_citizen", "notification_dossier")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
