package vn.egov.backbone.notifications.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Applicants who agreed to be told about their dossier, and where. Only what they agreed to is kept:
 * no e-mail without consent to e-mail, no phone without consent to the phone.
 */
@Service
public class CitizenContacts {
    private final JdbcClient jdbc;

    CitizenContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Contact(String dossierId, String trackingCode, String procedure, String name, String email, String phone) {
    }

    public void remember(Contact contact) {
        jdbc.sql("DELETE FROM notification_citizen WHERE dossier_id = :id").param("id", contact.dossierId()).update();
        jdbc.sql("INSERT INTO notification_citizen (dossier_id, tracking_code, procedure_name, full_name, email, phone)"
                        + " VALUES (:id, :code, :procedure, :name, :email, :phone)")
                .param("id", contact.dossierId()).param("code", contact.trackingCode()).param("procedure", contact.procedure())
                .param("name", contact.name()).param("email", contact.email()).param("phone", contact.phone()).update();
    }

    public Optional<Contact> contact(String dossierId) {
        return jdbc.sql("SELECT dossier_id, tracking_code, procedure_name, full_name, email, phone FROM notification_citizen"
                        + " WHERE dossier_id = :id").param("id", dossierId)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).optional();
    }

    public void forget(String dossierId) {
        jdbc.sql("DELETE FROM notification_citizen WHERE dossier_id = :id").param("id", dossierId).update();
    }
}
