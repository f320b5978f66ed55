package vn.egov.backbone.notifications.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.channel.PhoneNumbers;
import vn.egov.backbone.notifications.outbox.CitizenContacts;
import vn.egov.backbone.notifications.outbox.CitizenContacts.Contact;
import vn.egov.backbone.notifications.outbox.Outbox;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
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

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.egov.backbone.notifications.decision.Notifier.DATE;
import static vn.egov.backbone.notifications.decision.Notifier.cut;

/**
 * Who is told what of citizens' dossiers: the applicant, on the channels they consented to, when the dossier is
 * received, a supplement is asked, the result is ready or an apology is issued — saying only what the citizen
 * gave or was given (their name, the tracking code, the procedure, dates); the desk's records clerks when the
 * applicant supplied files. An erased applicant's contact is forgotten, and what waits for them with it.
 * {@link Notifier} sends.
 */
@Component
@ProcessingGroup("notifications")
class DossierNotifications {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Notifier notifier;
    private final OfficialQueries officials;
    private final CitizenContacts citizens;
    private final Clock clock;

    DossierNotifications(JdbcClient jdbc, Outbox outbox, Notifier notifier, OfficialQueries officials,
                         CitizenContacts citizens, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifier = notifier;
        this.officials = officials;
        this.citizens = citizens;
        this.clock = clock;
    }

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
        notifier.tellCitizen(eventId, at, NotificationKind.DOSSIER_RECEIVED, e.dossierId(),
                Map.of("appointmentOn", e.appointmentOn() == null ? "" : DATE.format(e.appointmentOn())));
    }

    @EventHandler
    void on(SupplementRequested e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifier.tellCitizen(eventId, at, NotificationKind.SUPPLEMENT_REQUESTED, e.dossierId(),
                Map.of("reason", e.reason() == null ? "" : cut(e.reason())));
    }

    @EventHandler
    void on(DossierResolved e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifier.tellCitizen(eventId, at, NotificationKind.RESULT_READY, e.dossierId(),
                Map.of("resolvedOn", DATE.format(e.resolvedOn())));
    }

    @EventHandler
    void on(ApologyIssued e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifier.tellCitizen(eventId, at, NotificationKind.DOSSIER_LATE, e.dossierId(),
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
                    data.put("link", notifier.link("/dossiers"));
                    Instant now = clock.instant();
                    for (OfficialView clerk : officials.list(null, false)) {
                        boolean desk = clerk.roles().stream().anyMatch(role -> role.role() == Role.RECORDS_CLERK
                                && dossier.get(2).equals(role.unitId()) && role.validAt(now));
                        if (desk) {
                            notifier.tellOfficial(eventId, at, NotificationKind.SUPPLEMENT_PROVIDED, e.dossierId(), clerk.id(), data, at);
                        }
                    }
                });
    }

    @EventHandler
    void on(ApplicantDataErased e) {
        citizens.forget(e.dossierId());
        outbox.forget(e.dossierId(), clock.instant());
    }

    /**
     * A replay rebuilds what decisions need to know; the outbox and its log stay: every key decided before is
     * decided again to nothing, and what was sent is not sent again.
     */
    @ResetHandler
    void reset() {
        for (String table : List.of("notification_citizen", "notification_dossier")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
