package vn.egov.backbone.core.unit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitDissolved;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitExchangeIdentifierAssigned;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedFrom;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedInto;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMoved;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitRenamed;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitStatus;

import java.time.Instant;

/**
 * The read model of the administrative tree ({@code unit_view}). A merger re-parents the children of
 * the merged units to the new unit, so whatever belonged to A or B is found under C from then on;
 * the history stays in the event store.
 */
@Component
@ProcessingGroup(UnitProjection.PROCESSING_GROUP)
class UnitProjection {
    static final String PROCESSING_GROUP = "units";

    private final JdbcClient jdbc;
    private final UnitQueries directory;

    UnitProjection(JdbcClient jdbc, UnitQueries directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }


    @EventHandler
    void on(UnitCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        insert(event.unitId(), event.code(), event.name(), event.kind(), event.parentId(), version, at);
    }

    /** Nothing to show (the sources' children moved with their own {@code UnitMergedInto}); the version moves on. */
    @EventHandler
    void on(UnitMergedFrom event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET version = :version, updated_at = :at WHERE id = :id").param("version", version)
                .param("at", java.sql.Timestamp.from(at)).param("id", event.unitId()).update();
    }

    @EventHandler
    void on(UnitExchangeIdentifierAssigned event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET exchange_id = :exchangeId, version = :version, updated_at = :at WHERE id = :id")
                .param("exchangeId", event.identifier()).param("version", version).param("at", java.sql.Timestamp.from(at))
                .param("id", event.unitId()).update();
    }

    @EventHandler
    void on(UnitRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET name = :name, version = :version, updated_at = :at WHERE id = :id")
                .param("name", event.name()).param("version", version).param("at", java.sql.Timestamp.from(at))
                .param("id", event.unitId()).update();
    }

    @EventHandler
    void on(UnitMoved event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET parent_id = :parent, version = :version, updated_at = :at WHERE id = :id")
                .param("parent", event.parentId()).param("version", version).param("at", java.sql.Timestamp.from(at))
                .param("id", event.unitId()).update();
    }

    @EventHandler
    void on(UnitMergedInto event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET status = :status, merged_into = :target, version = :version, updated_at = :at"
                        + " WHERE id = :id")
                .param("status", UnitStatus.MERGED.name()).param("target", event.targetUnitId())
                .param("version", version).param("at", java.sql.Timestamp.from(at)).param("id", event.unitId()).update();
        jdbc.sql("UPDATE unit_view SET parent_id = :target WHERE parent_id = :id")
                .param("target", event.targetUnitId()).param("id", event.unitId()).update();
    }

    @EventHandler
    void on(UnitDissolved event, @SequenceNumber long version, @Timestamp Instant at) {
        forgetAfterCommit();
        jdbc.sql("UPDATE unit_view SET status = :status, version = :version, updated_at = :at WHERE id = :id")
                .param("status", UnitStatus.DISSOLVED.name()).param("version", version)
                .param("at", java.sql.Timestamp.from(at)).param("id", event.unitId()).update();
    }

    @ResetHandler
    void reset() {
        forgetAfterCommit();
        jdbc.sql("DELETE FROM unit_view").update();
    }

    /** Once the change is committed, this node's unit look-ups read the tree again. */
    private void forgetAfterCommit() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> directory.forgetCachedUnits());
        } else {
            directory.forgetCachedUnits();
        }
    }

    private void insert(String id, String code, String name, UnitKind kind, String parentId, long version, Instant at) {
        jdbc.sql("INSERT INTO unit_view (id, code, name, kind, parent_id, status, version, updated_at)"
                        + " VALUES (:id, :code, :name, :kind, :parent, :status, :version, :at)")
                .param("id", id).param("code", code).param("name", name).param("kind", kind.name())
                .param("parent", parentId).param("status", UnitStatus.ACTIVE.name()).param("version", version)
                .param("at", java.sql.Timestamp.from(at)).update();
    }
}
