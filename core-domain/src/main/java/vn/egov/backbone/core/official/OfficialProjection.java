package vn.egov.backbone.core.official;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.official.api.OfficialEvents.ClearanceChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialDeactivated;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialDetailsChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialPasswordChanged;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialReactivated;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialRegistered;
import vn.egov.backbone.core.official.api.OfficialEvents.OfficialTransferred;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleExpired;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleGranted;
import vn.egov.backbone.core.official.api.OfficialEvents.RoleRevoked;
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedInto;

import java.time.Instant;

/**
 * Read model of officials ({@code official_view}) and their roles ({@code official_role_view}).
 * When units merge, officials and roles of the merged units are found under the new unit.
 */
@Component
@ProcessingGroup(OfficialProjection.PROCESSING_GROUP)
class OfficialProjection {
    static final String PROCESSING_GROUP = "officials";

    private final JdbcClient jdbc;

    OfficialProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OfficialRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO official_view (id, username, full_name, email, position, unit_id, clearance, status,"
                        + " version, updated_at) VALUES (:id, :username, :fullName, :email, :position, :unit, :clearance,"
                        + " :status, :version, :at)")
                .param("id", event.officialId()).param("username", event.username())
                .param("fullName", event.fullName()).param("email", event.email()).param("position", event.jobTitle())
                .param("unit", event.unitId()).param("clearance", event.clearance().name())
                .param("status", OfficialStatus.ACTIVE.name()).param("version", version)
                .param("at", java.sql.Timestamp.from(at)).update();
    }

    @EventHandler
    void on(OfficialDetailsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE official_view SET full_name = :fullName, email = :email, position = :position,"
                        + " version = :version, updated_at = :at WHERE id = :id")
                .param("fullName", event.fullName()).param("email", event.email()).param("position", event.jobTitle())
                .param("version", version).param("at", java.sql.Timestamp.from(at)).param("id", event.officialId())
                .update();
    }

    @EventHandler
    void on(RoleGranted event, @SequenceNumber long version, @Timestamp Instant at) {
        removeRole(event.officialId(), event.unitId(), event.role());
        jdbc.sql("INSERT INTO official_role_view (official_id, unit_id, role, valid_until)"
                        + " VALUES (:id, :unit, :role, :until)")
                .param("id", event.officialId()).param("unit", event.unitId()).param("role", event.role().name())
                .param("until", event.validUntil() == null ? null : java.sql.Timestamp.from(event.validUntil()))
                .update();
        touch(event.officialId(), version, at);
    }

    @EventHandler
    void on(RoleRevoked event, @SequenceNumber long version, @Timestamp Instant at) {
        removeRole(event.officialId(), event.unitId(), event.role());
        touch(event.officialId(), version, at);
    }

    @EventHandler
    void on(RoleExpired event, @SequenceNumber long version, @Timestamp Instant at) {
        removeRole(event.officialId(), event.unitId(), event.role());
        touch(event.officialId(), version, at);
    }

    @EventHandler
    void on(ClearanceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE official_view SET clearance = :clearance, version = :version, updated_at = :at WHERE id = :id")
                .param("clearance", event.clearance().name()).param("version", version)
                .param("at", java.sql.Timestamp.from(at)).param("id", event.officialId()).update();
    }

    @EventHandler
    void on(OfficialTransferred event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE official_view SET unit_id = :unit, version = :version, updated_at = :at WHERE id = :id")
                .param("unit", event.toUnitId()).param("version", version).param("at", java.sql.Timestamp.from(at))
                .param("id", event.officialId()).update();
    }

    @EventHandler
    void on(OfficialDeactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.officialId(), OfficialStatus.DEACTIVATED, version, at);
    }

    @EventHandler
    void on(OfficialReactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.officialId(), OfficialStatus.ACTIVE, version, at);
    }

    @EventHandler
    void on(OfficialPasswordChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.officialId(), version, at);
    }

    @EventHandler
    void on(UnitMergedInto event) {
        jdbc.sql("UPDATE official_view SET unit_id = :target WHERE unit_id = :source")
                .param("target", event.targetUnitId()).param("source", event.unitId()).update();
        // A role held in both merged units becomes one role in the new unit.
        jdbc.sql("DELETE FROM official_role_view r WHERE r.unit_id = :source AND EXISTS (SELECT 1 FROM official_role_view o"
                        + " WHERE o.official_id = r.official_id AND o.role = r.role AND o.unit_id = :target)")
                .param("target", event.targetUnitId()).param("source", event.unitId()).update();
        jdbc.sql("UPDATE official_role_view SET unit_id = :target WHERE unit_id = :source")
                .param("target", event.targetUnitId()).param("source", event.unitId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM official_role_view").update();
        jdbc.sql("DELETE FROM official_view").update();
    }

    private void removeRole(String officialId, String unitId, Role role) {
        jdbc.sql("DELETE FROM official_role_view WHERE official_id = :id AND role = :role AND "
                        + (unitId == null ? "unit_id IS NULL" : "unit_id = :unit"))
                .param("id", officialId).param("role", role.name())
                .params(unitId == null ? java.util.Map.of() : java.util.Map.of("unit", unitId))
                .update();
    }

    private void touch(String officialId, long version, Instant at) {
        jdbc.sql("UPDATE official_view SET version = :version, updated_at = :at WHERE id = :id")
                .param("version", version).param("at", java.sql.Timestamp.from(at)).param("id", officialId).update();
    }

    private void status(String officialId, OfficialStatus status, long version, Instant at) {
        jdbc.sql("UPDATE official_view SET status = :status, version = :version, updated_at = :at WHERE id = :id")
                .param("status", status.name()).param("version", version).param("at", java.sql.Timestamp.from(at))
                .param("id", officialId).update();
    }
}
